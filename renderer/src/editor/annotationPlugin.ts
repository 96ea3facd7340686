import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Annotation } from '../../../common/domain';
import { freshTransaction } from './domSelection';
import type { TextMap } from './textMap';

// Annotations from the database, shown as inline decorations over the read-only text. The
// database stays the truth: the plugin only draws what it is given.
//
// Only what is on screen is drawn. The plugin keeps every annotation, sorted by start, but builds
// decorations for those that intersect a window around the visible part of the document (one
// screen above and below). Scrolling moves the window (measured once a frame at most); add,
// remove and select touch only the window. So a 1 MB text with 5,000 annotations costs a few dozen
// spans, not 5,000, and ProseMirror's per-transaction walk over the blocks stays cheap.

export type AnnotationView = Pick<Annotation, 'id' | 'kind' | 'start' | 'end'> & { pending?: boolean; flagged?: boolean };

export type AnnotationAction =
  | { type: 'set'; annotations: readonly AnnotationView[]; map: TextMap }
  | { type: 'add'; annotation: AnnotationView }
  | { type: 'remove'; id: number }
  | { type: 'select'; id: number | null };

/** A range of editor positions. */
export interface PosRange {
  from: number;
  to: number;
}

/** An annotation with its editor positions. */
interface Entry {
  readonly a: AnnotationView;
  readonly from: number;
  readonly to: number;
}

interface PluginState {
  map: TextMap | null;
  /**
   * Every annotation, sorted by `from` then id. Owned by the current plugin state and updated in
   * place (a transaction is applied once; old states are not read again), so add and remove do
   * not copy the list.
   */
  entries: Entry[];
  byId: Map<number, Entry>;
  /** The longest annotation (editor positions): how far back an annotation can start and still reach a position. */
  maxSpan: number;
  selectedId: number | null;
  /** What is decorated; null until the view has been measured. */
  window: PosRange | null;
  decorations: DecorationSet;
  /** The decoration drawn for each annotation in the window. */
  drawn: Map<number, Decoration>;
}

export const annotationPluginKey = new PluginKey<PluginState>('claimscopeAnnotations');
/** Meta of the plugin's own transactions: the window to decorate. */
const windowKey = new PluginKey('claimscopeAnnotationWindow');

function classFor(a: AnnotationView, selected: boolean): string {
  // ProseMirror merges overlapping decorations into one span, concatenating classes: the id is a
  // class so every piece of an annotation can be found, overlaps included.
  let cls = `cs-ann cs-${a.kind} cs-id-${a.id}`;
  if (a.pending) cls += ' cs-pending';
  if (a.flagged) cls += ' cs-flagged';
  if (selected) cls += ' cs-selected';
  return cls;
}

function entryFor(a: AnnotationView, map: TextMap): Entry {
  return { a, from: map.toPos(a.start, 1), to: map.toPos(a.end, -1) };
}

function decorationFor(e: Entry, selected: boolean): Decoration | null {
  if (e.to <= e.from) return null;
  return Decoration.inline(e.from, e.to, { class: classFor(e.a, selected) }, { id: e.a.id });
}

function sameView(x: AnnotationView, y: AnnotationView): boolean {
  return x.kind === y.kind && x.start === y.start && x.end === y.end && !x.pending === !y.pending && !x.flagged === !y.flagged;
}

const before = (x: Entry, y: Entry) => x.from - y.from || x.a.id - y.a.id;

