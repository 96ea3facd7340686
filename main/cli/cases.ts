import { EXPORT_FORMATS, type ExportFormat } from '../../common/domain';
import type { App } from '../app';
import { UsageError, type Command } from './command';
import { readerOptions, writeReportFile } from './exports';

// `case create NAME`, `case add CASE FILE...`, `case list`, `case suggest CASE --json`,
// `case export CASE --format F --out FILE`: cases of several documents (issue 14). CASE is a case's
// id or its name.

/** The formats a case report is written in (a case has no ClaimReview form). */
const CASE_FORMATS = EXPORT_FORMATS.filter((f) => f !== 'claimreview');

async function caseId(app: App, ref: string | undefined): Promise<number> {
  if (!ref) throw new UsageError('name the case (its id or name; see `case list`)');
  const { cases } = await app.client.listCases({});
  const byId = /^\d+$/.test(ref) ? cases.find((c) => c.id === Number(ref)) : undefined;
  const found = byId ?? cases.find((c) => c.name.toLowerCase() === ref.trim().toLowerCase());
  if (!found) throw new Error(`no case "${ref}"; create it with \`case create NAME\` or see \`case list\``);
  return found.id;
}

export const caseCommand: Command = {
  usage:
    'case create NAME | add CASE FILE... | list | suggest CASE [--json] [--no-corroborations] [--db PATH]\n' +
    '                                cases of several documents: create prints {"case"}; add imports each file and adds it\n' +
    '                                (prints {"case", "documents"}); suggest prints {"suggestions": [...]}: cross-document\n' +
    '                                contradictions and corroborations, each span with its documentId\n' +
    `  case export CASE --format ${CASE_FORMATS.join('|')} --out FILE [--analyst NAME] [--locale TAG] [--time-zone ZONE] [--db PATH]\n` +
    '                                write the case report: the matrix, contested claims with their passages, sources and grades\n' +
    '                                (csv: one row a claim-group member; json: claim groups as Web Annotation collections); prints {"out", "format", "bytes"}',
  options: {
    json: { type: 'boolean' },
    'no-corroborations': { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    analyst: { type: 'string' },
    locale: { type: 'string' },
    'time-zone': { type: 'string' },
  },
  async run(app, positionals, values) {
    const [sub, ...rest] = positionals;
    switch (sub) {
      case 'create': {
        if (rest.length !== 1 || !rest[0]!.trim()) throw new UsageError('case create takes one name (quote it if it has spaces)');
        return app().client.createCase({ name: rest[0]! });
      }
      case 'list': {
        if (rest.length) throw new UsageError('case list takes no arguments');
        return app().client.listCases({});
      }
      case 'add': {
        const [ref, ...files] = rest;
        if (!ref || files.length === 0) throw new UsageError('case add takes a case and at least one file');
        const id = await caseId(app(), ref);
        const documents = [];
        for (const file of files) {
          const { document, existing } = await app().client.importFile({ path: file });
          documents.push({ documentId: document.id, title: document.title, ...(existing ? { existing: true } : {}) });
        }
        const { case: c } = await app().client.addToCase({ caseId: id, documentIds: documents.map((d) => d.documentId) });
        return { case: c, documents };
      }
      case 'suggest': {
        if (rest.length !== 1) throw new UsageError('case suggest takes one case');
        const id = await caseId(app(), rest[0]);
        return app().client.suggestCase({ caseId: id, ...(values['no-corroborations'] === true ? { corroborations: false } : {}) });
      }
      case 'export': {
        if (rest.length !== 1) throw new UsageError('case export takes one case');
        if (typeof values.format !== 'string' || !values.format) throw new UsageError(`case export needs --format (${CASE_FORMATS.join(', ')})`);
        if (typeof values.out !== 'string' || !values.out) throw new UsageError('case export needs --out FILE');
        const format = values.format as ExportFormat;
        // One line, no usage screen: the value is what is wrong, not the command's shape.
        if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new Error(`unknown format "${values.format}"; use one of ${CASE_FORMATS.join(', ')}`);
        const id = await caseId(app(), rest[0]);
        const file = await app().client.exportCase({ caseId: id, format, ...readerOptions(values) });
        const { out, bytes } = writeReportFile(values.out, file);
        return { out, format, bytes };
      }
      default:
        throw new UsageError(sub ? `unknown case command "${sub}" (create, add, list, suggest, export)` : 'case needs a command: create, add, list, suggest or export');
    }
  },
};
