import { expect, test } from '@playwright/test';
import path from 'node:path';
import { REPO, startWebHost, tempDir, type WebHost } from '../support/server';

// A file whose encoding the app had to guess says so, and the analyst reads it again as another;
// a web page cut to its article can be read whole. In the browser the file is chosen again.

let host: WebHost;
test.afterEach(async () => {
  await host?.stop();
});

test('a guessed encoding is named and the file can be read again in another', async ({ page }, testInfo) => {
  const file = path.join(REPO, 'test/import/encodings/iso-8859-2.txt');
  host = await startWebHost(path.join(tempDir(), 'claimscope.db'));
  await page.goto(host.url);
  await page.getByTestId('file-input').setInputFiles(file);
  const notice = page.getByRole('note');
  await expect(notice).toContainText('Read as iso-8859-2, a guess');
  await page.screenshot({ path: testInfo.outputPath('encoding-notice.png') });

  await notice.getByRole('button', { name: /Read the file again as/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('option', { name: 'Central European (Windows-1250)' }).click();
  await (await chooser).setFiles(file);
  // Read as the analyst said: no guess to report any more.
  await expect(page.locator('.cs-document')).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Document library' }).getByRole('button', { name: /iso-8859-2/ })).toHaveCount(2);
});

test('a web page cut to its article can be read whole, and back', async ({ page }) => {
  const file = path.join(REPO, 'test/import/pages/readability/ars-1/source.html');
  host = await startWebHost(path.join(tempDir(), 'claimscope.db'));
  await page.goto(host.url);
  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.locator('.cs-document')).toBeVisible();
  const articleChars = Number((await page.locator('.cs-doc-sub').innerText()).replace(/[^\d]/g, ''));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /show the whole page/ }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('button', { name: /show the article only/ })).toBeVisible();
  const wholeChars = Number((await page.locator('.cs-doc-sub').innerText()).replace(/[^\d]/g, ''));
  expect(wholeChars).toBeGreaterThan(articleChars);
});
