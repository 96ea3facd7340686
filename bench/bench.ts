// `npm run bench`: Claimscope's performance in the real stack (a real SQLite file, the real web
// host, the real renderer in Debian's Chromium), on data it generates: a ~1 MB text of 10,000
// sentences in ~2,000 paragraphs with 5,000 annotations, sources, links and flags.
//   --small        a quick run on a small document (part of npm test, so the benchmark cannot rot)
//   --json         one JSON object on stdout instead of the table
//   --runs N       runs per figure (default 5; 2 with --small)
//   --screenshots DIR   screenshots of the document while scrolling through it
//   --trace DIR    Chromium performance traces of the last open and of a few tags
//   --keep         keep the temporary database
//   --large        the documented maximum instead (10 MB, 50,000 annotations), in Node alone
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentRecord, DocumentState } from '../common/domain';
import { insertMany } from '../db/bulk';
import { openDatabase } from '../db/open';
import { Store } from '../db/store';
import { openApp } from '../main/app';
import { startWebHost } from '../e2e/support/server';
import { TRACE_CATEGORIES, bareTiptap, heapMb, launch, openAppPage, openDocument, scrollCheck, smallSuggestions, tagger, type OpenRun, type ScrollCheck, type TagRun } from './browser';
import { FULL, SMALL, annotationRows, generateAnnotations, generateText, type Size } from './data';
import { loadOptional, REPO } from './optional';
import { seedDatabase } from './seed';
import { serviceTags } from './service';
import { largeBench } from './large';
import { caseFigures } from './cases';
import { workerFigures } from './worker';
import { generateBenchText } from './assist';
import { arrivalPercentiles, workspaceFigures, type WorkspaceFigures } from './workspace';
import { matrixFigures, seedCase, type MatrixFigures } from './matrix';
import { median, percentile, table, type Row } from './stats';

const { values: args } = parseArgs({
  options: {
    small: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    runs: { type: 'string' },
    screenshots: { type: 'string' },
    trace: { type: 'string' },
    keep: { type: 'boolean', default: false },
    large: { type: 'boolean', default: false },
  },
  strict: true,
});

const size: Size = args.small ? SMALL : FULL;
const runs = args.runs ? Math.max(1, Number(args.runs)) : args.small ? 2 : 5;
const warmup = args.small ? 0 : 1;
const tagCount = args.small ? 10 : 100;
const dbRows = args.small ? 1_000 : 10_000;
const log = (msg: string) => console.error(`bench: ${msg}`);

function timeSync<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const result = fn();
  return [performance.now() - t0, result];
}

async function timeAsync<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await fn();
  return [performance.now() - t0, result];
}

/** The db layer alone: `dbRows` annotations inserted in one transaction, then loaded with one query. */
function dbFigures(tmp: string): { insert: number[]; load: number[] } {
  const g = generateText(size, 21);
  const specs = generateAnnotations(g, dbRows, 23);
  // Fewer distinct ranges than rows exist at this density: repeat them, as a heavily tagged text would.
  while (specs.length < dbRows) specs.push(...specs.slice(0, dbRows - specs.length));
  const insert: number[] = [];
  const load: number[] = [];
  for (let i = 0; i < runs; i++) {
    const file = path.join(tmp, `db-${i}.db`);
    const db = openDatabase(file);
    try {
      const store = new Store(db);
      const docId = store.documents.insert({ title: 'Bench', path: null, format: 'txt', text: g.text, blocks: [], sha256: `bench-${i}`, metadata: {} });
      const rows = annotationRows(docId, g.text, specs);
      const [ins, ids] = timeSync(() => insertMany(db, 'annotations', rows));
      if (ids.length !== dbRows) throw new Error(`bench: inserted ${ids.length} rows, expected ${dbRows}`);
      const [ld, loaded] = timeSync(() => store.annotations.list(docId));
      if (loaded.length !== dbRows) throw new Error(`bench: loaded ${loaded.length} rows, expected ${dbRows}`);
      insert.push(ins);
      load.push(ld);
    } finally {
      db.close();
    }
  }
  return { insert, load };
}

/** p95 of the visible and acknowledged times of claims and of attributions apart. */
function byKind(run: TagRun): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const kind of ['claim', 'attribution'] as const) {
    const pick = (xs: number[]) => xs.filter((_, i) => run.kinds[i] === kind);
    const p95 = (xs: number[]) => (xs.length ? percentile(xs, 95) : null);
    out[`tag_visible_p95_${kind}_ms`] = p95(pick(run.visible));
    out[`tag_roundtrip_p95_${kind}_ms`] = p95(pick(run.roundtrip));
  }
  return out;
}

