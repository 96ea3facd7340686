import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CLAIMSCOPE_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
/** Appended to test names when Chromium is missing, so the skip says why. */
export const skippedWithoutChromium = hasChromium ? '' : ` (skipped: no Chromium at ${CHROMIUM}; install it or set CLAIMSCOPE_CHROMIUM)`;

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export interface Loaded {
  page: Page;
  /** What a payload set on window.__pwned (or an iframe on its parent); undefined if nothing ran. */
  pwned: unknown;
  /** Messages of every alert, confirm or prompt the page opened. */
  dialogs: string[];
  close: () => Promise<void>;
}

/**
 * Loads HTML the way a careless viewer would: JavaScript ON. Only the network is off (every request
 * aborted), so an <img onerror> payload fires. Reports whether any script ran.
 */
export async function loadWithScripts(browser: Browser, html: string): Promise<Loaded> {
  const context = await browser.newContext({ javaScriptEnabled: true, offline: true, serviceWorkers: 'block', acceptDownloads: false });
  await context.route('**', (route) => route.abort());
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.setContent(html, { waitUntil: 'load' });
  // Handlers of failed loads and svg onload run by now; give queued tasks one more turn.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
  const pwned = await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned);
  return { page, pwned, dialogs, close: () => context.close() };
}
