import type { Flag } from '../../common/domain';
import { prepared, type DB } from '../connection';

// The flags table and its members: an inconsistency between two or more claims.

interface FlagRow {
  id: number;
  document_id: number;
  explanation: string;
  status: Flag['status'];
  note: string;
  created_by?: string | null;
  changed_by?: string | null;
}

/** The one row mapper: a flag row with its member ids. */
function toFlag(r: FlagRow, memberIds: number[]): Flag {
  return {
    id: r.id, documentId: r.document_id, explanation: r.explanation, status: r.status, note: r.note, memberIds,
    ...(r.created_by ? { createdBy: r.created_by } : {}),
    ...(r.changed_by ? { changedBy: r.changed_by } : {}),
  };
}

export interface Membership {
  id: number;
  flagId: number;
  annotationId: number;
}

export class FlagRepo {
  constructor(private readonly db: DB) {}

  listForDocument(documentId: number): Flag[] {
    const flags = prepared(this.db, 'SELECT id, document_id, explanation, status, note, created_by, changed_by FROM flags WHERE document_id = ? ORDER BY id').all(documentId) as FlagRow[];
    const members = prepared(
      this.db,
      `SELECT m.flag_id, m.annotation_id FROM flag_members m JOIN flags f ON f.id = m.flag_id WHERE f.document_id = ? ORDER BY m.id`,
    ).all(documentId) as Array<{ flag_id: number; annotation_id: number }>;
    const byFlag = new Map<number, number[]>();
    for (const m of members) {
      const list = byFlag.get(m.flag_id) ?? [];
      list.push(m.annotation_id);
      byFlag.set(m.flag_id, list);
    }
    return flags.map((f) => toFlag(f, byFlag.get(f.id) ?? []));
  }

  get(id: number): Flag | null {
    const r = prepared(this.db, 'SELECT id, document_id, explanation, status, note, created_by, changed_by FROM flags WHERE id = ?').get(id) as FlagRow | undefined;
    return r ? toFlag(r, this.members(id).map((m) => m.annotationId)) : null;
  }

  members(flagId: number): Membership[] {
    return prepared(this.db, 'SELECT id, flag_id AS flagId, annotation_id AS annotationId FROM flag_members WHERE flag_id = ? ORDER BY id').all(
      flagId,
    ) as Membership[];
  }

  membershipsOf(annotationId: number): Membership[] {
    return prepared(
      this.db,
      'SELECT id, flag_id AS flagId, annotation_id AS annotationId FROM flag_members WHERE annotation_id = ? ORDER BY id',
    ).all(annotationId) as Membership[];
  }

  /** Moves a document's flags onto its new version (an import, outside the operation log). */
  moveToDocument(fromDocumentId: number, toDocumentId: number): void {
    prepared(this.db, 'UPDATE flags SET document_id = ? WHERE document_id = ?').run(toDocumentId, fromDocumentId);
  }
}
