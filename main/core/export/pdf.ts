import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClaimscopeError } from '../../../common/errors';

export interface PdfOptions {
  /** The Chromium binary. Default: $CLAIMSCOPE_CHROMIUM, else /usr/bin/chromium. */
  chromiumPath?: string;
  /** Give up after this long. Default 60 s. */
  timeoutMs?: number;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Prints report HTML to an A4 PDF in headless Chromium: tagged (its structure readable by screen
 * readers and reflow), with an outline from the headings. Its title, author and subject are set
 * afterwards (pdf-info.ts), over Chromium's own. The HTML is treated as hostile: JavaScript is
 * off, every request is aborted, and Chromium's profile, config and cache live in a fresh temporary
 * folder that is removed afterwards.
 */
export async function toPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  // Loaded on demand: playwright-core costs about half a second at start-up of every CLI call.
  const { chromium } = await import('playwright-core');
  const executablePath = options.chromiumPath ?? process.env.CLAIMSCOPE_CHROMIUM ?? '/usr/bin/chromium';
  if (!isExecutable(executablePath)) {
    throw new ClaimscopeError('internal', `PDF export needs Chromium (not found at ${executablePath}): install it (apt-get install chromium) or set CLAIMSCOPE_CHROMIUM`);
  }
  const timeout = options.timeoutMs ?? 60_000;
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscope-pdf-'));
  try {
    const browser = await chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
      env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache'), HOME: home },
      timeout,
    });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false, offline: true });
      await context.route('**', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load', timeout });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        // Chromium fills .title and the page numbers itself; no script runs.
        footerTemplate:
          '<div style="width:100%;padding:0 14mm;font:8px sans-serif;color:#555;display:flex;justify-content:space-between">' +
          '<span class="title"></span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>',
        margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
        tagged: true,
        outline: true,
      });
    } finally {
      await browser.close();
    }
  } catch (err) {
    if (err instanceof ClaimscopeError) throw err;
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new ClaimscopeError('internal', `PDF export failed in Chromium (${reason}); try again, or export HTML and print it`);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
