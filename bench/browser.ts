import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { segmentSentences } from '../common/segment';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import type { WebHost } from '../e2e/support/server';
import type { BenchHelpers } from './page-helpers';
import { browserBundle } from './optional';
import type { Seeded } from './seed';

// Everything measured in Chromium: the bare TipTap floor, opening the document in the real app,
// its heap, highlights while scrolling, and tags made by key press.

export const VIEWPORT = { width: 1400, height: 900 };

/** Chromium's timeline with JS samples and the stacks of forced layouts, as DevTools records it. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'loading',
];

interface PerfRecord {
  opens: Array<{ documentId: number; total: number; received: number; editor: number; decorated: number }>;
  tags: Array<{ work: number; visible?: number; roundtrip?: number }>;
}

export async function launch(): Promise<Browser> {
  const options = chromiumLaunchOptions();
  if (!options.executablePath) throw new Error('Chromium not found at /usr/bin/chromium; install it or set CLAIMSCOPE_CHROMIUM');
  return chromium.launch({ ...options, headless: true });
}

/** Runs `fn`; if it fails, says what the page showed, with a screenshot. */
async function failWithScreenshot<T>(page: Page, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const shot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimscope-bench-fail-')), 'page.png');
    await page.screenshot({ path: shot }).catch(() => {});
    const status = await page.locator('.cs-status, .cs-toasts').allInnerTexts().catch(() => []);
    throw new Error(`bench: ${what}; the page says ${JSON.stringify(status)}; screenshot ${shot}`, { cause: err });
  }
}

/** Calls one of the page helpers (bench/page-helpers.ts) in the page. */
function helper<K extends keyof BenchHelpers>(page: Page, name: K, ...args: Parameters<BenchHelpers[K]>): Promise<Awaited<ReturnType<BenchHelpers[K]>>> {
  return page.evaluate(
    ({ name, args }) => {
      const h = (globalThis as unknown as { __csBench: Record<string, (...a: unknown[]) => unknown> }).__csBench;
      return h[name]!(...args);
    },
    { name, args: args as unknown[] },
  ) as Promise<Awaited<ReturnType<BenchHelpers[K]>>>;
}

function perf(page: Page): Promise<PerfRecord> {
  return page.evaluate(() => (globalThis as unknown as { __csPerf: PerfRecord }).__csPerf);
}

async function collectGarbage(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
}

