// Every importer is linear in its input: each format imports a 1x and a 10x input and the time
// ratio must stay far below the 100 a quadratic step would give (under 30, allowing for noise and
// garbage collection). A ratio, not a time, so a slow machine does not fail it. Shapes include the
// hostile ones from issue 17 (a hundred thousand PDF items on one baseline, one huge paragraph).
import { describe, expect, it } from 'vitest';
import { makeDocx, type Para } from '../../../test/import/docx';
import { makePdf, type PdfLine } from '../../../test/import/pdf';
import { importBuffer } from './index';
import { joinAcrossPages, joinHyphens, linesOf, paragraphsOf, type RawItem } from './pdf';

const MAX_RATIO = 30;
const utf8 = (s: string) => new TextEncoder().encode(s);
const SENTENCE = 'The ministry said on Tuesday that 4,200 people had been moved, a figure the council disputes. ';

async function fastest(run: () => unknown, times = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** Times `make(n)` imported at n and 10n; returns the ratio after a warm-up. */
async function ratio(label: string, make: (n: number) => Promise<() => unknown> | (() => unknown), n: number, runs = 5): Promise<number> {
  const small = await make(n);
  const large = await make(10 * n);
  await small();
  const t1 = await fastest(small, runs);
  const t10 = await fastest(large, runs);
  const r = t10 / t1;
  console.log(`${label}: 1x ${t1.toFixed(1)} ms, 10x ${t10.toFixed(1)} ms, ratio ${r.toFixed(1)}`);
  return r;
}

describe('imports take time linear in their input (10x input, well under 100x time)', () => {
  it('.txt', async () => {
    expect(await ratio('txt', (n) => { const b = utf8(SENTENCE.repeat(n) + '\n\n'); return () => importBuffer('a.txt', b); }, 5000)).toBeLessThan(MAX_RATIO);
    // One paragraph without a single line break.
    expect(await ratio('txt one line', (n) => { const b = utf8('word '.repeat(n)); return () => importBuffer('a.txt', b); }, 400_000)).toBeLessThan(MAX_RATIO);
  }, 60_000);

  it('.md', async () => {
    const chunk = `## Section\n\n${SENTENCE}**bold** and *italic* [link](http://x.example).\n\n- item one\n- item two\n\n> quoted ${SENTENCE}\n\n`;
    expect(await ratio('md', (n) => { const b = utf8(chunk.repeat(n)); return () => importBuffer('a.md', b); }, 600)).toBeLessThan(MAX_RATIO);
  }, 60_000);

  it('.html', async () => {
    const chunk = `<h2>Section</h2><p>${SENTENCE}<b>bold</b> <a href="#">link</a></p><ul><li>one</li><li>two</li></ul><div><span>${SENTENCE}</span></div>`;
    const page = (n: number) => `<html><head><title>T</title></head><body><article>${chunk.repeat(n)}</article><footer>f</footer></body></html>`;
    expect(await ratio('html', (n) => { const b = utf8(page(n)); return () => importBuffer('a.html', b); }, 200)).toBeLessThan(MAX_RATIO);
    // Unclosed paragraphs and list items, and a thousand open divs around everything.
    expect(await ratio('html unclosed', (n) => { const b = utf8('<body>' + '<div>'.repeat(1000) + `<p>${SENTENCE}<li>item`.repeat(n)); return () => importBuffer('a.html', b); }, 1000)).toBeLessThan(MAX_RATIO);
    // Deep nesting under many tags: refused at once rather than parsed in depth x tags steps.
    const started = performance.now();
    await expect(importBuffer('deep.html', utf8('<body>' + '<div>'.repeat(3900) + '<p>x</p>'.repeat(100_000)))).rejects.toThrow(
      /^deep\.html: most of its [\d,]+ elements sit hundreds of levels deep \(damaged or machine-made HTML\); open it in a browser and save it as PDF or text, then import that$/,
    );
    // (Parsed in depth it runs for minutes: ten seconds is a guard on a loaded machine, not a timing.)
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 120_000);

  it('.docx', async () => {
    const paras = (n: number): Para[] => Array.from({ length: n }, (_, i) => (i % 10 === 0 ? { heading: 2, runs: `Part ${i}` } : { runs: [{ text: SENTENCE }, { text: 'bold', bold: true }] }));
    expect(await ratio('docx', async (n) => { const b = await makeDocx({ paragraphs: paras(n) }); return () => importBuffer('a.docx', b); }, 150)).toBeLessThan(MAX_RATIO);
  }, 120_000);

  it('.pdf', async () => {
    const lines = (n: number): PdfLine[] => Array.from({ length: n }, (_, i) => ({ text: SENTENCE.slice(0, 80), y: 760 - (i % 60) * 12 }));
    const pdf = (n: number) => makePdf({ pages: Array.from({ length: n }, () => ({ lines: lines(60) })) });
    expect(await ratio('pdf pages', (n) => { const b = pdf(n); return () => importBuffer('a.pdf', b); }, 4)).toBeLessThan(MAX_RATIO);
  }, 120_000);

  it('PDF layout: items on one baseline and one long paragraph', async () => {
    const item = (x: number, y: number, s = 'ab '): RawItem => ({ s, t: [10, 0, 0, 10, x, y], w: 12, h: 10, e: false });
    // (A million live items make garbage collection itself slower: the best of five runs.)
    expect(await ratio('pdf one baseline', (n) => { const items = Array.from({ length: n }, (_, i) => item(i * 12, 700)); return () => paragraphsOf(linesOf(items), 1); }, 40_000, 5)).toBeLessThan(MAX_RATIO);
    expect(await ratio('pdf one paragraph', (n) => { const items = Array.from({ length: n }, (_, i) => item(0, 700 - i * 12, 'long line of words here')); return () => paragraphsOf(linesOf(items), 1); }, 20_000, 5)).toBeLessThan(MAX_RATIO);
  }, 120_000);

  it('PDF cleanup: a sentence running across every page, hyphenated at every page end', async () => {
    const paras = (n: number) => Array.from({ length: n }, (_, i) => ({ page: i + 1, text: `and the work went on over the wa-`, size: 10, lines: 1, hyphens: [] as number[] }));
    const words = new Set(['water']);
    expect(
      await ratio('pdf joined pages', (n) => () => {
        const joined = joinAcrossPages(paras(n));
        joinHyphens(joined, words);
        return joined;
      }, 5_000),
    ).toBeLessThan(MAX_RATIO);
  }, 120_000);
});
