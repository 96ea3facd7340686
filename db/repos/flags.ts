import type { Flag } from '../../common/domain';
import { prepared, type DB } from '../connection';

// The flags table and its members: an inconsistency between two or more claims, of one document
// or (accepted from a case) of several.

interface FlagRow {
  id: number;
  document_id: number;
  explanation: string;
  status: Flag['status'];
  note: string;
  created_by?: string | null;
  changed_by?: string | null;
}

interface MemberRow {
  flag_id: number;
  annotation_id: number;
  document_id: number;
  exact: string;
  title: string;
}

const FLAG_COLUMNS = 'id, document_id, explanation, status, note, created_by, changed_by';

/** The one row mapper: a flag row with its members; `across` when they are in more than one document. */
function toFlag(r: FlagRow, members: readonly MemberRow[]): Flag {
  const spans = members.some((m) => m.document_id !== r.document_id);
  return {
    id: r.id, documentId: r.document_id, explanation: r.explanation, status: r.status, note: r.note,
    memberIds: members.map((m) => m.annotation_id),
    ...(spans ? { across: members.map((m) => ({ annotationId: m.annotation_id, documentId: m.document_id, title: m.title, exact: m.exact })) } : {}),
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

  /** The flags any of whose claims are in this document (a cross-document flag shows in each of its documents). */
  listForDocument(documentId: number): Flag[] {
    const flags = prepared(
      this.db,
      `SELECT ${FLAG_COLUMNS} FROM flags WHERE document_id = ?
       UNION SELECT ${FLAG_COLUMNS} FROM flags WHERE id IN (
         SELECT m.flag_id FROM flag_members m JOIN annotations a ON a.id = m.annotation_id WHERE a.document_id = ?)
       ORDER BY id`,
    ).all(documentId, documentId) as FlagRow[];
    return this.withMembers(flags);
  }

  get(id: number): Flag | null {
    const r = prepared(this.db, `SELECT ${FLAG_COLUMNS} FROM flags WHERE id = ?`).get(id) as FlagRow | undefined;
    return r ? this.withMembers([r])[0]! : null;
  }

  /** Each flag with its members (in the order they were added), and its passages when they span documents. */
  private withMembers(flags: FlagRow[]): Flag[] {
    if (flags.length === 0) return [];
    const rows = prepared(
      this.db,
      `SELECT m.flag_id, m.annotation_id, a.document_id, a.exact, d.title FROM flag_members m
       JOIN annotations a ON a.id = m.annotation_id JOIN documents d ON d.id = a.document_id
       WHERE m.flag_id IN (SELECT value FROM json_each(?)) ORDER BY m.id`,
    ).all(JSON.stringify(flags.map((f) => f.id))) as MemberRow[];
    const byFlag = new Map<number, MemberRow[]>();
    for (const m of rows) {
      const list = byFlag.get(m.flag_id) ?? [];
      list.push(m);
      byFlag.set(m.flag_id, list);
    }
    return flags.map((f) => toFlag(f, byFlag.get(f.id) ?? []));
  }

  /** Flags left with fewer than two claims (their others went with a deleted document): no flag. */
  dissolveHalfFlags(): number {
    return prepared(
      this.db,
      'DELETE FROM flags WHERE id NOT IN (SELECT flag_id FROM flag_members GROUP BY flag_id HAVING COUNT(*) >= 2)',
    ).run().changes;
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
