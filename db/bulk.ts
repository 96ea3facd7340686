import { missingValue, TRACKED_TABLES, type Change, type Row, type TrackedTable } from './changes';
import { prepared, type DB, type Stmt } from './connection';
import { uidFor } from './sync';

// Many rows at once (an import of annotations, accepted suggestions, the benchmark's seed): one
// transaction, one prepared statement with positional parameters, so 10,000 rows cost one commit
// instead of 10,000. The rows are the tracked tables' columns, as ChangeRecorder writes them.

function insertStatement(db: DB, table: TrackedTable): Stmt {
  const cols = TRACKED_TABLES[table];
  return prepared(db, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
}

/**
 * Inserts `rows` into a tracked table in one transaction (a savepoint when one is already open) and
 * returns their ids in order. With `changes`, each row's after image is appended to it, so the
 * caller can record the lot as one undoable operation (Store.recordOperation).
 */
export function insertMany(db: DB, table: TrackedTable, rows: readonly Row[], changes?: Change[]): number[] {
  const cols = TRACKED_TABLES[table];
  const stmt = insertStatement(db, table);
  const uidAt = (cols as readonly string[]).indexOf('uid');
  const values: Array<string | number | null> = new Array(cols.length);
  const run = db.transaction(() => {
    const ids = new Array<number>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      for (let c = 0; c < cols.length; c++) values[c] = row[cols[c]!] ?? missingValue(cols[c]!);
      if (uidAt >= 0 && values[uidAt] === null) values[uidAt] = uidFor(db, table, row);
      ids[r] = Number(stmt.run(values).lastInsertRowid);
      if (changes) {
        const after: Row = {};
        for (let c = 0; c < cols.length; c++) after[cols[c]!] = values[c]!;
        changes.push({ table, id: ids[r]!, before: null, after });
      }
    }
    return ids;
  });
  return run.immediate();
}
