import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL, EVENT_CHANNEL, GRANT_CHANNEL } from '../../common/methods';

// The Electron shell's lifecycle with the electron module stubbed and a real database file: the
// single-instance lock, a second launch, IPC sender checks, permissions in every session, the
// app scheme and the damaged-database dialog. Electron itself is never loaded.
type Handler = (...args: any[]) => any;

const h = vi.hoisted(() => {
  const state = {
    lock: true,
    appListeners: {} as Record<string, Handler[]>,
    ready: null as null | (() => void),
    windows: [] as any[],
    ipc: {} as Record<string, Handler>,
    calls: [] as string[],
  };
  return state;
});

vi.mock('electron', () => {
  let nextId = 1;
  class BrowserWindow {
    webContents: any;
    listeners: Record<string, Handler[]> = {};
    minimized = true;
    restored = false;
    focused = false;
    loaded?: string;
    constructor(readonly options: any) {
      const wc: any = {
        id: nextId++,
        sent: [] as unknown[],
        handlers: {} as Record<string, Handler[]>,
        on: (n: string, fn: Handler) => ((wc.handlers[n] ??= []).push(fn), wc),
        once: (n: string, fn: Handler) => ((wc.handlers[n] ??= []).push(fn), wc),
        send: (_channel: string, payload: unknown) => wc.sent.push([_channel, payload]),
        setWindowOpenHandler: (fn: Handler) => (wc.openHandler = fn),
      };
      this.webContents = wc;
      h.windows.push(this);
      // Electron emits web-contents-created for every new contents.
      h.appListeners['web-contents-created']?.forEach((f) => f({}, wc));
    }
    on(n: string, fn: Handler) {
      (this.listeners[n] ??= []).push(fn);
    }
    once(n: string, fn: Handler) {
      this.on(n, fn);
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.restored = true;
    }
    focus() {
      this.focused = true;
    }
    show() {}
    loadURL(u: string) {
      this.loaded = u;
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
  }
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: () => (h.calls.push('lock'), h.lock),
    quit: () => h.calls.push('quit'),
    exit: (code: number) => h.calls.push(`exit ${code}`),
    on: (n: string, fn: Handler) => (h.appListeners[n] ??= []).push(fn),
    whenReady: () => new Promise<void>((resolve) => (h.ready = resolve)),
    getPath: () => os.tmpdir(),
    getAppPath: () => '/nonexistent',
  };
  const permissionHandlers = () => {
    const s: any = { handlers: {} };
    s.setPermissionRequestHandler = (f: Handler) => (s.handlers.request = f);
    s.setPermissionCheckHandler = (f: Handler) => (s.handlers.check = f);
    s.setDevicePermissionHandler = (f: Handler) => (s.handlers.device = f);
    return s;
  };
  return {
    app,
    BrowserWindow,
    Menu: { buildFromTemplate: (t: unknown) => ({ template: t }), setApplicationMenu: () => h.calls.push('menu') },
    ipcMain: { handle: (channel: string, fn: Handler) => (h.ipc[channel] = fn), on: (channel: string, fn: Handler) => (h.ipc[channel] = fn) },
    session: { defaultSession: permissionHandlers(), makeSession: permissionHandlers },
    protocol: {
      registerSchemesAsPrivileged: (schemes: any[]) => h.calls.push(`scheme ${JSON.stringify(schemes)}`),
      handle: (scheme: string) => h.calls.push(`handle ${scheme}`),
    },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 1 })),
      showErrorBox: vi.fn(),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    },
    shell: { openExternal: vi.fn() },
  };
});

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
};

async function launch(options: { db: string; argv?: string[]; lock?: boolean }) {
  vi.resetModules();
  h.lock = options.lock ?? true;
  h.appListeners = {};
  h.windows = [];
  h.ipc = {};
  h.calls = [];
  h.ready = null;
  const argv = process.argv;
  const env = process.env.CLAIMSCOPE_DB;
  const restoreEnv = () => {
    if (env === undefined) delete process.env.CLAIMSCOPE_DB;
    else process.env.CLAIMSCOPE_DB = env;
  };
  process.argv = [process.execPath, '/app', ...(options.argv ?? [])];
  process.env.CLAIMSCOPE_DB = options.db; // read when the app is ready
  try {
    await import('./main');
  } finally {
    process.argv = argv;
  }
  const electron = (await import('electron')) as any;
  return {
    electron,
    emit: (name: string, ...args: unknown[]) => h.appListeners[name]?.forEach((f) => f(...args)),
    start: async () => {
      try {
        h.ready?.();
        await settle();
      } finally {
        restoreEnv();
      }
    },
  };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cs-electron-'));
}

