import type { Output } from '../../common/api';
import { importBuffer, readImportFile } from '../core/import';
import { UsageError, type Command, type Values } from './command';
import type { App } from '../app';

function documentId(value: unknown): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError('--doc takes a document id (see `list`)');
  return id;
}

/** Runs the assistant through the API (in its worker) and waits for it to finish. */
async function runToEnd(app: App, id: number): Promise<Output<'listSuggestions'>> {
  await app.client.runSuggestions({ documentId: id });
  for (;;) {
    const status = await app.client.listSuggestions({ documentId: id });
    if (status.error) throw new Error(`the assistant failed: ${status.error}`);
    if (!status.running) return status;
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const suggestCommand: Command = {
  usage: 'suggest <file> | --doc ID [--db PATH] [--json]   the assistant\'s suggestions; prints {"suggestions": [...]}',
  options: { doc: { type: 'string' }, json: { type: 'boolean' } },
  async run(app, positionals, values: Values) {
    const [file, ...rest] = positionals;
    if (rest.length || (file && values.doc !== undefined) || (!file && values.doc === undefined)) {
      throw new UsageError('suggest takes a file, or --doc ID with --db');
    }
    if (file) {
      // A file is analysed without being stored; offsets index its decoded text exactly.
      const doc = await importBuffer(file, readImportFile(file));
      const { suggest } = await import('../../assist');
      return { suggestions: suggest(doc.text, doc.metadata.published ? { published: doc.metadata.published } : {}) };
    }
    const status = await runToEnd(app(), documentId(values.doc));
    return { suggestions: status.suggestions.map((s) => ({ id: s.id, ...s.suggestion })) };
  },
};

export const annotateCommand: Command = {
  usage: 'annotate --doc ID --accept-suggestions [--db PATH]   accept every suggestion as real annotations',
  options: { doc: { type: 'string' }, 'accept-suggestions': { type: 'boolean' } },
  async run(app, positionals, values) {
    if (positionals.length) throw new UsageError('annotate takes no positional arguments');
    if (!values['accept-suggestions']) throw new UsageError('annotate needs --accept-suggestions');
    const id = documentId(values.doc);
    await runToEnd(app(), id);
    const result = await app().client.acceptSuggestions({ documentId: id });
    return { documentId: id, ...result };
  },
};