/** Index of the first entry not before `e` in the sort order. */
function lowerBound(entries: readonly Entry[], from: number, id: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = entries[mid]!;
    if (m.from < from || (m.from === from && m.a.id < id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const intersects = (e: Entry, w: PosRange | null) => w !== null && e.from < w.to && e.to > w.from;

/** The entries that intersect `w`: a binary search, then only those that start before its end. */
function entriesIn(ps: PluginState, w: PosRange): Entry[] {
  const out: Entry[] = [];
  for (let i = lowerBound(ps.entries, w.from - ps.maxSpan, -Infinity); i < ps.entries.length; i++) {
    const e = ps.entries[i]!;
    if (e.from >= w.to) break;
    if (e.to > w.from) out.push(e);
  }
  return out;
}

function draw(state: EditorState, ps: PluginState): Pick<PluginState, 'decorations' | 'drawn'> {
  const drawn = new Map<number, Decoration>();
  if (!ps.window) return { decorations: DecorationSet.empty, drawn };
  const decos: Decoration[] = [];
  for (const e of entriesIn(ps, ps.window)) {
    const d = decorationFor(e, e.a.id === ps.selectedId);
    if (!d) continue;
    decos.push(d);
    drawn.set(e.a.id, d);
  }
  return { decorations: DecorationSet.create(state.doc, decos), drawn };
}

function removeEntry(ps: PluginState, id: number): Entry | null {
  const e = ps.byId.get(id);
  if (!e) return null;
  ps.byId.delete(id);
  const i = lowerBound(ps.entries, e.from, e.a.id);
  if (ps.entries[i] === e) ps.entries.splice(i, 1);
  else ps.entries.splice(ps.entries.indexOf(e), 1);
  return e;
}

/** Redraws one annotation (or removes its decoration) if it lies in the window. */
function redrawOne(state: EditorState, ps: PluginState, id: number, e: Entry | null): PluginState {
  let decorations = ps.decorations;
  const old = ps.drawn.get(id);
  let drawn = ps.drawn;
  if (old) {
    decorations = decorations.remove([old]);
    drawn = new Map(drawn);
    drawn.delete(id);
  }
  const d = e && intersects(e, ps.window) ? decorationFor(e, id === ps.selectedId) : null;
  if (d) {
    decorations = decorations.add(state.doc, [d]);
    if (drawn === ps.drawn) drawn = new Map(drawn);
    drawn.set(id, d);
  }
  return decorations === ps.decorations ? ps : { ...ps, decorations, drawn };
}

function apply(tr: Transaction, ps: PluginState, _old: EditorState, state: EditorState): PluginState {
  const moved = tr.getMeta(windowKey) as PosRange | undefined;
  if (moved) {
    const next = { ...ps, window: moved };
    return { ...next, ...draw(state, next) };
  }
  const action = tr.getMeta(annotationPluginKey) as AnnotationAction | undefined;
  if (!action) return tr.docChanged ? { ...ps, decorations: ps.decorations.map(tr.mapping, tr.doc) } : ps;
  switch (action.type) {
    case 'set': {
      const entries = action.annotations.map((a) => entryFor(a, action.map));
      // The database lists annotations by start already: sort only when they are not.
      if (entries.some((e, i) => i > 0 && before(entries[i - 1]!, e) > 0)) entries.sort(before);
      const byId = new Map(entries.map((e) => [e.a.id, e]));
      let maxSpan = 0;
      for (const e of entries) maxSpan = Math.max(maxSpan, e.to - e.from);
      const next = { ...ps, map: action.map, entries, byId, maxSpan };
      return { ...next, ...draw(state, next) };
    }
    case 'add': {
      if (!ps.map) return ps;
      const existing = ps.byId.get(action.annotation.id);
      if (existing && sameView(existing.a, action.annotation)) return ps;
      const e = entryFor(action.annotation, ps.map);
      removeEntry(ps, e.a.id);
      ps.entries.splice(lowerBound(ps.entries, e.from, e.a.id), 0, e);
      ps.byId.set(e.a.id, e);
      return redrawOne(state, { ...ps, maxSpan: Math.max(ps.maxSpan, e.to - e.from) }, e.a.id, e);
    }
    case 'remove': {
      if (!removeEntry(ps, action.id)) return ps;
      return redrawOne(state, { ...ps }, action.id, null);
    }
    case 'select': {
      if (action.id === ps.selectedId) return ps;
      let next: PluginState = { ...ps, selectedId: action.id };
      for (const id of [ps.selectedId, action.id]) {
        if (id !== null) next = redrawOne(state, next, id, next.byId.get(id) ?? null);
      }
      return next;
    }
  }
}

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
class ViewportTracker {
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

/** Whether an action would change nothing (so no transaction needs to be dispatched for it). */
export function changesNothing(state: EditorState, action: AnnotationAction): boolean {
  const ps = annotationPluginKey.getState(state);
  if (!ps) return true;
  switch (action.type) {
    case 'set':
      return false;
    case 'add': {
      const e = ps.byId.get(action.annotation.id);
      return ps.map === null || (e !== undefined && sameView(e.a, action.annotation));
    }
    case 'remove':
      return !ps.byId.has(action.id);
    case 'select':
      return action.id === ps.selectedId;
  }
}

/** Editor positions of an annotation the plugin holds, or null. */
export function annotationRange(state: EditorState, id: number): PosRange | null {
  const e = annotationPluginKey.getState(state)?.byId.get(id);
  return e ? { from: e.from, to: e.to } : null;
}

/** True once the window has been measured and drawn. */
export function annotationsDrawn(state: EditorState): boolean {
  return annotationPluginKey.getState(state)?.window != null;
}

/** The plugin itself (the extension below puts it in the editor; tests use it on a bare state). */
export function annotationPlugin(): Plugin<PluginState> {
  return new Plugin<PluginState>({
    key: annotationPluginKey,
    state: {
      init: () => ({
        map: null,
        entries: [],
        byId: new Map(),
        maxSpan: 0,
        selectedId: null,
        window: null,
        decorations: DecorationSet.empty,
        drawn: new Map(),
      }),
      apply,
    },
    view: (view) => new ViewportTracker(view),
    props: {
      decorations: (state) => annotationPluginKey.getState(state)?.decorations,
    },
  });
}

/** Sets the window to decorate (what the viewport tracker does on scroll). */
export function withWindow(tr: Transaction, range: PosRange): Transaction {
  return tr.setMeta(windowKey, range).setMeta('addToHistory', false);
}

export const AnnotationDecorations = Extension.create({
  name: 'claimscopeAnnotations',
  addProseMirrorPlugins() {
    return [annotationPlugin()];
  },
});
