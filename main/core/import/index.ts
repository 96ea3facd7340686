import fs from 'node:fs';
import path from 'node:path';
import { ClaimscopeError } from '../../../common/errors';
import { importPlainText } from './text';
import { DEFAULT_MAX_IMPORT_BYTES, type ImportedDocument, type ImportOptions } from './types';

export type { ImportedDocument, ImportOptions } from './types';

const FORMATS = ['.txt', '.md'] as const;

/** Parses a file's bytes by its extension. Throws ClaimscopeError('bad_file') with a one-line message. */
export async function importBuffer(name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  if (bytes.length > maxBytes) {
    throw new ClaimscopeError('bad_file', `${name}: the file is larger than the ${formatMB(maxBytes)} limit; split it or raise the limit`);
  }
  const ext = path.extname(name).toLowerCase();
  switch (ext) {
    case '.txt':
    case '.text':
      return importPlainText(name, bytes, 'txt');
    case '.md':
    case '.markdown':
      return importPlainText(name, bytes, 'md');
    default:
      throw new ClaimscopeError(
        'bad_file',
        `${name}: ${ext ? `"${ext}" files are` : 'a file without an extension is'} not supported; open a ${FORMATS.join(', ')} file`,
      );
  }
}

/** Reads a file for import, refusing what is missing, a directory, or over the size limit. */
export function readImportFile(file: string, options: ImportOptions = {}): Buffer {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ClaimscopeError('bad_file', `${file}: no such file; check the path`);
  }
  if (stat.isDirectory()) throw new ClaimscopeError('bad_file', `${file}: is a folder; choose a file inside it`);
  if (stat.size > maxBytes) {
    throw new ClaimscopeError('bad_file', `${file}: the file is larger than the ${formatMB(maxBytes)} limit; split it or raise the limit`);
  }
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new ClaimscopeError('bad_file', `${file}: could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`);
  }
}

function formatMB(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
