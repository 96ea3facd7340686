// Cross-document suggestions at case scale (issue 14): a case of 20 documents of 50 KB each, built
// from the evaluation texts (the blind case corpus and the real published articles) concatenated,
// each document a different rotation of them, so the same figures recur across many documents (the
// worst case for pairing). A figure for `npm run bench` (caseFigures), not a timed test; the
// linear-scaling test is assist/cases.linear.test.ts. Each timed run reads its documents afresh
// (clearReadings) after a warm-up on generated text: the assistant warm, these documents never read.
//
//   import { benchmarkCase, caseBenchDocs, evalTexts } from './bench/cases';
//   console.log(benchmarkCase(caseBenchDocs(evalTexts('assist/eval/data'))));   // { documents, chars, ms, suggestions }

import fs from 'node:fs';
import path from 'node:path';
import type { CaseDocument } from '../assist/cases';
import { clearReadings, suggestAcross } from '../assist/cases';
import { readingOf } from '../assist/casereading';
import { ReaderPool, readerCount } from '../assist/readers';
import { generateBenchText } from './assist';
import { REPO } from './optional';

/** The evaluation texts, in a fixed order: every document of the case corpus, then the real articles. */
export function evalTexts(data: string): string[] {
  const out: string[] = [];
  const cases = path.join(data, 'cases');
  if (fs.existsSync(cases)) {
    for (const c of fs.readdirSync(cases).sort()) {
      const dir = path.join(cases, c);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.txt')) out.push(fs.readFileSync(path.join(dir, f), 'utf8'));
    }
  }
  const real = path.join(data, 'real');
  if (fs.existsSync(real)) for (const f of fs.readdirSync(real).sort()) if (f.endsWith('.txt')) out.push(fs.readFileSync(path.join(real, f), 'utf8'));
  return out;
}

/** `count` documents of about `size` characters each: document k starts at text 7k of the list and runs on, texts joined by paragraph breaks. */
export function caseBenchDocs(texts: readonly string[], count = 20, size = 50_000): CaseDocument[] {
  if (texts.length === 0) throw new Error('bench: no evaluation texts to build the case from');
  const docs: CaseDocument[] = [];
  for (let k = 0; k < count; k++) {
    const parts: string[] = [];
    let n = 0;
    for (let i = (7 * k) % texts.length; n < size; i = (i + 1) % texts.length) {
      const t = texts[i]!.trim();
      parts.push(t);
      n += t.length + 2;
    }
    docs.push({ id: k + 1, title: `bench document ${k + 1}`, text: parts.join('\n\n') });
  }
  return docs;
}

export interface CaseBenchResult {
  documents: number;
  chars: number;
  ms: number;
  suggestions: number;
}

/**
 * The assistant warm, as in the app's worker after a few documents: a case of generated news-like
 * text (bench/assist.ts), not the timed documents, loads the tagger, its lexicon and WordNet and lets
 * the code be compiled; the timed documents' own words are still read for the first time.
 */
function warmUp(): void {
  const text = generateBenchText(120_000, 11);
  suggestAcross([0, 1, 2, 3].map((k) => ({ id: k + 1, text: text.slice(k * 30_000, (k + 1) * 30_000) })));
  clearReadings();
}

/** Time suggestAcross on `docs` after a warm-up (warmUp), its documents never read before. */
export function benchmarkCase(docs: readonly CaseDocument[], warm = true): CaseBenchResult {
  if (warm) warmUp();
  clearReadings();
  const t0 = performance.now();
  const out = suggestAcross(docs);
  const ms = performance.now() - t0;
  return { documents: docs.length, chars: docs.reduce((n, d) => n + d.text.length, 0), ms: Math.round(ms), suggestions: out.length };
}

export interface CaseFigures {
  /** "case suggestions, 20 documents x 50 KB" */
  label: string;
  /** As the app's worker runs it: its documents read here and on reader threads at once (assist/readers.ts). */
  ms: number[];
  /** The reader threads beside this one (0: one thread, as on a one-core machine or without the bundle). */
  readers: number;
  /** The same case read on this thread alone. */
  oneThread: number[];
  suggestions: number;
}

/**
 * `npm run bench`'s case figure: 20 documents of 50 KB (4 of 10 KB with --small), `runs` cold runs
 * each on one thread and as the app's worker runs them (with the bundled worker's reader threads,
 * when dist/main/assist-worker.cjs is built and there is a core to spare), alternated.
 */
export async function caseFigures(runs: number, small: boolean): Promise<CaseFigures | null> {
  const texts = evalTexts(path.join(REPO, 'assist', 'eval', 'data'));
  if (texts.length === 0) return null;
  const [count, size] = small ? [4, 10_000] : [20, 50_000];
  const docs = caseBenchDocs(texts, count, size);
  warmUp();
  const file = path.join(REPO, 'dist', 'main', 'assist-worker.cjs');
  const pool = readerCount() > 0 && fs.existsSync(file) ? new ReaderPool(file) : null;
  try {
    // (the readers warmed as the worker is: on generated text, not the timed documents)
    const text = generateBenchText(120_000, 13);
    await pool?.readAll([0, 1, 2, 3].map((k) => ({ id: k + 1, text: text.slice(k * 30_000, (k + 1) * 30_000) })));
    const ms: number[] = [];
    const oneThread: number[] = [];
    let suggestions = 0;
    // (alternated, each first in turn: the first of a pair meets the documents' words new to this thread)
    const serial = () => {
      const r = benchmarkCase(docs, false);
      oneThread.push(r.ms);
      suggestions = r.suggestions;
    };
    const pooled = async (p: ReaderPool) => {
      clearReadings();
      const t0 = performance.now();
      const got = await p.readAll(docs);
      suggestAcross(docs, {}, (d) => got.get(d) ?? readingOf(d));
      ms.push(Math.round(performance.now() - t0));
    };
    for (let i = 0; i < runs; i++) {
      if (pool && i % 2 === 1) await pooled(pool);
      serial();
      if (pool && i % 2 === 0) await pooled(pool);
    }
    return { label: `case suggestions, ${count} documents x ${size / 1000} KB`, ms: pool ? ms : oneThread, readers: pool ? readerCount() : 0, oneThread, suggestions };
  } finally {
    pool?.close();
  }
}
