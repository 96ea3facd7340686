import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CaseDocument, CaseSuggestOptions } from '../../assist/cases';
import type { AssistJob, AssistMessage, WorkerReply, WorkerRequest } from '../../assist/worker';
import type { CaseSuggestion } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';

// The assistant's worker thread, kept warm: started once (its lexicons loaded while the analyst
// reads), then given one job after another, so a short article's suggestions come back in a
// fraction of a second instead of after a cold start. Running from sources (unit tests), the work
// runs on this thread instead.

/** The bundled worker beside the running bundle (dist/main/); absent when running from sources. */
function workerFile(): string | null {
  const file = path.join(__dirname, 'assist-worker.cjs');
  return fs.existsSync(file) ? file : null;
}

type Listener = (m: AssistMessage) => void;

export class AssistantWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private listeners = new Map<number, Listener>();

  /**
   * `file`: the bundled worker to run (tests); default the one beside the running bundle.
   * `readers`: its reader threads (assist/readers.ts: a case's documents, a long text read whole); default one per core but one.
   */
  constructor(
    private readonly file?: string,
    private readonly readers?: number,
  ) {}

  /** Starts the worker now, so the first job finds it ready. Does nothing when running from sources. */
  warm(): void {
    this.ensure();
  }

  run(job: AssistJob, onMessage: Listener): void {
    const worker = this.ensure();
    if (!worker) {
      setImmediate(async () => {
        try {
          const { runAssist } = await import('../../assist/worker');
          runAssist(job, onMessage);
        } catch (err) {
          onMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
        }
      });
      return;
    }
    const id = this.nextId++;
    this.listeners.set(id, onMessage);
    worker.postMessage({ id, job } satisfies WorkerRequest);
  }

  /** A case's cross-document suggestions (suggestAcross), computed on the worker thread; `onProgress` hears each document read. */
  suggestCase(docs: CaseDocument[], options: CaseSuggestOptions = {}, onProgress?: (done: number, total: number) => void): Promise<CaseSuggestion[]> {
    return new Promise((resolve, reject) => {
      // The worker keeps no process alive (unref); a CLI awaiting this answer is kept alive until it comes.
      const alive = setInterval(() => {}, 60_000);
      this.run({ kind: 'case', docs, options }, (m) => {
        if (m.type === 'progress') return onProgress?.(m.done, m.total);
        if (m.type === 'batch' || m.type === 'done') return;
        clearInterval(alive);
        if (m.type === 'case') resolve(m.suggestions);
        else reject(new ClaimscopeError('internal', `the assistant failed: ${m.message}`));
      });
    });
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private ensure(): Worker | null {
    if (this.worker) return this.worker;
    const file = this.file ?? workerFile();
    if (!file) return null;
    const worker = new Worker(file, { workerData: { warm: true, ...(this.readers === undefined ? {} : { readers: this.readers }) }, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    // It never keeps a process alive by itself: a CLI command ends when its work does.
    worker.unref();
    worker.on('message', ({ id, message }: WorkerReply) => {
      const listener = this.listeners.get(id);
      // (a job's last message: 'done', 'case' or 'error')
      if (message.type !== 'batch' && message.type !== 'progress') this.listeners.delete(id);
      listener?.(message);
    });
    const fail = (message: string) => {
      if (this.worker === worker) this.worker = null;
      for (const listener of this.listeners.values()) listener({ type: 'error', message });
      this.listeners.clear();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`the assistant stopped unexpectedly (exit ${code}); run it again`));
    this.worker = worker;
    return worker;
  }
}
