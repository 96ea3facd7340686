import { PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Annotation } from '../../../common/domain';
import type { TextMap } from './textMap';

// The state of the annotation plugin (annotationPlugin.ts): every annotation the editor is given,
// sorted by start, and the decorations of those in the window around the viewport (viewport.ts
// moves the window). Add, remove and select touch only the window.

export type AnnotationView = Pick<Annotation, 'id' | 'kind' | 'start' | 'end'> & { pending?: boolean; flagged?: boolean; status?: Annotation['status'] };

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

export interface PluginState {
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
  /** The decorations drawn for each annotation in the window. */
  drawn: Map<number, Decoration[]>;
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

/**
 * An annotation's decorations: its span, and a one-character mark at each end. ProseMirror draws
 * overlaps as one span per stretch of text with every class merged, so the ends say what no
 * merged span can: where a tag starts (adjacent claims read as two), where the selected tag's
 * outline closes (one shape across the pieces an overlap cuts it into), and a claim's verdict
 * (supported, disputed, refuted, retracted) at its end, in the text and not only in the panel.
 */
function decorationsFor(e: Entry, selected: boolean): Decoration[] {
  if (e.to <= e.from) return [];
  const spec = { id: e.a.id };
  const out = [Decoration.inline(e.from, e.to, { class: classFor(e.a, selected) }, spec)];
  const sel = selected ? ' cs-sel-start' : '';
  out.push(Decoration.inline(e.from, e.from + 1, { class: `cs-start-${e.a.kind}${sel}` }, spec));
  let end = selected ? 'cs-sel-end' : '';
  if (e.a.kind === 'claim' && e.a.status && e.a.status !== 'unverified') end += ` cs-verdict cs-verdict-${e.a.status}`;
  if (end) out.push(Decoration.inline(e.to - 1, e.to, { class: end.trim() }, spec));
  return out;
}

function sameView(x: AnnotationView, y: AnnotationView): boolean {
  return x.kind === y.kind && x.start === y.start && x.end === y.end && !x.pending === !y.pending && !x.flagged === !y.flagged && x.status === y.status;
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
  const drawn = new Map<number, Decoration[]>();
  if (!ps.window) return { decorations: DecorationSet.empty, drawn };
  const decos: Decoration[] = [];
  for (const e of entriesIn(ps, ps.window)) {
    const d = decorationsFor(e, e.a.id === ps.selectedId);
    if (d.length === 0) continue;
    decos.push(...d);
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
    // (add and remove empty the arrays they are given: pass copies, keep ours whole.)
    decorations = decorations.remove([...old]);
    drawn = new Map(drawn);
    drawn.delete(id);
  }
  const d = e && intersects(e, ps.window) ? decorationsFor(e, id === ps.selectedId) : [];
  if (d.length > 0) {
    decorations = decorations.add(state.doc, [...d]);
    if (drawn === ps.drawn) drawn = new Map(drawn);
    drawn.set(id, d);
  }
  return decorations === ps.decorations ? ps : { ...ps, decorations, drawn };
}

export function apply(tr: Transaction, ps: PluginState, _old: EditorState, state: EditorState): PluginState {
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

/** Sets the window to decorate (what the viewport tracker does on scroll). */
export function withWindow(tr: Transaction, range: PosRange): Transaction {
  return tr.setMeta(windowKey, range).setMeta('addToHistory', false);
}
