import fs from 'node:fs';
import path from 'node:path';
import type { SuggestionBody } from '../../common/domain';

// Scoring the assistant against gold annotations written by people who never read its code.
// Data: data/blind/{dev,test}/NN-slug.txt with NN-slug.gold.json, and data/real/*.txt (published
// news, licence-clean, with no gold: every inconsistency proposed there is counted as a false alarm
// unless it is listed in data/real/confirmed.json after a person checked it).

export interface GoldPair {
  kind: string;
  a: string;
  b?: string;
  why?: string;
}
export interface Gold {
  domain?: string;
  published?: string | null;
  inconsistencies: GoldPair[];
  consistent: GoldPair[];
  attributions: Array<{ text: string; source: string }>;
}
export interface Article {
  name: string;
  text: string;
  gold: Gold;
}

/** The data folder beside this file, or (bundled into dist/) beside its source. */
export const DATA = [path.join(__dirname, 'data'), path.resolve(__dirname, '..', 'assist', 'eval', 'data'), path.resolve(__dirname, '..', '..', 'assist', 'eval', 'data')].find((d) => fs.existsSync(d)) ?? path.join(__dirname, 'data');

export function loadSplit(split: 'dev' | 'test' | string): Article[] {
  const dir = path.isAbsolute(split) ? split : path.join(DATA, 'blind', split);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && fs.existsSync(path.join(dir, f.replace(/\.txt$/, '.gold.json'))))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ''),
      text: fs.readFileSync(path.join(dir, f), 'utf8'),
      gold: JSON.parse(fs.readFileSync(path.join(dir, f.replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold,
    }));
}

export function loadReal(): Array<{ name: string; text: string }> {
  const dir = path.join(DATA, 'real');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
function csvRows(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (src[i + 1] === '"') field += src[++i];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\n') {
      row.push(field);
      field = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    } else if (c !== '\r') field += c;
  }
  if (field || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * The wider real-text check: every article of vanatteveldt/wikinews's `data/wikinews_*.csv` (the
 * repository the 63 kept texts come from; CC BY 2.5, too large to keep here), read from a folder the
 * caller fetched, each with its publication date. Headline, blank line, body: the kept texts' layout.
 */
export function loadWikinewsCsv(dir: string): Array<{ name: string; text: string; published?: string }> {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^wikinews_.*\.csv$/.test(f)).sort() : [];
  if (files.length === 0) throw new Error(`${dir}: no wikinews_*.csv here; fetch github.com/vanatteveldt/wikinews and pass its data folder`);
  return files.flatMap((f) => {
    const [head, ...rows] = csvRows(fs.readFileSync(path.join(dir, f), 'utf8'));
    const at = (k: string) => head!.indexOf(k);
    return rows
      .filter((r) => r[at('text')])
      .map((r) => {
        const published = /\d{4}-\d\d-\d\d/.exec(r[at('date')] ?? '')?.[0];
        return { name: r[at('url')] ?? f, text: `${r[at('title')]}\n\n${r[at('text')]!.replace(/\u00a0/g, ' ')}\n`, ...(published ? { published } : {}) };
      });
  });
}

interface Span {
  start: number;
  end: number;
}

