// The file formats Claimscope reads and writes, one row each. The open dialog, the file input,
// the importer's dispatch, the export dialog, the CLI's usage and the report's file names read
// these tables; electron-builder.yml's file associations are checked against them by a test.

export const IMPORT_FORMATS = {
  txt: { label: 'Plain text', extensions: ['.txt', '.text'] },
  md: { label: 'Markdown', extensions: ['.md', '.markdown', '.mdown', '.mkd'] },
  html: { label: 'Web page', extensions: ['.html', '.htm', '.xhtml'] },
  docx: { label: 'Word document', extensions: ['.docx'] },
  pdf: { label: 'PDF', extensions: ['.pdf'] },
} as const satisfies Record<string, { label: string; extensions: readonly string[] }>;
export type ImportFormat = keyof typeof IMPORT_FORMATS;

/** Every extension Claimscope opens, with its dot. */
export const IMPORT_EXTENSIONS: readonly string[] = Object.values(IMPORT_FORMATS).flatMap((f) => f.extensions);

/** The format a file extension (with its dot, any case) is read as, or null. */
export function importFormatOf(ext: string): ImportFormat | null {
  const lower = ext.toLowerCase();
  for (const [format, info] of Object.entries(IMPORT_FORMATS)) {
    if ((info.extensions as readonly string[]).includes(lower)) return format as ImportFormat;
  }
  return null;
}

/** Extensions we know but do not open: what it is, and what to do instead. */
export const UNSUPPORTED_IMPORTS: Readonly<Record<string, { what: string; todo: string }>> = {
  '.doc': { what: 'old Word 97-2003 files are not supported', todo: 'open it in Word and save it as .docx' },
  '.rtf': { what: 'RTF files are not supported', todo: 'save it as .docx or .txt' },
  '.odt': { what: 'OpenDocument files are not supported', todo: 'save it as .docx or .pdf' },
  '.pages': { what: 'Pages files are not supported', todo: 'export it as .docx or .pdf' },
  '.epub': { what: 'EPUB books are not supported', todo: 'export the chapter as .html, .txt or .pdf' },
};

/** Whether `label` names an encoding TextDecoder can decode with (WHATWG Encoding Standard labels). */
export function isEncodingLabel(label: string): boolean {
  try {
    return new TextDecoder(label.trim()).encoding !== 'replacement';
  } catch {
    return false;
  }
}

/** The largest file an import accepts. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const EXPORT_FORMAT_INFO = {
  html: { label: 'HTML report', hint: 'One self-contained file for screen and print', ext: '.html', mimeType: 'text/html', binary: false },
  pdf: { label: 'PDF report', hint: 'The same report, paginated', ext: '.pdf', mimeType: 'application/pdf', binary: true },
  md: { label: 'Markdown', hint: 'For wikis and tickets', ext: '.md', mimeType: 'text/markdown', binary: false },
  csv: { label: 'CSV of claims', hint: 'One row a claim, for spreadsheets', ext: '.csv', mimeType: 'text/csv', binary: false },
  json: { label: 'Web Annotation JSON-LD', hint: 'W3C model; re-importable into Claimscope', ext: '.jsonld', mimeType: 'application/ld+json', binary: false },
  claimreview: {
    label: 'ClaimReview JSON-LD',
    hint: 'schema.org, for claims with a verdict',
    ext: '.claimreview.jsonld',
    mimeType: 'application/ld+json',
    binary: false,
  },
} as const satisfies Record<string, { label: string; hint: string; ext: string; mimeType: string; binary: boolean }>;
export type ExportFormatId = keyof typeof EXPORT_FORMAT_INFO;
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMAT_INFO) as [ExportFormatId, ...ExportFormatId[]];
