import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { CORPUS, startWebHost, tempDir, type WebHost } from '../support/server';
import { clickInPhrase, tagText } from '../support/text';

// The first slice of real use: open the seed article, tag a claim and an attribution, close the
// app, start it again, find both, undo the last.

const SEED = path.join(CORPUS, 'kremlin-call.txt');
const CLAIM = 'This marks the sixth conversation between the two leaders this year.';
const ATTRIBUTION_SENTENCE_PART = 'presidential aide Yury Ushakov said';

let host: WebHost;
let dbPath: string;

test.beforeEach(() => {
  dbPath = path.join(tempDir(), 'claimscope.db');
});
test.afterEach(async () => {
  await host?.stop();
});

async function openApp(page: Page): Promise<void> {
  host = await startWebHost(dbPath);
  await page.goto(host.url);
  await expect(page.getByRole('navigation', { name: 'Document library' })).toBeVisible();
}

test('tag a claim and an attribution, restart, find them, undo the last', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SEED);
  await expect(page.locator('.cs-doc-heading')).toHaveText('Kremlin aide unveils specifics of Putin-Trump phone call');
  await expect(page.locator('.cs-document')).toContainText('This marks the sixth conversation');

  await clickInPhrase(page, 'sixth conversation');
  await page.keyboard.press('c');
  await expect.poll(() => tagText(page.locator('.cs-claim:not(.cs-pending)'))).toBe(CLAIM);

  await clickInPhrase(page, 'Yury Ushakov');
  await page.keyboard.press('a');
  const attribution = page.locator('.cs-attribution:not(.cs-pending)');
  await expect.poll(() => tagText(attribution)).toContain(ATTRIBUTION_SENTENCE_PART);
  await expect.poll(() => tagText(attribution)).toMatch(/^Putin reaffirmed Russia’s commitment .* said\.$/);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  // Close the app entirely and start it again on the same database.
  await host.stop();
  await page.goto('about:blank');
  await openApp(page);
  const item = page.getByRole('button', { name: /Kremlin aide unveils specifics/ });
  await expect(item).toContainText('2 tags');
  await item.click();
  await expect.poll(() => tagText(page.locator('.cs-claim'))).toBe(CLAIM);
  await expect.poll(() => tagText(page.locator('.cs-attribution'))).toContain(ATTRIBUTION_SENTENCE_PART);
  await expect(page.getByRole('option')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('seed-journey.png') });
  await testInfo.attach('seed-journey', { path: testInfo.outputPath('seed-journey.png'), contentType: 'image/png' });

  // Undo removes the last tag (the attribution), and that too is saved.
  await page.locator('.cs-document').focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.cs-attribution')).toHaveCount(0);
  await expect.poll(() => tagText(page.locator('.cs-claim'))).toBe(CLAIM);
  await page.reload();
  await expect.poll(() => tagText(page.locator('.cs-claim'))).toBe(CLAIM);
  await expect(page.locator('.cs-attribution')).toHaveCount(0);

  // Redo brings it back.
  await page.locator('.cs-document').focus();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => tagText(page.locator('.cs-attribution'))).toContain(ATTRIBUTION_SENTENCE_PART);
});

test('a selection is tagged exactly, a selected tag is removed with Delete, re-opening does not duplicate', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SEED);
  await expect(page.locator('.cs-document')).toContainText('presidential aide Yury Ushakov said');

  const { selectPhrase } = await import('../support/text');
  await selectPhrase(page, 'presidential aide Yury Ushakov said');
  await page.keyboard.press('a');
  await expect.poll(() => tagText(page.locator('.cs-attribution:not(.cs-pending)'))).toBe('presidential aide Yury Ushakov said');

  // Overlapping: the whole sentence as a claim, around the attribution phrase.
  await clickInPhrase(page, 'Putin reaffirmed');
  await page.keyboard.press('c');
  await expect.poll(() => tagText(page.locator('.cs-claim:not(.cs-pending)'))).toContain('Putin reaffirmed');
  await expect(page.getByRole('option')).toHaveCount(2);

  // Click on the attribution phrase selects the innermost tag; Delete removes it.
  await clickInPhrase(page, 'aide Yury');
  // One selected attribution (drawn in pieces: its outline starts once).
  await expect(page.locator('.cs-attribution.cs-sel-start')).toHaveCount(1);
  await page.keyboard.press('Delete');
  await expect(page.locator('.cs-attribution')).toHaveCount(0);
  await expect(page.getByRole('option')).toHaveCount(1);

  // The same file again opens the existing document.
  await page.getByTestId('file-input').setInputFiles(SEED);
  await expect(page.getByText('already in the library')).toBeVisible();
  await expect(page.locator('.cs-doc-item')).toHaveCount(1);
});