function locate(text: string, phrase: string): Span | null {
  const at = text.indexOf(phrase);
  return at < 0 ? null : { start: at, end: at + phrase.length };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

type Inconsistency = Extract<SuggestionBody, { type: 'inconsistency' }>;
type Attribution = Extract<SuggestionBody, { type: 'attribution' }>;

/** A suggestion states a gold pair when one of its spans overlaps each side (the one side of a weekday). */
function states(s: Inconsistency, text: string, pair: GoldPair): boolean {
  const a = locate(text, pair.a);
  if (!a) return false;
  if (!pair.b) return s.spans.some((x) => overlaps(x, a));
  const b = locate(text, pair.b);
  if (!b) return false;
  // A weekday that does not match its date is one phrase ("Wednesday, June 16"): a gold pair that
  // also names another mention is found by a one-span check of either.
  if (s.kind === 'weekday' && s.spans.length === 1) return overlaps(s.spans[0]!, a) || overlaps(s.spans[0]!, b);
  return s.spans.some((x) => overlaps(x, a)) && s.spans.some((x) => overlaps(x, b)) && s.spans.length >= 2;
}

function normName(s: string): string {
  return s
    .toLocaleLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^the\s+/, '')
    .replace(/[’']s\b/g, '') // ("the Welsh Government's transport department" is the Welsh Government transport department)
    .trim();
}

/** The same source: equal names, or one the other's surname or a part of it ("Ushakov", "Yury Ushakov"). */
export function sameSource(a: string, b: string): boolean {
  const x = normName(a);
  const y = normName(b);
  if (x === y) return true;
  const last = (s: string) => s.split(/\s+/).at(-1)!;
  if (x.split(/\s+/).length > 1 && y.split(/\s+/).length > 1) return last(x) === last(y) && (x.includes(y) || y.includes(x));
  return x.includes(y) || y.includes(x) || last(x) === last(y);
}

export interface Counts {
  gold: number;
  found: number;
}
export interface Score {
  articles: number;
  words: number;
  /** Gold inconsistencies by kind: how many, how many found. */
  byKind: Record<string, Counts>;
  /** Inconsistencies proposed, and how many of them state a gold one. */
  proposed: number;
  correct: number;
  /** The same by the kind of suggestion proposed (count, amount, date ...). */
  proposedByKind: Record<string, Counts & { proposed: number }>;
  /** Proposed inconsistencies that join a look-alike pair the gold says is consistent. */
  lookalikes: number;
  attributions: { gold: number; found: number; proposed: number; correct: number };
  misses: string[];
  falseAlarms: string[];
  attributionMisses: string[];
  attributionFalse: string[];
}

export function emptyScore(): Score {
  return { articles: 0, words: 0, byKind: {}, proposed: 0, correct: 0, proposedByKind: {}, lookalikes: 0, attributions: { gold: 0, found: 0, proposed: 0, correct: 0 }, misses: [], falseAlarms: [], attributionMisses: [], attributionFalse: [] };
}

export function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function scoreArticle(score: Score, article: Article, suggestions: readonly SuggestionBody[]): void {
  const { text, gold, name } = article;
  score.articles++;
  score.words += words(text);
  const inc = suggestions.filter((s): s is Inconsistency => s.type === 'inconsistency');
  for (const pair of gold.inconsistencies) {
    const k = (score.byKind[pair.kind] ??= { gold: 0, found: 0 });
    k.gold++;
    if (inc.some((s) => states(s, text, pair))) k.found++;
    else score.misses.push(`${name} [${pair.kind}] ${pair.a}${pair.b ? ` / ${pair.b}` : ''}`);
  }
  for (const s of inc) {
    score.proposed++;
    const pk = (score.proposedByKind[s.kind] ??= { gold: 0, found: 0, proposed: 0 });
    pk.proposed++;
    if (gold.inconsistencies.some((p) => states(s, text, p))) {
      score.correct++;
      pk.found++;
    }
    else {
      if (gold.consistent.some((p) => states(s, text, p))) score.lookalikes++;
      score.falseAlarms.push(`${name} [${s.kind}] ${s.explanation}`);
    }
  }
  const att = suggestions.filter((s): s is Attribution => s.type === 'attribution');
  const matches = (s: Attribution, g: { text: string; source: string }) => {
    const span = locate(text, g.text);
    return span !== null && overlaps(s.span, span) && sameSource(s.source, g.source);
  };
  score.attributions.gold += gold.attributions.length;
  for (const g of gold.attributions) {
    if (att.some((s) => matches(s, g))) score.attributions.found++;
    else score.attributionMisses.push(`${name}: "${g.text}" -> ${g.source}${att.some((s) => { const sp = locate(text, g.text); return sp !== null && overlaps(s.span, sp); }) ? ` (proposed: ${att.filter((s) => { const sp = locate(text, g.text); return sp !== null && overlaps(s.span, sp); }).map((s) => s.source).join(', ')})` : ''}`);
  }
  score.attributions.proposed += att.length;
  for (const s of att) {
    if (gold.attributions.some((g) => matches(s, g))) score.attributions.correct++;
    else score.attributionFalse.push(`${name}: "${s.span.text}" -> ${s.source}`);
  }
}

export function recall(score: Score): number {
  const all = Object.values(score.byKind).reduce((n, k) => n + k.gold, 0);
  const found = Object.values(score.byKind).reduce((n, k) => n + k.found, 0);
  return all === 0 ? 1 : found / all;
}

export function precision(score: Score): number {
  return score.proposed === 0 ? 1 : score.correct / score.proposed;
}

export function table(name: string, score: Score): string {
  const pct = (x: number) => x.toFixed(2);
  const lines = [`${name}: ${score.articles} articles, ${score.words.toLocaleString('en')} words`];
  for (const [kind, k] of Object.entries(score.byKind).sort()) lines.push(`  ${kind.padEnd(9)} recall ${k.found}/${k.gold}`);
  // Precision by the kind the assistant gave its suggestion (a gold "measure" is proposed as an amount).
  const byProposed = Object.entries(score.proposedByKind).sort().map(([kind, k]) => `${kind} ${k.found}/${k.proposed}`);
  if (byProposed.length) lines.push(`  precision by proposed kind: ${byProposed.join(', ')}`);
  lines.push(`  inconsistencies: recall ${pct(recall(score))}, precision ${pct(precision(score))} (${score.correct}/${score.proposed}), look-alikes flagged ${score.lookalikes}`);
  const a = score.attributions;
  lines.push(`  attributions: recall ${pct(a.gold ? a.found / a.gold : 1)} (${a.found}/${a.gold}), precision ${pct(a.proposed ? a.correct / a.proposed : 1)} (${a.correct}/${a.proposed})`);
  return lines.join('\n');
}
