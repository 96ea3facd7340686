import { parseArgs } from 'node:util';
import { ClaimscopeError } from '../common/errors';
import { oneLine, openApp, type App } from './app';
import { resolveDbPath } from './paths';

// The same service from a terminal. Output is JSON on stdout; errors are one line on stderr
// (exit 1); bad usage exits 2.

const USAGE = `usage: claimscope <command> [options]
  import <file> [--db PATH]     import a document; prints {"documentId", "title", "chars"}
  list [--db PATH]              list documents; prints {"documents": [...]}
Options: --db PATH (default: $CLAIMSCOPE_DB or the user data folder)`;

class UsageError extends Error {}

type Values = Record<string, string | boolean | undefined>;
type Command = (app: () => App, positionals: string[], values: Values) => Promise<unknown>;

async function call<T>(app: App, method: string, input: unknown): Promise<T> {
  const result = await app.dispatch(method, input);
  if (!result.ok) throw new ClaimscopeError(result.error.code, result.error.message);
  return result.value as T;
}

const COMMANDS: Record<string, Command> = {
  async import(app, positionals) {
    const [file, ...rest] = positionals;
    if (!file || rest.length) throw new UsageError('import takes one file');
    const { document } = await call<{ document: { id: number; title: string; chars: number } }>(app(), 'importFile', { path: file });
    return { documentId: document.id, title: document.title, chars: document.chars };
  },
  async list(app, positionals) {
    if (positionals.length) throw new UsageError('list takes no arguments');
    return call(app(), 'listDocuments', {});
  },
};

export async function runCli(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    console.error(`claimscope: ${oneLine(err)}\n${USAGE}`);
    return 2;
  }
  const [name, ...positionals] = parsed.positionals;
  if (parsed.values.help || !name) {
    (parsed.values.help ? console.log : console.error)(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command || !Object.hasOwn(COMMANDS, name)) {
    console.error(`claimscope: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  let app: App | undefined;
  const getApp = () => (app ??= openApp(resolveDbPath(parsed.values.db as string | undefined)));
  try {
    const out = await command(getApp, positionals, parsed.values);
    process.stdout.write(JSON.stringify(out) + '\n');
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`claimscope: ${err.message}\n${USAGE}`);
      return 2;
    }
    console.error(`claimscope: ${oneLine(err)}`);
    return 1;
  } finally {
    app?.close();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
