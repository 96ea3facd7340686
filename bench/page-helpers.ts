// Helpers the benchmark puts into the app's page (bundled for the browser, added as an init
// script): finding a character on screen, waiting for painted frames, counting the highlights
// in view. The Node tsconfig has no DOM types, hence the small structural declarations.

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}
interface El {
  readonly children: ArrayLike<El>;
  readonly className: string;
  readonly textContent: string | null;
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  getBoundingClientRect(): Rect;
  scrollIntoView(options: { block: 'start' | 'center' | 'end' }): void;
  querySelectorAll(selector: string): ArrayLike<El>;
}
interface TextNode {
  readonly data: string;
}
interface PageRange {
  setStart(node: TextNode, offset: number): void;
  setEnd(node: TextNode, offset: number): void;
  getBoundingClientRect(): Rect;
}
declare const document: {
  body: { dataset: Record<string, string | undefined> };
  querySelector(selector: string): El | null;
  createTreeWalker(root: El, what: number): { nextNode(): TextNode | null };
  createRange(): PageRange;
};
declare const window: { innerHeight: number; __csBench?: typeof helpers };
declare const localStorage: { removeItem(key: string): void };
declare function requestAnimationFrame(cb: (t: number) => void): number;
declare const MessageChannel: new () => { port1: { onmessage: (() => void) | null; close(): void }; port2: { postMessage(v: unknown): void } };

const SHOW_TEXT = 4;

function main(): El {
  const el = document.querySelector('.cs-main');
  if (!el) throw new Error('no .cs-main');
  return el;
}

function editorRoot(): El {
  const el = document.querySelector('.cs-document');
  if (!el) throw new Error('no .cs-document');
  return el;
}

/** The document's text blocks in order (a long document groups them into sections). */
function textBlocks(): ArrayLike<El> {
  return editorRoot().querySelectorAll('p, h1, h2, h3, h4, h5, h6');
}

/** Resolves after `n` frames have been painted. */
function frames(n = 1): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) =>
      requestAnimationFrame(() => {
        if (left > 1) return step(left - 1);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve();
        };
        channel.port2.postMessage(null);
      });
    step(n);
  });
}

/** The visible part of the scroll container, in viewport coordinates. */
function visibleBand(): { top: number; bottom: number } {
  const r = main().getBoundingClientRect();
  return { top: Math.max(0, r.top), bottom: Math.min(window.innerHeight, r.bottom) };
}

const helpers = {
  frames,

  /** So that a reload shows the library instead of reopening the last document. */
  forgetLastDocument(): void {
    localStorage.removeItem('claimscope.lastDocument');
  },

  /** The document the app says it has opened and painted (see renderer/src/perf.ts). */
  openedDocument(): number | null {
    const id = document.body.dataset.csOpenedDoc;
    return id ? Number(id) : null;
  },

  /**
   * Scrolls the k-th text block to the middle of the screen and returns the viewport coordinates
   * of its character `offset` (counted in the block's text), after two painted frames.
   */
  async charInBlock(k: number, offset: number): Promise<{ x: number; y: number }> {
    const block = textBlocks()[k];
    if (!block) throw new Error(`no block ${k}`);
    block.scrollIntoView({ block: 'center' });
    await frames(2);
    const walker = document.createTreeWalker(block, SHOW_TEXT);
    let acc = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (offset < acc + n.data.length) {
        const range = document.createRange();
        range.setStart(n, offset - acc);
        range.setEnd(n, offset - acc + 1);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      acc += n.data.length;
    }
    throw new Error(`block ${k} has no character ${offset}`);
  },

  /** Scrolls the document to a fraction of its height and waits for two painted frames. */
  async scrollToFraction(f: number): Promise<void> {
    const m = main();
    m.scrollTop = Math.round(f * (m.scrollHeight - m.clientHeight));
    await frames(2);
  },

  /** Highlights (decoration spans) that intersect the visible part of the document, and how many text blocks are visible. */
  inView(): { highlights: number; claims: number; attributions: number; blocks: number; totalHighlights: number } {
    const band = visibleBand();
    const spans = editorRoot().querySelectorAll('.cs-ann');
    let highlights = 0;
    let claims = 0;
    let attributions = 0;
    for (let i = 0; i < spans.length; i++) {
      const r = spans[i]!.getBoundingClientRect();
      if (r.bottom <= band.top || r.top >= band.bottom) continue;
      highlights++;
      if (spans[i]!.className.includes('cs-claim')) claims++;
      if (spans[i]!.className.includes('cs-attribution')) attributions++;
    }
    const { first, last } = helpers.visibleBlocks();
    return { highlights, claims, attributions, blocks: first < 0 ? 0 : last - first + 1, totalHighlights: spans.length };
  },

  /** Indices of the first and last text blocks in view. */
  visibleBlocks(): { first: number; last: number } {
    const band = visibleBand();
    const blocks = textBlocks();
    let first = -1;
    let last = -1;
    // A binary search for a block below the top of the screen, then a walk: blocks far away are not laid out.
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.getBoundingClientRect().bottom <= band.top) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < blocks.length; i++) {
      const r = blocks[i]!.getBoundingClientRect();
      if (r.bottom > band.top && r.top < band.bottom) {
        if (first < 0) first = i;
        last = i;
      } else if (first >= 0) break;
    }
    return { first, last };
  },
};

window.__csBench = helpers;
export type BenchHelpers = typeof helpers;
