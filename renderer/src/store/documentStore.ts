import { applyAssessment } from '../../../common/changeset';
import type {
  Annotation,
  Assessment,
  ChangeSet,
  DocumentRecord,
  DocumentState,
  Flag,
  DocumentSummary,
  Source,
  StoredSuggestion,
} from '../../../common/domain';
import { buildIndexes, updateIndexes, type Delta, type Indexes, type Records } from './indexes';
import { nextSelection, NO_SELECTION, type Selection } from './selection';

// The open document as the renderer holds it: its records, the indexes over them, its undo state,
// the selection, the assistant's pending suggestions, and the library beside it. One reducer; every
// write's answer is applied with the same action (applyChanges), undo and redo included, so the
// renderer never reloads a document it has open.

export interface History {
  canUndo: boolean;
  canRedo: boolean;
}

export interface DocState extends Records {
  library: readonly DocumentSummary[];
  document: DocumentRecord | null;
  /** The assistant's pending suggestions, by id. */
  suggestions: readonly StoredSuggestion[];
  /** The open document's bottom line (verdict and summary); null until the analyst writes one. */
  assessment: Assessment | null;
  history: History;
  ix: Indexes;
  selection: Selection;
  /** The suggestion selected in the assistant's list or the text. */
  suggestionId: number | null;
  /**
   * The annotations whose drawing may have changed in the last change (added, removed, moved,
   * flagged or not any more); `rev` counts such changes. The editor follows these.
   */
  redraw: { rev: number; ids: readonly number[] };
}

export type Action =
  | { type: 'libraryLoaded'; documents: readonly DocumentSummary[] }
  | { type: 'opened'; document: DocumentRecord; state: DocumentState }
  /** The document leaves the window (a case opens in its place); the library stays. */
  | { type: 'closed' }
  | { type: 'applyChanges'; changes: ChangeSet }
  | { type: 'select'; id: number | null; add: boolean }
  | { type: 'suggestionsLoaded'; documentId: number; suggestions: readonly StoredSuggestion[] }
  | { type: 'selectSuggestion'; id: number | null };

export const applyChanges = (changes: ChangeSet): Action => ({ type: 'applyChanges', changes });
export const opened = (document: DocumentRecord, state: DocumentState): Action => ({ type: 'opened', document, state });
export const select = (id: number | null, add = false): Action => ({ type: 'select', id, add });
export const closed = (): Action => ({ type: 'closed' });

const NO_RECORDS: Records = { annotations: [], links: [], flags: [], sources: [] };

export const EMPTY_STATE: DocState = {
  library: [],
  document: null,
  ...NO_RECORDS,
  suggestions: [],
  assessment: null,
  history: { canUndo: false, canRedo: false },
  ix: buildIndexes(NO_RECORDS),
  selection: NO_SELECTION,
  suggestionId: null,
  redraw: { rev: 0, ids: [] },
};

// Each kind in the order the database lists it, so a change shows where a reload would put it.
const byStart = (a: Annotation, b: Annotation) => a.start - b.start || a.id - b.id;
const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
/** SQLite's NOCASE: ASCII letters fold, nothing else. */
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const byName = (a: Source, b: Source) => {
  const x = nocase(a.name);
  const y = nocase(b.name);
  return x < y ? -1 : x > y ? 1 : a.id - b.id;
};
const isPending = (s: StoredSuggestion) => s.state === 'pending';

/** Index of the first row not before `row` in `order`. */
function lowerBound<T>(list: readonly T[], row: T, order: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid]!, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A list with a delta applied: removed and replaced rows out, upserted rows in at their place. */
function applyDelta<T extends { id: number }>(list: readonly T[], delta: Delta<T>, order: (a: T, b: T) => number, keep?: (row: T) => boolean): readonly T[] {
  const changed = delta.upserted.length + delta.removed.length;
  if (changed === 0) return list;
  const added = keep ? delta.upserted.filter(keep) : delta.upserted;
  if (changed > 32) {
    // Many rows (accepting every suggestion of a kind): one pass and one sort.
    const out = new Set(delta.removed);
    for (const r of delta.upserted) out.add(r.id);
    const kept = list.filter((r) => !out.has(r.id));
    if (added.length === 0) return kept.length === list.length ? list : kept;
    return [...kept, ...added].sort(order);
  }
  // A few rows (the usual write): one copy, then each row out and in where it belongs.
  let out: T[] | null = null;
  const drop = (id: number) => {
    const i = (out ?? list).findIndex((r) => r.id === id);
    if (i < 0) return;
    out ??= list.slice();
    out.splice(i, 1);
  };
  for (const id of delta.removed) drop(id);
  for (const r of delta.upserted) drop(r.id);
  for (const r of added) {
    out ??= list.slice();
    out.splice(lowerBound(out, r, order), 0, r);
  }
  return out ?? list;
}

function withCount(library: readonly DocumentSummary[], document: DocumentRecord | null, count: number): readonly DocumentSummary[] {
  if (!document || !library.some((d) => d.id === document.id && d.annotationCount !== count)) return library;
  return library.map((d) => (d.id === document.id ? { ...d, annotationCount: count } : d));
}

const NONE: Delta<never> = { upserted: [], removed: [] };

