import { UsageError, type Command } from './command';

export const importCommand: Command = {
  usage:
    'import <file> [--encoding NAME] [--whole-page] [--db PATH]\n' +
    '                                import a document; prints {"documentId", "title", "chars"} (and "existing": true\n' +
    '                                when the same content was imported before). --encoding reads a text, Markdown or\n' +
    '                                web page file in NAME (shift_jis, gb18030, windows-1251...) instead of detecting it;\n' +
    '                                --whole-page keeps all of a web page (comments too), not only the article',
  options: { encoding: { type: 'string' }, 'whole-page': { type: 'boolean' } },
  async run(app, positionals, values) {
    const [file, ...rest] = positionals;
    if (!file || rest.length) throw new UsageError('import takes one file');
    const encoding = values.encoding;
    if (encoding !== undefined && typeof encoding !== 'string') throw new UsageError('--encoding takes an encoding name');
    const input: { path: string; encoding?: string; wholePage?: boolean } = { path: file };
    if (encoding !== undefined) input.encoding = encoding;
    if (values['whole-page'] === true) input.wholePage = true;
    const { document, existing } = await app().client.importFile(input);
    return { documentId: document.id, title: document.title, chars: document.chars, ...(existing ? { existing: true } : {}) };
  },
};

export const listCommand: Command = {
  usage: 'list [--db PATH]              list documents; prints {"documents": [...]}',
  async run(app, positionals) {
    if (positionals.length) throw new UsageError('list takes no arguments');
    return app().client.listDocuments({});
  },
};
