import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startWebHost, tempDir, type WebHost } from '../support/server';
import { clickInPhrase, tagText } from '../support/text';

// A web page's data table shows as a table, and a claim tagged in a cell covers that cell only.

let host: WebHost;
test.afterEach(async () => {
  await host?.stop();
});

const PAGE = `<!doctype html><html><head><title>Flood toll by district</title></head><body><article>
<h1>Flood toll by district</h1>
<p>The regional authority published the latest figures on Tuesday, and officials said they expected the numbers to change as rescue teams reached cut-off villages in the hills.</p>
<table><thead><tr><th>District</th><th>Dead</th><th>Missing</th></tr></thead>
<tbody><tr><td>North Vale recorded the heaviest losses</td><td>12</td><td>40</td></tr>
<tr><td>South Ridge</td><td>3</td><td>7</td></tr><tr><td>East Marsh</td><td>1</td><td>2</td></tr></tbody></table>
<p>Rescue teams were still searching for the missing on Wednesday, the authority said in a statement issued late in the evening.</p>
</article></body></html>`;

test('a table shows as a table, and C in a cell tags that cell only', async ({ page }, testInfo) => {
  const file = path.join(tempDir(), 'flood.html');
  fs.writeFileSync(file, PAGE);
  host = await startWebHost(path.join(tempDir(), 'claimscope.db'));
  await page.goto(host.url);
  await page.getByTestId('file-input').setInputFiles(file);
  const table = page.locator('.cs-document table');
  await expect(table).toBeVisible();
  await expect(table.locator('th')).toHaveText(['District', 'Dead', 'Missing']);
  await expect(table.locator('tr')).toHaveCount(4);

  await clickInPhrase(page, 'heaviest losses');
  await page.keyboard.press('c');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await expect.poll(() => tagText(page.locator('.cs-claim'))).toBe('North Vale recorded the heaviest losses');
  await table.screenshot({ path: testInfo.outputPath('table.png') });
});
