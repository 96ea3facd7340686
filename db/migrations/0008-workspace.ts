import type { Database } from 'better-sqlite3';
import { AUTHORED_TABLES, SYNC_TABLES, SYNC_TABLE_NAMES } from '../../common/workspace';
import { installCaptureTriggers, uidFor } from '../sync';

// The team workspace (issue 15). Every shared row gets a uid, its name everywhere but here (ids
// stay local; two analysts' databases give the same id to different rows). Rows that say what they
// are by their columns (a link, a claim group member, a document by its file's sha256) get a uid
// derived from them, so the same row made by two analysts is one row on the server. Tags, sources,
// flags, assessments and claim groups say who made them and who changed them last. The sync
// tables: `sync_meta` (one row: the workspace, the cursor, whether changes are captured),
// `sync_journal` (row changes as the capture triggers write them), `sync_outbox` (operations with
// their uuids, waiting for the server), `sync_high` (the highest id ever freed per table, so a row
// from the server never takes an id this analyst's undo history still names) and `sync_conflicts`.
export function updateToSchemaVersion8(db: Database): void {
  for (const t of SYNC_TABLE_NAMES) db.exec(`ALTER TABLE ${t} ADD COLUMN uid TEXT`);
  for (const t of AUTHORED_TABLES) {
    db.exec(`
      ALTER TABLE ${t} ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
      ALTER TABLE ${t} ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';
      ALTER TABLE ${t} ADD COLUMN changed_at TEXT;
    `);
  }
  // Parents first: a derived uid names its parents by theirs.
  for (const t of SYNC_TABLE_NAMES) {
    const idCol = 'rowid' in SYNC_TABLES[t] ? 'rowid' : 'id';
    const rows = db.prepare(`SELECT ${idCol} AS __id, * FROM ${t} ORDER BY ${idCol}`).all() as Array<Record<string, unknown> & { __id: number }>;
    const set = db.prepare(`UPDATE ${t} SET uid = ? WHERE ${idCol} = ?`);
    for (const r of rows) set.run(uidFor(db, t, r), r.__id);
    db.exec(`CREATE UNIQUE INDEX ${t}_uid ON ${t}(uid)`);
  }
  db.exec(`
    CREATE TABLE sync_meta (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      capture INTEGER NOT NULL DEFAULT 0 CHECK (capture IN (0, 1)),
      txn INTEGER NOT NULL DEFAULT 0,
      label TEXT,
      url TEXT,
      workspace TEXT,
      member TEXT,
      role TEXT CHECK (role IS NULL OR role IN ('reader', 'analyst', 'editor')),
      pulled_seq INTEGER NOT NULL DEFAULT 0,
      connected_at TEXT,
      last_sync_at TEXT,
      last_error TEXT
    ) STRICT;
    INSERT INTO sync_meta (id) VALUES (1);

    CREATE TABLE sync_journal (
      id INTEGER PRIMARY KEY,
      txn INTEGER NOT NULL,
      label TEXT,
      tbl TEXT NOT NULL,
      row_id INTEGER NOT NULL,
      uid TEXT,
      old TEXT,
      new TEXT
    ) STRICT;

    CREATE TABLE sync_outbox (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      label TEXT NOT NULL,
      changes TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sync_high (
      tbl TEXT PRIMARY KEY,
      high INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE sync_conflicts (
      id INTEGER PRIMARY KEY,
      server_id INTEGER UNIQUE,
      seq INTEGER NOT NULL,
      tbl TEXT NOT NULL,
      uid TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('concurrent_edit', 'edit_of_deleted', 'missing_parent', 'refused')),
      field TEXT,
      kept TEXT,
      lost TEXT,
      winner TEXT NOT NULL,
      loser TEXT NOT NULL,
      at TEXT NOT NULL,
      seen INTEGER NOT NULL DEFAULT 0 CHECK (seen IN (0, 1))
    ) STRICT;
    CREATE INDEX sync_conflicts_row ON sync_conflicts(tbl, uid);
  `);
  installCaptureTriggers(db);
}
