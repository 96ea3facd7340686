import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from '../built';

// Builds test/crash/writer.ts with the same bundler and settings as the app (esbuild, CommonJS,
// dependencies from node_modules) and runs it as child processes.

let built: string | null = null;

/**
 * Libraries of importing, exporting and the assistant: not on the write path, and most of a
 * child's start-up time (they load at require time). In the writer they are replaced by an inert
 * stand-in; should the write path ever use one, the writer fails with an error, never silently.
 */
const NOT_ON_THE_WRITE_PATH = /^(playwright-core|compromise|chrono-node|mammoth|jszip|parse5|pdfjs-dist)(\/.*)?$/;
const STAND_IN =
  'const h = new Proxy(function () {}, { get: (_t, k) => (k === "__esModule" ? false : k === Symbol.toPrimitive ? () => "" : h), apply: () => h, construct: () => h }); module.exports = h;';

/** The writer bundle, built once per test process. */
export async function buildWriter(): Promise<string> {
  if (built) return built;
  const { build } = await import('esbuild');
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-writer-')), 'writer.cjs');
  await build({
    entryPoints: [path.join(REPO, 'test', 'crash', 'writer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
    absWorkingDir: REPO,
    plugins: [
      {
        name: 'not-on-the-write-path',
        setup(b) {
          b.onResolve({ filter: NOT_ON_THE_WRITE_PATH }, (a) => ({ path: a.path, namespace: 'stand-in' }));
          b.onLoad({ filter: /.*/, namespace: 'stand-in' }, () => ({ contents: STAND_IN, loader: 'js' }));
        },
      },
    ],
  });
  built = outfile;
  return outfile;
}

export interface Writer {
  child: ChildProcess;
  /** Ids the writer acknowledged (complete "ack <id>" lines only). */
  acked: number[];
  /** Other lines: ready, waiting, done, err..., damaged... */
  lines: string[];
  stderr: string;
  /** Resolves with the first line starting with `prefix`. */
  waitFor(prefix: string, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startWriter(file: string, args: string[]): Writer {
  const child = spawn(process.execPath, [file, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // Dependencies resolve from the repository, wherever the bundle was written.
    env: { ...process.env, NODE_PATH: path.join(REPO, 'node_modules') },
  });
  const w: Writer = {
    child,
    acked: [],
    lines: [],
    stderr: '',
    waitFor: () => Promise.resolve(''),
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
  };
  const waiters: Array<{ prefix: string; resolve: (l: string) => void }> = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const ack = /^ack (\d+)$/.exec(line);
      if (ack) w.acked.push(Number(ack[1]));
      else w.lines.push(line);
      for (const waiter of waiters.filter((x) => line.startsWith(x.prefix))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
    // A partial last line (killed mid-write) is not an acknowledgement.
  });
  child.stderr!.on('data', (chunk: Buffer) => (w.stderr += chunk.toString('utf8')));
  w.waitFor = (prefix, timeoutMs = 15_000) => {
    const seen = w.lines.find((l) => l.startsWith(prefix));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`writer: no "${prefix}" line within ${timeoutMs} ms; got ${JSON.stringify(w.lines)} ${w.stderr}`)), timeoutMs);
      waiters.push({
        prefix,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
      });
      void w.exited.then(() => setTimeout(() => reject(new Error(`writer exited before "${prefix}": ${JSON.stringify(w.lines)} ${w.stderr}`)), 50));
    });
  };
  return w;
}

/** Waits for the stdout pipe to drain after the child is gone. */
export async function finished(w: Writer): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const result = await w.exited;
  if (!w.child.stdout!.readableEnded) await new Promise((r) => w.child.stdout!.once('end', r));
  return result;
}
