import type { Handlers } from '../../common/api';
import type { Flag } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import type { ChangeRecorder, Row } from '../../db/changes';
import { EDIT_NOTE, notFound, nowIso, type ServiceContext } from './context';
import { emptyChangeSet } from '../../db/changeset';
import { requireClaim, requireDocument } from './relations';

// An inconsistency flag links two or more claims of one document, or of several when accepted from
// a case (acceptCaseSuggestion: its history is the case's; a later edit goes to the history of the
// document it is made from, see historyOf). Fewer
// than two is no flag: the service refuses to make one, and deleting a claim (or a document)
// dissolves the flags it leaves with one member (deleteAnnotationCascade in annotations.ts).

function getFlag(ctx: ServiceContext, id: number): Flag | null {
  return ctx.store.flags.get(id);
}

/**
 * Distinct member ids, each a claim of the document (or already a member: a flag accepted from a
 * case keeps its claims in other documents); at least two.
 */
function checkMembers(ctx: ServiceContext, documentId: number, memberIds: readonly number[], kept: readonly number[] = []): number[] {
  const ids = [...new Set(memberIds)];
  if (ids.length < 2) throw new ClaimscopeError('invalid_input', 'a flag links at least two different claims; select another claim too');
  for (const id of ids) if (!kept.includes(id)) requireClaim(ctx, id, documentId);
  return ids;
}

/**
 * The document whose undo history records an edit of a flag: the one the analyst made it from, when
 * the flag spans it (a member there), else the flag's first document.
 */
function historyOf(ctx: ServiceContext, flag: Flag, from: number | undefined): number {
  if (from === undefined || from === flag.documentId) return flag.documentId;
  requireDocument(ctx, from);
  if (!(flag.across ?? []).some((m) => m.documentId === from)) {
    throw new ClaimscopeError('invalid_input', `flag ${flag.id} has no claim in document ${from}; edit it from a document it links`);
  }
  return from;
}

function deleteFlagRows(ctx: ServiceContext, rec: ChangeRecorder, flagId: number): void {
  for (const m of ctx.store.flags.members(flagId)) rec.delete('flag_members', m.id);
  rec.delete('flags', flagId);
}

function updateLabel(patch: Row, membersChanged: boolean): string {
  const keys = Object.keys(patch);
  if (keys.length === 0 && membersChanged) return 'Edit flagged claims';
  if (keys.length === 1 && !membersChanged) {
    if (keys[0] === 'status') return `Set flag status: ${String(patch.status)}`;
    if (keys[0] === 'note') return EDIT_NOTE;
    if (keys[0] === 'explanation') return 'Edit flag explanation';
  }
  return 'Edit flag';
}

export function flagHandlers(ctx: ServiceContext): Pick<Handlers, 'createFlag' | 'updateFlag' | 'deleteFlag'> {
  return {
    createFlag({ documentId, memberIds, explanation, status, note }) {
      requireDocument(ctx, documentId);
      const { value: id, changes } = ctx.write(documentId, 'Flag inconsistency', (rec) => {
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
      return { flag: changes.flags.upserted.find((f) => f.id === id)!, changes };
    },

    updateFlag({ id, documentId: from, memberIds, explanation, status, note }) {
      const before = getFlag(ctx, id);
      if (!before) throw notFound('flag', id);
      const documentId = historyOf(ctx, before, from);
      const patch: Row = {};
      if (explanation !== undefined && explanation.trim() !== before.explanation) patch.explanation = explanation.trim();
      if (status !== undefined && status !== before.status) patch.status = status;
      if (note !== undefined && note !== before.note) patch.note = note;
      const wanted = memberIds === undefined ? null : [...new Set(memberIds)];
      const membersChanged =
        wanted !== null && (wanted.length !== before.memberIds.length || wanted.some((m) => !before.memberIds.includes(m)));
      if (Object.keys(patch).length === 0 && !membersChanged) {
        return { flag: before, changes: emptyChangeSet(documentId, ctx.store.operations.history(documentId)) };
      }
      {
        const { changes } = ctx.write(documentId, updateLabel(patch, membersChanged), (rec) => {
          if (Object.keys(patch).length > 0) rec.update('flags', id, patch);
          if (wanted !== null && membersChanged) {
            checkMembers(ctx, documentId, wanted, before.memberIds);
            const rows = ctx.store.flags.members(id);
            for (const r of rows) if (!wanted.includes(r.annotationId)) rec.delete('flag_members', r.id);
            for (const m of wanted) {
              if (!rows.some((r) => r.annotationId === m)) rec.insert('flag_members', { flag_id: id, annotation_id: m });
            }
          }
        });
        return { flag: changes.flags.upserted.find((f) => f.id === id) ?? getFlag(ctx, id)!, changes };
      }
    },

    deleteFlag({ id, documentId: from }) {
      const before = getFlag(ctx, id);
      if (!before) throw notFound('flag', id);
      const { changes } = ctx.write(historyOf(ctx, before, from), 'Delete flag', (rec) => deleteFlagRows(ctx, rec, id));
      return { deleted: id, changes };
    },
  };
}
