import { parentPort, workerData } from 'node:worker_threads';
import { ClaimscopeError } from '../../../common/errors';
import { importBuffer } from './index';
import type { ImportedDocument, ImportOptions } from './types';

// One import in a thread of its own, under the memory cap and time limit the service gives it:
// a file that makes a parser run away costs that thread, never the process that answers the app.

export interface ImportJob {
  claimscopeImport: true;
  name: string;
  bytes: Uint8Array;
  options: ImportOptions;
}

export type ImportReply = { ok: true; document: ImportedDocument } | { ok: false; code: ClaimscopeError['code']; message: string };

if (parentPort && (workerData as ImportJob | undefined)?.claimscopeImport) {
  const port = parentPort;
  const job = workerData as ImportJob;
  importBuffer(job.name, job.bytes, job.options).then(
    (document) => port.postMessage({ ok: true, document } satisfies ImportReply),
    (err: unknown) =>
      port.postMessage({
        ok: false,
        code: err instanceof ClaimscopeError ? err.code : 'internal',
        message: err instanceof Error ? err.message : String(err),
      } satisfies ImportReply),
  );
}
