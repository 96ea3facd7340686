// Renders the fixture report to HTML, PNG screenshots and PDF pages in /tmp/claimscope-export-look/,
// for a person to look at. Run: npx jiti main/core/export/testing/look.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { toHtml, toPdf } from '../../main/core/export/index';
import { kremlinFixture } from './fixture';

const OUT = '/tmp/claimscope-export-look';

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const html = toHtml(kremlinFixture().input);
  fs.writeFileSync(path.join(OUT, 'report.html'), html);

  const browser = await chromium.launch({ executablePath: process.env.CLAIMSCOPE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
    await context.route('**', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html);
    await page.screenshot({ path: path.join(OUT, 'html-full.png'), fullPage: true });
    for (const id of ['summary', 'text', 'claims', 'sources', 'inconsistencies']) {
      await page.locator(`#${id}`).screenshot({ path: path.join(OUT, `html-${id}.png`) });
    }
    await page.locator('header').screenshot({ path: path.join(OUT, 'html-header.png') });
    const zoomed = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
    await zoomed.route('**', (route) => route.abort());
    await zoomed.setContent(html);
    await zoomed.locator('.doc p').nth(1).screenshot({ path: path.join(OUT, 'html-overlap.png') });
  } finally {
    await browser.close();
  }

  const pdf = await toPdf(html);
  fs.writeFileSync(path.join(OUT, 'report.pdf'), pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', path.join(OUT, 'report.pdf'), path.join(OUT, 'pdf')]);
  console.log(fs.readdirSync(OUT).sort().join('\n'));
}

void main();
