#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/, leaving node_modules' Node build
// alone: the tests, the CLI and the web host run on Node, the app on Electron, and neither ever
// overwrites the other's binary. The Electron main process opens the database with
// better-sqlite3's `nativeBinding` option pointing here. Needs Electron's headers (downloaded by
// node-gyp from Electron's release host), so it runs only where Electron itself could be installed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'native', 'electron');
const target = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'electron-version.txt');
const version = electronVersion();

export function electronNativeReady() {
  return fs.existsSync(target) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === version;
}

export function buildElectronNative() {
  if (electronNativeReady()) return target;
  const work = path.join(root, 'native', 'build', 'better-sqlite3');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(work), { recursive: true });
  fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  console.log(`claimscope: building better-sqlite3 for Electron ${version} (once; about a minute)…`);
  const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  execFileSync(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: work, stdio: 'inherit' },
  );
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  fs.writeFileSync(stampFile, version);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildElectronNative();
