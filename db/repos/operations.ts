import type { Change } from '../changes';
import { prepared, type DB } from '../connection';

// The operation log: one row per undoable action, with its row changes (db/changes.ts).

export interface OperationRow {
  id: number;
  document_id: number | null;
  label: string;
  changes: string;
  state: 'done' | 'undone' | 'discarded';
}

export class OperationRepo {
  constructor(private readonly db: DB) {}

  record(documentId: number | null, label: string, changes: readonly Change[]): number {
    // A new action after undo makes the undone ones unreachable; keep them for the audit trail.
    prepared(this.db, `UPDATE operations SET state = 'discarded' WHERE document_id IS ? AND state = 'undone'`).run(documentId);
    const info = prepared(this.db, 'INSERT INTO operations (document_id, label, changes, created_at) VALUES (?, ?, ?, ?)').run(
      documentId,
      label,
      JSON.stringify(changes),
      new Date().toISOString(),
    );
    return Number(info.lastInsertRowid);
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
