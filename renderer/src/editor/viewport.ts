import type { EditorView } from '@tiptap/pm/view';
import { annotationPluginKey, withWindow, type PosRange } from './annotationState';
import { freshTransaction } from './domSelection';

// Which part of the document is on screen, and the tracker that moves the annotation plugin's
// window with it (on scroll, resize and new content, at most once a frame).

/** The scrolling ancestor of the editor, or null when the page itself scrolls. */
export function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll' || overflowY === 'overlay') return p;
  }
  return null;
}

/** The text node under a point, or null where there is none (a margin, a block not drawn yet). */
function caretNode(x: number, y: number): globalThis.Node | null {
  return (document.caretPositionFromPoint ? document.caretPositionFromPoint(x, y)?.offsetNode : document.caretRangeFromPoint?.(x, y)?.startContainer) ?? null;
}

/**
 * The editor position at a point, and whether it is exact. Over a block the browser has not drawn
 * yet (content-visibility), the point finds only the block, not its text: the position is then
 * interpolated over the block's height, close enough for the window's margin.
 */
function positionAt(view: EditorView, x: number, y: number): { pos: number; exact: boolean } | null {
  if (caretNode(x, y)?.nodeType === globalThis.Node.TEXT_NODE) {
    const hit = view.posAtCoords({ left: x, top: y });
    if (hit) return { pos: hit.pos, exact: true };
  }
  const under = document.elementFromPoint(x, y);
  const block = under instanceof HTMLElement && under !== view.dom && view.dom.contains(under) ? under : null;
  if (!block) return view.posAtCoords({ left: x, top: y }) ? { pos: view.posAtCoords({ left: x, top: y })!.pos, exact: false } : null;
  const r = block.getBoundingClientRect();
  const from = view.posAtDOM(block, 0);
  const to = view.posAtDOM(block, block.childNodes.length);
  const f = r.height > 0 ? Math.min(1, Math.max(0, (y - r.top) / r.height)) : 0;
  return { pos: Math.round(from + f * (to - from)), exact: false };
}

/**
 * The editor positions on screen: from the top-left to the bottom-right of the visible part of the
 * editor. `settled` is false while a corner is over a block not drawn yet (measure again then).
 */
export function visibleRange(view: EditorView, scroller: HTMLElement | null): (PosRange & { settled: boolean }) | null {
  const box = view.dom.getBoundingClientRect();
  let top = Math.max(box.top, 0);
  let bottom = Math.min(box.bottom, window.innerHeight);
  if (scroller) {
    const s = scroller.getBoundingClientRect();
    top = Math.max(top, s.top);
    bottom = Math.min(bottom, s.bottom);
  }
  if (bottom <= top || box.width === 0) return null;
  const size = view.state.doc.content.size;
  // Where a point finds no position at all, estimate it from the height: the margin covers the error.
  const estimate = (y: number) => ({ pos: Math.round(((y - box.top) / Math.max(1, box.height)) * size), exact: false });
  const a = positionAt(view, box.left + 2, top + 1) ?? estimate(top);
  const b = positionAt(view, box.right - 2, bottom - 1) ?? estimate(bottom);
  const first = Math.min(a.pos, b.pos);
  let last = Math.max(a.pos, b.pos);
  // Never take less than half of what a screen holds on average.
  const average = ((bottom - top) / Math.max(1, box.height)) * size;
  if (last - first < average / 2) last = first + Math.ceil(average);
  return { from: Math.max(0, first), to: Math.min(size, last), settled: a.exact && b.exact };
}

/** The window for what is visible: `screens` screens above and below (one by default). */
export function windowAround(visible: PosRange, size: number, screens = 1): PosRange {
  const margin = Math.max(visible.to - visible.from, 200) * screens;
  return { from: Math.max(0, visible.from - margin), to: Math.min(size, visible.to + margin) };
}

/** Moves the window with the viewport: on scroll, resize and new content, at most once a frame. */
export class ViewportTracker {
  private frame = 0;
  private retries = 0;
  private scroller: HTMLElement | null | undefined;
  private readonly resize: ResizeObserver;

  constructor(private readonly view: EditorView) {
    window.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.schedule);
    // A block the browser starts drawing (content-visibility) takes its real size: measure again.
    view.dom.addEventListener('contentvisibilityautostatechange', this.schedule, { capture: true });
    // The editor's height changes when it is attached, when the window narrows, when fonts load.
    this.resize = new ResizeObserver(this.schedule);
    this.resize.observe(view.dom);
    this.schedule();
  }

  update(): void {
    if (annotationPluginKey.getState(this.view.state)?.window === null) this.schedule();
  }

  destroy(): void {
    window.removeEventListener('scroll', this.onScroll, { capture: true });
    window.removeEventListener('resize', this.schedule);
    this.view.dom.removeEventListener('contentvisibilityautostatechange', this.schedule, { capture: true });
    this.resize.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
  }

  private onScroll = (event: Event): void => {
    const target = event.target;
    if (target === document || (target instanceof Node && target.contains(this.view.dom))) this.schedule();
  };

  readonly schedule = (): void => {
    if (!this.frame) this.frame = requestAnimationFrame(this.measure);
  };

  /** Runs before the frame paints, so the highlights of a new screen are in the frame that shows it. */
  private measure = (): void => {
    this.frame = 0;
    const view = this.view;
    if (view.isDestroyed || !view.dom.isConnected) return;
    if (this.scroller === undefined || (this.scroller && !this.scroller.contains(view.dom))) this.scroller = scrollParent(view.dom);
    const visible = visibleRange(view, this.scroller);
    const ps = annotationPluginKey.getState(view.state);
    if (!visible || !ps) return;
    // Blocks that came into view are drawn after this frame's callbacks, at their real height:
    // until then the measure is a guess, so measure again next frame (a few times at most).
    if (visible.settled || this.retries >= 3) this.retries = 0;
    else {
      this.retries++;
      this.schedule();
    }
    const size = view.state.doc.content.size;
    const w = ps.window;
    // Still covered with half a screen to spare: nothing to redraw.
    const half = (visible.to - visible.from) >> 1;
    if (w && w.from <= Math.max(0, visible.from - half) && w.to >= Math.min(size, visible.to + half)) return;
    // A guess gets a wider margin: the real text may lie a little further.
    const next = windowAround(visible, size, visible.settled ? 1 : 2);
    view.dispatch(withWindow(freshTransaction(view), next));
  };
}

/** Decorates `range` (and around it) at once, before the view scrolls there. */
export function decorateAround(view: EditorView, range: PosRange): void {
  const ps = annotationPluginKey.getState(view.state);
  if (!ps) return;
  const size = view.state.doc.content.size;
  const w = ps.window;
  if (w && w.from <= range.from && w.to >= range.to) return;
  const screen = w ? Math.max(200, (w.to - w.from) / 3) : 5000;
  const next = { from: Math.max(0, range.from - screen), to: Math.min(size, range.to + screen) };
  view.dispatch(withWindow(freshTransaction(view), next));
}
