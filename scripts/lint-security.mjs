#!/usr/bin/env node
// `npm run lint:security` (and a step of `npm test`): Electronegativity over the Electron app's
// sources, plus what it does not look at: the fuses in electron-builder.yml and any use of the
// `remote` module. Fails on a finding of MEDIUM severity or above unless it is listed in
// EXCEPTIONS below with the reason it is safe; fails too on an exception that no longer matches
// anything, so the list cannot rot. Offline and quick (a second or two).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// What is scanned; CLAIMSCOPE_LINT_ROOT points it at another tree (the lint's own test does).
const root = path.resolve(process.env.CLAIMSCOPE_LINT_ROOT || repo);
const require = createRequire(path.join(repo, 'package.json'));

/**
 * Findings of MEDIUM or above that are reviewed and safe, each with its reason. `file` is relative
 * to the repository; `sample` (optional) must occur in the flagged line.
 */
const EXCEPTIONS = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/electron/window.ts',
    sample: 'shell.openExternal(parsed.toString())',
    why: 'The URL is parsed with new URL(), only http: and https: pass, and it opens only after the analyst saw the address in a dialog and chose "Open in browser" (Cancel is the default). Tested in main/electron/wiring.test.ts.',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'main/electron/window.ts',
    sample: 'preload: preloadPath',
    why: 'The preload is our own bundled dist/preload/preload.cjs, run sandboxed with contextIsolation; through contextBridge it exposes one function per API method (each an ipcRenderer.invoke on one channel), an event subscription and webUtils.getPathForFile, never ipcRenderer, Node or Electron objects. test/layers.test.ts holds it to importing only electron and common/methods.',
  },
];

/** What is scanned: the app's own sources (TypeScript is parsed natively), and the HTML that ships. */
const SOURCES = ['main', 'preload', 'renderer', 'common', 'package.json'];
const SHIPPED_HTML = 'dist/renderer/index.html';

/** Checks that need the network (they download Electron's release list): not run, by design. */
const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Every fuse electron-builder.yml sets, each with the value it must keep. */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

const failures = [];
const say = (line) => console.log(line);

// ── Electronegativity ───────────────────────────────────────────────────────────────────────────

/**
 * Electronegativity's TypeScript fallback parser (typescript-estree 4) needs the TypeScript 4 it
 * ships, not the project's TypeScript 7 that hoisting would hand it; and it fetches translations
 * over the network on every run. Both are redirected here, in this process only.
 */
function offlineElectronegativity() {
  const Module = require('node:module');
  const engDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const ts4 = require.resolve('typescript', { paths: [engDir] });
  const GOT_STUB = 'claimscope-offline-got';
  const stub = new Module(GOT_STUB);
  stub.loaded = true;
  // i18n asks for updated translations; answering "not found" keeps the bundled English ones.
  stub.exports = () => Promise.resolve({ statusCode: 404, body: '' });
  Module._cache[GOT_STUB] = stub;
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    const from = parent?.filename ?? '';
    if (request === 'typescript' && from.includes(`${path.sep}@typescript-eslint${path.sep}`)) return ts4;
    if (request === 'got' && from.startsWith(engDir)) return GOT_STUB;
    return resolve.call(this, request, parent, ...rest);
  };
  return require('@doyensec/electronegativity');
}

/** Copies what is scanned into a folder of its own (no node_modules, no tests, no build output). */
function stage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscope-eng-'));
  for (const entry of SOURCES) {
    if (!fs.existsSync(path.join(root, entry))) continue;
    fs.cpSync(path.join(root, entry), path.join(dir, entry), {
      recursive: true,
      filter: (src) => !/\.test\.tsx?$/.test(src) && !src.includes(`${path.sep}node_modules`) && !src.includes(`${path.sep}fixtures`),
    });
  }
  if (fs.existsSync(path.join(root, SHIPPED_HTML))) {
    fs.mkdirSync(path.join(dir, path.dirname(SHIPPED_HTML)), { recursive: true });
    fs.copyFileSync(path.join(root, SHIPPED_HTML), path.join(dir, SHIPPED_HTML));
  }
  return dir;
}

const SEVERITY = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

const started = Date.now();
const run = offlineElectronegativity();
const staged = stage();
const electronVersion = require('electron/package.json').version;
let result;
try {
  result = await run({
    input: staged,
    isRelative: true,
    electronVersion,
    excludeFromScan: NETWORK_CHECKS,
  });
} finally {
  fs.rmSync(staged, { recursive: true, force: true });
}

for (const e of result.errors) {
  // A file it could not parse was not checked.
  const rel = path.relative(staged, e.file);
  if (e.tolerable) say(`note: ${rel}: ${e.message}`);
  else failures.push(`${rel}: Electronegativity could not parse it (${e.message})`);
}

const used = new Set();
const findings = result.issues
  .map((i) => ({
    id: i.id,
    file: i.file,
    line: i.location?.line ?? 0,
    sample: String(i.sample ?? '').trim(),
    severity: i.severity.name,
    rank: SEVERITY.indexOf(i.severity.name),
    confidence: i.confidence.name,
    description: i.description,
  }))
  .sort((a, b) => b.rank - a.rank || a.file.localeCompare(b.file) || a.line - b.line);

