import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startWebHost, tempDir, type WebHost } from '../support/server';

// Analysts open hostile documents by trade: nothing in a file may run or load anything.

let host: WebHost;
test.afterEach(async () => {
  await host?.stop();
});

const HOSTILE = `<!doctype html><html><head><title>Leaked memo</title>
<meta name="author" content="A. Source">
<script>window.__pwned = 'script';</script>
<link rel="stylesheet" href="http://evil.example/x.css">
<style>body { background: url(http://evil.example/bg.png) }</style>
</head><body onload="window.__pwned = 'onload'">
<h1>Leaked memo</h1>
<p>The ministry said the plan was approved.<img src="http://evil.example/p.png" onerror="window.__pwned = 'onerror'"></p>
<iframe src="http://evil.example/frame"></iframe>
<p>Click <a href="javascript:window.__pwned='link'">here</a> and <a href="http://evil.example/">there</a>.</p>
<svg><script>window.__pwned = 'svg'</script></svg>
<p>&lt;script&gt;window.__pwned = 'text'&lt;/script&gt; is shown as text.</p>
</body></html>`;

test('a script-laden HTML file opens as text: nothing runs, nothing loads', async ({ page }) => {
  host = await startWebHost(path.join(tempDir(), 'claimscope.db'));
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(host.origin) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await page.goto(host.url);
  const file = path.join(tempDir(), 'memo.html');
  fs.writeFileSync(file, HOSTILE);
  await page.getByTestId('file-input').setInputFiles(file);
  await expect(page.locator('.cs-doc-heading')).toHaveText('Leaked memo');
  await expect(page.locator('.cs-document')).toContainText('The ministry said the plan was approved.');
  await expect(page.locator('.cs-document')).toContainText("<script>window.__pwned = 'text'</script> is shown as text.");
  await expect(page.locator('.cs-doc-byline')).toContainText('A. Source');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('.cs-document img, .cs-document iframe, .cs-document script, .cs-document a').count()).toBe(0);
  expect(foreign).toEqual([]);
});

test('a bad file gets one clear line and leaves the library as it was', async ({ page }) => {
  host = await startWebHost(path.join(tempDir(), 'claimscope.db'));
  await page.goto(host.url);
  const dir = tempDir();
  const good = path.join(dir, 'note.txt');
  fs.writeFileSync(good, 'A short note. It has two sentences.');
  await page.getByTestId('file-input').setInputFiles(good);
  await expect(page.locator('.cs-doc-item')).toHaveCount(1);

  const image = path.join(dir, 'photo.txt');
  fs.writeFileSync(image, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  await page.getByTestId('file-input').setInputFiles(image);
  await expect(page.getByRole('alert')).toHaveText(/photo\.txt: is a PNG image, not text; .+/);
  const empty = path.join(dir, 'empty.md');
  fs.writeFileSync(empty, '');
  await page.getByTestId('file-input').setInputFiles(empty);
  await expect(page.getByRole('alert').last()).toContainText('empty.md:');
  await expect(page.locator('.cs-doc-item')).toHaveCount(1);
  await expect(page.locator('.cs-document')).toContainText('A short note.');
});
