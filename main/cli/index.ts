import { parseArgs } from 'node:util';
import { oneLine, openApp, type App } from '../app';
import { resolveDbPath } from '../paths';
import { backupCommand, restoreCommand } from './backup';
import { caseCommand } from './cases';
import { UsageError, type Command } from './command';
import { importCommand, listCommand } from './documents';
import { exportCommand, importAnnotationsCommand } from './exports';
import { settingsCommand } from './settings';
import { annotateCommand, suggestCommand } from './suggest';
import { syncCommand, workspaceCommand } from './workspace';

// The same service from a terminal. Output is JSON on stdout; errors are one line on stderr
// (exit 1); bad usage exits 2. Each command lives in its own file and is registered here.

const COMMANDS: Record<string, Command> = {
  import: importCommand,
  list: listCommand,
  backup: backupCommand, restore: restoreCommand,
  export: exportCommand,
  'import-annotations': importAnnotationsCommand,
  suggest: suggestCommand,
  annotate: annotateCommand,
  settings: settingsCommand,
  case: caseCommand,
  workspace: workspaceCommand,
  sync: syncCommand,
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}`);
  return `usage: claimscope <command> [options]\n${lines.join('\n')}\nOptions: --db PATH (default: $CLAIMSCOPE_DB or the user data folder)`;
}

export async function runCli(argv: string[]): Promise<number> {
  const name = argv[0];
  if (name === '--help' || name === '-h') {
    console.log(usage());
    return 0;
  }
  const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`claimscope: ${name ? `unknown command "${name}"` : 'no command given'}\n${usage()}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.slice(1),
      allowPositionals: true,
      strict: true,
      options: { db: { type: 'string' }, ...(command.options ?? {}) },
    });
  } catch (err) {
    console.error(`claimscope: ${oneLine(err)}\n${usage()}`);
    return 2;
  }
  let app: App | undefined;
  const getApp = () => (app ??= openApp(resolveDbPath(parsed.values.db as string | undefined)));
  try {
    const out = await command.run(getApp, parsed.positionals, parsed.values);
    process.stdout.write(JSON.stringify(out) + '\n');
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`claimscope: ${err.message}\n${usage()}`);
      return 2;
    }
    console.error(`claimscope: ${oneLine(err)}`);
    return 1;
  } finally {
    if (app) {
      await app.workspace.stop();
      app.close();
    }
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
