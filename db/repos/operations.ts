import type { Change } from '../changes';
import { prepared, type DB } from '../connection';

// The operation log: one row per undoable action, with its row changes (db/changes.ts).

export interface OperationRow {
  id: number;
  document_id: number | null;
  case_id?: number | null;
  label: string;
  changes: string;
  state: 'done' | 'undone' | 'discarded';
}

export class OperationRepo {
  constructor(private readonly db: DB) {}

  /** `caseId`: a write made in a case (claim groups), undone and redone with that case's history. */
  record(documentId: number | null, label: string, changes: readonly Change[], caseId: number | null = null): number {
    // A new action after undo makes the undone ones unreachable; keep them for the audit trail.
    if (caseId !== null) prepared(this.db, `UPDATE operations SET state = 'discarded' WHERE case_id = ? AND state = 'undone'`).run(caseId);
    else prepared(this.db, `UPDATE operations SET state = 'discarded' WHERE document_id IS ? AND case_id IS NULL AND state = 'undone'`).run(documentId);
    const info = prepared(this.db, 'INSERT INTO operations (document_id, case_id, label, changes, created_at) VALUES (?, ?, ?, ?, ?)').run(
      documentId,
      caseId,
      label,
      JSON.stringify(changes),
      new Date().toISOString(),
    );
    return Number(info.lastInsertRowid);
  }

  lastDoneInCase(caseId: number): OperationRow | null {
    return (prepared(this.db, `SELECT * FROM operations WHERE case_id = ? AND state = 'done' ORDER BY id DESC LIMIT 1`).get(caseId) as OperationRow | undefined) ?? null;
  }

  firstUndoneInCase(caseId: number): OperationRow | null {
    return (prepared(this.db, `SELECT * FROM operations WHERE case_id = ? AND state = 'undone' ORDER BY id ASC LIMIT 1`).get(caseId) as OperationRow | undefined) ?? null;
  }

  caseHistory(caseId: number): { caseId: number; canUndo: boolean; canRedo: boolean } {
    return { caseId, canUndo: this.lastDoneInCase(caseId) !== null, canRedo: this.firstUndoneInCase(caseId) !== null };
  }

  lastDone(documentId: number): OperationRow | null {
    return (prepared(this.db, `SELECT * FROM operations WHERE document_id = ? AND state = 'done' ORDER BY id DESC LIMIT 1`).get(documentId) as
      | OperationRow
      | undefined) ?? null;
  }

  firstUndone(documentId: number): OperationRow | null {
    return (prepared(this.db, `SELECT * FROM operations WHERE document_id = ? AND state = 'undone' ORDER BY id ASC LIMIT 1`).get(documentId) as
      | OperationRow
      | undefined) ?? null;
  }

  history(documentId: number): { canUndo: boolean; canRedo: boolean } {
    return { canUndo: this.lastDone(documentId) !== null, canRedo: this.firstUndone(documentId) !== null };
  }

  setState(id: number, state: OperationRow['state']): void {
    prepared(this.db, 'UPDATE operations SET state = ? WHERE id = ?').run(state, id);
  }
}
