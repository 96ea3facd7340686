import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { expectAccessible } from '../support/axe';
import { REPO, startWebHost, tempDir, type WebHost } from '../support/server';

// A case (issue 14) as an analyst builds one: three reports of one phone call opened, a case made
// of them, the assistant's cross-document contradiction accepted, seen in the matrix with a
// hypothesis marked against it, undone and redone, and the case report exported.

const CASE = path.join(REPO, 'assist/eval/data/cases/01-leaders-phone-call');
const FILES = ['a-valdoria-presidency.txt', 'b-kestria-chancellery.txt', 'c-meridian-press-wire.txt'].map((f) => path.join(CASE, f));

let host: WebHost;
test.afterEach(async () => {
  await host?.stop();
});

test('create a case from three documents, accept a cross-document contradiction, see it in the matrix, export the report', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  host = await startWebHost(path.join(tempDir(), 'claimscope.db'));
  await page.goto(host.url);
  await page.getByTestId('file-input').setInputFiles(FILES);
  const library = page.getByRole('navigation', { name: 'Document library' });
  await expect(library.locator('.cs-library-list').last().getByRole('button')).toHaveCount(3);

  // New case, named, with the three documents.
  await library.getByRole('button', { name: 'New case…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Name').fill('Veyran–Harrow call');
  for (const box of await dialog.getByRole('checkbox').all()) await box.check();
  await expectAccessible(page, 'new case dialog');
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(dialog).toBeHidden();
  const main = page.getByRole('main', { name: 'Case Veyran–Harrow call' });
  await expect(main.getByRole('heading', { name: 'Veyran–Harrow call' })).toBeVisible();
  await expect(main).toContainText('3 documents');
  await expect(library.getByRole('list', { name: 'Documents of Veyran–Harrow call' }).getByRole('button')).toHaveCount(3);

  // The assistant reads the three and proposes; choose a contradiction: its two documents side by side, its passages outlined.
  const panel = page.getByRole('complementary', { name: 'Case panel' });
  const suggestions = panel.getByRole('tabpanel', { name: 'Suggestions' });
  const contradiction = suggestions.locator('.cs-case-inconsistency').first();
  await expect(contradiction).toBeVisible({ timeout: 60_000 });
  const explanation = (await contradiction.locator('.cs-case-explanation').textContent())!;
  await contradiction.locator('.cs-case-suggestion-show').click();
  await expect(main.locator('.cs-case-focus')).toHaveCount(2);
  for (const focus of await main.locator('.cs-case-focus').all()) await expect(focus).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('case-side-by-side.png') });
  await expectAccessible(page, 'case side by side');

  // Accept: claims tagged in both documents, one claim group, contested.
  const before = await suggestions.locator('.cs-case-suggestion').count();
  await contradiction.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText(/Grouped/)).toBeVisible();
  await expect(suggestions.locator('.cs-case-suggestion')).toHaveCount(before - 1);
  await expect(panel.getByRole('tab', { name: /Claim groups/ })).toContainText('1');
  await expect(main.locator('.cs-case-contradicts').first()).toBeVisible();

  // The matrix: one contested row, its cells stated and contradicted, the rest silent.
  await main.getByRole('tab', { name: 'Matrix' }).click();
  const matrix = main.getByRole('region', { name: 'Case matrix' });
  const rows = matrix.locator('tbody tr.cs-matrix-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('contested');
  await expect(rows.first().locator('.cs-cell-stated')).toHaveCount(1);
  await expect(rows.first().locator('.cs-cell-contradicted')).toHaveCount(1);
  await expect(rows.first().locator('.cs-cell-silent')).toHaveCount(1);
  await expect(rows.first()).toContainText(explanation.slice(0, 30));

  // A hypothesis, marked inconsistent with the contested claim: its score counts it.
  await matrix.getByLabel('New hypothesis').fill('The call was shorter than Valdoria says');
  await matrix.getByRole('button', { name: 'Add hypothesis' }).click();
  const mark = matrix.getByLabel(/against The call was shorter/);
  await mark.selectOption('inconsistent');
  await expect(matrix.locator('tfoot .cs-ach-score')).toHaveText('1');
  await matrix.getByLabel('Contested only').check();
  await expect(rows).toHaveCount(1);
  await matrix.getByLabel('Filter claim groups').fill('no such words anywhere');
  await expect(rows).toHaveCount(0);
  await matrix.getByLabel('Filter claim groups').fill('');
  await expect(rows).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('case-matrix.png') });
  await expectAccessible(page, 'case matrix');

  // Undo takes back the mark, then the hypothesis; redo brings the hypothesis back.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(matrix.locator('tfoot .cs-ach-score')).toHaveText('0');
  await page.keyboard.press('Control+z');
  await expect(matrix.locator('tfoot')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(matrix.locator('tfoot .cs-ach-score')).toHaveText('0');

  // The case report, as HTML: the matrix and the contested claim with both passages.
  await page.keyboard.press('Control+e');
  const exportDialog = page.getByRole('dialog', { name: 'Export the case report' });
  await exportDialog.getByText('HTML report').click();
  await exportDialog.getByText('Open the report afterwards').click();
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Export' }).click()]);
  const html = fs.readFileSync((await download.path())!, 'utf8');
  expect(html).toContain('Veyran–Harrow call');
  expect(html).not.toMatch(/<script/i);
  const accepted = (await contradiction.count()) >= 0 ? explanation : '';
  expect(html).toContain(accepted.slice(0, 20).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'));

  // Everything above was saved: a reload brings the case back as it was.
  await page.reload();
  await expect(page.getByRole('main', { name: 'Case Veyran–Harrow call' })).toBeVisible();
  await page.getByRole('main').getByRole('tab', { name: 'Matrix' }).click();
  await expect(page.getByRole('region', { name: 'Case matrix' }).locator('tbody tr.cs-matrix-row')).toHaveCount(1);

  // A document of the case opens on its own (to tag, link, grade) and says which case it is in; back to the case from there.
  await page.getByRole('main').getByRole('tab', { name: 'Side by side' }).click();
  await page.getByRole('region', { name: 'Column 1' }).getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('.cs-document')).toBeVisible();
  await expect(page.locator('.cs-doc-cases')).toContainText('In case: Veyran–Harrow call');
  await page.locator('.cs-doc-cases').getByRole('button', { name: 'Veyran–Harrow call' }).click();
  await expect(page.getByRole('main', { name: 'Case Veyran–Harrow call' })).toBeVisible();

  // The accepted contradiction is an inconsistency flag in both of its documents, each naming the
  // other's passage by its document; the third document has none.
  const caseDocuments = library.getByRole('list', { name: 'Documents of Veyran–Harrow call' }).getByRole('button');
  const annotations = page.getByRole('complementary', { name: 'Annotations' });
  const flagged: string[] = [];
  for (let i = 0; i < 3; i++) {
    const title = (await caseDocuments.nth(i).textContent())!;
    await caseDocuments.nth(i).click();
    // (the document clicked, not the one before it: its flags count is read only once it is open)
    await expect(page.locator('h1.cs-doc-heading')).toHaveText(title.trim());
    await expect(page.locator('.cs-document')).toBeVisible();
    await expect(annotations.getByRole('tab', { name: /Flags \d/ })).toBeVisible();
    if ((await annotations.getByRole('tab', { name: /Flags 1/ }).count()) === 0) continue;
    flagged.push(title);
    await annotations.getByRole('tab', { name: /Flags/ }).click();
    await annotations.getByRole('option').first().click();
    await expect(page.getByTestId('details')).toContainText('2 claims, 1 in other documents');
    await expect(page.getByTestId('flag-elsewhere')).toHaveCount(1);
    if (flagged.length === 1) await page.screenshot({ path: testInfo.outputPath('case-flag-in-document.png') });
  }
  expect(flagged).toHaveLength(2);
  // The other document's passage opens that document at its claim.
  await caseDocuments.filter({ hasText: flagged[0]!.slice(0, 20) }).click();
  await annotations.getByRole('tab', { name: /Flags/ }).click();
  await annotations.getByRole('option').first().click();
  await page.getByTestId('flag-elsewhere').click();
  await expect(page.locator('.cs-doc-heading')).toContainText(flagged[1]!.slice(0, 20));
  // (the flag stays open beside it, now naming the first document's passage as the one elsewhere)
  await expect(page.getByTestId('flag-elsewhere')).toContainText(flagged[0]!.slice(0, 20));
  await expect(page.locator('.cs-document .cs-selected').first()).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('case-flag-opened-elsewhere.png') });
  // Its status set from this document is undone from this document (its own history holds the step).
  await annotations.getByRole('tab', { name: /Flags/ }).click();
  await annotations.getByRole('option').first().click();
  const status = page.getByTestId('details').getByRole('button', { name: /Status \(S\)/ });
  await expect(status).toContainText('Open');
  await page.keyboard.press('s');
  await expect(status).toContainText('Confirmed');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.keyboard.press('Control+z');
  await expect(status).toContainText('Open');

  // In a narrow window the library folds to a rail: the case is on it, and opens from it.
  await page.setViewportSize({ width: 1024, height: 700 });
  const rail = page.getByRole('navigation', { name: 'Document library' });
  await expect(rail.getByRole('button', { name: 'Show the library' })).toBeVisible();
  await expect(rail.getByRole('list', { name: 'Documents' }).getByRole('button')).toHaveCount(3);
  await rail.getByRole('list', { name: 'Cases' }).getByRole('button', { name: 'Case Veyran–Harrow call' }).click();
  await expect(page.getByRole('main', { name: 'Case Veyran–Harrow call' })).toBeVisible();
  await expect(rail.getByRole('button', { name: 'Case Veyran–Harrow call' })).toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: testInfo.outputPath('case-narrow-rail.png') });
});
