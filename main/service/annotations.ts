import type { Handlers } from '../../common/api';
import { quoteSelector, splitsCharacter } from '../../common/selectors';
import { ClaimscopeError } from '../../common/errors';
import type { ChangeRecorder } from '../../db/changes';
import { EDIT_NOTE, notFound, nowIso, type ServiceContext } from './context';
import { annotationFromChange } from '../../db/repos/annotations';
import { ANNOTATION_KIND_INFO } from '../../common/labels';
import type { Annotation, AnnotationKind } from '../../common/domain';
import { applyDefaultLinks } from './links';

/**
 * Deletes an annotation with everything that points at it, each as a recorded change so undo
 * restores the lot: its links, its flag memberships, flags left with fewer than two claims, and its
 * claim-group memberships.
 */
export function deleteAnnotationCascade(ctx: ServiceContext, rec: ChangeRecorder, id: number): void {
  const { links, flags, claimGroups } = ctx.store;
  for (const linkId of links.touching(id)) rec.delete('links', linkId);
  // Its place in claim groups (cases) goes too, recorded, so undo puts it back.
  for (const m of claimGroups.membershipsOf(id)) rec.delete('claim_group_members', m.id);
  for (const m of flags.membershipsOf(id)) {
    rec.delete('flag_members', m.id);
    const left = flags.members(m.flagId);
    if (left.length < 2) {
      for (const other of left) rec.delete('flag_members', other.id);
      rec.delete('flags', m.flagId);
    }
  }
  rec.delete('annotations', id);
}

/** Inserts an annotation over [start, end) of `text` as a recorded change; returns it. */
export function insertAnnotation(ctx: ServiceContext, rec: ChangeRecorder, documentId: number, text: string, kind: AnnotationKind, start: number, end: number, note = ''): Annotation {
  const id = rec.insert('annotations', {
    document_id: documentId,
    kind,
    start_offset: start,
    end_offset: end,
    ...quoteSelector(text, start, end),
    status: 'unverified',
    credibility: null,
    note,
    orphan: 0,
    created_at: nowIso(),
  });
  return annotationFromChange(id, rec.changes[rec.changes.length - 1]!.after!);
}

export function annotationHandlers(ctx: ServiceContext): Pick<Handlers, 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation'> {
  const { store } = ctx;
  return {
    createAnnotation({ documentId, kind, start, end }) {
      const text = ctx.requireText(documentId);
      if (end > text.length) {
        throw new ClaimscopeError('invalid_input', `the range ${start}-${end} lies outside the document (${text.length} characters)`);
      }
      if (splitsCharacter(text, start) || splitsCharacter(text, end)) {
        throw new ClaimscopeError('invalid_input', `the range ${start}-${end} cuts a character in two (offsets count UTF-16 code units); move it by one`);
      }
      const { value: annotation, changes } = ctx.write(documentId, `Tag ${ANNOTATION_KIND_INFO[kind].label.toLowerCase()}`, (rec) => {
        const created = insertAnnotation(ctx, rec, documentId, text, kind, start, end);
        // The text is already in hand: a 1 MB document is not read twice per tag.
        applyDefaultLinks(ctx, rec, created, text);
        return created;
      });
      return { annotation, changes };
    },

    updateAnnotation({ id, status, credibility, note, reviewedChange }) {
      const existing = store.annotations.get(id);
      if (!existing) throw notFound('annotation', id);
      const patch: Record<string, string | number | null> = {};
      if (status !== undefined) patch.status = status;
      if (credibility !== undefined) patch.credibility = credibility;
      if (note !== undefined) patch.note = note;
      if (reviewedChange) Object.assign(patch, { changed_from: null, changed_in_version: null });
      const label = note !== undefined ? EDIT_NOTE : status !== undefined ? 'Set status' : credibility !== undefined ? 'Set credibility' : 'Review changed wording';
      const { changes } = ctx.write(existing.documentId, label, (rec) => rec.update('annotations', id, patch));
      return { annotation: changes.annotations.upserted.find((a) => a.id === id) ?? existing, changes };
    },

    deleteAnnotation({ id }) {
      const existing = store.annotations.get(id);
      if (!existing) throw notFound('annotation', id);
      const { changes } = ctx.write(existing.documentId, `Delete ${existing.kind}`, (rec) => deleteAnnotationCascade(ctx, rec, id));
      return { deleted: id, changes };
    },
  };
}
