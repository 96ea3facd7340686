import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');
export const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus');

export interface WebHost {
  url: string;
  origin: string;
  secret: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the real web host (dist/main/server.cjs) on a free port over the given database file. */
export async function startWebHost(dbPath: string): Promise<WebHost> {
  const child = spawn(process.execPath, [path.join(REPO, 'dist/main/server.cjs'), '--db', dbPath, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    secret: /secret=([^&]+)/.exec(parsed.hash)![1]!,
    process: child,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export function tempDir(prefix = 'claimscope-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
