import type { Annotation, ChangeSet, DocumentState, Flag, Link, Source } from '../../../common/domain';
import type { DocState } from './documentStore';

// The open document read again (another analyst's changes arrived from the team workspace): what
// differs from what the store holds, as a change set the store applies like any write's answer.
// Rows that did not change keep their identity, so the selection, the lists' scroll and anything
// being edited stay; rows on their way to the database (negative ids) are left alone.

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function delta<T extends { id: number }>(held: readonly T[], read: readonly T[]): { upserted: T[]; removed: number[] } {
  const before = new Map(held.map((r) => [r.id, r]));
  const upserted = read.filter((r) => {
    const old = before.get(r.id);
    return old === undefined || !same(old, r);
  });
  const ids = new Set(read.map((r) => r.id));
  const removed = held.filter((r) => r.id > 0 && !ids.has(r.id)).map((r) => r.id);
  return { upserted, removed };
}

/** The change set taking `state`'s open document to `read` (its state as just read); null when nothing differs. */
export function refreshChanges(state: DocState, read: DocumentState): ChangeSet | null {
  const doc = state.document;
  if (!doc) return null;
  const annotations = delta<Annotation>(state.annotations, read.annotations);
  const links = delta<Link>(state.links, read.links);
  const flags = delta<Flag>(state.flags, read.flags);
  // Every source of the library is read (they are shared by every document).
  const sources = delta<Source>(state.sources, read.sources);
  const assessment = read.assessment ?? null;
  const assessments =
    same(state.assessment, assessment) ? undefined : { upserted: assessment ? [assessment] : [], removed: state.assessment && !assessment ? [state.assessment.id] : [] };
  const history = { canUndo: read.canUndo, canRedo: read.canRedo };
  const changed =
    [annotations, links, flags, sources].some((d) => d.upserted.length + d.removed.length > 0) ||
    assessments !== undefined ||
    history.canUndo !== state.history.canUndo ||
    history.canRedo !== state.history.canRedo;
  if (!changed) return null;
  return { documentId: doc.id, annotations, links, flags, sources, suggestions: { upserted: [], removed: [] }, assessments, history };
}
