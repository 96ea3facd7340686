// The assistant as the app runs it on a long document (issue 11): its worker thread reads the text
// in slices, posting attributions and claims as each is done, and whole, for the inconsistencies;
// with a reader thread (assist/readers.ts) the whole is read there at once. Times to the first batch
// and to the last, with and without the reader, alternated in one run. A figure for `npm run bench`,
// not a timed test (assist/readers.test.ts holds the two paths to the same suggestions).

import fs from 'node:fs';
import path from 'node:path';
import { readerCount } from '../assist/readers';
import { generateBenchText } from './assist';
import { REPO } from './optional';
import { AssistantWorker } from '../main/service/assistant';

export interface WorkerFigures {
  /** Reader threads beside the worker in the `withReaders` runs. */
  readers: number;
  withReaders: { first: number[]; all: number[] };
  oneThread: { first: number[]; all: number[] };
}

function job(worker: AssistantWorker, text: string): Promise<{ first: number; all: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first = 0;
    // (the worker keeps no process alive: this one waits for its answer)
    const alive = setInterval(() => {}, 60_000);
    worker.run({ text, sources: [] }, (m) => {
      if (m.type === 'batch' && first === 0) first = performance.now() - t0;
      if (m.type === 'done' || m.type === 'error') clearInterval(alive);
      if (m.type === 'done') resolve({ first: Math.round(first), all: Math.round(performance.now() - t0) });
      if (m.type === 'error') reject(new Error(m.message));
    });
  });
}

/** Null without the bundled worker (dist/main/assist-worker.cjs) or a core to spare for a reader. */
export async function workerFigures(text: string, runs: number): Promise<WorkerFigures | null> {
  const file = path.join(REPO, 'dist', 'main', 'assist-worker.cjs');
  const readers = readerCount();
  if (readers === 0 || !fs.existsSync(file)) return null;
  const pooled = new AssistantWorker(file, readers);
  const single = new AssistantWorker(file, 0);
  try {
    // (both warm, their readers too, on other text)
    const warm = generateBenchText(300_000, 5);
    await job(pooled, warm);
    await job(single, warm);
    const out: WorkerFigures = { readers, withReaders: { first: [], all: [] }, oneThread: { first: [], all: [] } };
    for (let i = 0; i < runs; i++) {
      for (const w of i % 2 === 0 ? [single, pooled] : [pooled, single]) {
        const r = await job(w, text);
        const into = w === pooled ? out.withReaders : out.oneThread;
        into.first.push(r.first);
        into.all.push(r.all);
      }
    }
    return out;
  } finally {
    pooled.close();
    single.close();
  }
}
