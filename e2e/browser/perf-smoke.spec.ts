import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { SECRET_HEADER } from '../../common/methods';
import { annotationRows, generateAnnotations, generateText, type AnnotationSpec, type Size } from '../../bench/data';
import { insertMany } from '../../db/bulk';
import { openDatabase } from '../../db/open';
import { startWebHost, tempDir, type WebHost } from '../support/server';

// A long document with many tags: highlights are drawn for what is on screen, and follow the
// analyst as they scroll or jump to a tag far down. Not timed: `npm run bench` measures.

const LONG: Size = { name: 'small', sentences: 3_000, perParagraph: 5, annotations: 1_500, sources: 0, flags: 0 };

let host: WebHost;
let seeded: { documentId: number; title: string; annotations: AnnotationSpec[] };

/** Imports the text through the web host, then adds the annotations with the db layer's bulk path. */
test.beforeEach(async () => {
  const dbPath = path.join(tempDir(), 'claimscope.db');
  host = await startWebHost(dbPath);
  const generated = generateText(LONG);
  const response = await fetch(`${host.origin}/api/importBytes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: host.secret },
    body: JSON.stringify({ name: 'long-report.txt', dataBase64: Buffer.from(generated.text).toString('base64') }),
  });
  const imported = (await response.json()) as { ok: true; value: { document: { id: number; title: string } } };
  const { id, title } = imported.value.document;
  const annotations = generateAnnotations(generated, LONG.annotations);
  const db = openDatabase(dbPath);
  try {
    insertMany(db, 'annotations', annotationRows(id, generated.text, annotations));
  } finally {
    db.close();
  }
  seeded = { documentId: id, title, annotations };
});
test.afterEach(async () => {
  await host?.stop();
});

/** Highlights whose box meets the visible part of the document. */
function highlightsInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const band = document.querySelector('.cs-main')!.getBoundingClientRect();
    return [...document.querySelectorAll('.cs-document .cs-ann')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > band.top && r.top < band.bottom && r.width > 0;
    }).length;
  });
}

async function scrollDocumentTo(page: Page, fraction: number): Promise<void> {
  await page.locator('.cs-main').evaluate((el, f) => {
    el.scrollTop = f * (el.scrollHeight - el.clientHeight);
  }, fraction);
}

test('a long document draws the highlights on screen, and new ones as it scrolls', async ({ page }, testInfo) => {
  await page.goto(host.url);
  await page.locator('.cs-doc-item', { hasText: seeded.title }).click();
  await expect.poll(() => page.evaluate(() => document.body.dataset.csOpenedDoc)).toBe(String(seeded.documentId));

  // Drawn for the screen and its surroundings only, not for all 1,500 tags.
  const drawn = await page.locator('.cs-document .cs-ann').count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(seeded.annotations.length / 4);
  expect(await highlightsInView(page)).toBeGreaterThan(0);

  for (const fraction of [0.5, 1]) {
    await scrollDocumentTo(page, fraction);
    await expect.poll(() => highlightsInView(page)).toBeGreaterThan(0);
    const name = `scrolled-${fraction * 100}.png`;
    await page.screenshot({ path: testInfo.outputPath(name) });
    await testInfo.attach(name, { path: testInfo.outputPath(name), contentType: 'image/png' });
  }
  expect(await page.locator('.cs-document .cs-ann').count()).toBeLessThan(seeded.annotations.length / 4);
});

test('choosing a tag far down the list scrolls to it, highlighted and selected', async ({ page }, testInfo) => {
  await page.goto(host.url);
  await page.locator('.cs-doc-item', { hasText: seeded.title }).click();
  await expect.poll(() => page.evaluate(() => document.body.dataset.csOpenedDoc)).toBe(String(seeded.documentId));

  // The last tags of the list lie at the end of the document, far outside the drawn window.
  const list = page.getByRole('listbox').first();
  await list.evaluate((el) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      if (e.scrollHeight > e.clientHeight + 1 && getComputedStyle(e).overflowY !== 'visible') {
        e.scrollTop = e.scrollHeight;
        return;
      }
    }
  });
  const last = page.getByRole('option').last();
  await expect(last).toBeVisible();
  await last.click();
  const selected = page.locator('.cs-document .cs-selected').first();
  await expect(selected).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('revealed.png') });
  await testInfo.attach('revealed', { path: testInfo.outputPath('revealed.png'), contentType: 'image/png' });
});
