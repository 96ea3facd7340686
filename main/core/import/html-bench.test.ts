// The article and only the article: word-overlap F1 of what we import from real web pages
// (test/import/pages; where each came from and its licence are in its SOURCES.md) against the
// article text. Two sets: 20 pages of mozilla/readability's tests, whose expected text is
// Readability's own output (we run Readability, so this set mostly guards the wiring: decoding,
// sanitising, fallbacks), and 20 pages of Zyte's article-extraction benchmark, whose article text
// was checked by hand (independent of any extractor). Floors keep both from losing ground; the
// figures are printed. The whole 181-page Zyte set runs outside the default run
// (html-bench-external.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { goldText, wordF1, type Score } from '../../../test/import/f1';
import { importBuffer } from './index';

const PAGES = path.resolve(__dirname, '../../../test/import/pages');

type Scored = Score & { name: string; byline: boolean | null };

function report(label: string, scores: Scored[]): number {
  const mean = (k: keyof Score) => scores.reduce((s, x) => s + x[k], 0) / scores.length;
  const lines = scores.map((s) => `  ${s.name.slice(0, 24).padEnd(24)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}${s.byline === null ? '' : s.byline ? '  byline' : '  no byline'}`);
  const withByline = scores.filter((s) => s.byline !== null);
  const bylines = withByline.length ? `; bylines found ${withByline.filter((s) => s.byline).length} of ${withByline.length}` : '';
  console.log(`${label}\n${lines.join('\n')}\n${scores.length} pages: mean P ${mean('precision').toFixed(3)}  R ${mean('recall').toFixed(3)}  F1 ${mean('f1').toFixed(3)}${bylines}`);
  return mean('f1');
}

describe('HTML article extraction benchmark (real pages)', () => {
  it('Zyte article-extraction-benchmark pages, hand-checked article text: mean word F1 at least 0.95', async () => {
    const dir = path.join(PAGES, 'zyte');
    const truth = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
    const scores: Scored[] = [];
    for (const [id, { articleBody }] of Object.entries(truth)) {
      const doc = await importBuffer(`${id}.html`, zlib.gunzipSync(fs.readFileSync(path.join(dir, 'html', `${id}.html.gz`))));
      scores.push({ name: id, ...wordF1(doc.text, articleBody), byline: null });
    }
    expect(scores.length).toBe(20);
    const f1 = report('Zyte article-extraction-benchmark (20 pages)', scores);
    expect(f1).toBeGreaterThanOrEqual(0.95);
    for (const s of scores) expect(s.f1, s.name).toBeGreaterThanOrEqual(0.6);
  }, 120_000);

  it('mozilla/readability test pages: mean word F1 at least 0.98, and the byline where the page has one', async () => {
    const dir = path.join(PAGES, 'readability');
    const names = fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'source.html'))).sort();
    expect(names.length).toBe(20);
    const scores: Scored[] = [];
    for (const name of names) {
      const page = path.join(dir, name);
      const doc = await importBuffer(`${name}.html`, fs.readFileSync(path.join(page, 'source.html')));
      const gold = goldText(fs.readFileSync(path.join(page, 'expected.html'), 'utf8'));
      const meta = JSON.parse(fs.readFileSync(path.join(page, 'expected-metadata.json'), 'utf8')) as { byline?: string | null };
      scores.push({ name, ...wordF1(doc.text, gold), byline: meta.byline ? doc.metadata.author !== undefined : null });
    }
    const f1 = report('mozilla/readability test pages (20 pages)', scores);
    expect(f1).toBeGreaterThanOrEqual(0.98);
    const withByline = scores.filter((s) => s.byline !== null);
    expect(withByline.filter((s) => s.byline).length).toBe(withByline.length);
  }, 120_000);
});
