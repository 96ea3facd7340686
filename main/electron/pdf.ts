import { BrowserWindow } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The report's HTML to PDF with Electron's own Chromium: a hidden window with JavaScript off,
 * sandboxed, no preload, in a session of its own where every request but the report itself is
 * refused. The report is loaded from a private temporary file, not a data: URL, which Chromium
 * caps at 2 MiB (the 1 MB benchmark document makes a 3 MB report).
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscope-pdf-'));
  const file = path.join(dir, 'report.html');
  fs.writeFileSync(file, html, { encoding: 'utf8', mode: 0o600 });
  const own = pathToFileURL(file).href;
  const win = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick', partition: 'claimscope-pdf' },
  });
  try {
    win.webContents.session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (d, cb) => cb({ cancel: d.url !== own && !d.url.startsWith('data:') }));
    await win.loadFile(file);
    // As the headless path prints it (main/core/export/pdf.ts): tagged, with an outline, a footer
    // with the title and page numbers. Margins in inches: 16, 18 and 14 mm.
    return await win.webContents.printToPDF({
      printBackground: true,
      pageSize: 'A4',
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="width:100%;padding:0 14mm;font:8px sans-serif;color:#555;display:flex;justify-content:space-between">' +
        '<span class="title"></span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>',
      margins: { top: 0.63, bottom: 0.71, left: 0.55, right: 0.55 },
    });
  } finally {
    win.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
