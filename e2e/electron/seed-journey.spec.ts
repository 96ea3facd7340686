import { _electron as electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CORPUS, REPO, tempDir } from '../support/server';
import { clickInPhrase, tagText } from '../support/text';

// The seed journey in the real Electron app. It needs the Electron runtime, which is fetched on
// first use; where it is not installed the suite reports itself skipped, with the reason.

function electronRuntime(): { path: string | null; reason: string | null } {
  const out = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `import('${path.join(REPO, 'scripts/electron-runtime.mjs')}').then(m => console.log(JSON.stringify(m.findElectron())))`],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.stdout.trim() || '{"path":null,"reason":"could not look for Electron"}');
}

const runtime = electronRuntime();
const skipReason = `Electron runtime not installed: ${runtime.reason}`;
if (!runtime.path && !process.env.TEST_WORKER_INDEX) console.log(`Electron e2e suite skipped. ${skipReason}`);
test.skip(!runtime.path, skipReason);

const SEED = path.join(CORPUS, 'kremlin-call.txt');
const CLAIM = 'This marks the sixth conversation between the two leaders this year.';

async function launch(dbPath: string, args: string[] = []) {
  const native = spawnSync(process.execPath, [path.join(REPO, 'scripts/electron-native.mjs')], { stdio: 'inherit' });
  expect(native.status).toBe(0);
  return electron.launch({
    executablePath: runtime.path!,
    args: [REPO, ...args],
    env: { ...process.env, CLAIMSCOPE_DB: dbPath },
  });
}

test('tag, quit, relaunch, find both tags, undo the last', async ({}, testInfo) => {
  const dbPath = path.join(tempDir(), 'claimscope.db');
  let app = await launch(dbPath, [SEED]);
  let page = await app.firstWindow();
  // The page sees the bridge and nothing of Node.
  expect(
    await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: typeof (globalThis as { claimscope?: { api?: unknown } }).claimscope?.api,
    })),
  ).toEqual({ require: 'undefined', process: 'undefined', bridge: 'object' });

  await expect(page.locator('.cs-document')).toContainText('This marks the sixth conversation');
  await clickInPhrase(page, 'sixth conversation');
  await page.keyboard.press('c');
  await expect.poll(() => tagText(page.locator('.cs-claim:not(.cs-pending)'))).toBe(CLAIM);
  await clickInPhrase(page, 'Yury Ushakov');
  await page.keyboard.press('a');
  await expect.poll(() => tagText(page.locator('.cs-attribution:not(.cs-pending)'))).toContain('presidential aide Yury Ushakov said');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await app.close();

  app = await launch(dbPath);
  page = await app.firstWindow();
  await page.getByRole('button', { name: /Kremlin aide unveils specifics/ }).click();
  await expect.poll(() => tagText(page.locator('.cs-claim'))).toBe(CLAIM);
  await expect.poll(() => tagText(page.locator('.cs-attribution'))).toContain('presidential aide Yury Ushakov said');
  await page.screenshot({ path: testInfo.outputPath('electron-seed-journey.png') });
  await page.locator('.cs-document').focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.cs-attribution')).toHaveCount(0);
  await app.close();
});
