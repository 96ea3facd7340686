import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { paragraphs } from '../common/segment';
import type { CaseSuggestion } from '../common/domain';
import { suggestAcross, type CaseDocument, type CaseSuggestOptions } from './cases';
import { readingOf, type DocReading } from './casereading';
import { suggest, suggestionKey, type KnownSource, type Suggestion } from './index';
import { ReaderPool, serveReadings, turn } from './readers';

// The assistant in a worker thread, so the web host and the app's main process stay responsive.
// A long document is read in paragraph-aligned slices (attributions and claims arrive as each slice
// is done) and whole, for what needs the whole text: inconsistencies; with a reader thread
// (assist/readers.ts), the whole there while the slices are read here. A case's documents are read
// in parallel too, here and on reader threads.

/** One document's suggestions, in batches. */
export interface DocumentJob {
  kind?: 'document';
  text: string;
  sources: KnownSource[];
  /** The document's publication date from its file's metadata (ISO), if any. */
  published?: string;
}

/** A case's cross-document suggestions (assist/cases.ts), answered in one message. */
export interface CaseJob {
  kind: 'case';
  docs: CaseDocument[];
  options: CaseSuggestOptions;
}

export type AssistJob = DocumentJob | CaseJob;

export type AssistMessage =
  | { type: 'batch'; suggestions: Suggestion[]; keys: string[]; progress: number }
  | { type: 'case'; suggestions: CaseSuggestion[] }
  /** A case's documents read so far (each read once, here or on a reader; kept ones at once). */
  | { type: 'progress'; done: number; total: number }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** Slices of about `size` characters that end at paragraph boundaries. */
export function slices(text: string, size: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  let end = 0;
  for (const p of paragraphs(text)) {
    if (p.end - start > size && end > start) {
      out.push({ start, end });
      start = p.start;
    }
    end = p.end;
  }
  if (end > start) out.push({ start, end });
  return out;
}

const SLICE = 100_000;

function shift(s: Suggestion, by: number): Suggestion {
  if (s.type === 'inconsistency') return { ...s, spans: s.spans.map((x) => ({ ...x, start: x.start + by, end: x.end + by })) };
  return { ...s, span: { ...s.span, start: s.span.start + by, end: s.span.end + by } };
}

/**
 * Run a job, posting its messages. With reader threads, a case's documents are read on them too,
 * and a long text is read whole on one while its slices are read here (then it returns a promise).
 */
export function runAssist(job: AssistJob, post: (m: AssistMessage) => void, readers?: ReaderPool): void | Promise<void> {
  if (job.kind === 'case') {
    const { docs, options } = job;
    let done = 0;
    const read = () => post({ type: 'progress', done: ++done, total: docs.length });
    // (what the readers did not read, read here as the comparison needs it)
    const reading = (got: ReadonlyMap<CaseDocument, DocReading>) => (d: CaseDocument) => {
      const r = got.get(d);
      if (r) return r;
      read();
      return readingOf(d);
    };
    // The last message of its job: no 'done' follows.
    if (!readers) return post({ type: 'case', suggestions: suggestAcross(docs, options, reading(new Map())) });
    return readers.readAll(docs, read).then((got) => post({ type: 'case', suggestions: suggestAcross(docs, options, reading(got)) }));
  }
  const options = { sources: job.sources, published: job.published };
  const parts = job.text.length > 2 * SLICE ? slices(job.text, SLICE) : [];
  const steps = parts.length + 1;
  const seen = new Set<string>();
  const slice = (part: { start: number; end: number }, i: number) => {
    // (a slice's attributions and claims; its inconsistencies are the whole text's business)
    const local = suggest(job.text.slice(part.start, part.end), { ...options, inconsistencies: false }).map((s) => shift(s, part.start));
    const fresh = local.filter((s) => !seen.has(suggestionKey(s)));
    for (const s of fresh) seen.add(suggestionKey(s));
    post({ type: 'batch', suggestions: fresh, keys: fresh.map(suggestionKey), progress: (i + 1) / steps });
  };
  const finish = (whole: Suggestion[]) => {
    const all = whole.filter((s) => !seen.has(suggestionKey(s)));
    post({ type: 'batch', suggestions: all, keys: all.map(suggestionKey), progress: 1 });
    post({ type: 'done' });
  };
  // (a long text read whole on a reader thread while the slices are read here; a reader that
  // fails leaves the whole to this thread; its failure is caught at once, for it may come while
  // the slices are read, and a rejection nothing handles would stop this thread)
  const whole = parts.length > 0 ? (readers?.suggestWhole(job.text, options)?.catch(() => null) ?? null) : null;
  if (!whole) {
    parts.forEach(slice);
    return finish(suggest(job.text, options));
  }
  return (async () => {
    for (const [i, part] of parts.entries()) {
      slice(part, i);
      await turn();
    }
    finish((await whole) ?? suggest(job.text, options));
  })();
}

/** What the service sends a long-lived assistant worker: a job to run, under an id its answers carry. */
export interface WorkerRequest {
  id: number;
  job: AssistJob;
}
export interface WorkerReply {
  id: number;
  message: AssistMessage;
}

/** A short text that touches every part of the assistant, so its lexicons load before the first job. */
const WARM_UP = 'LONDON, March 3, 2025 - The minister said on Monday, March 3, that 12 people were hurt, and officials told reporters the talks lasted 40 minutes.';

if (!isMainThread && parentPort && workerData?.reader) {
  // A reader thread of a long-lived worker (assist/readers.ts): case documents, one after another.
  serveReadings(parentPort, WARM_UP);
} else if (!isMainThread && parentPort && workerData?.warm) {
  // A long-lived worker: warmed once, then one job after another, each answered under its id.
  // (reader threads run this same bundle; they start with the first case worth reading in parallel)
  const port = parentPort;
  const readers = new ReaderPool(__filename, typeof workerData.readers === 'number' ? workerData.readers : undefined);
  suggest(WARM_UP);
  port.on('message', ({ id, job }: WorkerRequest) => {
    const fail = (err: unknown) => port.postMessage({ id, message: { type: 'error', message: err instanceof Error ? err.message : String(err) } } satisfies WorkerReply);
    try {
      void runAssist(job, (message) => port.postMessage({ id, message } satisfies WorkerReply), readers)?.catch(fail);
    } catch (err) {
      fail(err);
    }
  });
}