interface Exporters {
  toHtml?: (input: { document: DocumentRecord; state: DocumentState }) => string;
}
interface Assistant {
  suggest?: (text: string) => unknown;
}

async function main(): Promise<void> {
  const started = performance.now();
  if (args.large) {
    const { rows, failures } = await largeBench(log);
    console.log(`Claimscope bench (large): 10 MB of text, 50,000 annotations; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores\n`);
    console.log(table(rows));
    for (const f of failures) console.log(`note: ${f}`);
    console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  // Figures from a busy machine are not comparable: say how busy it was.
  const loadBefore = os.loadavg()[0]!;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscope-bench-'));
  const dbPath = path.join(tmp, 'claimscope.db');
  const notes: string[] = [];
  if (!fs.existsSync(path.join(REPO, 'dist', 'main', 'server.cjs'))) throw new Error('dist/main/server.cjs is missing; run `npm run build` first');

  log(`${size.name}: seeding ${size.sentences.toLocaleString('en')} sentences and ${size.annotations.toLocaleString('en')} annotations…`);
  const seeded = await seedDatabase(dbPath, size);
  log(`document ${seeded.documentId}: ${seeded.text.length.toLocaleString('en')} characters, ${seeded.paragraphs.length} paragraphs`);

  // Node side: the db layer, the exporter, the assistant.
  const db = dbFigures(tmp);
  const app = openApp(dbPath);
  const { document, state } = await app.service.getDocument({ id: seeded.documentId });
  app.close();

  const exporters = loadOptional<Exporters>('main/core/export/index.ts');
  const exportTimes: number[] = [];
  if (exporters?.toHtml) {
    exporters.toHtml({ document, state });
    for (let i = 0; i < runs; i++) exportTimes.push((await timeAsync(() => exporters.toHtml!({ document, state })))[0]);
  } else notes.push('export_html_1mb_5k_ms: main/core/export/index.ts does not export toHtml yet');

  const assistant = loadOptional<Assistant>('assist/index.ts');
  const suggestTimes: number[] = [];
  if (assistant?.suggest) {
    for (let i = 0; i < Math.min(runs, 3); i++) suggestTimes.push((await timeAsync(() => assistant.suggest!(seeded.text) as Promise<unknown>))[0]);
  } else notes.push('suggest_1mb_ms: assist/index.ts does not export suggest(text) yet');
  // The same in the app's worker, in slices and whole (bench/worker.ts): the full size only, where it slices.
  const inWorker = size.name === 'full' ? await workerFigures(seeded.text, Math.min(runs, 3)) : null;
  // Cross-document suggestions for a case (issue 14): bench/cases.ts.
  const cases = await caseFigures(Math.min(runs, 3), size.name !== 'full');
  if (!cases) notes.push('case_20x50kb_ms: no evaluation texts in assist/eval/data to build the case from');

  // Tagging through the service alone: its time and the size of its answer.
  const service = await serviceTags(dbPath, seeded, tagCount);

  // The case matrix: its own database, a case of 20 documents and 500 claim groups (50 with --small).
  const matrixGroups = args.small ? 50 : 500;
  const matrixDb = path.join(tmp, 'matrix.db');
  log(`a case of 20 documents and ${matrixGroups} claim groups…`);
  const { caseName } = await seedCase(matrixDb, matrixGroups);

  // Browser side.
  const host = await startWebHost(dbPath);
  const browser = await launch();
  const bare: number[] = [];
  const opens: OpenRun[] = [];
  let heap: number;
  let scrolled: ScrollCheck[];
  let tagRun: TagRun = { work: [], visible: [], roundtrip: [], kinds: [] };
  let matrix: MatrixFigures | undefined;
  let workspace: WorkspaceFigures | null | undefined;
  let smallSuggest: number[] | undefined;
  try {
    const session = await openAppPage(browser, host);
    const floor = await bareTiptap(browser, seeded);
    try {
      if (args.trace) {
        // The renderer's source maps, to read the traces' minified stacks with.
        fs.mkdirSync(args.trace, { recursive: true });
        const assets = path.join(REPO, 'dist', 'renderer', 'assets');
        for (const f of fs.readdirSync(assets)) if (/\.js(\.map)?$/.test(f)) fs.copyFileSync(path.join(assets, f), path.join(args.trace, f));
      }
      // Bare TipTap and Claimscope in turns, so that a change in the machine's load touches both alike.
      log('opening the document, and the same text in bare TipTap…');
      for (let i = 0; i < warmup + runs; i++) {
        const b = await floor.run();
        const last = i === warmup + runs - 1;
        const o = await openDocument(session.page, seeded, last && args.trace ? path.join(args.trace, 'open.json') : undefined);
        if (i < warmup) continue;
        bare.push(b);
        opens.push(o);
      }
      await floor.close();
      heap = await heapMb(session.page);
      log('scrolling…');
      scrolled = await scrollCheck(session.page, args.screenshots);
      log(`${tagCount} tags…`);
      const tag = tagger(seeded);
      tagRun = await tag(session.page, tagCount);
      if (args.trace) {
        await browser.startTracing(session.page, { path: path.join(args.trace, 'tags.json'), screenshots: false, categories: TRACE_CATEGORIES });
        await tag(session.page, 12);
        await browser.stopTracing();
      }
    } finally {
      await session.close();
    }
    // The assistant on a 2 KB article in the app (issue 11: visible within 300 ms, the worker warm).
    log('the assistant on a 2 KB article…');
    smallSuggest = await smallSuggestions(browser, host, generateBenchText(2_000, 11), runs);
    log('filtering the case matrix…');
    matrix = await matrixFigures(browser, matrixDb, caseName, matrixGroups, runs);
    // The team workspace on a throwaway PostgreSQL (issue 15): bench/workspace.ts.
    log('the team workspace on PostgreSQL…');
    workspace = await workspaceFigures(args.small === true, notes, browser);
  } finally {
    await browser.close();
    await host.stop();
    if (!args.keep) fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }

  const m = (xs: number[]) => (xs.length ? median(xs) : null);
  const arrival = arrivalPercentiles(workspace?.arrivalMs ?? []);
  const windowArrival = arrivalPercentiles(workspace?.windowMs ?? []);
  const openTotals = opens.map((o) => o.total);
  const ratio = m(openTotals) !== null && m(bare) ? m(openTotals)! / m(bare)! : null;
  const result = {
    size: size.name,
    characters: seeded.text.length,
    paragraphs: seeded.paragraphs.length,
    annotations: seeded.annotations.length,
    runs,
    open_1mb_5k_ms: m(openTotals),
    bare_tiptap_1mb_ms: m(bare),
    open_over_bare: ratio,
    open_received_ms: m(opens.map((o) => o.received)),
    open_editor_created_ms: m(opens.map((o) => o.editor)),
    open_decorated_ms: m(opens.map((o) => o.decorated)),
    tag_work_p50_ms: tagRun.work.length ? percentile(tagRun.work, 50) : null,
    tag_work_p95_ms: tagRun.work.length ? percentile(tagRun.work, 95) : null,
    tag_visible_p50_ms: tagRun.visible.length ? percentile(tagRun.visible, 50) : null,
    tag_visible_p95_ms: tagRun.visible.length ? percentile(tagRun.visible, 95) : null,
    tag_roundtrip_p50_ms: tagRun.roundtrip.length ? percentile(tagRun.roundtrip, 50) : null,
    tag_roundtrip_p95_ms: tagRun.roundtrip.length ? percentile(tagRun.roundtrip, 95) : null,
    tags: tagRun.work.length,
    service_tag_p50_ms: percentile(service.ms, 50),
    service_tag_p95_ms: percentile(service.ms, 95),
    service_tag_answer_bytes: median(service.bytes),
    ...byKind(tagRun),
    suggest_1mb_ms: m(suggestTimes),
    suggest_2kb_in_app_ms: m(smallSuggest ?? []),
    worker_suggest_1mb_all_ms: inWorker ? m(inWorker.withReaders.all) : null,
    worker_suggest_1mb_first_ms: inWorker ? m(inWorker.withReaders.first) : null,
    worker_suggest_1mb_one_thread_all_ms: inWorker ? m(inWorker.oneThread.all) : null,
    case_20x50kb_ms: size.name === 'full' && cases ? m(cases.ms) : null,
    case_20x50kb_first_ms: size.name === 'full' && cases ? (cases.ms[0] ?? null) : null,
    case_20x50kb_readers: cases?.readers ?? null,
    case_20x50kb_one_thread_ms: size.name === 'full' && cases ? m(cases.oneThread) : null,
    export_html_1mb_5k_ms: m(exportTimes),
    matrix_groups: matrix?.groups ?? 0,
    matrix_open_ms: matrix?.openMs ?? null,
    matrix_filter_p50_ms: matrix?.filterMs.length ? percentile(matrix.filterMs, 50) : null,
    matrix_filter_p95_ms: matrix?.filterMs.length ? percentile(matrix.filterMs, 95) : null,
    workspace_operations: workspace?.operations ?? 0,
    workspace_push_ops_per_s: workspace ? Math.round(workspace.pushPerSecond) : null,
    workspace_pull_ops_per_s: workspace ? Math.round(workspace.pullPerSecond) : null,
    workspace_arrival_p50_ms: arrival.p50,
    workspace_arrival_p95_ms: arrival.p95,
    workspace_window_p50_ms: windowArrival.p50,
    workspace_window_p95_ms: windowArrival.p95,
    insert_10k_annotations_ms: m(db.insert),
    load_10k_annotations_ms: m(db.load),
    db_rows: dbRows,
    renderer_heap_mb: Number.isNaN(heap) ? null : heap,
    highlights_in_view: scrolled.map((s) => s.highlights),
    samples: { service_tag: service.ms, open: openTotals, bare, tag_work: tagRun.work, tag_visible: tagRun.visible, tag_roundtrip: tagRun.roundtrip, export_html: exportTimes, suggest: suggestTimes, case_suggestions: cases?.ms ?? [], case_suggestions_one_thread: cases?.oneThread ?? [], matrix_filter: matrix?.filterMs ?? [], workspace_arrival: workspace?.arrivalMs ?? [], workspace_window: workspace?.windowMs ?? [], insert: db.insert, load: db.load },
    notes,
    machine: { cpus: os.cpus().length, load_average_start: loadBefore, load_average_end: os.loadavg()[0]! },
    seconds: (performance.now() - started) / 1000,
  };
  if (loadBefore > os.cpus().length || result.machine.load_average_end > os.cpus().length) {
    notes.push(`the machine was busy (load average ${loadBefore.toFixed(1)} at the start, ${result.machine.load_average_end.toFixed(1)} at the end, ${os.cpus().length} cores): figures are slower than on an idle machine`);
  }

  if (args.json) {
    console.log(JSON.stringify(result));
    return;
  }
  // The targets are for the 1 MB document: a small run only shows that every path still works.
  const full = size.name === 'full';
  const span = (xs: number[], target?: number, note?: string): Omit<Row, 'name' | 'unit'> =>
    xs.length
      ? { min: Math.min(...xs), median: median(xs), max: Math.max(...xs), target: full ? target : undefined, note: full ? note : undefined }
      : { min: null, median: null, max: null, note: note ?? 'not measured' };
  const pct = (xs: number[], p: number, target?: number): Omit<Row, 'name' | 'unit'> =>
    xs.length ? { min: Math.min(...xs), median: percentile(xs, p), max: Math.max(...xs), target: full ? target : undefined } : { min: null, median: null, max: null };
  const label = size.name === 'full' ? '' : ` [${size.name}]`;
  const bareMedian = m(bare);
  const rows: Row[] = [
    { name: `open${label}`, unit: 'ms', ...span(openTotals, bareMedian ? Math.round(bareMedian * 1.2) : undefined, '(1.2x bare)') },
    { name: '  document received', unit: 'ms', ...span(opens.map((o) => o.received)) },
    { name: '  editor created', unit: 'ms', ...span(opens.map((o) => o.editor)) },
    { name: '  highlights applied', unit: 'ms', ...span(opens.map((o) => o.decorated)) },
    { name: 'bare TipTap', unit: 'ms', ...span(bare) },
    { name: 'open / bare', unit: 'x', min: null, median: ratio, max: null, target: full ? 1.2 : undefined },
    { name: 'tag work p50', unit: 'ms', ...pct(tagRun.work, 50) },
    { name: 'tag work p95', unit: 'ms', ...pct(tagRun.work, 95, 4) },
    { name: 'tag visible p50', unit: 'ms', ...pct(tagRun.visible, 50) },
    { name: 'tag visible p95', unit: 'ms', ...pct(tagRun.visible, 95, 34) },
    { name: 'tag acknowledged p50', unit: 'ms', ...pct(tagRun.roundtrip, 50) },
    { name: 'tag acknowledged p95', unit: 'ms', ...pct(tagRun.roundtrip, 95, 50) },
    { name: 'service tag p50', unit: 'ms', ...pct(service.ms, 50) },
    { name: 'service tag p95', unit: 'ms', ...pct(service.ms, 95) },
    { name: 'service tag answer', unit: 'B', ...pct(service.bytes, 50, 2048) },
    ...(['claim', 'attribution'] as const).flatMap((kind): Row[] => {
      const pick = (xs: number[]) => xs.filter((_, i) => tagRun.kinds[i] === kind);
      return [
        { name: `  visible p95, ${kind}s`, unit: 'ms', ...pct(pick(tagRun.visible), 95) },
        { name: `  acknowledged p95, ${kind}s`, unit: 'ms', ...pct(pick(tagRun.roundtrip), 95) },
      ];
    }),
    { name: 'suggestions', unit: 'ms', ...span(suggestTimes, 2000, assistant?.suggest ? undefined : '(no assistant yet)') },
    { name: 'suggestions, 2 KB article, in the app', unit: 'ms', ...span(smallSuggest ?? [], 300, '(ask to listed, the worker warm)') },
    ...(inWorker
      ? [
          { name: `  in the app's worker: first batch`, unit: 'ms', ...span(inWorker.withReaders.first) },
          { name: `  in the app's worker: all (${inWorker.readers} reader${inWorker.readers === 1 ? '' : 's'})`, unit: 'ms', ...span(inWorker.withReaders.all) },
          { name: `  in the app's worker: all (one thread)`, unit: 'ms', ...span(inWorker.oneThread.all) },
        ]
      : []),
    { name: cases?.label ?? 'case suggestions', unit: 'ms', ...span(cases?.ms ?? [], 3000, cases ? `(as the app's worker runs it, ${cases.readers} reader thread${cases.readers === 1 ? '' : 's'} beside it; max: the first run, its words new to the tagger)` : '(no evaluation texts)') },
    ...(cases && cases.readers > 0 ? [{ name: '  on one thread', unit: 'ms', ...span(cases.oneThread) }] : []),
    { name: `case matrix open, ${result.matrix_groups} groups`, unit: 'ms', min: null, median: result.matrix_open_ms, max: null },
    { name: 'case matrix filter p50', unit: 'ms', ...pct(result.samples.matrix_filter, 50) },
    { name: 'case matrix filter p95', unit: 'ms', ...pct(result.samples.matrix_filter, 95, 50) },
    { name: `workspace push (${result.workspace_operations} ops)`, unit: 'ops/s', min: null, median: result.workspace_push_ops_per_s, max: null },
    { name: 'workspace pull', unit: 'ops/s', min: null, median: result.workspace_pull_ops_per_s, max: null },
    { name: 'workspace tag arrival p50', unit: 'ms', ...pct(result.samples.workspace_arrival, 50) },
    { name: 'workspace tag arrival p95', unit: 'ms', ...pct(result.samples.workspace_arrival, 95) },
    { name: 'workspace tag in the other window p50', unit: 'ms', ...pct(result.samples.workspace_window, 50) },
    { name: 'workspace tag in the other window p95', unit: 'ms', ...pct(result.samples.workspace_window, 95, 1000) },
    { name: 'HTML export', unit: 'ms', ...span(exportTimes, 1000) },
    { name: `insert ${dbRows.toLocaleString('en')} annotations`, unit: 'ms', ...span(db.insert, 100) },
    { name: `load ${dbRows.toLocaleString('en')} annotations`, unit: 'ms', ...span(db.load) },
    { name: 'renderer heap', unit: 'MB', min: null, median: result.renderer_heap_mb, max: null, target: full ? 400 : undefined },
  ];
  console.log(
    `Claimscope bench (${size.name}): ${seeded.text.length.toLocaleString('en')} characters, ${seeded.paragraphs.length.toLocaleString('en')} paragraphs, ` +
      `${seeded.annotations.length.toLocaleString('en')} annotations; ${runs} runs${warmup ? ` after ${warmup} warm-up` : ''}, ${result.tags} tags (tag rows: min, percentile, max)` +
      `${full ? '' : '; targets apply to the full run'}\n`,
  );
  console.log(table(rows));
  console.log(`\nhighlights in view while scrolling (0%, 25%, 50%, 75%, 100%): ${result.highlights_in_view.join(', ')}`);
  for (const n of notes) console.log(`note: ${n}`);
  console.log(`done in ${result.seconds.toFixed(1)} s`);
}

main().catch((err) => {
  console.error(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
