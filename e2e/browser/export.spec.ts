import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { openSeedArticle, tagClaims } from '../support/seed';
import type { WebHost } from '../support/server';

// File > Export in browser mode: the report arrives as a download, readable and inert.

let host: WebHost;
test.afterEach(async () => {
  await host?.stop();
});

test('export the tagged seed article as an HTML report and as JSON-LD', async ({ page, context }, testInfo) => {
  host = await openSeedArticle(page);
  await tagClaims(page, ['sixth conversation']);

  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export a report' });
  await expect(dialog).toBeVisible();
  await dialog.getByText('HTML report').click();
  const popup = context.waitForEvent('page');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toBe('Kremlin-aide-unveils-specifics-of-Putin-Trump-phone-call.html');
  const file = testInfo.outputPath('report.html');
  await download.saveAs(file);
  const html = fs.readFileSync(file, 'utf8');
  expect(html).toContain('This marks the sixth conversation between the two leaders this year.');
  expect(html).not.toMatch(/<script/i);
  await expect(page.getByText('Exported Kremlin-aide')).toBeVisible();

  // The report opened in its own tab; look at it.
  const report = await popup;
  await report.waitForLoadState();
  await report.screenshot({ path: testInfo.outputPath('report.png'), fullPage: false });

  await page.keyboard.press('Control+e');
  await dialog.getByText('Web Annotation JSON-LD').click();
  await dialog.getByText('Open the report afterwards').click();
  const [jsonld] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const parsed = JSON.parse(fs.readFileSync(await jsonld.path(), 'utf8'));
  expect(JSON.stringify(parsed['@context'])).toContain('http://www.w3.org/ns/anno.jsonld');
});

test.describe('in the analyst’s language and time zone', () => {
  test.use({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });

  test('the report’s times follow the browser’s locale and zone, not raw UTC', async ({ page }, testInfo) => {
    host = await openSeedArticle(page);
    await page.keyboard.press('Control+e');
    const dialog = page.getByRole('dialog', { name: 'Export a report' });
    await dialog.getByText('HTML report').click();
    await dialog.getByText('Open the report afterwards').click();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    const file = testInfo.outputPath('report-de.html');
    await download.saveAs(file);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toMatch(/<dt>Report generated<\/dt><dd><time datetime="\d{4}-[^"]+Z" lang="de-DE">\d{1,2}\. \p{L}+ \d{4} um \d{2}:\d{2} MES?Z<\/time>/u);
    expect(html).toContain('<span class="verdict" data-verdict="unassessed">Not assessed</span>');
  });
});

test('the analyst’s name (Settings, Ctrl+,) and the verdict and summary (Verdict tab) head the report, and survive a reload', async ({ page }, testInfo) => {
  host = await openSeedArticle(page);

  await page.locator('.cs-document').focus();
  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('textbox', { name: 'Analyst name' }).fill('Ana Analyst');
  await page.keyboard.press('Enter');
  await expect(settings).toHaveCount(0);

  await page.getByRole('tab', { name: 'Verdict' }).click();
  const assessment = page.getByTestId('assessment');
  await assessment.getByRole('button', { name: /Verdict/ }).click();
  await page.getByRole('option', { name: /^Misleading/ }).click();
  await assessment.getByRole('textbox', { name: 'Summary' }).fill('Two counts of the calls disagree; the Kremlin readout is the only source.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.screenshot({ path: testInfo.outputPath('verdict-tab.png') });

  await page.reload();
  await page.getByRole('tab', { name: 'Verdict' }).click();
  await expect(page.getByTestId('assessment').getByRole('textbox', { name: 'Summary' })).toHaveValue(/Two counts of the calls disagree/);

  await page.locator('.cs-document').focus();
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export a report' });
  await dialog.getByText('Markdown').first().click();
  await dialog.getByText('Open the report afterwards').click();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const markdown = fs.readFileSync(await download.path(), 'utf8');
  expect(markdown).toContain('Ana Analyst');
  expect(markdown).toMatch(/Misleading/);
  expect(markdown).toContain('Two counts of the calls disagree');
});
