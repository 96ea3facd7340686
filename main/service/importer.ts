import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ClaimscopeError } from '../../common/errors';
import { importBuffer, type ImportedDocument, type ImportOptions } from '../core/import';
import type { ImportJob, ImportReply } from '../core/import/worker';

// Every import runs in a worker thread of its own with a memory cap and a time limit that cover
// all of its work (unzipping, parsing, layout): a hostile or broken file gets one line saying
// what, which file and what to do, and the app keeps answering meanwhile.

export interface ImportLimits {
  /** Wall-clock limit for one file, in milliseconds. Default 120 s. */
  timeoutMs?: number;
  /** Heap limit of the import's thread, in MB. Default 1,536. */
  memoryMb?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MEMORY_MB = 1536;

/** The bundled worker beside the running bundle (dist/main/); absent when running from sources. */
function workerFile(): string | null {
  const file = path.join(__dirname, 'import-worker.cjs');
  return fs.existsSync(file) ? file : null;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

export function importInWorker(name: string, bytes: Uint8Array, options: ImportOptions = {}, limits: ImportLimits = {}): Promise<ImportedDocument> {
  const file = workerFile();
  // From sources (unit tests of the importers' callers): the same work on this thread.
  if (!file) return importBuffer(name, bytes, options);
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memoryMb = limits.memoryMb ?? DEFAULT_MEMORY_MB;
  const base = path.basename(name);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const worker = new Worker(file, {
      workerData: { claimscopeImport: true, name, bytes, options } satisfies ImportJob,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 64 },
    });
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new ClaimscopeError(
              'bad_file',
              `${base}: reading it took longer than ${seconds(timeoutMs)}, so it was stopped; the file may be damaged or far too complex, so open a simpler copy of it (plain text, or a PDF or Word file saved again)`,
            ),
          ),
        ),
      timeoutMs,
    );
    worker.on('message', (reply: ImportReply) =>
      finish(() => (reply.ok ? resolve(reply.document) : reject(new ClaimscopeError(reply.code, reply.message)))),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      finish(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ClaimscopeError('bad_file', `${base}: reading it needed more than ${memoryMb.toLocaleString('en')} MB of memory, so it was stopped; the file may be damaged or hostile, so open a simpler copy of it`)
            : new ClaimscopeError('bad_file', `${base}: it could not be read (${err.message}); open a simpler copy of it`),
        ),
      ),
    );
    worker.on('exit', (code) => finish(() => reject(new ClaimscopeError('bad_file', `${base}: reading it stopped unexpectedly (exit ${code}); open a simpler copy of it`))));
  });
}
