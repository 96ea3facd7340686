import type { ChangeSet } from '../common/domain';
import type { Change, TrackedTable } from './changes';
import { annotationFromChange } from './repos/annotations';
import { assessmentFromChange } from './repos/assessments';
import { achMarkFromChange, hypothesisFromChange } from './repos/hypotheses';
import { linkFromChange } from './repos/links';
import { sourceFromChange } from './repos/sources';
import { suggestionFromChange } from './repos/suggestions';
import type { Store } from './store';

// A write's answer: the rows the operation log recorded, as the renderer's records. Built from the
// after images already in hand; only flags and claim groups are read back (each is its row and its members).

type Images = Map<TrackedTable, Map<number, Change['after']>>;

/** The final image of each row the changes touched (null: the row is gone). */
function finalImages(changes: readonly Change[]): Images {
  const images: Images = new Map();
  for (const c of changes) {
    let rows = images.get(c.table);
    if (!rows) images.set(c.table, (rows = new Map()));
    rows.set(c.id, c.after);
  }
  return images;
}

/** The changes as undo leaves the rows: in reverse order, each back to its before image. */
export function inverted(changes: readonly Change[]): Change[] {
  return changes.map((c) => ({ ...c, before: c.after, after: c.before })).reverse();
}

export function emptyChangeSet(documentId: number | null, history: ChangeSet['history']): ChangeSet {
  const none = () => ({ upserted: [], removed: [] });
  return { documentId, annotations: none(), links: none(), flags: none(), sources: none(), suggestions: none(), assessments: none(), history };
}

/**
 * The change set of `changes` as seen from `documentId`: rows of other documents are left out
 * (their ids listed as removed is harmless; the renderer ignores ids it does not hold).
 */
export function toChangeSet(store: Store, documentId: number | null, changes: readonly Change[]): ChangeSet {
  const set = emptyChangeSet(documentId, documentId === null ? null : store.operations.history(documentId));
  const images = finalImages(changes);
  const inDocument = (doc: unknown) => documentId !== null && doc === documentId;

  for (const [id, row] of images.get('annotations') ?? []) {
    if (row && inDocument(row.document_id)) set.annotations.upserted.push(annotationFromChange(id, row));
    else set.annotations.removed.push(id);
  }
  for (const [id, row] of images.get('links') ?? []) {
    if (row && inDocument(store.annotations.documentOf(Number(row.from_id)))) set.links.upserted.push(linkFromChange(id, row));
    else set.links.removed.push(id);
  }
  for (const [id, row] of images.get('sources') ?? []) {
    if (row) set.sources.upserted.push(sourceFromChange(id, row));
    else set.sources.removed.push(id);
  }
  for (const [id, row] of images.get('suggestions') ?? []) {
    if (row && inDocument(row.document_id)) set.suggestions.upserted.push(suggestionFromChange(id, row));
    else set.suggestions.removed.push(id);
  }
  for (const [id, row] of images.get('assessments') ?? []) {
    if (row && inDocument(row.document_id)) set.assessments!.upserted.push(assessmentFromChange(id, row));
    else set.assessments!.removed.push(id);
  }
  // Claim groups (cases): read back whole, like flags; only present when the write touched one.
  const groupIds = new Set<number>(images.get('claim_groups')?.keys() ?? []);
  for (const c of changes) {
    if (c.table !== 'claim_group_members') continue;
    for (const image of [c.before, c.after]) if (image) groupIds.add(Number(image.group_id));
  }
  if (groupIds.size > 0) {
    set.claimGroups = { upserted: [], removed: [] };
    for (const id of groupIds) {
      const group = store.claimGroups.get(id);
      if (group) set.claimGroups.upserted.push(group);
      else set.claimGroups.removed.push(id);
    }
  }
  // Hypotheses and their marks (a case's ACH matrix): from the images, only present when touched.
  const hypotheses = images.get('hypotheses');
  if (hypotheses) {
    set.hypotheses = { upserted: [], removed: [] };
    for (const [id, row] of hypotheses) {
      if (row) set.hypotheses.upserted.push(hypothesisFromChange(id, row));
      else set.hypotheses.removed.push(id);
    }
  }
  const marks = images.get('ach_marks');
  if (marks) {
    set.achMarks = { upserted: [], removed: [] };
    for (const [id, row] of marks) {
      if (row) set.achMarks.upserted.push(achMarkFromChange(id, row));
      else set.achMarks.removed.push(id);
    }
  }
  const flagIds = new Set<number>(images.get('flags')?.keys() ?? []);
  for (const c of changes) {
    if (c.table !== 'flag_members') continue;
    for (const image of [c.before, c.after]) if (image) flagIds.add(Number(image.flag_id));
  }
  for (const id of flagIds) {
    const flag = store.flags.get(id);
    // A flag spanning documents is each of its documents' flag.
    if (flag && (inDocument(flag.documentId) || flag.across?.some((x) => inDocument(x.documentId)))) set.flags.upserted.push(flag);
    else set.flags.removed.push(id);
  }
  return set;
}
