import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

// The `claimscope` bin: it decides how the CLI proper (cli-main.cjs) starts, and starts it.
//
// `suggest FILE` runs the assistant in this process, and two fifths of its second went on
// compromise building its model when it loads. Where the build left a start-up snapshot taken
// after that load (dist/main/cli.blob, scripts/cli-snapshot.cjs), that command restarts Node from
// the snapshot (a shebang cannot pass --snapshot-blob). The blob is used only when this very Node
// made it; otherwise, or with CLAIMSCOPE_SNAPSHOT=0, everything runs in this process as before.
//
// The CLI proper is a 1 MB bundle whose compiling cost a tenth of a second: it is compiled with
// V8's code cache, which the build writes after running it once (so the cache also holds the
// functions that run, compiled). The cache's name carries a hash of the bundle it was made from,
// because V8 checks only a source's length; V8 rejects a cache from another V8 and then simply
// compiles.

const FROM_SNAPSHOT = 'CLAIMSCOPE_FROM_SNAPSHOT';
const WRITE_CODE_CACHE = 'CLAIMSCOPE_WRITE_CODE_CACHE';

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

interface CliMain {
  runCli(argv: string[]): Promise<number>;
}

/** Where the code cache of this bundle's source lives. */
export function codeCacheFile(file: string, source: string): string {
  return `${file}.${createHash('sha256').update(source).digest('hex').slice(0, 16)}.cache`;
}

/** Loads cli-main.cjs as CommonJS, compiled with its code cache when there is one and V8 accepts it. */
function loadMain(file: string): { cli: CliMain; script: vm.Script; cacheFile: string } {
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = codeCacheFile(file, source);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    // Dynamic imports resolve as in any module (Node 20.12 and later).
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = new Module(file, module);
  mod.filename = file;
  const require = Module.createRequire(file);
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, require, mod, file, path.dirname(file));
  mod.loaded = true;
  return { cli: mod.exports as CliMain, script, cacheFile };
}

function run(): void {
  const argv = process.argv.slice(2);
  const main = path.join(__dirname, 'cli-main.cjs');
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
  const { cli, script, cacheFile } = loadMain(main);
  if (process.env.CLAIMSCOPE_DEBUG_STARTUP) {
    const cache = script.cachedDataRejected === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
    process.stderr.write(`claimscope: code cache ${cache}\n`);
  }
  void cli.runCli(argv).then((code) => {
    process.exitCode = code;
    // The build's warm-up run (scripts/build.mjs) asks for the cache once the command has run.
    if (process.env[WRITE_CODE_CACHE] === '1' && code === 0) {
      fs.writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
      fs.renameSync(`${cacheFile}.tmp`, cacheFile);
    }
  });
}

if (typeof require !== 'undefined' && require.main === module) run();
