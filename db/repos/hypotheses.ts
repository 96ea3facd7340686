import type { AchMark, AchMarkRecord, Hypothesis } from '../../common/domain';
import type { Row } from '../changes';
import { prepared, type DB } from '../connection';

// The hypotheses of a case's ACH matrix (its columns, in position order) and ach_marks, the
// analyst's mark of one claim group against one hypothesis. Written through the ChangeRecorder
// (undoable per case); read here.

interface HypothesisRow {
  id: number;
  case_id: number;
  label: string;
  position: number;
  created_at: string;
}
interface MarkRow {
  id: number;
  hypothesis_id: number;
  group_id: number;
  mark: AchMark;
}

/** The row mappers: a stored row, or a change's after image with its id. */
export function toHypothesis(r: HypothesisRow): Hypothesis {
  return { id: r.id, caseId: r.case_id, label: r.label, position: r.position, createdAt: r.created_at };
}
export function hypothesisFromChange(id: number, row: Row): Hypothesis {
  return toHypothesis({ ...(row as unknown as HypothesisRow), id });
}
export function toAchMark(r: MarkRow): AchMarkRecord {
  return { id: r.id, hypothesisId: r.hypothesis_id, groupId: r.group_id, mark: r.mark };
}
export function achMarkFromChange(id: number, row: Row): AchMarkRecord {
  return toAchMark({ ...(row as unknown as MarkRow), id });
}

export class HypothesisRepo {
  constructor(private readonly db: DB) {}

  get(id: number): Hypothesis | null {
    const r = prepared(this.db, 'SELECT * FROM hypotheses WHERE id = ?').get(id) as HypothesisRow | undefined;
    return r ? toHypothesis(r) : null;
  }

  listForCase(caseId: number): Hypothesis[] {
    return (prepared(this.db, 'SELECT * FROM hypotheses WHERE case_id = ? ORDER BY position, id').all(caseId) as HypothesisRow[]).map(toHypothesis);
  }

  /** The position after the case's last hypothesis (a new column goes at the end). */
  nextPosition(caseId: number): number {
    return prepared(this.db, 'SELECT coalesce(max(position), -1) + 1 FROM hypotheses WHERE case_id = ?').pluck().get(caseId) as number;
  }

  /** Every mark of the case's matrix. */
  marksForCase(caseId: number): AchMarkRecord[] {
    return (
      prepared(this.db, 'SELECT m.* FROM ach_marks m JOIN hypotheses h ON h.id = m.hypothesis_id WHERE h.case_id = ? ORDER BY m.id').all(caseId) as MarkRow[]
    ).map(toAchMark);
  }

  /** The mark of a group against a hypothesis, or null. */
  mark(hypothesisId: number, groupId: number): AchMarkRecord | null {
    const r = prepared(this.db, 'SELECT * FROM ach_marks WHERE hypothesis_id = ? AND group_id = ?').get(hypothesisId, groupId) as MarkRow | undefined;
    return r ? toAchMark(r) : null;
  }

  /** Ids of a hypothesis's marks. */
  markIds(hypothesisId: number): number[] {
    return prepared(this.db, 'SELECT id FROM ach_marks WHERE hypothesis_id = ? ORDER BY id').pluck().all(hypothesisId) as number[];
  }
}
