import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { caseBenchDocs, evalTexts } from '../../bench/cases';
import { REPO, startWebHost, tempDir, type WebHost } from '../support/server';

// A case of eight long reports (about half a megabyte): while the assistant reads them, the case
// panel says how many it has read, then shows what it found.

let host: WebHost;
test.afterEach(async () => {
  await host?.stop();
});

test('matching a long case shows the documents read so far, then the suggestions', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const dir = tempDir();
  const docs = caseBenchDocs(evalTexts(path.join(REPO, 'assist', 'eval', 'data')), 8, 60_000);
  const files = docs.map((d, i) => {
    const file = path.join(dir, `report-${i + 1}.txt`);
    fs.writeFileSync(file, d.text);
    return file;
  });
  host = await startWebHost(path.join(dir, 'claimscope.db'));
  await page.goto(host.url);
  await page.getByTestId('file-input').setInputFiles(files);
  const library = page.getByRole('navigation', { name: 'Document library' });
  await expect(library.locator('.cs-library-list').last().getByRole('button')).toHaveCount(8, { timeout: 60_000 });

  await library.getByRole('button', { name: 'New case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Name').fill('Eight reports');
  for (const box of await dialog.getByRole('checkbox').all()) await box.check();
  await dialog.getByRole('button', { name: 'Create case' }).click();

  // (opening the case starts the matching; the panel asks how far it is every 300 ms)
  const panel = page.getByRole('complementary', { name: 'Case panel' });
  await expect(panel.getByRole('button', { name: /^Reading the documents… \d of 8$/ })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('case-reading-progress.png') });
  await testInfo.attach('case-reading-progress', { path: testInfo.outputPath('case-reading-progress.png'), contentType: 'image/png' });
  await expect(panel.locator('.cs-case-suggestion').first()).toBeVisible({ timeout: 120_000 });
  await expect(panel.getByRole('button', { name: 'Find matches' })).toBeEnabled();
});
