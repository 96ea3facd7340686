import Database from 'better-sqlite3';

// The connection: how every part of db/ opens SQLite and prepares statements. It imports nothing
// of db/, so opening, backups, restore and integrity checks all build on it without a cycle.

export type DB = Database.Database;
// Statements are bound with positional or named parameters; rows are typed where they are read.
export type Stmt = Database.Statement<unknown[], unknown>;

/** How long a writer waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

export interface ConnectOptions {
  /** Path of a better_sqlite3.node built for the running runtime (Electron's ABI). */
  nativeBinding?: string;
  /** How long to wait for another connection's lock; default BUSY_TIMEOUT_MS. */
  busyTimeoutMs?: number;
}

/** A read-write connection, creating the file if need be. */
export function connect(file: string, options: ConnectOptions = {}): DB {
  return new Database(file, {
    timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

/**
 * A read-only connection to an existing file. Closing it never checkpoints the WAL into the main
 * file nor deletes it, so checks and copies leave the file exactly as they found it.
 */
export function openReadOnly(file: string, options: ConnectOptions = {}): DB {
  return new Database(file, {
    readonly: true,
    fileMustExist: true,
    timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

/** SQLite says another connection holds the lock (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED...). */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * What a person can do about a storage failure of the database at `file` (disk full, read-only,
 * no permission, an I/O error, a folder that is not there), in one line; null for other errors.
 */
export function describeStorageError(err: unknown, file: string): string | null {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') return `the disk holding ${file} is full; free some space and try again (this change was not saved)`;
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return `${file} is read-only; make the file and its folder writable, or open a copy elsewhere (this change was not saved)`;
  if (code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_PERM')) return `${file} cannot be written: permission denied; check the permissions of the file and its folder`;
  if (code.startsWith('SQLITE_IOERR')) return `the disk reported an error reading or writing ${file}; check the disk, then try again (this change was not saved)`;
  if (code === 'ENOTDIR' || code === 'EEXIST') return `${file} cannot be created: something in its path is a file, not a folder; choose another path with --db`;
  if (code.startsWith('SQLITE_CANTOPEN')) return `${file} cannot be opened; check that its folder exists and that you may write to it`;
  return null;
}

const statementCache = new WeakMap<DB, Map<string, Stmt>>();

/** The one statement cache: each SQL text is prepared once per connection. */
export function prepared(db: DB, sql: string): Stmt {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql) as Stmt));
  return s;
}
