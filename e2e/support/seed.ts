import { expect, type Page } from '@playwright/test';
import path from 'node:path';
import { CORPUS, startWebHost, tempDir, type WebHost } from './server';
import { clickInPhrase } from './text';

export const SEED = path.join(CORPUS, 'kremlin-call.txt');

/** A web host on a fresh database, the app open in `page`, and the seed article imported and shown. */
export async function openSeedArticle(page: Page): Promise<WebHost> {
  const host = await startWebHost(path.join(tempDir(), 'claimscope.db'));
  await page.goto(host.url);
  await page.getByTestId('file-input').setInputFiles(SEED);
  await expect(page.locator('.cs-document')).toContainText('This marks the sixth conversation');
  return host;
}

/** Tags the sentence around each phrase as a claim (click, C) and waits until it is saved. */
export async function tagClaims(page: Page, phrases: readonly string[]): Promise<void> {
  for (const phrase of phrases) {
    await clickInPhrase(page, phrase);
    await page.keyboard.press('c');
  }
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
}
