import type { Handlers } from '../../common/api';
import type { Flag } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import type { ChangeRecorder, Row } from '../../db/changes';
import { notFound, nowIso, type ServiceContext } from './context';
import { documentRelations, requireClaim, requireDocument } from './relations';

// An inconsistency flag links two or more claims of one document. Fewer than two is no flag: the
// service refuses to make one, and deleting a claim dissolves the flags it leaves with one member
// (deleteAnnotationCascade in annotations.ts).

function getFlag(ctx: ServiceContext, id: number): Flag | null {
  const row = ctx.db.prepare('SELECT document_id FROM flags WHERE id = ?').get(id) as { document_id: number } | undefined;
  if (!row) return null;
  return ctx.store.listFlags(row.document_id).find((f) => f.id === id) ?? null;
}

/** Distinct member ids, each a claim of the document; at least two. */
function checkMembers(ctx: ServiceContext, documentId: number, memberIds: readonly number[]): number[] {
  const ids = [...new Set(memberIds)];
  if (ids.length < 2) throw new ClaimscopeError('invalid_input', 'a flag links at least two different claims; select another claim too');
  for (const id of ids) requireClaim(ctx, id, documentId);
  return ids;
}

function deleteFlagRows(ctx: ServiceContext, rec: ChangeRecorder, flagId: number): void {
  const members = ctx.db.prepare('SELECT id FROM flag_members WHERE flag_id = ?').pluck().all(flagId) as number[];
  for (const m of members) rec.delete('flag_members', m);
  rec.delete('flags', flagId);
}

function updateLabel(patch: Row, membersChanged: boolean): string {
  const keys = Object.keys(patch);
  if (keys.length === 0 && membersChanged) return 'Edit flagged claims';
  if (keys.length === 1 && !membersChanged) {
    if (keys[0] === 'status') return `Set flag status: ${String(patch.status)}`;
    if (keys[0] === 'note') return 'Edit note';
    if (keys[0] === 'explanation') return 'Edit flag explanation';
  }
  return 'Edit flag';
}

export function flagHandlers(ctx: ServiceContext): Pick<Handlers, 'createFlag' | 'updateFlag' | 'deleteFlag'> {
  return {
    createFlag({ documentId, memberIds, explanation, status, note }) {
      requireDocument(ctx, documentId);
      const id = ctx.write(documentId, 'Flag inconsistency', (rec) => {
        const ids = checkMembers(ctx, documentId, memberIds);
        const flagId = rec.insert('flags', {
          document_id: documentId,
          explanation: explanation?.trim() ?? '',
          status: status ?? 'open',
          note: note ?? '',
          created_at: nowIso(),
        });
        for (const m of ids) rec.insert('flag_members', { flag_id: flagId, annotation_id: m });
        return flagId;
      });
      return { flag: getFlag(ctx, id)!, relations: documentRelations(ctx, documentId) };
    },

    updateFlag({ id, memberIds, explanation, status, note }) {
      const before = getFlag(ctx, id);
      if (!before) throw notFound('flag', id);
      const patch: Row = {};
      if (explanation !== undefined && explanation.trim() !== before.explanation) patch.explanation = explanation.trim();
      if (status !== undefined && status !== before.status) patch.status = status;
      if (note !== undefined && note !== before.note) patch.note = note;
      const wanted = memberIds === undefined ? null : [...new Set(memberIds)];
      const membersChanged =
        wanted !== null && (wanted.length !== before.memberIds.length || wanted.some((m) => !before.memberIds.includes(m)));
      if (Object.keys(patch).length > 0 || membersChanged) {
        ctx.write(before.documentId, updateLabel(patch, membersChanged), (rec) => {
          if (Object.keys(patch).length > 0) rec.update('flags', id, patch);
          if (wanted !== null && membersChanged) {
            checkMembers(ctx, before.documentId, wanted);
            const rows = ctx.db.prepare('SELECT id, annotation_id FROM flag_members WHERE flag_id = ?').all(id) as Array<{
              id: number;
              annotation_id: number;
            }>;
            for (const r of rows) if (!wanted.includes(r.annotation_id)) rec.delete('flag_members', r.id);
            for (const m of wanted) {
              if (!rows.some((r) => r.annotation_id === m)) rec.insert('flag_members', { flag_id: id, annotation_id: m });
            }
          }
        });
      }
      return { flag: getFlag(ctx, id)!, relations: documentRelations(ctx, before.documentId) };
    },

    deleteFlag({ id }) {
      const before = getFlag(ctx, id);
      if (!before) throw notFound('flag', id);
      ctx.write(before.documentId, 'Delete flag', (rec) => deleteFlagRows(ctx, rec, id));
      return { deleted: id, relations: documentRelations(ctx, before.documentId) };
    },
  };
}
