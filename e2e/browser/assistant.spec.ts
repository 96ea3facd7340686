import { expect, test } from '@playwright/test';
import path from 'node:path';
import { CORPUS, startWebHost, tempDir, type WebHost } from '../support/server';

// The assistant proposes; the analyst accepts with Enter or rejects with Delete.

let host: WebHost;
test.afterEach(async () => {
  await host?.stop();
});

test('suggest, accept an inconsistency as a flag, reject an attribution; rejection sticks', async ({ page }, testInfo) => {
  host = await startWebHost(path.join(tempDir(), 'claimscope.db'));
  await page.goto(host.url);
  await page.getByTestId('file-input').setInputFiles(path.join(CORPUS, 'kremlin-call.txt'));
  await expect(page.locator('.cs-document')).toContainText('This marks the sixth conversation');

  await page.getByRole('tab', { name: /^Assistant/ }).click();
  const assistant = page.getByRole('region', { name: 'Assistant suggestions' });
  await assistant.getByRole('button', { name: 'Suggest' }).click();
  const inconsistencies = assistant.getByRole('list', { name: 'Inconsistencies' });
  const count = inconsistencies.getByRole('listitem').filter({ hasText: 'sixth conversation' });
  await expect(count).toHaveCount(1);
  await expect(page.locator('.cs-suggestion-inconsistency').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('assistant-suggestions.png') });

  await count.getByRole('button').first().click();
  await expect(page.locator('.cs-suggestion-selected').first()).toBeVisible();
  await page.locator('.cs-document').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cs-flagged').first()).toBeVisible();
  // The note that says what was accepted sits beside the text, not over it, and leaves by itself.
  const note = page.getByRole('status').filter({ hasText: /^Accepted 1/ });
  await expect(note).toBeVisible();
  const [noteBox, textBox] = [(await note.boundingBox())!, (await page.locator('.cs-main').boundingBox())!];
  expect(noteBox.x, 'the toast starts right of the text column').toBeGreaterThanOrEqual(textBox.x + textBox.width);
  await expect(note).toHaveCount(0, { timeout: 8000 });
  await expect(page.locator('.cs-claim').filter({ hasText: 'sixth conversation' }).first()).toBeVisible();
  await expect(count).toHaveCount(0);

  const attributions = assistant.getByRole('list', { name: 'Attributions' });
  const moscow = attributions.getByRole('listitem').filter({ hasText: 'According to Moscow' });
  await moscow.getByRole('button').first().click();
  await page.locator('.cs-document').focus();
  await page.keyboard.press('Delete');
  await expect(moscow).toHaveCount(0);

  // Running again does not bring the rejected one back; undo restores the pending flag suggestion.
  await assistant.getByRole('button', { name: 'Run again' }).click();
  await expect(assistant.getByRole('button', { name: 'Run again' })).toBeEnabled();
  await expect(attributions.getByRole('listitem').filter({ hasText: 'According to Moscow' })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(attributions.getByRole('listitem').filter({ hasText: 'According to Moscow' })).toHaveCount(1);

  await assistant.getByRole('group', { name: 'Attributions suggested' }).getByRole('button', { name: 'Accept all' }).click();
  await expect(attributions).toHaveCount(0);
  await expect(page.locator('.cs-attribution').filter({ hasText: 'Yury Ushakov' }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('assistant-accepted.png') });
});
