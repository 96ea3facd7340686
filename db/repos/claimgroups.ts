import type { ClaimGroup, ClaimGroupMember, ClaimStance } from '../../common/domain';
import { prepared, type DB } from '../connection';

// The claim_groups table and its members: passages (annotations) of a case's documents matched as
// stating, or contradicting, one claim. Written through the ChangeRecorder (undoable per case); read here.

interface GroupRow {
  id: number;
  case_id: number;
  label: string;
  created_at: string;
  credibility: number | null;
}
interface MemberRow {
  id: number;
  group_id: number;
  annotation_id: number;
  document_id: number;
  stance: ClaimStance;
  exact: string;
  start_offset: number;
  end_offset: number;
}

/** The one row mapper: a group row with its members (each with its annotation's document, words and place). */
function toGroup(r: GroupRow, members: MemberRow[]): ClaimGroup {
  return {
    id: r.id,
    caseId: r.case_id,
    label: r.label,
    createdAt: r.created_at,
    credibility: r.credibility,
    members: members.map(
      (m): ClaimGroupMember => ({
        id: m.id,
        annotationId: m.annotation_id,
        documentId: m.document_id,
        stance: m.stance,
        exact: m.exact,
        start: m.start_offset,
        end: m.end_offset,
      }),
    ),
  };
}

const GROUP = 'SELECT id, case_id, label, created_at, credibility FROM claim_groups';
const MEMBERS = `SELECT m.id, m.group_id, m.annotation_id, a.document_id, m.stance, a.exact, a.start_offset, a.end_offset
  FROM claim_group_members m JOIN annotations a ON a.id = m.annotation_id`;

export class ClaimGroupRepo {
  constructor(private readonly db: DB) {}

  get(id: number): ClaimGroup | null {
    const r = prepared(this.db, `${GROUP} WHERE id = ?`).get(id) as GroupRow | undefined;
    return r ? toGroup(r, prepared(this.db, `${MEMBERS} WHERE m.group_id = ? ORDER BY m.id`).all(id) as MemberRow[]) : null;
  }

  listForCase(caseId: number): ClaimGroup[] {
    const rows = prepared(this.db, `${GROUP} WHERE case_id = ? ORDER BY id`).all(caseId) as GroupRow[];
    const members = prepared(this.db, `${MEMBERS} JOIN claim_groups g ON g.id = m.group_id WHERE g.case_id = ? ORDER BY m.id`).all(caseId) as MemberRow[];
    const byGroup = new Map<number, MemberRow[]>();
    for (const m of members) {
      const list = byGroup.get(m.group_id) ?? [];
      list.push(m);
      byGroup.set(m.group_id, list);
    }
    return rows.map((r) => toGroup(r, byGroup.get(r.id) ?? []));
  }

  /** The member row of an annotation in a group, or null. */
  member(groupId: number, annotationId: number): { id: number; stance: ClaimStance } | null {
    return (prepared(this.db, 'SELECT id, stance FROM claim_group_members WHERE group_id = ? AND annotation_id = ?').get(groupId, annotationId) as
      | { id: number; stance: ClaimStance }
      | undefined) ?? null;
  }

  memberIds(groupId: number): number[] {
    return prepared(this.db, 'SELECT id FROM claim_group_members WHERE group_id = ? ORDER BY id').pluck().all(groupId) as number[];
  }

  /** Member rows of an annotation in any group, with their group's id. */
  membershipsOf(annotationId: number): Array<{ id: number; groupId: number }> {
    return prepared(this.db, 'SELECT id, group_id AS groupId FROM claim_group_members WHERE annotation_id = ? ORDER BY id').all(annotationId) as Array<{ id: number; groupId: number }>;
  }

  /** Hypothesis marks on a group (ACH), by row id. */
  markIds(groupId: number): number[] {
    return prepared(this.db, 'SELECT id FROM ach_marks WHERE group_id = ? ORDER BY id').pluck().all(groupId) as number[];
  }

  /** Groups of a case whose members include one of these documents' annotations. */
  groupsTouching(caseId: number, documentId: number): number[] {
    return prepared(
      this.db,
      `SELECT DISTINCT g.id FROM claim_groups g JOIN claim_group_members m ON m.group_id = g.id JOIN annotations a ON a.id = m.annotation_id
       WHERE g.case_id = ? AND a.document_id = ? ORDER BY g.id`,
    ).pluck().all(caseId, documentId) as number[];
  }

  /** The group of a case whose members are exactly these annotations (any stance), or null. */
  withExactly(caseId: number, annotationIds: readonly number[]): number | null {
    const wanted = [...new Set(annotationIds)].sort((a, b) => a - b);
    if (wanted.length === 0) return null;
    const rows = prepared(
      this.db,
      `SELECT g.id, group_concat(m.annotation_id) AS members FROM claim_groups g JOIN claim_group_members m ON m.group_id = g.id
       WHERE g.case_id = ? GROUP BY g.id ORDER BY g.id`,
    ).all(caseId) as Array<{ id: number; members: string }>;
    const key = wanted.join(',');
    for (const r of rows) {
      const have = r.members.split(',').map(Number).sort((a, b) => a - b);
      if (have.join(',') === key) return r.id;
    }
    return null;
  }
}
