import type { Assessment, Verdict } from '../../common/domain';
import type { Row } from '../changes';
import { prepared, type DB } from '../connection';

// The assessments table: one document's bottom line (verdict and summary), at most one row per
// document. Written through the ChangeRecorder (undoable); read here.

interface AssessmentRow {
  id: number;
  document_id: number;
  verdict: Verdict;
  summary: string;
  updated_at: string;
}

/** The one row mapper. */
function toAssessment(r: AssessmentRow): Assessment {
  return { id: r.id, documentId: r.document_id, verdict: r.verdict, summary: r.summary, updatedAt: r.updated_at };
}

/** An assessment from a recorded change's after image (changes.ts keeps the tracked columns). */
export function assessmentFromChange(id: number, row: Row): Assessment {
  return toAssessment({
    id,
    document_id: Number(row.document_id),
    verdict: String(row.verdict) as Verdict,
    summary: String(row.summary ?? ''),
    updated_at: String(row.updated_at),
  });
}

export class AssessmentRepo {
  constructor(private readonly db: DB) {}

  /** The document's assessment, or null when the analyst has not written one. */
  forDocument(documentId: number): Assessment | null {
    const r = prepared(this.db, 'SELECT id, document_id, verdict, summary, updated_at FROM assessments WHERE document_id = ?').get(documentId) as
      | AssessmentRow
      | undefined;
    return r ? toAssessment(r) : null;
  }

  /** Moves a document's assessment onto its new version (an import, outside the operation log). */
  moveToDocument(fromDocumentId: number, toDocumentId: number): void {
    prepared(this.db, 'UPDATE assessments SET document_id = ? WHERE document_id = ?').run(toDocumentId, fromDocumentId);
  }
}
