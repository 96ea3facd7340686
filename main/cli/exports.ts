import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMATS, type ExportedFile, type ExportFormat } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import { UsageError, type Command } from './command';

function documentId(value: unknown): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError('--doc takes a document id (see `list`)');
  return id;
}

/** The language and time zone of this environment (LANG, TZ), as the report's dates should read. */
function environmentClock(): { locale: string; timeZone: string } {
  const resolved = Intl.DateTimeFormat().resolvedOptions();
  return { locale: resolved.locale || 'en-GB', timeZone: resolved.timeZone || 'UTC' };
}

/** How a report reads for its reader: --locale, --time-zone and --analyst, else this environment's clock. */
export function readerOptions(values: Record<string, unknown>): { locale: string; timeZone: string; analyst?: string } {
  const clock = environmentClock();
  return {
    locale: typeof values.locale === 'string' ? values.locale : clock.locale,
    timeZone: typeof values['time-zone'] === 'string' ? values['time-zone'] : clock.timeZone,
    ...(typeof values.analyst === 'string' ? { analyst: values.analyst } : {}),
  };
}

export const exportCommand: Command = {
  usage: `export --doc ID --format ${EXPORT_FORMATS.join('|')} --out FILE [--analyst NAME] [--locale TAG] [--time-zone ZONE] [--db PATH]   write a report (dates in this environment's language and zone unless given)`,
  options: {
    doc: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    analyst: { type: 'string' },
    locale: { type: 'string' },
    'time-zone': { type: 'string' },
  },
  async run(app, positionals, values) {
    if (positionals.length) throw new UsageError('export takes no positional arguments');
    const format = values.format as ExportFormat | undefined;
    if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    if (typeof values.out !== 'string' || !values.out) throw new UsageError('--out FILE is required');
    const file = await app().client.exportReport({ documentId: documentId(values.doc), format, ...readerOptions(values) });
    const { out, bytes } = writeReportFile(values.out, file);
    return { out, format, bytes };
  },
};

/** Writes an exported file to `outPath` (beside, then renamed: a half-written report never replaces a good one). */
export function writeReportFile(outPath: string, file: ExportedFile): { out: string; bytes: number } {
  const bytes = file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
  const out = path.resolve(outPath);
  try {
    fs.writeFileSync(`${out}.partial`, bytes);
    fs.renameSync(`${out}.partial`, out);
  } catch (err) {
    throw new ClaimscopeError('bad_file', `${out}: could not be written (${(err as NodeJS.ErrnoException).code ?? 'error'}); check the folder exists and is writable`);
  }
  return { out, bytes: bytes.length };
}

export const importAnnotationsCommand: Command = {
  usage: 'import-annotations <file.jsonld> [--db PATH]   import a JSON-LD export (annotations, sources, flags)',
  async run(app, positionals) {
    const [file, ...rest] = positionals;
    if (!file || rest.length) throw new UsageError('import-annotations takes one file');
    let json: string;
    try {
      json = fs.readFileSync(file, 'utf8');
    } catch {
      throw new ClaimscopeError('bad_file', `${file}: cannot be read; check the path`);
    }
    return app().client.importAnnotations({ name: path.basename(file), json });
  },
};
