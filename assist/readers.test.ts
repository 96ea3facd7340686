import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caseBenchDocs, evalTexts } from '../bench/cases';
import { REPO } from '../test/built';
import { clearReadings, suggestAcross } from './cases';
import { readDocument, readingOf } from './casereading';
import { ReaderPool } from './readers';
import { runAssist, type AssistMessage } from './worker';
import { generateBenchText } from '../bench/assist';

// A case's documents read on reader threads (the assistant's worker bundle, as scripts/build.mjs
// bundles it) and on this thread at once: the readings cross threads whole, so the suggestions
// are those of one thread; a reader that stops mid-case leaves its documents to this thread.

// (its own bundle: main/service/assistant.test.ts builds the worker too, and tests run in parallel)
const FILE = path.join(REPO, 'node_modules', '.cache', 'claimscope-tests', 'readers-worker.cjs');
const texts = evalTexts(path.join(__dirname, 'eval', 'data'));

let pool: ReaderPool | null = null;
afterEach(() => {
  pool?.close();
  pool = null;
});

describe('reading a case in parallel', () => {
  beforeAll(async () => {
    await build({ entryPoints: [path.join(REPO, 'assist', 'worker.ts')], outfile: FILE, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'silent' });
  }, 60_000);

  it('reads on a reader thread and here, and suggests what one thread suggests', async () => {
    const docs = caseBenchDocs(texts, 4, 20_000);
    clearReadings();
    pool = new ReaderPool(FILE, 1);
    const got = await pool.readAll(docs);
    expect(pool.last.readers).toBeGreaterThan(0);
    expect(pool.last.here + pool.last.readers).toBe(docs.length);
    // (Sets, Maps and shared objects cross whole)
    for (const d of docs) expect(got.get(d)).toEqual(readDocument(d));
    const parallel = suggestAcross(docs, {}, (d) => got.get(d)!);
    clearReadings();
    const serial = suggestAcross(docs);
    expect(serial.length).toBeGreaterThan(0);
    expect(parallel).toEqual(serial);
  }, 120_000);

  it('leaves the documents of a reader that stops to this thread', async () => {
    const docs = caseBenchDocs(texts.slice(9), 4, 20_000);
    clearReadings();
    pool = new ReaderPool(FILE, 1);
    const reading = pool.readAll(docs);
    // (the reader, started and sent its first documents, is stopped before it answers)
    const readers = (pool as unknown as { readers: Array<{ worker: { terminate(): Promise<number> } }> }).readers;
    expect(readers).toHaveLength(1);
    void readers[0]!.worker.terminate();
    const got = await reading;
    expect(pool.last.readers).toBe(0);
    expect(got.size).toBeLessThan(docs.length);
    const parallel = suggestAcross(docs, {}, (d) => got.get(d) ?? readingOf(d));
    clearReadings();
    expect(parallel).toEqual(suggestAcross(docs));
  }, 120_000);

  it('reads a long text whole on a reader while its slices are read here: the same suggestions, in batches, then done', async () => {
    const text = generateBenchText(230_000, 7);
    const run = async (readers?: ReaderPool) => {
      const messages: AssistMessage[] = [];
      await runAssist({ text, sources: [] }, (m) => messages.push(m), readers);
      return messages;
    };
    const serial = await run();
    pool = new ReaderPool(FILE, 1);
    const parallel = await run(pool);
    const keys = (ms: AssistMessage[]) => ms.flatMap((m) => (m.type === 'batch' ? m.keys : [])).sort();
    expect(keys(parallel)).toEqual(keys(serial));
    expect(keys(parallel).length).toBeGreaterThan(100);
    const progress = parallel.flatMap((m) => (m.type === 'batch' ? [m.progress] : []));
    // (three slices, then the whole)
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    expect(parallel.at(-1)).toEqual({ type: 'done' });
    // (the whole came from the reader: a pool that has started one)
    expect((pool as unknown as { readers: unknown[] }).readers).toHaveLength(1);
  }, 180_000);

  it('reads a long text whole here when its reader stops while the slices are read', async () => {
    const text = generateBenchText(230_000, 8);
    const serial: AssistMessage[] = [];
    await runAssist({ text, sources: [] }, (m) => serial.push(m));
    pool = new ReaderPool(FILE, 1);
    const messages: AssistMessage[] = [];
    const running = runAssist({ text, sources: [] }, (m) => messages.push(m), pool);
    // (the reader, sent the whole text, is stopped before it answers)
    const readers = (pool as unknown as { readers: Array<{ worker: { terminate(): Promise<number> } }> }).readers;
    expect(readers).toHaveLength(1);
    await readers[0]!.worker.terminate();
    await running;
    const keys = (ms: AssistMessage[]) => ms.flatMap((m) => (m.type === 'batch' ? m.keys : [])).sort();
    expect(keys(messages)).toEqual(keys(serial));
    expect(messages.at(-1)).toEqual({ type: 'done' });
  }, 180_000);

  it('reads a small case here alone, and takes what it read before from memory', async () => {
    pool = new ReaderPool(FILE, 1);
    const small = [
      { id: 1, text: 'The council approved 12 new homes on Monday.' },
      { id: 2, text: 'Councillors approved 14 new homes on Monday.' },
    ];
    expect((await pool.readAll(small)).size).toBe(0);
    const docs = caseBenchDocs(texts.slice(4), 3, 25_000);
    for (const d of docs) readingOf(d);
    const got = await pool.readAll(docs);
    expect(got.size).toBe(docs.length);
    expect(pool.last).toEqual({ here: 0, readers: 0 });
  }, 120_000);
});
