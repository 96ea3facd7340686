#!/usr/bin/env node
// `npm start`: build if needed, then launch Electron. Where the Electron runtime is not installed
// (it is fetched on first use, and its release host may be out of reach), say so in one line and
// serve the same app to the browser through the local web host. Never waits on a download.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-needed'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

const electron = findElectron();
if (electron.path) {
  const { buildElectronNative } = await import('./electron-native.mjs');
  let native = true;
  try {
    buildElectronNative();
  } catch (err) {
    native = false;
    console.error(`claimscope: could not build better-sqlite3 for Electron (${err.message.split('\n')[0]}); serving the app to your browser instead.`);
  }
  if (native) run(electron.path, [root, ...passThrough]);
  else run(process.execPath, [path.join(root, 'dist', 'main', 'server.cjs'), ...passThrough]);
} else {
  console.log(`claimscope: Electron is not available here (${electron.reason}); serving the app to your browser instead.`);
  run(process.execPath, [path.join(root, 'dist', 'main', 'server.cjs'), ...passThrough]);
}
