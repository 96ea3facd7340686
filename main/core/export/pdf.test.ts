import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimscopeError } from '../../../common/errors';
import { toHtml, toPdf } from './index';
import { kremlinFixture, TITLE } from '../../../test/export/fixture';

const CHROMIUM = process.env.CLAIMSCOPE_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// Appended to test names when Chromium is missing, so the skip says why.
const skipped = hasChromium ? '' : ` (skipped: no Chromium at ${CHROMIUM}; install it or set CLAIMSCOPE_CHROMIUM)`;

describe('toPdf', () => {
  it('says how to get Chromium when it is missing', async () => {
    const err = await toPdf('<p>x</p>', { chromiumPath: '/nonexistent/chromium' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClaimscopeError);
    expect((err as ClaimscopeError).code).toBe('internal');
    expect((err as ClaimscopeError).message).toMatch(/^PDF export needs Chromium .*install it \(apt-get install chromium\) or set CLAIMSCOPE_CHROMIUM$/);
  });

  it.skipIf(!hasChromium)(`prints the report to an A4 PDF holding the title${skipped}`, async () => {
    const pdf = await toPdf(toHtml(kremlinFixture().input));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!hasPdftotext) return; // poppler-utils absent: the bytes are all we can check.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimscope-pdf-test-')), 'report.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    expect(text.replace(/\s+/g, ' ')).toContain(TITLE);
    expect(text).toContain('<script>alert(1)</script>');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(1);
  });

  it.skipIf(!hasChromium)(`runs no script and loads nothing, whatever the HTML asks${skipped}`, async () => {
    const hostile = `<!DOCTYPE html><html><head><title>Hostile</title></head><body>
      <p id="out">static text</p>
      <script>document.getElementById('out').textContent = 'SCRIPT RAN';</script>
      <img src="http://127.0.0.1:9/beacon.png"><link rel="stylesheet" href="http://127.0.0.1:9/x.css">
      <iframe src="file:///etc/passwd"></iframe></body></html>`;
    const pdf = await toPdf(hostile);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (!hasPdftotext) return;
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' });
    expect(text).toContain('static text');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).not.toContain('root:');
  });
});