// The document column as Claimscope styles it, so both editors lay out the same lines.
const BARE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
html,body{margin:0;height:100%}
main{height:100%;overflow:auto;padding:24px 40px 80px;box-sizing:border-box}
#editor{max-width:760px;margin:0 auto}
.ProseMirror{font-family:Georgia,'Iowan Old Style','Noto Serif',serif;font-size:17px;line-height:1.7;white-space:pre-wrap;outline:none}
.ProseMirror p{margin:0 0 .9em}
</style></head><body><main><div id="editor"></div></main></body></html>`;

/** The same text in a bare TipTap + StarterKit editor: each run() is milliseconds to the first painted frame. */
export async function bareTiptap(browser: Browser, seeded: Seeded): Promise<{ run(): Promise<number>; close(): Promise<void> }> {
  const bundle = browserBundle('bench/bare-entry.ts');
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  return {
    async run() {
      await page.setContent(BARE_PAGE);
      await page.addScriptTag({ content: bundle });
      await collectGarbage(page);
      return page.evaluate(
        ({ text, blocks }) =>
          (globalThis as unknown as { __bare: { run(t: string, b: unknown): Promise<number> } }).__bare.run(text, blocks),
        { text: seeded.text, blocks: seeded.paragraphs },
      );
    },
    close: () => context.close(),
  };
}

export interface AppSession {
  page: Page;
  close(): Promise<void>;
}

export async function openAppPage(browser: Browser, host: WebHost): Promise<AppSession> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: browserBundle('bench/page-helpers.ts') });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`bench: page error: ${err.stack ?? err.message}`));
  await page.goto(host.url);
  await page.locator('.cs-library').waitFor();
  return { page, close: () => context.close() };
}

export interface OpenRun {
  total: number;
  received: number;
  editor: number;
  decorated: number;
}

/** Opens the document from the library, on a freshly loaded page; with `tracePath`, records a Chromium trace of it. */
export async function openDocument(page: Page, seeded: Seeded, tracePath?: string): Promise<OpenRun> {
  await helper(page, 'forgetLastDocument');
  await page.reload();
  const item = page.locator('.cs-doc-item', { hasText: seeded.title });
  await failWithScreenshot(page, 'the library does not list the document', () => item.waitFor());
  await helper(page, 'frames', 2);
  await collectGarbage(page);
  const browser = page.context().browser()!;
  if (tracePath) await browser.startTracing(page, { path: tracePath, screenshots: false, categories: TRACE_CATEGORIES });
  await item.click();
  await page.waitForFunction((id) => (globalThis as unknown as { __csBench: BenchHelpers }).__csBench.openedDocument() === id, seeded.documentId, {
    timeout: 60_000,
  });
  if (tracePath) await browser.stopTracing();
  const sample = (await perf(page)).opens.at(-1);
  if (!sample || sample.documentId !== seeded.documentId) throw new Error('bench: the app recorded no open sample');
  return { total: sample.total, received: sample.received, editor: sample.editor, decorated: sample.decorated };
}

/** JS heap of the renderer after a full garbage collection, in MB. */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usage.usedSize / (1024 * 1024);
}

export interface ScrollCheck {
  fraction: number;
  highlights: number;
  claims: number;
  attributions: number;
  blocks: number;
  totalHighlights: number;
}

/**
 * Scrolls through the document: each screen must show highlights (decorations are drawn for the
 * viewport as it moves). Saves a screenshot of each stop when `dir` is given.
 */
export async function scrollCheck(page: Page, dir?: string): Promise<ScrollCheck[]> {
  const out: ScrollCheck[] = [];
  for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
    await helper(page, 'scrollToFraction', fraction);
    const seen = await helper(page, 'inView');
    out.push({ fraction, ...seen });
    if (dir) {
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, `scroll-${String(Math.round(fraction * 100)).padStart(3, '0')}.png`) });
    }
  }
  const blank = out.filter((c) => c.highlights === 0);
  if (blank.length) throw new Error(`bench: no highlights in view after scrolling to ${blank.map((c) => c.fraction).join(', ')}`);
  return out;
}

export interface TagRun {
  work: number[];
  visible: number[];
  roundtrip: number[];
  /** The kind of each tag (the app asks for an attribution's source as soon as it is made). */
  kinds: Array<'claim' | 'attribution'>;
}

/**
 * Makes tags by key press, spread over the document: each one scrolls a paragraph into view,
 * clicks in one of its sentences and presses C or A, then waits for the database's answer. Never
 * the same kind over the same range twice (that selects the existing tag instead).
 */
export function tagger(seeded: Seeded): (page: Page, count: number) => Promise<TagRun> {
  const taken = new Set(seeded.annotations.map((a) => `${a.kind}:${a.start}:${a.end}`));
  return (page, count) => tags(page, seeded, count, taken);
}

async function tags(page: Page, seeded: Seeded, count: number, taken: Set<string>): Promise<TagRun> {
  const blocks = seeded.paragraphs;
  const done: TagRun = { work: [], visible: [], roundtrip: [], kinds: [] };
  for (let i = 0; i < count; i++) {
    const k = Math.min(blocks.length - 1, Math.floor(((i + 0.5) / count) * blocks.length));
    const block = blocks[k]!;
    const sentences = segmentSentences(seeded.text, block.start, block.end);
    let choice: { kind: 'claim' | 'attribution'; offset: number } | null = null;
    for (let j = 0; j < sentences.length * 2 && !choice; j++) {
      const s = sentences[(i + j) % sentences.length]!;
      const kind = (i + (j >= sentences.length ? 1 : 0)) % 2 === 0 ? 'claim' : 'attribution';
      const key = `${kind}:${s.start}:${s.end}`;
      if (taken.has(key)) continue;
      taken.add(key);
      choice = { kind, offset: Math.floor((s.start + s.end) / 2) };
    }
    if (!choice) continue;
    const at = await helper(page, 'charInBlock', k, choice.offset - block.start);
    await page.mouse.click(at.x, at.y);
    await helper(page, 'frames', 2);
    const before = (await perf(page)).tags.length;
    await page.keyboard.press(choice.kind === 'claim' ? 'c' : 'a');
    try {
      await page.waitForFunction(
        (n) => {
          const t = (globalThis as unknown as { __csPerf: PerfRecord }).__csPerf.tags[n];
          return t !== undefined && t.visible !== undefined && t.roundtrip !== undefined;
        },
        before,
        { timeout: 10_000 },
      );
    } catch (err) {
      await failWithScreenshot(page, `tag ${i + 1} (${choice.kind} in block ${k}) made no highlight`, () => Promise.reject(err));
    }
    // A new attribution asks for its source; the analyst skips it with Escape.
    if (choice.kind === 'attribution') {
      const prompt = page.locator('[role=dialog]');
      if (await prompt.waitFor({ timeout: 3_000 }).then(() => true, () => false)) {
        // The first Escape may only close the suggestions list of its combo box.
        for (let n = 0; n < 3 && (await prompt.count()) > 0; n++) {
          await page.keyboard.press('Escape');
          await helper(page, 'frames', 2);
        }
        if ((await prompt.count()) > 0) throw new Error('bench: Escape does not close the source prompt');
      }
    }
    await helper(page, 'frames', 2);
    const sample = (await perf(page)).tags[before]!;
    done.work.push(sample.work);
    done.visible.push(sample.visible!);
    done.roundtrip.push(sample.roundtrip!);
    done.kinds.push(choice.kind);
  }
  return done;
}

/**
 * The assistant on a short article in the app, as an analyst meets it: a 2 KB text imported through
 * the file input, the Assistant tab's Suggest pressed once (the web host's worker is then warm), and
 * then, `runs` times, "Run again" pressed and timed until the button is back and suggestions are
 * listed (the worker reads, the service answers, React paints).
 */
export async function smallSuggestions(browser: Browser, host: WebHost, text: string, runs: number): Promise<number[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimscope-bench-article-'));
  const file = path.join(dir, 'short-article.txt');
  fs.writeFileSync(file, text);
  const session = await openAppPage(browser, host);
  const page = session.page;
  try {
    await page.getByTestId('file-input').setInputFiles(file);
    await failWithScreenshot(page, 'the short article did not open', () => page.locator('.cs-document').waitFor());
    await page.getByRole('tab', { name: /^Assistant/ }).click();
    const panel = page.getByRole('region', { name: 'Assistant suggestions' });
    // (done once the run was seen under way, its button disabled, and is over with suggestions listed;
    // the app looks for a short answer within 40 ms, so a frame-by-frame look sees the run)
    const done = () =>
      page.waitForFunction(
        () => {
          interface El {
            textContent: string | null;
            disabled?: boolean;
            querySelectorAll(selector: string): ArrayLike<El>;
          }
          const g = globalThis as unknown as { document: { querySelector(selector: string): El | null }; __csRunSeen?: boolean };
          const region = g.document.querySelector('[aria-label="Assistant suggestions"]');
          const button = Array.from(region?.querySelectorAll('button') ?? []).find((b) => /^(?:Run again|Suggest|Reading…)/.test(b.textContent ?? ''));
          if (button?.disabled === true) g.__csRunSeen = true;
          return g.__csRunSeen === true && button !== undefined && button.disabled !== true && (region?.querySelectorAll('li').length ?? 0) > 0;
        },
        null,
        { polling: 'raf', timeout: 60_000 },
      );
    const asked = () => page.evaluate(() => Object.assign(globalThis as unknown as { __csAsked: number; __csRunSeen: boolean }, { __csAsked: performance.now(), __csRunSeen: false }));
    await asked();
    await panel.getByRole('button', { name: 'Suggest' }).click();
    await failWithScreenshot(page, 'no suggestions for the short article', done);
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const again = panel.getByRole('button', { name: 'Run again' });
      await again.waitFor();
      await asked();
      await again.click();
      await done();
      out.push(await page.evaluate(() => performance.now() - (globalThis as unknown as { __csAsked: number }).__csAsked));
    }
    return out;
  } finally {
    await session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
