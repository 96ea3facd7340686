import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron module is stubbed: this checks our wiring (window options, navigation and window
// refusals, menu commands), never Electron itself.
const created: Array<{ options: any; handlers: Record<string, Function>; openHandler?: Function; loaded?: string }> = [];

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: any;
    constructor(options: any) {
      const record: (typeof created)[number] = { options, handlers: {} };
      created.push(record);
      this.webContents = {
        on: (name: string, fn: Function) => (record.handlers[name] = fn),
        setWindowOpenHandler: (fn: Function) => (record.openHandler = fn),
      };
      (this as any).loadFile = (f: string) => {
        record.loaded = f;
        return Promise.resolve();
      };
    }
    once() {}
    static fromWebContents() {
      return null;
    }
  }
  const Menu = { buildFromTemplate: (t: unknown) => ({ template: t }) };
  return { BrowserWindow, Menu, dialog: { showMessageBox: vi.fn(async () => ({ response: 1 })) }, shell: { openExternal: vi.fn() } };
});

describe('main window', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('is isolated, sandboxed, without Node, and refuses navigation and new windows', async () => {
    const { createMainWindow, rendererIndex } = await import('./window');
    createMainWindow('/app/preload.cjs');
    const w = created[0]!;
    expect(w.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    const event = { preventDefault: vi.fn() };
    w.handlers['will-navigate']!(event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(w.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(w.loaded).toBe(rendererIndex());
  });

  it('accepts IPC only from the renderer file it loaded', async () => {
    const { isOurFrame, rendererIndex } = await import('./window');
    expect(isOurFrame('file://' + rendererIndex())).toBe(true);
    expect(isOurFrame('file:///tmp/evil.html')).toBe(false);
    expect(isOurFrame('https://example.org/')).toBe(false);
    expect(isOurFrame(undefined)).toBe(false);
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
