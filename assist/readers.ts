import os from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { cachedReading, keepReading, readDocument, readingOf, type CaseDocument, type DocReading } from './casereading';
import { suggest, type Suggestion, type SuggestOptions } from './index';

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
//
// A long document is also read in two ways at once: the worker reads it slice by slice (the
// analyst sees attributions and claims as each slice is done) while a reader reads it whole (for
// the inconsistencies, which need the whole text), so the last suggestion comes when the longer of
// the two ends, not after both.

/** What a reader thread is sent, under an id: a case document to read, or a text to suggest on. */
type ReaderRequest = { id: number; doc: CaseDocument } | { id: number; text: string; options: SuggestOptions };
/** What it answers: the reading or the suggestions, or why it could not. */
type ReaderReply = { id: number; reading: DocReading } | { id: number; suggestions: Suggestion[] } | { id: number; error: string };

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
  private waiting = new Map<number, { resolve: (r: never) => void; reject: (e: Error) => void }>();
  readonly worker: Worker;
  dead = false;

  constructor(file: string, onExit: () => void) {
    this.worker = new Worker(file, { workerData: { reader: true }, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    this.worker.unref();
    this.worker.on('message', (m: ReaderReply) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if ('error' in m) w?.reject(new Error(m.error));
      else w?.resolve(('reading' in m ? m.reading : m.suggestions) as never);
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
    return this.ask<DocReading>((id) => ({ id, doc }));
  }

  suggest(text: string, options: SuggestOptions): Promise<Suggestion[]> {
    return this.ask<Suggestion[]>((id) => ({ id, text, options }));
  }

  private ask<T>(request: (id: number) => ReaderRequest): Promise<T> {
    if (this.dead) return Promise.reject(new Error('reader stopped'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (r: never) => void, reject });
      this.worker.postMessage(request(id));
    });
  }
}

/** A turn of the event loop: what other threads answered meanwhile is taken in. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

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
   * are left out; suggestAcross reads them itself. `onRead` is called once for each document it has.
   */
  async readAll(docs: readonly CaseDocument[], onRead: () => void = () => {}): Promise<Map<CaseDocument, DocReading>> {
    const got = new Map<CaseDocument, DocReading>();
    this.last = { here: 0, readers: 0 };
    const queue: CaseDocument[] = [];
    for (const d of docs) {
      const hit = cachedReading(d);
      if (hit) {
        got.set(d, hit);
        onRead();
      } else queue.push(d);
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
          onRead();
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
      onRead();
      await turn();
    }
    await Promise.all(running);
    return got;
  }

  /** The suggestions for a whole text, from a reader thread; null when there is none (then they are the caller's to work out). */
  suggestWhole(text: string, options: SuggestOptions): Promise<Suggestion[]> | null {
    if (this.size === 0) return null;
    return this.start()[0]!.suggest(text, options);
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

/** A reader thread's side: warm its lexicons, then read each document or text it is sent. */
export function serveReadings(port: MessagePort, warmUp: string): void {
  readDocument({ id: 0, text: warmUp });
  port.on('message', (m: ReaderRequest) => {
    try {
      port.postMessage(('doc' in m ? { id: m.id, reading: readDocument(m.doc) } : { id: m.id, suggestions: suggest(m.text, m.options) }) satisfies ReaderReply);
    } catch (err) {
      port.postMessage({ id: m.id, error: err instanceof Error ? err.message : String(err) } satisfies ReaderReply);
    }
  });
}
