import { BrowserWindow, dialog, protocol, shell, type Session, type WebContents, type WebFrameMain } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../server/security';

// The window and everything that keeps its page in its box (Electron's security checklist): the
// page is served from our own scheme, not file:// (so the GrantFileProtocolExtraPrivileges fuse can
// stay off); isolated, sandboxed, without Node; no navigation, no new windows, no permissions; IPC
// only from our top frame; links opened in the browser only after the analyst confirms.

/** The renderer is served as claimscope://app/… from the bundle folder, nothing else. */
export const APP_SCHEME = 'claimscope';
export const APP_HOST = 'app';
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The built renderer (dist/renderer), inside the asar when packaged. */
export function rendererDir(): string {
  return path.join(__dirname, '..', 'renderer');
}

/** Registers the scheme as standard and secure (own origin, web storage, fetch). Before `ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/**
 * Answers claimscope://app/<path> with the file at <root>/<path>; anything else (another host, a
 * path leaving the folder, a method other than GET) is 404. Every answer carries the CSP.
 */
export function rendererResponder(root: string): (request: Request) => Response {
  const base = path.resolve(root);
  const notFound = () => new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return (request) => {
    let url: URL;
    let rel: string;
    try {
      url = new URL(request.url);
      rel = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    if (rel.includes('\0')) return notFound();
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = path.resolve(base, '.' + rel);
    if (!file.startsWith(base + path.sep)) return notFound();
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch {
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(data), {
      status: 200,
      headers: {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/** Serves the renderer bundle on the app scheme (default session only). After `ready`. */
export function serveRenderer(): void {
  protocol.handle(APP_SCHEME, rendererResponder(rendererDir()));
}

/** The page the app loaded: IPC from any other URL is refused. */
export function isOurFrame(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.pathname === '/index.html' && !u.username && !u.port;
  } catch {
    return false;
  }
}

/** An IPC call is ours when it comes from the top frame of our window, showing our page. */
export function isTrustedSender(
  event: { sender?: { id: number } | null; senderFrame?: Pick<WebFrameMain, 'url' | 'parent'> | null },
  win: { webContents: { id: number } } | null,
): boolean {
  const frame = event.senderFrame;
  if (!frame || !win || !event.sender || event.sender.id !== win.webContents.id) return false;
  return frame.parent === null && isOurFrame(frame.url);
}

/** Links from documents open in the system browser only after the analyst confirms, only http(s). */
export async function confirmExternal(contents: WebContents, url: string): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const win = BrowserWindow.fromWebContents(contents);
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: parsed.toString(),
  };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  // The URL was parsed, is http(s) only, and the analyst saw it and agreed.
  await shell.openExternal(parsed.toString());
  return true;
}

/**
 * For every web contents the app creates (the main window, the PDF printer, anything later): no
 * navigation away (a link's http(s) address is offered to the browser instead), no redirects, no
 * new windows, no <webview>.
 */
const hardened = new WeakSet<WebContents>();
export function hardenContents(contents: WebContents): void {
  if (hardened.has(contents)) return; // once per contents, or a link would ask twice
  hardened.add(contents);
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    void confirmExternal(contents, url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void confirmExternal(contents, url);
    return { action: 'deny' };
  });
}

/** No permission is ever granted: camera, microphone, notifications, geolocation, devices... */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    title: 'Claimscope',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // Middle-click on a link must not open anything.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(RENDERER_URL);
  return win;
}
