#!/usr/bin/env node
// Builds main, preload, CLI and bench with esbuild and the renderer with Vite into dist/.
// --if-needed skips the build when dist/ is newer than every source file.
import { build } from 'esbuild';
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

const nodeEntries = [
  { in: 'main/server/main.ts', out: 'dist/main/server.cjs' },
  { in: 'main/cli/index.ts', out: 'dist/main/cli.cjs', banner: '#!/usr/bin/env node' },
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

// A production bundle whoever runs the build: Vitest's NODE_ENV=test would ship React's development build.
process.env.NODE_ENV = 'production';
const { build: viteBuild } = await import('vite');
await viteBuild({ configFile: path.join(root, 'vite.config.mts'), logLevel: quiet ? 'silent' : 'warn' });
fs.mkdirSync(dist, { recursive: true });
fs.writeFileSync(stamp, new Date().toISOString());
log(`claimscope: built the renderer; done in ${Date.now() - started} ms`);