/**
 * Of another document's write, the flags this document shows too: a flag spanning documents
 * (accepted from a case) is edited in its first document's history, wherever the analyst is.
 */
function sharedFlags(state: DocState, flags: ChangeSet['flags']): Delta<Flag> {
  const here = state.document?.id;
  const upserted = flags.upserted.filter((f) => f.across?.some((x) => x.documentId === here));
  const removed = flags.removed.filter((id) => state.ix.flagById.get(id)?.across !== undefined);
  return upserted.length === 0 && removed.length === 0 ? NONE : { upserted, removed };
}

function applyChangeSet(state: DocState, changes: ChangeSet): DocState {
  // Rows of another document (a write that finished after the analyst moved on) are not this
  // document's; sources are shared by every document.
  const mine = state.document !== null && changes.documentId === state.document.id;
  const d = mine ? changes : { ...changes, annotations: NONE, links: NONE, flags: sharedFlags(state, changes.flags), suggestions: NONE };

  const records: Records = {
    annotations: applyDelta(state.annotations, d.annotations, byStart),
    links: applyDelta(state.links, d.links, byId),
    flags: applyDelta(state.flags, d.flags, byId),
    sources: applyDelta(state.sources, d.sources, byName),
  };
  const suggestions = applyDelta(state.suggestions, d.suggestions, byId, isPending);
  const assessment = mine ? applyAssessment(state.assessment, changes) : state.assessment;
  const ix = updateIndexes(state.ix, records, {
    // A delta of rows this document does not hold (removed elsewhere already) changes nothing.
    annotations: records.annotations === state.annotations ? NONE : d.annotations,
    links: records.links === state.links ? NONE : d.links,
    flags: records.flags !== state.flags,
    sources: records.sources !== state.sources,
  });

  // What the editor redraws: the annotations changed, and the members of the flags changed, before and after.
  const redrawn = new Set([...d.annotations.removed, ...d.annotations.upserted.map((a) => a.id)]);
  for (const f of d.flags.upserted) for (const m of f.memberIds) redrawn.add(m);
  for (const id of [...d.flags.removed, ...d.flags.upserted.map((f) => f.id)]) for (const m of state.ix.flagById.get(id)?.memberIds ?? []) redrawn.add(m);

  const removed = new Set(d.annotations.removed);
  const selectionGone = [state.selection.primary, ...state.selection.also].some((id) => id !== null && removed.has(id));
  const suggestionGone = state.suggestionId !== null && suggestions !== state.suggestions && !suggestions.some((s) => s.id === state.suggestionId);
  const history = mine && changes.history ? changes.history : state.history;

  const next: DocState = {
    ...state,
    ...records,
    suggestions,
    assessment,
    ix,
    history: history.canUndo === state.history.canUndo && history.canRedo === state.history.canRedo ? state.history : history,
    selection: selectionGone ? NO_SELECTION : state.selection,
    suggestionId: suggestionGone ? null : state.suggestionId,
    redraw: redrawn.size > 0 ? { rev: state.redraw.rev + 1, ids: [...redrawn] } : state.redraw,
    library: withCount(state.library, state.document, records.annotations.length),
  };
  // A change set that changed nothing here leaves the state as it is (listeners are not told).
  return (Object.keys(next) as Array<keyof DocState>).every((k) => next[k] === state[k]) ? state : next;
}

function openDocument(state: DocState, document: DocumentRecord, loaded: DocumentState): DocState {
  const records: Records = {
    annotations: [...loaded.annotations].sort(byStart),
    links: [...loaded.links].sort(byId),
    flags: [...loaded.flags].sort(byId),
    sources: [...loaded.sources].sort(byName),
  };
  return {
    ...state,
    ...records,
    document,
    suggestions: [],
    assessment: loaded.assessment ?? null,
    history: { canUndo: loaded.canUndo, canRedo: loaded.canRedo },
    ix: buildIndexes(records),
    selection: NO_SELECTION,
    suggestionId: null,
    redraw: { rev: state.redraw.rev + 1, ids: [] },
    library: withCount(state.library, document, records.annotations.length),
  };
}

export function reduce(state: DocState, action: Action): DocState {
  switch (action.type) {
    case 'libraryLoaded':
      return { ...state, library: action.documents };
    case 'opened':
      return openDocument(state, action.document, action.state);
    case 'closed':
      return state.document === null ? state : { ...EMPTY_STATE, library: state.library, redraw: { rev: state.redraw.rev + 1, ids: [] } };
    case 'applyChanges':
      return applyChangeSet(state, action.changes);
    case 'select': {
      const selection = nextSelection(state.selection, action.id, action.add);
      return selection === state.selection ? state : { ...state, selection };
    }
    case 'suggestionsLoaded':
      if (action.documentId !== state.document?.id) return state;
      return { ...state, suggestions: action.suggestions.filter(isPending) };
    case 'selectSuggestion':
      return action.id === state.suggestionId ? state : { ...state, suggestionId: action.id };
  }
}

export interface DocumentStore {
  getState(): DocState;
  dispatch(action: Action): void;
  /** Listeners run synchronously after each change, in the order they subscribed. */
  subscribe(listener: () => void): () => void;
}

export function createDocumentStore(initial: DocState = EMPTY_STATE): DocumentStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reduce(state, action);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
