// The larger, independent article benchmark (Zyte's article-extraction-benchmark, 181 news pages
// with hand-checked article text, MIT): not in the default run. Point CLAIMSCOPE_ARTICLE_BENCH at a
// checkout of https://github.com/scrapinghub/article-extraction-benchmark and run
//   CLAIMSCOPE_ARTICLE_BENCH=/path/to/it npx vitest run main/core/import/html-bench-external.test.ts
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { wordF1, type Score } from '../../../test/import/f1';
import { importBuffer } from './index';

const DIR = process.env.CLAIMSCOPE_ARTICLE_BENCH;

describe.skipIf(!DIR)('HTML article extraction, external benchmark (CLAIMSCOPE_ARTICLE_BENCH)', () => {
  it('prints word F1 against the hand-checked article bodies', async () => {
    const truth = JSON.parse(fs.readFileSync(path.join(DIR!, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
    const scores: (Score & { id: string; error?: string })[] = [];
    let refused = 0;
    for (const [id, { articleBody }] of Object.entries(truth)) {
      const bytes = zlib.gunzipSync(fs.readFileSync(path.join(DIR!, 'html', `${id}.html.gz`)));
      try {
        const doc = await importBuffer(`${id}.html`, bytes);
        scores.push({ id, ...wordF1(doc.text, articleBody) });
      } catch (err) {
        refused++;
        scores.push({ id, precision: 0, recall: 0, f1: 0, error: String(err) });
      }
    }
    const mean = (k: keyof Score) => scores.reduce((s, x) => s + x[k], 0) / scores.length;
    const worst = [...scores].sort((a, b) => a.f1 - b.f1).slice(0, 10);
    console.log(
      `${scores.length} pages (${refused} refused): mean P ${mean('precision').toFixed(3)}  R ${mean('recall').toFixed(3)}  F1 ${mean('f1').toFixed(3)}\nworst: ${worst.map((s) => `${s.id.slice(0, 8)} ${s.f1.toFixed(2)} (P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)})`).join(', ')}`,
    );
    expect(scores.length).toBe(Object.keys(truth).length);
  }, 600_000);
});
