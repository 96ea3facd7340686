import fs from 'node:fs';
import path from 'node:path';
import { importDocx } from './docx';
import { importHtml } from './html';
import { importMarkdown } from './markdown';
import { importPdf } from './pdf';
import { badFile } from './sniff';
import { emptyFile, importPlainText } from './text';
import { IMPORT_FORMATS, importFormatOf, isEncodingLabel, UNSUPPORTED_IMPORTS, type ImportFormat } from '../../../common/formats';
import { DEFAULT_MAX_IMPORT_BYTES, type ImportedDocument, type ImportOptions } from './types';

export type { ImportedDocument, ImportOptions } from './types';
export { DEFAULT_MAX_IMPORT_BYTES } from './types';

const formats = Object.values(IMPORT_FORMATS).map((f) => f.extensions[0]);
const SUPPORTED = `${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}`;

/** Each format's reader: the compiler asks for one per row of IMPORT_FORMATS. */
const READERS: Record<ImportFormat, (name: string, bytes: Uint8Array, options: ImportOptions) => ImportedDocument | Promise<ImportedDocument>> = {
  txt: (name, bytes, options) => importPlainText(name, bytes, decodeChoice(options)),
  md: (name, bytes, options) => importMarkdown(name, bytes, decodeChoice(options)),
  html: (name, bytes, options) => importHtml(name, bytes, { ...decodeChoice(options), wholePage: options.wholePage === true }),
  docx: (name, bytes) => importDocx(name, bytes),
  pdf: (name, bytes, options) => importPdf(name, bytes, options.pdfTimeoutMs !== undefined ? { timeoutMs: options.pdfTimeoutMs } : {}),
};

function decodeChoice(options: ImportOptions): { encoding?: string } {
  return options.encoding !== undefined ? { encoding: options.encoding } : {};
}

/** Refuses an encoding name TextDecoder does not know, in one line naming the file. */
export function checkImportOptions(name: string, options: ImportOptions): void {
  if (options.encoding !== undefined && !isEncodingLabel(options.encoding)) {
    throw badFile(
      name,
      `"${options.encoding.slice(0, 40)}" is not an encoding this app can read`,
      'choose another, such as utf-8, shift_jis, euc-jp, gb18030, big5, euc-kr, windows-1251, koi8-r or iso-8859-2',
    );
  }
}

/** Parses a file's bytes by its extension. Throws ClaimscopeError('bad_file') with a one-line message. */
export async function importBuffer(name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportedDocument> {
  checkImportOptions(name, options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  if (bytes.length > maxBytes) throw tooLarge(name, maxBytes);
  const ext = path.extname(name).toLowerCase();
  const format = importFormatOf(ext);
  if (!format) {
    const hint = UNSUPPORTED_IMPORTS[ext];
    if (hint) throw badFile(name, hint.what, hint.todo);
    throw badFile(name, `${ext ? `"${ext}" files are` : 'a file without an extension is'} not supported`, `open a ${SUPPORTED} file`);
  }
  if (bytes.length === 0) throw emptyFile(name);
  return READERS[format](name, bytes, options);
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
  return badFile(name, `the file is larger than the ${formatSize(maxBytes)} limit`, 'split it into smaller files and import them one by one');
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
