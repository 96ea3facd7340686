import fs from 'node:fs';
import path from 'node:path';
import { importDocx } from './docx';
import { importHtml } from './html';
import { importMarkdown } from './markdown';
import { importPdf } from './pdf';
import { badFile } from './sniff';
import { emptyFile, importPlainText } from './text';
import { DEFAULT_MAX_IMPORT_BYTES, type ImportedDocument, type ImportOptions } from './types';

export type { ImportedDocument, ImportOptions } from './types';
export { DEFAULT_MAX_IMPORT_BYTES } from './types';

/** Extensions we open, by format. */
export const IMPORT_EXTENSIONS = {
  txt: ['.txt', '.text'],
  md: ['.md', '.markdown', '.mdown', '.mkd'],
  html: ['.html', '.htm', '.xhtml'],
  docx: ['.docx'],
  pdf: ['.pdf'],
} as const;

const SUPPORTED = '.txt, .md, .html, .docx or .pdf';

/** What to say for extensions we know but do not open. */
const UNSUPPORTED_HINTS: Record<string, string> = {
  '.doc': 'old Word 97-2003 files are not supported; open it in Word and save it as .docx',
  '.rtf': 'RTF files are not supported; save it as .docx or .txt',
  '.odt': 'OpenDocument files are not supported; save it as .docx or .pdf',
  '.pages': 'Pages files are not supported; export it as .docx or .pdf',
  '.epub': 'EPUB books are not supported; export the chapter as .html, .txt or .pdf',
};

function formatOf(ext: string): keyof typeof IMPORT_EXTENSIONS | null {
  for (const [format, exts] of Object.entries(IMPORT_EXTENSIONS)) {
    if ((exts as readonly string[]).includes(ext)) return format as keyof typeof IMPORT_EXTENSIONS;
  }
  return null;
}

/** Parses a file's bytes by its extension. Throws ClaimscopeError('bad_file') with a one-line message. */
export async function importBuffer(name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  if (bytes.length > maxBytes) throw tooLarge(name, maxBytes);
  const ext = path.extname(name).toLowerCase();
  const format = formatOf(ext);
  if (!format) {
    const hint = UNSUPPORTED_HINTS[ext];
    if (hint) {
      const [what, todo] = hint.split('; ') as [string, string];
      throw badFile(name, what, todo);
    }
    throw badFile(name, `${ext ? `"${ext}" files are` : 'a file without an extension is'} not supported`, `open a ${SUPPORTED} file`);
  }
  if (bytes.length === 0) throw emptyFile(name);
  switch (format) {
    case 'txt':
      return importPlainText(name, bytes);
    case 'md':
      return importMarkdown(name, bytes);
    case 'html':
      return importHtml(name, bytes);
    case 'docx':
      return importDocx(name, bytes);
    case 'pdf':
      return importPdf(name, bytes, options.pdfTimeoutMs !== undefined ? { timeoutMs: options.pdfTimeoutMs } : {});
  }
}

/** Reads a file for import, refusing what is missing, a directory, or over the size limit. */
export function readImportFile(file: string, options: ImportOptions = {}): Buffer {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw badFile(file, 'cannot be opened (permission denied)', 'check its permissions');
    throw badFile(file, 'no such file', 'check the path');
  }
  if (stat.isDirectory()) throw badFile(file, 'is a folder', 'choose a file inside it');
  if (!stat.isFile()) throw badFile(file, 'is not a regular file', 'choose a document file');
  if (stat.size > maxBytes) throw tooLarge(file, maxBytes);
  try {
    return fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw badFile(file, `could not be read (${code})`, 'check its permissions');
  }
}

function tooLarge(name: string, maxBytes: number) {
  return badFile(name, `the file is larger than the ${formatSize(maxBytes)} limit`, 'split it or raise the limit');
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
