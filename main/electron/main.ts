import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_EXTENSIONS } from '../../common/formats';
import { API_CHANNEL, EVENT_CHANNEL, GRANT_CHANNEL, type AppEvent } from '../../common/methods';
import { describeDamage, type DamageReport } from '../../db/open';
import { oneLine, openApp, type App } from '../app';
import { DB_FILE_NAME } from '../paths';
import { buildMenu } from './menu';
import { workspaceKeychain } from './keychain';
import { printHtmlToPdf } from './pdf';
import { createMainWindow, denyPermissions, hardenContents, isTrustedSender, registerAppScheme, serveRenderer } from './window';

// The Electron shell: lifecycle, one window, menu, dialogs and the IPC wiring. The data work is
// all in main/service through the same router the web host uses.

let win: BrowserWindow | null = null;
let claimscope: App | null = null;
let damaged: DamageReport | null = null;
const pendingFiles: string[] = [];

/** better-sqlite3 built for Electron's ABI lives in its own folder (see scripts/electron-native.mjs). */
function electronNativeBinding(): string | undefined {
  const candidates = [
    path.join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    path.join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => fs.existsSync(p));
}

/** Paths the analyst gave this window: dialog choices, launch arguments, drops. */
const granted = new Set<string>();

function send(event: AppEvent): void {
  win?.webContents.send(EVENT_CHANNEL, event);
}

async function importPath(file: string): Promise<void> {
  granted.add(path.resolve(file));
  if (!claimscope) {
    pendingFiles.push(file);
    return;
  }
  try {
    const { document } = await claimscope.client.importFile({ path: file });
    send({ type: 'opened', documentId: document.id });
  } catch (err) {
    send({ type: 'error', message: oneLine(err) });
  }
}

async function openFileDialog(): Promise<void> {
  if (!win) return;
  const { canceled, filePaths } = await dialog.showOpenDialog(win, {
    title: 'Open documents',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Documents', extensions: IMPORT_EXTENSIONS.map((e) => e.slice(1)) }],
  });
  // Several at once (the documents of a case); each opens in turn, the last one stays on the desk.
  if (!canceled) for (const p of filePaths) await importPath(p);
}

function filesFromArgv(argv: string[]): string[] {
  return argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-') && fs.existsSync(a) && fs.statSync(a).isFile());
}

function start(): void {
  const dbPath = process.env.CLAIMSCOPE_DB || path.join(app.getPath('userData'), DB_FILE_NAME);
  try {
    const keychain = workspaceKeychain(path.join(path.dirname(dbPath), 'workspace-password.bin'));
    claimscope = openApp(dbPath, {
      nativeBinding: electronNativeBinding(),
      renderPdf: printHtmlToPdf,
      warmAssistant: true,
      onDamaged: (r) => (damaged = r),
      liveWorkspace: true,
      workspacePassword: keychain.get,
      rememberWorkspacePassword: keychain.set,
    });
  } catch (err) {
    dialog.showErrorBox('Claimscope cannot open its database', `${dbPath}: ${oneLine(err)}`);
    app.exit(1);
    return;
  }
  const dispatch = claimscope.dispatch;
  ipcMain.handle(API_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event, win)) {
      return { ok: false, error: { code: 'unauthorized', message: 'request from an unknown frame' } };
    }
    // The page reads no file it was not given: a path from the open dialog, the command line or
    // a drop (the preload reports those), never one a script made up.
    if (method === 'importFile') {
      const file = (input as { path?: unknown } | null)?.path;
      if (typeof file !== 'string' || !granted.has(path.resolve(file))) {
        return { ok: false, error: { code: 'unauthorized', message: `importFile: ${typeof file === 'string' ? file : 'that path'} was not chosen in this window; open it with Open… or drop it on the window` } };
      }
    }
    return dispatch(method, input);
  });
  ipcMain.on(GRANT_CHANNEL, (event, file: unknown) => {
    if (!isTrustedSender(event, win) || typeof file !== 'string' || file.length === 0 || file.length > 4096) {
      event.returnValue = false;
      return;
    }
    granted.add(path.resolve(file));
    event.returnValue = true;
  });

  denyPermissions(session.defaultSession);
  serveRenderer();

  win = createMainWindow(path.join(__dirname, '..', 'preload', 'preload.cjs'));
  Menu.setApplicationMenu(buildMenu(win, send, () => void openFileDialog()));
  win.on('closed', () => {
    win = null;
  });
  win.webContents.once('did-finish-load', () => {
    for (const f of pendingFiles.splice(0)) void importPath(f);
  });
  if (damaged) {
    const report = damaged;
    void dialog.showMessageBox(win, {
      type: 'warning',
      message: 'Claimscope found its database damaged and started a new one',
      detail: `${describeDamage(report)}.\n\nThe damaged file was kept; nothing was deleted.`,
    });
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  pendingFiles.push(...filesFromArgv(process.argv));
  app.on('second-instance', (_event, argv) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    for (const f of filesFromArgv(argv)) void importPath(f);
  });
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('session-created', (created) => denyPermissions(created));
  // macOS hands files opened from Finder (or dropped on the Dock icon) over as events.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    void importPath(file);
  });
  app.whenReady().then(start, (err) => {
    console.error(`claimscope: ${oneLine(err)}`);
    app.exit(1);
  });
  app.on('window-all-closed', () => {
    claimscope?.close();
    app.quit();
  });
}
