#!/usr/bin/env node
// Builds main, preload, CLI and bench with esbuild and the renderer with Vite into dist/.
// --if-needed skips the build when dist/ is newer than every source file.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const SOURCES = ['common', 'db', 'assist', 'main', 'preload', 'renderer', 'bench', 'package.json', 'vite.config.mts', 'scripts/build.mjs'];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

function upToDate() {
  if (!fs.existsSync(stamp)) return false;
  const built = fs.statSync(stamp).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= built);
}

if (args.has('--if-needed') && upToDate()) process.exit(0);

const log = (msg) => quiet || console.log(msg);
const started = Date.now();
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

// The libraries the CLI's start-up snapshot holds (buildCliSnapshot): in the CLI's bundle each
// resolves to the snapshot's copy when the process started from it, else to a plain require.
const PRELOADED = ['compromise', 'chrono-node/en'];
const preloadedPlugin = {
  name: 'preloaded',
  setup(b) {
    const filter = new RegExp(`^(${PRELOADED.map((m) => m.replace(/[/-]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.namespace === 'preloaded' ? { path: args.path, external: true } : { path: args.path, namespace: 'preloaded' },
    );
    b.onLoad({ filter: /.*/, namespace: 'preloaded' }, (args) => ({
      contents: `module.exports = globalThis.__claimscopePreloaded?.[${JSON.stringify(args.path)}] ?? require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** Runs Node on `args`; resolves to null when it succeeded, else to the first line of what it said. */
function runNode(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => resolve(e.message));
    child.on('close', (code) => resolve(code === 0 ? null : err.trim().split('\n')[0] || `exit ${code}`));
  });
}

/**
 * Takes the start-up snapshot `claimscope suggest FILE` starts from (main/cli/launch.ts).
 * compromise builds its lexicon and tagger model when it loads (about 0.4 s of a 1 s command); a V8
 * start-up snapshot taken after the load restores that heap in well under 0.1 s. Only the pure
 * third-party libraries of PRELOADED go in: no file handles, no native modules, nothing of ours (our
 * code loads as usual and finds them through the plugin above). Nothing is run through them here,
 * so their state is exactly that of a fresh require. Should it fail, the CLI starts without it.
 */
async function buildCliSnapshot() {
  const dir = path.join(dist, 'main');
  const entry = path.join(dir, 'cli-snapshot.cjs');
  const blob = path.join(dir, 'cli.blob');
  fs.rmSync(`${blob}.json`, { force: true });
  const requires = PRELOADED.map((m) => `${JSON.stringify(m)}: require(${JSON.stringify(m)})`).join(', ');
  const contents = `globalThis.__claimscopePreloaded = Object.freeze({ ${requires} });`;
  await build({ ...common, sourcemap: false, stdin: { contents, resolveDir: root, sourcefile: 'cli-snapshot.cjs' }, outfile: entry });
  const failed = await runNode(['--snapshot-blob', `${blob}.tmp`, '--build-snapshot', entry]);
  if (failed !== null) {
    console.warn(`claimscope: no start-up snapshot for the CLI (${failed}); \`suggest FILE\` will start without it`);
    return;
  }
  fs.renameSync(`${blob}.tmp`, blob);
  const info = { node: process.version, arch: process.arch, execPath: process.execPath, bytes: fs.statSync(blob).size };
  fs.writeFileSync(`${blob}.json`, JSON.stringify(info));
}

const nodeEntries = [
  { in: 'main/server/main.ts', out: 'dist/main/server.cjs' },
  { in: 'main/cli/launch.ts', out: 'dist/main/cli.cjs', banner: '#!/usr/bin/env node' },
  { in: 'main/cli/index.ts', out: 'dist/main/cli-main.cjs', plugins: [preloadedPlugin] },
  { in: 'main/electron/main.ts', out: 'dist/main/electron.cjs' },
  { in: 'assist/worker.ts', out: 'dist/main/assist-worker.cjs', optional: true },
  { in: 'main/core/import/worker.ts', out: 'dist/main/import-worker.cjs' },
  { in: 'bench/bench.ts', out: 'dist/bench/bench.cjs', optional: true },
  { in: 'assist/eval/run.ts', out: 'dist/assist/eval.cjs', optional: true },
  { in: 'assist/eval/train.ts', out: 'dist/assist/train.cjs', optional: true },
];

await Promise.all([
  ...nodeEntries
    .filter((e) => !e.optional || fs.existsSync(path.join(root, e.in)))
    .map((e) =>
      build({
        ...common,
        entryPoints: [e.in],
        outfile: e.out,
        // Dependencies load from node_modules at run time (better-sqlite3 is native).
        packages: 'external',
        ...(e.banner ? { banner: { js: e.banner } } : {}),
        ...(e.plugins ? { plugins: e.plugins } : {}),
      }),
    ),
  // The preload runs sandboxed: only `electron` may be required, everything else is bundled.
  build({
    ...common,
    entryPoints: ['preload/index.ts'],
    outfile: 'dist/preload/preload.cjs',
    external: ['electron'],
  }),
]);
log(`claimscope: built main, preload and CLI in ${Date.now() - started} ms`);
const cliSnapshot = buildCliSnapshot(); // a second or so, while Vite builds the renderer

// A production bundle whoever runs the build: Vitest's NODE_ENV=test would ship React's development build.
process.env.NODE_ENV = 'production';
const { build: viteBuild } = await import('vite');
await viteBuild({ configFile: path.join(root, 'vite.config.mts'), logLevel: quiet ? 'silent' : 'warn' });
await cliSnapshot;
fs.mkdirSync(dist, { recursive: true });
fs.writeFileSync(stamp, new Date().toISOString());
log(`claimscope: built the renderer; done in ${Date.now() - started} ms`);
