// Reads an exported PDF back with pdf.js (the library the PDF importer uses): each page's text,
// the document information dictionary, whether it is tagged, and its outline.

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<Pdfjs> | undefined;

function pdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    if (!g.pdfjsWorker) g.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

export interface ReadPdf {
  pages: string[];
  info: Record<string, unknown>;
  tagged: boolean;
  /** Every entry's title, depth first. */
  outline: string[];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const lib = await pdfjs();
  const doc = await lib.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      // Runs as Chromium cut them (a word may be two), a space where a line ends.
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('').replace(/\s+/g, ' ').trim());
    }
    const { info } = await doc.getMetadata();
    const mark = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
    const outline: string[] = [];
    const walk = (items: ReadonlyArray<{ title: string; items: unknown[] }>) => {
      for (const item of items) {
        outline.push(item.title);
        walk(item.items as Array<{ title: string; items: unknown[] }>);
      }
    };
    walk((await doc.getOutline()) ?? []);
    return { pages, info: info as Record<string, unknown>, tagged: mark?.Marked === true, outline };
  } finally {
    await doc.destroy();
  }
}
