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

  /**
   * Folds `changes` into the document's last operation when that is the newest of its history, done,
   * of the same label, recorded less than `withinMs` ago, and both change the same one row: the
   * step then goes from the row as it was before the first to the row as it is now. False when it
   * does not apply (the caller records a new step).
   */
  extendLast(documentId: number, label: string, changes: readonly Change[], withinMs: number): boolean {
    const last = prepared(this.db, `SELECT * FROM operations WHERE document_id = ? AND case_id IS NULL ORDER BY id DESC LIMIT 1`).get(documentId) as
      | (OperationRow & { created_at: string })
      | undefined;
    if (!last || last.state !== 'done' || last.label !== label || changes.length !== 1) return false;
    if (!(Date.now() - Date.parse(last.created_at) < withinMs)) return false;
    const before = JSON.parse(last.changes) as Change[];
    const [was] = before;
    const [now] = changes;
    if (before.length !== 1 || was!.table !== now!.table || was!.id !== now!.id || was!.before === null || now!.after === null) return false;
    prepared(this.db, 'UPDATE operations SET changes = ?, created_at = ? WHERE id = ?').run(JSON.stringify([{ ...was!, after: now!.after }]), new Date().toISOString(), last.id);
    return true;
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
