import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../test/built';

// The security lint itself: it passes on this repository, and it fails, naming each problem, on a
// tree with the mistakes it exists to catch.
function lint(root?: string) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'lint-security.mjs')], {
    encoding: 'utf8',
    env: { ...process.env, ...(root ? { CLAIMSCOPE_LINT_ROOT: root } : {}) },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('npm run lint:security', () => {
  it('passes on this repository, offline, with every exception still in use', () => {
    const started = Date.now();
    const r = lint();
    expect(r.out).toContain('security lint passed');
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('fails on Node in the renderer, no isolation or sandbox, http, no navigation limits, remote, and missing fuses', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-lint-'));
    fs.mkdirSync(path.join(dir, 'main', 'electron'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', devDependencies: { electron: '45.5.0' } }));
    fs.writeFileSync(
      path.join(dir, 'main', 'electron', 'bad.ts'),
      `import { BrowserWindow, ipcMain } from 'electron';
import { dialog } from '@electron/remote';
export function open(): BrowserWindow {
  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, disableBlinkFeatures: 'Auxclick' } });
  void win.loadURL('http://example.org/');
  ipcMain.handle('x', (_event, a: unknown) => a);
  void dialog;
  return win;
}
`,
    );
    fs.writeFileSync(
      path.join(dir, 'electron-builder.yml'),
      'electronFuses:\n  runAsNode: true\n  enableCookieEncryption: true\n  onlyLoadAppFromAsar: true\n  someNewFuse: true\n',
    );
    const r = lint(dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/security lint failed/);
    expect(r.out).toMatch(/HIGH CONTEXT_ISOLATION_JS_CHECK main\/electron\/bad\.ts:4/);
    expect(r.out).toMatch(/MEDIUM SANDBOX_JS_CHECK main\/electron\/bad\.ts:4/);
    expect(r.out).toMatch(/MEDIUM HTTP_RESOURCES_JS_CHECK main\/electron\/bad\.ts:5/);
    expect(r.out).toMatch(/HIGH LIMIT_NAVIGATION_GLOBAL_CHECK/);
    expect(r.out).toMatch(/MEDIUM PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK/);
    expect(r.out).toMatch(/main\/electron\/bad\.ts:4: gives a page Node \(nodeIntegration: true\)/);
    expect(r.out).toMatch(/main\/electron\/bad\.ts:4: turns context isolation off/);
    expect(r.out).toMatch(/main\/electron\/bad\.ts: uses Electron's remote module/);
    expect(r.out).toMatch(/main\/electron\/bad\.ts:6: an ipcMain handler that does not start with isTrustedSender/);
    expect(r.out).toMatch(/electronFuses\.runAsNode must be false/);
    expect(r.out).toMatch(/electronFuses\.loadBrowserProcessSpecificV8Snapshot must be false \(is unset\)/);
    expect(r.out).toMatch(/electronFuses\.someNewFuse is not checked/);
    expect(r.out).toMatch(/electronFuses\.enableNodeOptionsEnvironmentVariable must be false \(is unset\)/);
    expect(r.out).toMatch(/electronFuses\.enableEmbeddedAsarIntegrityValidation must be true/);
    // The reviewed exceptions match nothing here: the lint says so rather than keep dead ones.
    expect(r.out).toMatch(/exception OPEN_EXTERNAL_JS_CHECK .* matches no finding any more/);
  });
});
