import os from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { cachedReading, keepReading, readDocument, readingOf, type CaseDocument, type DocReading } from './casereading';

// A case's documents read in parallel. Reading (tagging every sentence, finding its figures, dates
// and acts) is nine tenths of a case's cross-document suggestions and each document's reading is
// its own, so the assistant's worker hands documents to reader threads and reads others itself;
// what compares them (cases.ts) then runs on the worker alone. A reading crosses threads by
// structured clone, which keeps its Sets, Maps and shared objects: the suggestions are the same as
// reading every document on one thread (assist/readers.test.ts).
//
// Documents go out one or two at a time, longest first, so a reader still starting (its lexicons
// loading) takes fewer and none waits on another. A reader that fails or stops leaves its
// documents to be read on the worker: nothing is lost, only time.

/** What a reader thread is sent: a document to read under an id. */
interface ReadRequest {
  id: number;
  doc: CaseDocument;
}
/** What it answers: the reading, or why it could not. */
type ReadReply = { id: number; reading: DocReading } | { id: number; error: string };

/** Documents a reader holds at once: the next is there when it finishes one. */
const IN_FLIGHT = 2;
/** Below this many characters still to read, the reader threads are not worth a message. */
const MIN_CHARS = 60_000;

/** The reader threads worth starting here: one per core but this one, at most two. */
export function readerCount(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(2, cores - 1));
}

class Reader {
  private nextId = 1;
  private waiting = new Map<number, { resolve: (r: DocReading) => void; reject: (e: Error) => void }>();
  readonly worker: Worker;
  dead = false;

  constructor(file: string, onExit: () => void) {
    this.worker = new Worker(file, { workerData: { reader: true }, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    this.worker.unref();
    this.worker.on('message', (m: ReadReply) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if ('reading' in m) w?.resolve(m.reading);
      else w?.reject(new Error(m.error));
    });
    const fail = (message: string) => {
      this.dead = true;
      for (const w of this.waiting.values()) w.reject(new Error(message));
      this.waiting.clear();
      onExit();
    };
    this.worker.on('error', (err) => fail(err.message));
    this.worker.on('exit', (code) => fail(`reader stopped (exit ${code})`));
  }

  read(doc: CaseDocument): Promise<DocReading> {
    if (this.dead) return Promise.reject(new Error('reader stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, doc } satisfies ReadRequest);
    });
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reader threads running `file` (a bundle that calls serveReadings when its workerData says `reader`). */
export class ReaderPool {
  private readers: Reader[] = [];
  /** Documents the last readAll read here and on the readers (for the bench and tests). */
  last = { here: 0, readers: 0 };

  constructor(
    private readonly file: string,
    private readonly size = readerCount(),
  ) {}

  /**
   * The readings of a case's documents: those kept from before, the rest read now, on this thread
   * and the readers at once (each new one kept for the next time). Documents it could not have read
   * are left out; suggestAcross reads them itself.
   */
  async readAll(docs: readonly CaseDocument[]): Promise<Map<CaseDocument, DocReading>> {
    const got = new Map<CaseDocument, DocReading>();
    this.last = { here: 0, readers: 0 };
    const queue: CaseDocument[] = [];
    for (const d of docs) {
      const hit = cachedReading(d);
      if (hit) got.set(d, hit);
      else queue.push(d);
    }
    const chars = queue.reduce((n, d) => n + d.text.length, 0);
    if (this.size === 0 || queue.length < 2 || chars < MIN_CHARS) return got;
    queue.sort((a, b) => b.text.length - a.text.length);
    const feed = async (reader: Reader): Promise<void> => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        try {
          const r = await reader.read(d);
          keepReading(d, r);
          got.set(d, r);
          this.last.readers++;
        } catch {
          return; // (this one is left to suggestAcross; the others to this thread and the other readers)
        }
      }
    };
    const running = this.start().flatMap((r) => Array.from({ length: IN_FLIGHT }, () => feed(r)));
    // This thread reads too, yielding between documents so the readers' answers are taken in.
    for (let d = queue.shift(); d; d = queue.shift()) {
      got.set(d, readingOf(d));
      this.last.here++;
      await turn();
    }
    await Promise.all(running);
    return got;
  }

  close(): void {
    for (const r of this.readers) void r.worker.terminate();
    this.readers = [];
  }

  private start(): Reader[] {
    this.readers = this.readers.filter((r) => !r.dead);
    while (this.readers.length < this.size) {
      const reader: Reader = new Reader(this.file, () => {
        this.readers = this.readers.filter((r) => r !== reader);
      });
      this.readers.push(reader);
    }
    return this.readers;
  }
}

/** A reader thread's side: warm its lexicons, then read each document it is sent. */
export function serveReadings(port: MessagePort, warmUp: string): void {
  readDocument({ id: 0, text: warmUp });
  port.on('message', ({ id, doc }: ReadRequest) => {
    try {
      port.postMessage({ id, reading: readDocument(doc) } satisfies ReadReply);
    } catch (err) {
      port.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies ReadReply);
    }
  });
}
