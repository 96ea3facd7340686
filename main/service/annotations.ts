import type { Handlers } from '../../common/api';
import { quoteSelector } from '../../common/selectors';
import { ClaimscopeError } from '../../common/errors';
import type { ChangeRecorder } from '../../db/changes';
import { notFound, nowIso, type ServiceContext } from './context';
import { applyDefaultLinks } from './links';
import { documentRelations } from './relations';

/**
 * Deletes an annotation with everything that points at it, each as a recorded change so undo
 * restores the lot: its links, its flag memberships, and flags left with fewer than two claims.
 */
export function deleteAnnotationCascade(ctx: ServiceContext, rec: ChangeRecorder, id: number): void {
  const db = ctx.db;
  const linkIds = db.prepare('SELECT id FROM links WHERE from_id = ? OR to_annotation_id = ?').pluck().all(id, id) as number[];
  for (const linkId of linkIds) rec.delete('links', linkId);
  const memberships = db.prepare('SELECT id, flag_id FROM flag_members WHERE annotation_id = ?').all(id) as Array<{
    id: number;
    flag_id: number;
  }>;
  for (const m of memberships) {
    rec.delete('flag_members', m.id);
    const left = db.prepare('SELECT id FROM flag_members WHERE flag_id = ?').pluck().all(m.flag_id) as number[];
    if (left.length < 2) {
      for (const other of left) rec.delete('flag_members', other);
      rec.delete('flags', m.flag_id);
    }
  }
  rec.delete('annotations', id);
}

export function annotationHandlers(ctx: ServiceContext): Pick<Handlers, 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation'> {
  const { store } = ctx;
  return {
    createAnnotation({ documentId, kind, start, end }) {
      const text = ctx.requireText(documentId);
      if (end > text.length) {
        throw new ClaimscopeError('invalid_input', `the range ${start}-${end} lies outside the document (${text.length} characters)`);
      }
      const id = ctx.write(documentId, kind === 'claim' ? 'Tag claim' : 'Tag attribution', (rec) => {
        const newId = rec.insert('annotations', {
          document_id: documentId,
          kind,
          start_offset: start,
          end_offset: end,
          ...quoteSelector(text, start, end),
          status: 'unverified',
          credibility: null,
          note: '',
          orphan: 0,
          created_at: nowIso(),
        });
        // The text is already in hand: a 1 MB document is not read twice per tag.
        applyDefaultLinks(ctx, rec, store.getAnnotation(newId)!, text);
        return newId;
      });
      return { annotation: store.getAnnotation(id)!, relations: documentRelations(ctx, documentId) };
    },

    updateAnnotation({ id, status, credibility, note }) {
      const existing = store.getAnnotation(id);
      if (!existing) throw notFound('annotation', id);
      const patch: Record<string, string | number | null> = {};
      if (status !== undefined) patch.status = status;
      if (credibility !== undefined) patch.credibility = credibility;
      if (note !== undefined) patch.note = note;
      const label = note !== undefined ? 'Edit note' : status !== undefined ? 'Set status' : 'Set credibility';
      ctx.write(existing.documentId, label, (rec) => rec.update('annotations', id, patch));
      return { annotation: store.getAnnotation(id)! };
    },

    deleteAnnotation({ id }) {
      const existing = store.getAnnotation(id);
      if (!existing) throw notFound('annotation', id);
      ctx.write(existing.documentId, `Delete ${existing.kind}`, (rec) => deleteAnnotationCascade(ctx, rec, id));
      return { deleted: id, relations: documentRelations(ctx, existing.documentId) };
    },
  };
}
