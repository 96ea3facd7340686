import { expect, test } from '@playwright/test';
import { expectAccessible } from '../support/axe';
import path from 'node:path';
import { CORPUS, startWebHost, tempDir, type WebHost } from '../support/server';
import { clickInPhrase } from '../support/text';

// axe-core over the main screens, light and dark: no serious or critical violation (WCAG 2.1 AA:
// contrast, names, roles). The text's own highlight colours are checked too: they sit on the page.

let host: WebHost;
test.afterEach(async () => {
  await host?.stop();
});

test('the main screens have no serious or critical accessibility violation, light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  host = await startWebHost(path.join(tempDir(), 'claimscope.db'));
  await page.goto(host.url);
  await expect(page.getByRole('navigation', { name: 'Document library' })).toBeVisible();
  await expectAccessible(page, 'empty');

  await page.getByTestId('file-input').setInputFiles(path.join(CORPUS, 'kremlin-call.txt'));
  await expect(page.locator('.cs-document')).toContainText('This marks the sixth conversation');
  await clickInPhrase(page, 'sixth conversation');
  await page.keyboard.press('c');
  await clickInPhrase(page, 'Empress Catherine');
  await page.keyboard.press('c');
  await page.keyboard.press('s');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await expectAccessible(page, 'document open, a claim selected');

  await clickInPhrase(page, 'Yury Ushakov');
  await page.keyboard.press('a');
  const prompt = page.getByRole('dialog');
  await expect(prompt).toBeVisible();
  await expectAccessible(page, 'source prompt');
  // Escape closes the name list, then skips the prompt.
  await prompt.getByRole('combobox').press('Escape');
  if (await prompt.isVisible()) await prompt.getByRole('combobox').press('Escape');
  await expect(prompt).toHaveCount(0);

  await page.getByRole('tab', { name: /^Assistant/ }).click();
  await page.getByRole('region', { name: 'Assistant suggestions' }).getByRole('button', { name: 'Suggest' }).click();
  await expect(page.getByRole('list', { name: 'Inconsistencies' })).toBeVisible();
  await expectAccessible(page, 'assistant');

  await page.locator('.cs-document').focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'shortcuts dialog');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+e');
  await expect(page.getByRole('dialog', { name: /Export/ })).toBeVisible();
  await expectAccessible(page, 'export dialog');
  await page.keyboard.press('Escape');

  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(page.getByRole('button', { name: 'Show the library' })).toBeVisible();
  await expectAccessible(page, 'narrow window, library as a rail');
});
