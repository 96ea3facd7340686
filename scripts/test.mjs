#!/usr/bin/env node
// `npm test`: everything, in order: types, unit and integration tests, the end-to-end suites
// (browser mode always; Electron where its runtime is installed), the security lint and a small
// run of the benchmark so it cannot rot. Brings Debian's Chromium where it is missing and
// apt-get is there; otherwise says in one line what is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function fail(message) {
  console.error(`claimscope: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(bin('vitest'))) fail('dependencies are not installed; run `npm install` (or `npm ci`) first');

function haveCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function ensureDebianPackages() {
  const wanted = [];
  const chromium = process.env.CLAIMSCOPE_CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) wanted.push('chromium');
  if (!haveCommand('pdftotext')) wanted.push('poppler-utils');
  const pgRoot = '/usr/lib/postgresql';
  const pgVersions = fs.existsSync(pgRoot) ? fs.readdirSync(pgRoot) : [];
  if (!pgVersions.some((v) => fs.existsSync(path.join(pgRoot, v, 'bin', 'initdb')))) wanted.push('postgresql');
  if (wanted.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!haveCommand('apt-get') || !isRoot) {
    if (wanted.includes('chromium')) {
      fail(`Chromium is missing at ${chromium}; install it (Debian: sudo apt-get install chromium) or set CLAIMSCOPE_CHROMIUM`);
    }
    console.warn(`claimscope: ${wanted.join(', ')} missing; the tests that need it skip themselves`);
    return;
  }
  console.log(`claimscope: installing ${wanted.join(', ')} from Debian…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...wanted], { stdio: 'inherit', env });
  if (!install || install.status !== 0) fail(`could not install ${wanted.join(', ')} with apt-get; install them and run npm test again`);
}

// TypeScript 7 (the native compiler) checks types; typescript-eslint still needs TypeScript 5's API,
// which is the plain `typescript` package.
const tsc = path.join(root, 'node_modules', 'typescript-native', 'bin', 'tsc');

const steps = [
  ['types', process.execPath, [tsc, '-p', 'tsconfig.node.json', '--noEmit']],
  ['types (renderer)', process.execPath, [tsc, '-p', 'tsconfig.web.json', '--noEmit']],
  ['types (e2e)', process.execPath, [tsc, '-p', 'tsconfig.e2e.json', '--noEmit']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['build', process.execPath, [path.join(root, 'scripts', 'build.mjs')]],
  ['unit and integration', bin('vitest'), ['run']],
  ['end to end', bin('playwright'), ['test']],
];
if (fs.existsSync(path.join(root, 'scripts', 'lint-security.mjs'))) {
  steps.push(['security lint', process.execPath, [path.join(root, 'scripts', 'lint-security.mjs')]]);
}
if (fs.existsSync(path.join(root, 'bench', 'bench.ts'))) {
  steps.push(['benchmark (small)', process.execPath, [path.join(root, 'dist', 'bench', 'bench.cjs'), '--small']]);
}

ensureDebianPackages();
const results = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n── ${name} ──`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  if (!ok) break;
}
console.log('\n── summary ──');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
if (failed || results.length < steps.length) {
  console.log(`claimscope: npm test failed at "${results.at(-1).name}"`);
  process.exit(1);
}
console.log('claimscope: all checks passed');
