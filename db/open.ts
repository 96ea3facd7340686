import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations';

export type DB = Database.Database;
// Statements are bound with positional or named parameters; rows are typed where they are read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Stmt = Database.Statement<any[], unknown>;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron's ABI). */
  nativeBinding?: string;
  /** Called with the schema version found, before pending migrations run. */
  beforeMigrating?: (db: DB, from: number) => void;
}

/** How long a writer waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating if need be) a Claimscope database and brings its schema up to date. */
export function openDatabase(file: string, options: OpenOptions = {}): DB {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, {
    timeout: BUSY_TIMEOUT_MS,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged write is on disk, not only in the page cache.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, file, {
      beforeMigrating: options.beforeMigrating ? (from) => options.beforeMigrating!(db, from) : undefined,
    });
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
