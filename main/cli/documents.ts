import { UsageError, type Command } from './command';

export const importCommand: Command = {
  usage: 'import <file> [--db PATH]     import a document; prints {"documentId", "title", "chars"}',
  async run(app, positionals) {
    const [file, ...rest] = positionals;
    if (!file || rest.length) throw new UsageError('import takes one file');
    const { document } = await app().client.importFile({ path: file });
    return { documentId: document.id, title: document.title, chars: document.chars };
  },
};

export const listCommand: Command = {
  usage: 'list [--db PATH]              list documents; prints {"documents": [...]}',
  async run(app, positionals) {
    if (positionals.length) throw new UsageError('list takes no arguments');
    return app().client.listDocuments({});
  },
};
