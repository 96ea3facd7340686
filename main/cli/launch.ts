import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The `claimscope` bin: it decides how the CLI proper (cli-main.cjs) starts, and starts it.
//
// `suggest FILE` runs the assistant in this process, and two fifths of its second went on
// compromise building its model when it loads. Where the build left a start-up snapshot taken
// after that load (dist/main/cli.blob, made by scripts/build.mjs), that command restarts Node from
// the snapshot (a shebang cannot pass --snapshot-blob). The blob is used only when this very Node
// made it; otherwise, or with CLAIMSCOPE_SNAPSHOT=0, everything runs in this process as before.
// (A V8 code cache for the bundle would save a little more, but Node 20 offers it only through
// vm.Script, whose dynamic import() is experimental: the PDF reader and the pg client need it.)

const FROM_SNAPSHOT = 'CLAIMSCOPE_FROM_SNAPSHOT';

/** The sidecar scripts/build.mjs writes beside the blob: which Node made it, and the blob's size. */
interface SnapshotInfo {
  node: string;
  arch: string;
  execPath: string;
  bytes: number;
}

/** Commands that run the assistant in this process: `suggest FILE` (with --doc it runs in the app's worker). */
export function usesSnapshot(argv: readonly string[]): boolean {
  return argv[0] === 'suggest' && !argv.some((a) => a === '--doc' || a.startsWith('--doc='));
}

/** The blob to start from for these arguments, or null (not such a command, no blob, another Node). */
export function snapshotBlob(dir: string, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CLAIMSCOPE_SNAPSHOT === '0' || !usesSnapshot(argv)) return null;
  const blob = path.join(dir, 'cli.blob');
  try {
    const made = JSON.parse(fs.readFileSync(`${blob}.json`, 'utf8')) as Partial<SnapshotInfo>;
    const same = made.node === process.version && made.arch === process.arch && made.execPath === process.execPath;
    return same && fs.statSync(blob).size === made.bytes ? blob : null;
  } catch {
    return null;
  }
}

function run(): void {
  const argv = process.argv.slice(2);
  const child = process.env[FROM_SNAPSHOT] === '1';
  delete process.env[FROM_SNAPSHOT];
  const blob = child ? null : snapshotBlob(__dirname, argv);
  if (process.env.CLAIMSCOPE_DEBUG_STARTUP) {
    const how = child ? 'started from the snapshot' : blob ? `restarting from ${blob}` : 'starting without a snapshot';
    process.stderr.write(`claimscope: ${how}\n`);
  }
  if (blob) {
    const env = { ...process.env, [FROM_SNAPSHOT]: '1' };
    const r = spawnSync(process.execPath, ['--snapshot-blob', blob, __filename, ...argv], { stdio: 'inherit', env });
    if (!r.error) {
      if (r.signal) process.kill(process.pid, r.signal);
      process.exitCode = r.status ?? 1;
      return;
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CLI proper, loaded only here
  const cli = require(path.join(__dirname, 'cli-main.cjs')) as { runCli(argv: string[]): Promise<number> };
  void cli.runCli(argv).then((code) => {
    process.exitCode = code;
  });
}

if (typeof require !== 'undefined' && require.main === module) run();
