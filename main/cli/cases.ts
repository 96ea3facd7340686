import type { App } from '../app';
import { UsageError, type Command } from './command';

// `case create NAME`, `case add CASE FILE...`, `case list`, `case suggest CASE --json`: cases of
// several documents (issue 14). CASE is a case's id or its name.

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
    '                                contradictions and corroborations, each span with its documentId',
  options: { json: { type: 'boolean' }, 'no-corroborations': { type: 'boolean' } },
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
      default:
        throw new UsageError(sub ? `unknown case command "${sub}" (create, add, list, suggest)` : 'case needs a command: create, add, list or suggest');
    }
  },
};
