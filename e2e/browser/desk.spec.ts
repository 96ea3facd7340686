import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { openSeedArticle, tagClaims } from '../support/seed';
import type { WebHost } from '../support/server';
import { clickInPhrase } from '../support/text';

// The analyst's desk at the sizes analysts use: with the assistant open, the list still shows at
// least six rows, no two regions of the window overlap, and the text column keeps a readable
// measure. Screenshots of each screen, light and dark, are kept as test artifacts.

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

let host: WebHost;
test.afterEach(async () => {
  await host?.stop();
});

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What shows of each region: its box clipped by every scrolling or clipping ancestor. */
async function boxes(page: Page, selectors: Record<string, string>): Promise<Box[]> {
  const out: Box[] = [];
  for (const [name, selector] of Object.entries(selectors)) {
    const loc = page.locator(selector).first();
    if ((await page.locator(selector).count()) === 0 || !(await loc.isVisible())) continue;
    const b = await loc.evaluate((el) => {
      const r = el.getBoundingClientRect();
      let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const c = p.getBoundingClientRect();
        [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
      }
      return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
    });
    if (b.width > 0 && b.height > 0) out.push({ name, ...b });
  }
  return out;
}

function overlaps(a: Box, b: Box): boolean {
  const tolerance = 1; // shared 1 px borders
  return a.x + a.width - tolerance > b.x && b.x + b.width - tolerance > a.x && a.y + a.height - tolerance > b.y && b.y + b.height - tolerance > a.y;
}

async function expectNoOverlaps(page: Page) {
  const regions = await boxes(page, {
    toolbar: '.cs-toolbar',
    library: '.cs-library',
    text: '.cs-main',
    list: '.cs-panel .cs-tabs',
    details: '.cs-details',
    assistant: '.cs-suggestions',
    status: '.cs-status',
  });
  for (let i = 0; i < regions.length; i++)
    for (let j = i + 1; j < regions.length; j++) {
      const [a, b] = [regions[i]!, regions[j]!];
      expect(overlaps(a, b), `${a.name} ${JSON.stringify(a)} overlaps ${b.name} ${JSON.stringify(b)}`).toBe(false);
    }
  const viewport = page.viewportSize()!;
  for (const r of regions) expect(r.x + r.width, `${r.name} leaves the window`).toBeLessThanOrEqual(viewport.width + 1);
}

/** Characters per line in the text column, measured with the document's own font. */
async function charactersPerLine(page: Page): Promise<number> {
  return page.locator('.cs-document').evaluate((el) => {
    const style = getComputedStyle(el);
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = `${style.fontSize} ${style.fontFamily}`;
    const sample = 'the quick brown fox jumps over the lazy dog, said the aide; ';
    const average = canvas.measureText(sample).width / sample.length;
    return el.clientWidth / average;
  });
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const file = testInfo.outputPath(`${name}-${scheme}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(`${name} ${scheme}`, { path: file, contentType: 'image/png' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

for (const size of SIZES) {
  test(`desk at ${size.width}x${size.height}: six rows with the assistant open, no overlapping regions`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    host = await openSeedArticle(page);

    // Tag enough to fill a list: claims and an attribution, by keyboard.
    for (const phrase of ['sixth conversation', 'Yury Ushakov', 'Istanbul', 'Macron', 'phone conversations', 'nearly an hour', 'Empress Catherine']) {
      await clickInPhrase(page, phrase);
      await page.keyboard.press(phrase === 'Yury Ushakov' ? 'a' : 'c');
      if (phrase === 'Yury Ushakov') {
        const prompt = page.getByRole('dialog', { name: /source/i });
        if (await prompt.isVisible().catch(() => false)) await page.keyboard.press('Escape');
      }
      await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    }
    // A verdict shows in the text, not only in the panel.
    await clickInPhrase(page, 'Empress Catherine');
    await page.keyboard.press('s');
    await expect(page.locator('.cs-verdict')).toHaveCount(1);
    await page.locator('.cs-verdict').locator('xpath=ancestor::p[1]').screenshot({ path: testInfo.outputPath(`verdict-${size.width}.png`) });

    await page.getByRole('tab', { name: /^Assistant/ }).click();
    const assistant = page.getByRole('region', { name: 'Assistant suggestions' });
    await assistant.getByRole('button', { name: 'Suggest' }).click();
    await expect(assistant.getByRole('list', { name: 'Inconsistencies' })).toBeVisible();
    const rows = page.getByRole('listbox', { name: 'Tags in this document' }).getByRole('option');
    await rows.first().click();
    await expect(page.getByRole('region', { name: 'Details' })).toBeVisible();
    await shoot(page, testInfo, `details-${size.width}x${size.height}`);
    await expectNoOverlaps(page);

    await page.getByRole('tab', { name: /^Assistant/ }).click();
    await expect(assistant.getByRole('list', { name: 'Inconsistencies' })).toBeVisible();
    await shoot(page, testInfo, `assistant-${size.width}x${size.height}`);

    // The list shows at least six whole rows' worth of room.
    const list = page.getByRole('listbox', { name: 'Tags in this document' });
    const listBox = (await list.boundingBox())!;
    const rowBox = (await rows.first().boundingBox())!;
    expect(listBox.height / rowBox.height, 'rows of room in the list').toBeGreaterThanOrEqual(6);

    await expectNoOverlaps(page);
    expect(await charactersPerLine(page), 'characters per line in the text column').toBeGreaterThanOrEqual(60);
    // Below 1280 px the library is an icon rail; above, the full list.
    await expect(page.getByRole('button', { name: 'Show the library' })).toHaveCount(size.width < 1280 ? 1 : 0);
  });
}

test('splitters move by keyboard and remember their sizes; Ctrl+L folds the library to its rail and back', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  host = await openSeedArticle(page);
  const side = page.locator('.cs-desk-side');
  const before = (await side.boundingBox())!.width;
  // The splitter left of the side panel: arrows move it (the library's splitter comes first).
  const splitter = page.getByRole('separator').nth(1);
  await splitter.focus();
  await page.keyboard.press('ArrowLeft');
  const wider = (await side.boundingBox())!.width;
  expect(wider).toBeGreaterThan(before + 20);
  await expect(page.getByRole('button', { name: 'Show the library' })).toHaveCount(0);

  await page.reload();
  await expect(page.locator('.cs-document')).toContainText('This marks the sixth conversation');
  await expect.poll(async () => Math.round((await side.boundingBox())!.width)).toBe(Math.round(wider));

  await page.locator('.cs-document').focus();
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('button', { name: 'Show the library' })).toBeVisible();
  await page.getByRole('button', { name: 'Show the library' }).click();
  await expect(page.getByRole('button', { name: 'Show the library' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Document library' })).toContainText('Kremlin aide');
});

test('keys pressed while a write is on its way act on the state after it: S twice, Delete then S', async ({ page }) => {
  host = await openSeedArticle(page);
  await tagClaims(page, ['sixth conversation', 'Empress Catherine']);

  // Two S in a breath: unverified -> supported -> disputed, not supported twice.
  await page.keyboard.press('s');
  await page.keyboard.press('s');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await expect(page.locator('.cs-verdict-disputed')).toHaveCount(1);

  // Delete then S at once: the tag goes, S finds nothing selected; no error, nothing else changes.
  await page.keyboard.press('Delete');
  await page.keyboard.press('s');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await expect(page.locator('.cs-start-claim')).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.cs-verdict')).toHaveCount(0);
});
