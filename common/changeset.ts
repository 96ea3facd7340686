import type { Assessment, ChangeSet, DocumentState } from './domain';

// Applying a write's change set to a document's state: what the renderer does with every answer,
// and what the tests check against a fresh read (applying must give exactly what reading gives).

type Keyed = { id: number };

function merge<T extends Keyed>(list: readonly T[], delta: { upserted: readonly T[]; removed: readonly number[] }, order: (a: T, b: T) => number): T[] {
  if (delta.upserted.length === 0 && delta.removed.length === 0) return list as T[];
  const gone = new Set<number>([...delta.removed, ...delta.upserted.map((r) => r.id)]);
  const kept = list.filter((r) => !gone.has(r.id));
  return [...kept, ...delta.upserted].sort(order);
}

const byId = (a: Keyed, b: Keyed) => a.id - b.id;
/** SQLite's NOCASE: ASCII letters folded, everything else compared as is. */
function nocase(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function compareAnnotations(a: { start: number; id: number }, b: { start: number; id: number }): number {
  return a.start - b.start || a.id - b.id;
}

export function compareSources(a: { name: string; id: number }, b: { name: string; id: number }): number {
  const x = nocase(a.name);
  const y = nocase(b.name);
  return x < y ? -1 : x > y ? 1 : a.id - b.id;
}

/**
 * A document's assessment after a change set: the row it upserted for this document, none if it
 * removed the one held, else as it was. A document has at most one.
 */
export function applyAssessment(current: Assessment | null, changes: ChangeSet): Assessment | null {
  const delta = changes.assessments;
  if (!delta) return current;
  const mine = changes.documentId === null ? undefined : delta.upserted.find((a) => a.documentId === changes.documentId);
  if (mine) return mine;
  return current !== null && delta.removed.includes(current.id) ? null : current;
}

/** The state after a write, from the state before it and the write's change set. */
export function applyChangeSet(state: DocumentState, changes: ChangeSet): DocumentState {
  return {
    annotations: merge(state.annotations, changes.annotations, compareAnnotations),
    links: merge(state.links, changes.links, byId),
    flags: merge(state.flags, changes.flags, byId),
    sources: merge(state.sources, changes.sources, compareSources),
    assessment: applyAssessment(state.assessment ?? null, changes),
    canUndo: changes.history?.canUndo ?? state.canUndo,
    canRedo: changes.history?.canRedo ?? state.canRedo,
  };
}