say(`electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${result.globalChecks + result.atomicChecks} checks on Electron ${electronVersion} (skipped, need the network: ${NETWORK_CHECKS.join(', ')})`);
for (const f of findings) {
  const exception = EXCEPTIONS.find((x) => x.id === f.id && x.file === f.file && (!x.sample || f.sample.includes(x.sample)));
  const where = `${f.file}${f.line ? `:${f.line}` : ''}`;
  if (f.rank >= SEVERITY.indexOf('MEDIUM')) {
    if (exception) {
      used.add(exception);
      say(`  excepted ${f.severity} ${f.id} ${where}: ${exception.why}`);
    } else {
      failures.push(`${f.severity} ${f.id} ${where}: ${f.description}${f.sample ? ` (${f.sample.slice(0, 120)})` : ''}`);
    }
  } else {
    say(`  ${f.severity.toLowerCase()} ${f.id} ${where}: ${f.description}`);
  }
}
for (const x of EXCEPTIONS) if (!used.has(x)) failures.push(`exception ${x.id} ${x.file} matches no finding any more; remove it from scripts/lint-security.mjs`);

// ── Fuses ───────────────────────────────────────────────────────────────────────────────────────

function fusesFromBuilderConfig() {
  const text = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^electronFuses:\s*$/.test(l));
  if (start < 0) return null;
  const fuses = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s+([A-Za-z0-9]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (m) fuses[m[1]] = m[2] === 'true';
  }
  return fuses;
}
const fuses = fusesFromBuilderConfig();
if (!fuses) failures.push('electron-builder.yml: no electronFuses section');
else {
  for (const [name, wanted] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[name] !== wanted) failures.push(`electron-builder.yml: electronFuses.${name} must be ${wanted} (is ${fuses[name] ?? 'unset'})`);
  }
  // A fuse the file sets that this list does not know is a fuse nobody checks.
  for (const name of Object.keys(fuses)) if (!(name in REQUIRED_FUSES)) failures.push(`electron-builder.yml: electronFuses.${name} is not checked by scripts/lint-security.mjs; add it to REQUIRED_FUSES`);
}

// ── No remote module, no unsafe web preferences ─────────────────────────────────────────────────
// Electronegativity misses some of these (it skips nodeIntegration: true when a sandbox key is
// present at all), so they are checked here too, wherever they are written.
const UNSAFE_PREFERENCES = [
  [/\bnodeIntegration(InWorker|InSubFrames)?\s*:\s*true\b/, 'gives a page Node (nodeIntegration: true)'],
  [/\bcontextIsolation\s*:\s*false\b/, 'turns context isolation off'],
  [/\bsandbox\s*:\s*false\b/, 'turns the sandbox off'],
  [/\bwebSecurity\s*:\s*false\b/, 'turns web security off'],
  [/\ballowRunningInsecureContent\s*:\s*true\b/, 'allows insecure content'],
  [/\bwebviewTag\s*:\s*true\b/, 'enables <webview>'],
  [/\bexperimentalFeatures\s*:\s*true\b/, 'enables experimental features'],
  [/\benableBlinkFeatures\b/, 'enables Blink features'],
];

function sourceFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') out.push(...sourceFiles(p));
    } else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}
for (const dir of ['main', 'preload', 'renderer', 'common'].filter((d) => fs.existsSync(path.join(root, d)))) {
  for (const file of sourceFiles(path.join(root, dir))) {
    const text = fs.readFileSync(file, 'utf8');
    if (/@electron\/remote|\benableRemoteModule\b|\bremote\s*[,}][^;]*from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)\s*\.\s*remote\b/.test(text)) {
      failures.push(`${path.relative(root, file)}: uses Electron's remote module; call main through the API instead`);
    }
    // Every IPC handler checks who sent the message before doing anything.
    for (const m of text.matchAll(/\bipcMain\.(handle|handleOnce|on|once)\s*\(/g)) {
      const body = text.slice(m.index, m.index + 400);
      if (!body.includes('isTrustedSender(')) {
        failures.push(`${path.relative(root, file)}:${text.slice(0, m.index).split('\n').length}: an ipcMain handler that does not start with isTrustedSender(event, win)`);
      }
    }
    for (const [pattern, what] of UNSAFE_PREFERENCES) {
      const m = pattern.exec(text);
      if (m) failures.push(`${path.relative(root, file)}:${text.slice(0, m.index).split('\n').length}: ${what}`);
    }
  }
}

// ── Verdict ─────────────────────────────────────────────────────────────────────────────────────

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(`\nclaimscope: security lint failed (${seconds} s):`);
  for (const f of failures) console.error(`  ${f}`);
  console.error('Fix the code, or, where it is safe, add an exception with its reason to scripts/lint-security.mjs.');
  process.exit(1);
}
say(`claimscope: security lint passed: nothing of medium severity or above beyond ${EXCEPTIONS.length} reviewed exceptions; fuses set; no remote module, no unsafe web preferences, every IPC handler checks its sender (${seconds} s)`);