describe('Electron shell lifecycle', () => {
  afterEach(() => {
    // Close the database the shell opened.
    h.appListeners['window-all-closed']?.forEach((f) => f());
  });

  it('a second launch that does not get the single-instance lock quits at once, touching nothing', async () => {
    const dir = tempDir();
    const { start } = await launch({ db: path.join(dir, 'c.db'), lock: false });
    await start();
    expect(h.calls).toEqual(['lock', 'quit']);
    expect(h.ready).toBeNull(); // never waited for ready
    expect(Object.keys(h.appListeners)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'c.db'))).toBe(false);
  });

  it('holds the lock, serves the app scheme, denies permissions in every session, checks IPC senders', async () => {
    const dir = tempDir();
    const first = path.join(dir, 'first.txt');
    fs.writeFileSync(first, 'The first document. It has two sentences.');
    const { electron, emit, start } = await launch({ db: path.join(dir, 'c.db'), argv: [first] });
    // Before ready: the scheme is privileged, second launches, macOS file opening and new contents are handled.
    expect(h.calls[0]).toBe('lock');
    expect(h.calls[1]).toMatch(/^scheme .*"scheme":"claimscope".*"standard":true,"secure":true/);
    for (const name of ['second-instance', 'web-contents-created', 'session-created', 'open-file', 'window-all-closed']) {
      expect(h.appListeners[name], name).toHaveLength(1);
    }
    await start();
    expect(h.calls).toContain('handle claimscope');
    const win = h.windows[0];
    expect(win.loaded).toBe('claimscope://app/index.html');
    expect(win.webContents.handlers['will-navigate']).toHaveLength(1); // hardened once, not twice

    // The file it was launched with opens once the page has loaded.
    win.webContents.handlers['did-finish-load'].forEach((f: Handler) => f());
    await settle();
    expect(win.webContents.sent).toEqual([[EVENT_CHANNEL, { type: 'opened', documentId: 1 }]]);

    // IPC: our top frame only.
    const ipc = h.ipc[API_CHANNEL]!;
    const top = { url: 'claimscope://app/index.html', parent: null };
    const ours = await ipc({ sender: win.webContents, senderFrame: top }, 'listDocuments', {});
    expect(ours).toMatchObject({ ok: true, value: { documents: [{ id: 1 }] } });
    for (const event of [
      { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: win.webContents, senderFrame: { url: top.url, parent: top } },
      { sender: win.webContents, senderFrame: null },
      { sender: { id: 999 }, senderFrame: top },
    ]) {
      expect(await ipc(event, 'listDocuments', {})).toEqual({ ok: false, error: { code: 'unauthorized', message: 'request from an unknown frame' } });
    }
    expect(await ipc({ sender: win.webContents, senderFrame: top }, 'nope', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

    // importFile reads only paths the analyst gave this window: not one a script made up...
    const secret = path.join(dir, 'secret.txt');
    fs.writeFileSync(secret, 'Not for the page. Two sentences.');
    expect(await ipc({ sender: win.webContents, senderFrame: top }, 'importFile', { path: secret })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringMatching(/was not chosen in this window/) },
    });
    // ...but one dropped on the window (the preload reports it), and only from our frame.
    const grant = h.ipc[GRANT_CHANNEL]!;
    const refused = { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null }, returnValue: undefined as unknown };
    grant(refused, secret);
    expect(refused.returnValue).toBe(false);
    const accepted = { sender: win.webContents, senderFrame: top, returnValue: undefined as unknown };
    grant(accepted, secret);
    expect(accepted.returnValue).toBe(true);
    expect(await ipc({ sender: win.webContents, senderFrame: top }, 'importFile', { path: secret })).toMatchObject({ ok: true });

    // Permissions: the default session and any session created later (the PDF printer's).
    const later = electron.session.makeSession();
    emit('session-created', later);
    for (const s of [electron.session.defaultSession, later]) {
      const cb = vi.fn();
      s.handlers.request({}, 'media', cb, {});
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.handlers.check({}, 'notifications')).toBe(false);
      expect(s.handlers.device({})).toBe(false);
    }

    // A second launch with a file: the first window comes forward and opens it.
    const second = path.join(dir, 'second.txt');
    fs.writeFileSync(second, 'Another document entirely. Opened from a second launch.');
    emit('second-instance', {}, [process.execPath, '/app', '--some-switch', second, path.join(dir, 'missing.txt')]);
    await settle();
    expect(win.restored).toBe(true);
    expect(win.focused).toBe(true);
    expect(win.webContents.sent.at(-1)).toEqual([EVENT_CHANNEL, { type: 'opened', documentId: 3 }]);

    // macOS: a file opened from Finder.
    const third = path.join(dir, 'third.md');
    fs.writeFileSync(third, '# Third\n\nFrom Finder.');
    const openEvent = { preventDefault: vi.fn() };
    emit('open-file', openEvent, third);
    await settle();
    expect(openEvent.preventDefault).toHaveBeenCalled();
    expect(win.webContents.sent.at(-1)).toEqual([EVENT_CHANNEL, { type: 'opened', documentId: 4 }]);
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('tells the analyst in a dialog, with the path, when the database was damaged and moved aside', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'c.db');
    fs.writeFileSync(db, 'this was never a database '.repeat(100));
    const { electron, start } = await launch({ db });
    electron.dialog.showMessageBox.mockClear();
    await start();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const [, options] = electron.dialog.showMessageBox.mock.calls[0];
    expect(options.type).toBe('warning');
    const moved = fs.readdirSync(dir).find((n) => n.startsWith('c.db.damaged-'))!;
    expect(options.detail).toContain(path.join(dir, moved));
    expect(options.detail).toContain('nothing was deleted');
    expect(fs.readFileSync(path.join(dir, moved), 'utf8')).toMatch(/^this was never a database/);
  });
});
