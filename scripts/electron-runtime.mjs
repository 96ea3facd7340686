// Where the Electron runtime is, without triggering its download: the `electron` package fetches
// its binary the first time it is required, which hangs or fails where its release host is out of reach.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron executable, or null with the reason it is missing. */
export function findElectron() {
  const pkg = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(pkg, 'package.json'))) return { path: null, reason: 'the electron package is not installed (run npm install)' };
  const pathFile = path.join(pkg, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const exe = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  if (override) {
    const p = path.join(override, exe ?? 'electron');
    return fs.existsSync(p) ? { path: p, reason: null } : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${p}` };
  }
  if (!exe) return { path: null, reason: 'its runtime was never downloaded; npx install-electron fetches it where its release host is reachable' };
  const p = path.join(pkg, 'dist', exe);
  return fs.existsSync(p) ? { path: p, reason: null } : { path: null, reason: `the Electron runtime is missing at ${p}` };
}

export function electronVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  return pkg.version;
}
