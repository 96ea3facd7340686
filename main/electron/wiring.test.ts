import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron module is stubbed: this checks our wiring (window options, navigation and window
// refusals, the app scheme, IPC sender checks, permissions, menu commands), never Electron itself.
type Handler = (...args: any[]) => any;
const created: Array<{ options: any; handlers: Record<string, Handler[]>; openHandler?: Handler; loaded?: string; loadedBytes?: number; requestFilter?: Handler }> = [];
const dialogAnswer = { response: 1 };

vi.mock('electron', () => {
  let nextId = 1;
  class BrowserWindow {
    webContents: any;
    constructor(options: any) {
      const record: (typeof created)[number] = { options, handlers: {} };
      created.push(record);
      this.webContents = {
        id: nextId++,
        on: (name: string, fn: Handler) => (record.handlers[name] ??= []).push(fn),
        setWindowOpenHandler: (fn: Handler) => (record.openHandler = fn),
      };
      (this as any).loadURL = (u: string) => {
        record.loaded = u;
        return Promise.resolve();
      };
      (this as any).loadFile = (f: string) => {
        record.loaded = `file:${f}`;
        record.loadedBytes = fs.readFileSync(f).length;
        return Promise.resolve();
      };
      this.webContents.session = { webRequest: { onBeforeRequest: (_f: unknown, fn: Handler) => (record.requestFilter = fn) } };
      this.webContents.printToPDF = async () => new Uint8Array([37, 80, 68, 70]);
      (this as any).destroy = () => {};
    }
    once() {}
    static fromWebContents() {
      return null;
    }
  }
  const Menu = { buildFromTemplate: (t: unknown) => ({ template: t }) };
  return {
    BrowserWindow,
    Menu,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    dialog: { showMessageBox: vi.fn(async () => ({ ...dialogAnswer })) },
    shell: { openExternal: vi.fn(async () => {}) },
  };
});

const fire = (w: (typeof created)[number], name: string, ...args: unknown[]) => w.handlers[name]!.forEach((h) => h(...args));
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('main window', () => {
  beforeEach(async () => {
    created.length = 0;
    dialogAnswer.response = 1;
    const electron = (await import('electron')) as any;
    electron.dialog.showMessageBox.mockClear();
    electron.shell.openExternal.mockClear();
  });

  it('is isolated, sandboxed, without Node or middle-click, and loads our page from the app scheme', async () => {
    const { createMainWindow, RENDERER_URL } = await import('./window');
    createMainWindow('/app/preload.cjs');
    const w = created[0]!;
    expect(w.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(w.options.webPreferences.enableRemoteModule).toBeUndefined();
    expect(w.loaded).toBe(RENDERER_URL);
    expect(RENDERER_URL).toBe('claimscope://app/index.html');
  });

  it('refuses every navigation, redirect, webview and new window; each listener once', async () => {
    const { createMainWindow, hardenContents } = await import('./window');
    const win = createMainWindow('/p.cjs') as any;
    hardenContents(win.webContents); // as app's web-contents-created does: no second listener
    const w = created[0]!;
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(w.handlers[name], name).toHaveLength(1);
      const event = { preventDefault: vi.fn() };
      fire(w, name, event, 'file:///etc/passwd');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    const sub = { preventDefault: vi.fn(), isMainFrame: false };
    fire(w, 'will-frame-navigate', sub);
    expect(sub.preventDefault).toHaveBeenCalled();
    expect(w.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(w.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
  });

  it('opens a link from a document in the browser only for http(s), and only after the analyst confirms', async () => {
    const electron = (await import('electron')) as any;
    const { createMainWindow } = await import('./window');
    createMainWindow('/p.cjs');
    const w = created[0]!;
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'claimscope://app/x', 'not a url']) {
      w.openHandler!({ url });
      fire(w, 'will-navigate', { preventDefault() {} }, url);
    }
    await settle();
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();

    w.openHandler!({ url: 'https://example.org/report' });
    await settle();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(electron.dialog.showMessageBox.mock.calls[0][0]).toMatchObject({ detail: 'https://example.org/report', cancelId: 1, defaultId: 1 });
    expect(electron.shell.openExternal).not.toHaveBeenCalled(); // Cancel

    dialogAnswer.response = 0;
    fire(w, 'will-navigate', { preventDefault() {} }, 'http://example.org/a b');
    await settle();
    expect(electron.shell.openExternal).toHaveBeenCalledWith('http://example.org/a%20b');
  });

  it('serves only the bundle on the app scheme, with the CSP', async () => {
    const { rendererResponder } = await import('./window');
    const { CONTENT_SECURITY_POLICY } = await import('../server/security');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-scheme-'));
    const root = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(root, 'assets', 'a.js'), 'export {}');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET');
    const respond = rendererResponder(root);
    const get = (url: string, method = 'GET') => respond(new Request(url, { method }));
    const index = get('claimscope://app/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toBe('<!doctype html>');
    expect(get('claimscope://app/').status).toBe(200);
    expect(get('claimscope://app/assets/a.js').headers.get('content-type')).toMatch(/javascript/);
    for (const url of [
      'claimscope://app/../secret.txt',
      'claimscope://app/..%2fsecret.txt',
      'claimscope://app/%2e%2e%2fsecret.txt',
      'claimscope://app/index.html%00.js',
      'claimscope://evil/index.html',
      'claimscope://app/missing.js',
      'https://app/index.html',
    ]) {
      const r = get(url);
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toContain('SECRET');
    }
    expect(get('claimscope://app/index.html', 'POST').status).toBe(404);
  });

  it('accepts IPC only from the top frame of our window showing our page', async () => {
    const { isOurFrame, isTrustedSender, RENDERER_URL } = await import('./window');
    expect(isOurFrame(RENDERER_URL)).toBe(true);
    expect(isOurFrame(RENDERER_URL + '#x')).toBe(true);
    for (const url of ['file:///tmp/index.html', 'claimscope://evil/index.html', 'claimscope://app/other.html', 'https://example.org/', 'claimscope://user@app/index.html', undefined]) {
      expect(isOurFrame(url), String(url)).toBe(false);
    }
    const win = { webContents: { id: 7 } };
    const top = { url: RENDERER_URL, parent: null };
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: top }, win)).toBe(true);
    expect(isTrustedSender({ sender: { id: 8 }, senderFrame: top }, win)).toBe(false); // another window
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { url: RENDERER_URL, parent: top as any } }, win)).toBe(false); // a subframe
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: null }, win)).toBe(false); // frame gone
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: { url: 'https://evil.example/', parent: null } }, win)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: top }, null)).toBe(false);
  });

  it('denies every permission request and check, devices included', async () => {
    const { denyPermissions } = await import('./window');
    const handlers: Record<string, Handler> = {};
    const session = {
      setPermissionRequestHandler: (h: Handler) => (handlers.request = h),
      setPermissionCheckHandler: (h: Handler) => (handlers.check = h),
      setDevicePermissionHandler: (h: Handler) => (handlers.device = h),
    };
    denyPermissions(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      handlers.request!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check!({}, permission, 'claimscope://app', {})).toBe(false);
    }
    expect(handlers.device!({ deviceType: 'usb' })).toBe(false);
  });

  it('menu commands reach the renderer as events; undo is not a registered accelerator', async () => {
    const { buildMenu } = await import('./menu');
    const sent: unknown[] = [];
    const open = vi.fn();
    const menu = buildMenu({} as never, (e) => sent.push(e), open) as unknown as { template: any[] };
    const items = menu.template.flatMap((m) => m.submenu);
    items.find((i: any) => i.label === 'Open…').click();
    expect(open).toHaveBeenCalled();
    const undo = items.find((i: any) => i.label === 'Undo');
    expect(undo.registerAccelerator).toBe(false);
    undo.click();
    expect(sent).toEqual([{ type: 'command', command: 'undo' }]);
  });
});

describe('PDF export', () => {
  it('prints a 3 MB report from a private file (a data: URL stops at 2 MiB), refusing every other request, and removes the file', async () => {
    created.length = 0;
    const { printHtmlToPdf } = await import('./pdf');
    const html = `<!doctype html><title>r</title><p>${'x'.repeat(3 * 1024 * 1024)}</p>`;
    const pdf = await printHtmlToPdf(html);
    expect(Buffer.from(pdf).toString('latin1')).toBe('%PDF');
    const w = created[0]!;
    expect(w.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, partition: 'claimscope-pdf' });
    expect(w.loaded).toMatch(/^file:.*claimscope-pdf-.*report\.html$/);
    expect(w.loadedBytes).toBe(Buffer.byteLength(html));
    expect(fs.existsSync(w.loaded!.slice('file:'.length))).toBe(false);
    const decide = (url: string) => new Promise((r) => w.requestFilter!({ url }, r));
    expect(await decide('https://a.example/x.png')).toEqual({ cancel: true });
    expect(await decide('file:///etc/passwd')).toEqual({ cancel: true });
  });
});
