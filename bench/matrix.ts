import type { Browser } from 'playwright-core';
import { openApp } from '../main/app';
import { startWebHost } from '../e2e/support/server';
import { VIEWPORT } from './browser';
import { random } from './data';

// The case matrix at scale (issue 14): a case of 20 documents and 500 claim groups (two to four
// passages each from different documents, one in three contested), opened in the real app; each
// figure is the time from a change of the matrix's filter (a word typed, "contested only" ticked)
// to the frame that shows the filtered rows, in Chromium.

export interface MatrixFigures {
  groups: number;
  /** Per change of the filter: milliseconds to the painted result. */
  filterMs: number[];
  /** Opening the matrix tab with every row. */
  openMs: number;
}

const WORDS = ['talks', 'ceasefire', 'convoy', 'grain', 'bridge', 'prisoners', 'delegation', 'river', 'shelling', 'tonnes', 'envoy', 'border'];

// In the page (a string: the Node tsconfig has no DOM types): sets the matrix's filter words or
// flips "contested only", then waits for the count line to change and for the next frame.
const TIME_FILTER = `async ({ query, contested }) => {
  const bar = document.querySelector('.cs-matrix-bar');
  const status = bar.querySelector('[aria-live]');
  const before = status.textContent;
  const start = performance.now();
  if (contested) bar.querySelector('input[type=checkbox]').click();
  else {
    const input = bar.querySelector('.cs-matrix-search');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
  while (status.textContent === before && performance.now() - start < 5000) await new Promise((res) => setTimeout(res, 0));
  await new Promise((res) => requestAnimationFrame(() => res(null)));
  return performance.now() - start;
}`;

/** 20 documents of 50 sentences, each sentence a claim; 500 groups of claims from different documents. */
export async function seedCase(dbPath: string, groups = 500): Promise<{ caseName: string }> {
  const app = openApp(dbPath);
  const rnd = random(7);
  try {
    const claims: Array<Array<number>> = [];
    const ids: number[] = [];
    for (let d = 0; d < 20; d++) {
      const sentences = Array.from({ length: 50 }, (_, i) => `Report ${d} says the ${WORDS[(d + i) % WORDS.length]} figure was ${10 + ((d * 7 + i * 3) % 90)} on day ${i + 1}.`);
      const text = `Report ${d}\n\n${sentences.join(' ')}\n`;
      const { document } = await app.client.importBytes({ name: `case-bench-${d}.txt`, dataBase64: Buffer.from(text, 'utf8').toString('base64') });
      ids.push(document.id);
      const mine: number[] = [];
      let at = text.indexOf(sentences[0]!);
      for (const s of sentences) {
        const { annotation } = await app.client.createAnnotation({ documentId: document.id, kind: 'claim', start: at, end: at + s.length });
        mine.push(annotation.id);
        at += s.length + 1;
      }
      claims.push(mine);
    }
    const caseName = 'Matrix bench';
    const { case: c } = await app.client.createCase({ name: caseName });
    await app.client.addToCase({ caseId: c.id, documentIds: ids });
    const used = new Set<number>();
    for (let g = 0; g < groups; g++) {
      const size = 2 + Math.floor(rnd() * 3);
      const members: Array<{ annotationId: number; stance: 'states' | 'contradicts' }> = [];
      const docs = new Set<number>();
      while (members.length < size) {
        const d = Math.floor(rnd() * 20);
        if (docs.has(d)) continue;
        const pick = claims[d]!.find((a) => !used.has(a)) ?? claims[d]![Math.floor(rnd() * 50)]!;
        used.add(pick);
        docs.add(d);
        members.push({ annotationId: pick, stance: g % 3 === 0 && members.length === size - 1 ? 'contradicts' : 'states' });
      }
      await app.client.createClaimGroup({ caseId: c.id, label: `${WORDS[g % WORDS.length]} figure, group ${g}`, members });
    }
    return { caseName };
  } finally {
    app.close();
  }
}

/** Opens the case's matrix in the real app and times filter changes, each to its painted frame. */
export async function matrixFigures(browser: Browser, dbPath: string, caseName: string, groups: number, runs: number): Promise<MatrixFigures> {
  const host = await startWebHost(dbPath);
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    await page.locator('.cs-case-item', { hasText: caseName }).click();
    await page.getByRole('heading', { name: caseName }).waitFor();
    const t0 = Date.now();
    await page.getByRole('tab', { name: 'Matrix' }).click();
    await page.locator('.cs-matrix-table tbody tr.cs-matrix-row').first().waitFor({ timeout: 60_000 });
    const openMs = Date.now() - t0;
    const rows = await page.evaluate<number>(`+(document.querySelector('.cs-matrix-bar [aria-live]').textContent.match(/of (\\d+)/) || [])[1]`);
    if (rows !== groups) throw new Error(`bench: the matrix shows ${rows} rows, expected ${groups}`);
    const filterMs: number[] = [];
    const queries = ['convoy', '', 'grain figure', '', 'no such row', ''];
    for (let r = 0; r < runs; r++) {
      for (const q of queries) filterMs.push(await page.evaluate<number>(`(${TIME_FILTER})(${JSON.stringify({ query: q })})`));
      // "Contested only", on and off.
      for (let k = 0; k < 2; k++) filterMs.push(await page.evaluate<number>(`(${TIME_FILTER})(${JSON.stringify({ contested: true })})`));
    }
    return { groups, filterMs, openMs };
  } finally {
    await context.close();
    await host.stop();
  }
}
