import fs from 'node:fs';
import path from 'node:path';
import { automaticBackup, dailyBackupDue, listBackups } from './backup';
import { BUSY_TIMEOUT_MS, connect, describeStorageError, isBusy, openReadOnly, type ConnectOptions, type DB } from './connection';
import { DamagedDatabaseError, isCorruptionError, moveAside, quickCheck } from './integrity';
import { checkNotRestoring, otherOpeners, registerOpener } from './lock';
import { migrate, MIGRATIONS, type Migration } from './migrations';

export type { DB, Stmt } from './connection';
export { BUSY_TIMEOUT_MS } from './connection';

/** What the open path tells its caller when it found the database damaged. */
export interface DamageReport {
  /** The database file, now a fresh, empty database. */
  file: string;
  /** Where the damaged file (and its -wal, -shm) went. Never deleted. */
  movedTo: string;
  /** What SQLite found. */
  problem: string;
  /** The newest automatic backup, if any: what `claimscope restore` can bring back. */
  latestBackup: string | null;
}

export interface OpenOptions extends ConnectOptions {
  /** Called with the schema version found, before pending migrations run. */
  beforeMigrating?: (db: DB, from: number) => void;
  /**
   * Called when the file was damaged, after it was moved aside and a fresh database opened in its
   * place. Without it, one line goes to stderr.
   */
  onDamaged?: (report: DamageReport) => void;
  /** Automatic backups (before migrating, daily on first open), into `<folder>/backups`. Default on. */
  backups?: boolean;
  /** The migration list (tests); default: every migration of db/migrations. */
  migrations?: readonly Migration[];
}

/** The one line a person reads when their database was found damaged. */
export function describeDamage(r: DamageReport): string {
  const restore = r.latestBackup ? `; the latest backup is ${r.latestBackup} (claimscope restore brings it back)` : '';
  return `${r.file} was damaged (${r.problem}); it was moved to ${r.movedTo} and a new, empty database started${restore}`;
}

/**
 * `PRAGMA quick_check` on a read-only connection, before anything writes to the file: closing a
 * read-only connection never checkpoints the WAL into the main file nor deletes it, so a damaged
 * database is moved aside exactly as it was found. Returns false when the check could not run
 * (a hot rollback journal, say), so the read-write connection does it instead.
 */
function checkedReadOnly(file: string, options: OpenOptions): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return true;
  let ro: DB | undefined;
  try {
    ro = openReadOnly(file, options);
    const problems = quickCheck(ro);
    if (problems.length) throw new DamagedDatabaseError(file, problems);
    return true;
  } catch (err) {
    if (err instanceof DamagedDatabaseError || isCorruptionError(err) || isBusy(err)) throw err;
    return false;
  } finally {
    ro?.close();
  }
}

/** Sets the connection up, checks the file, migrates it and takes the backups that are due. */
function prepare(db: DB, file: string, options: OpenOptions, checked: boolean): void {
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged write is on disk, not only in the page cache.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const onDisk = file !== ':memory:' && file !== '';
  if (onDisk && !checked) {
    const problems = quickCheck(db);
    if (problems.length) throw new DamagedDatabaseError(file, problems);
  }
  const backups = onDisk && options.backups !== false;
  const migrations = options.migrations ?? MIGRATIONS;
  migrate(db, file, {
    migrations,
    beforeMigrating: (from) => {
      // A new database has nothing to lose; an existing one is copied before its schema changes.
      if (backups && from > 0) automaticBackup(db, file, { beforeVersion: migrations.length });
      options.beforeMigrating?.(db, from);
    },
  });
  if (backups && dailyBackupDue(file) && hasContent(db)) {
    // Without its pre-migration backup a database is not migrated (that throws, above); without
    // its daily one it still opens: the analyst is told, and the next open tries again.
    try {
      automaticBackup(db, file, 'daily');
    } catch (err) {
      console.error(`claimscope: could not write today's backup of ${file} (${(err as Error).message.split('\n')[0]}); check the backups folder beside it`);
    }
  }
}

function hasContent(db: DB): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM documents)').pluck().get() === 1;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * openOnce, again while SQLite says busy, until the busy timeout has passed. Some steps of opening
 * answer SQLITE_BUSY at once instead of waiting (switching a new file to WAL while other processes
 * do the same, WAL recovery); every step is safe to repeat.
 */
function openWithRetry(file: string, options: OpenOptions): DB {
  const deadline = Date.now() + (options.busyTimeoutMs ?? BUSY_TIMEOUT_MS);
  for (let attempt = 0; ; attempt++) {
    try {
      return openOnce(file, options);
    } catch (err) {
      if (!isBusy(err) || Date.now() >= deadline) throw err;
      sleepSync(Math.min(100, 5 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

function openOnce(file: string, options: OpenOptions): DB {
  const checked = file === ':memory:' || file === '' || checkedReadOnly(file, options);
  const db = connect(file, options);
  try {
    prepare(db, file, options, checked);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Notes the connection in the database's openers (db/lock.ts) until it is closed. */
function registered(file: string, db: DB): DB {
  const unregister = registerOpener(file);
  const close = db.close.bind(db);
  db.close = () => {
    unregister();
    return close();
  };
  return db;
}

/**
 * Opens (creating if need be) a Claimscope database and brings its schema up to date.
 * WAL, a busy timeout and foreign keys on every connection; `PRAGMA quick_check` on every open of
 * a file. A damaged file (quick_check fails, or SQLite says it is corrupt or not a database) is
 * moved aside, never deleted, a fresh database opened in its place and `onDamaged` told. Busy or
 * locked is not damage: it is thrown like any other error.
 */
export function openDatabase(file: string, options: OpenOptions = {}): DB {
  if (file === ':memory:') return openOnce(file, options);
  checkNotRestoring(file);
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return registered(file, openWithRetry(file, options));
  } catch (err) {
    const storage = describeStorageError(err, path.resolve(file));
    if (storage) throw new Error(storage, { cause: err });
    if (!(err instanceof DamagedDatabaseError) && !isCorruptionError(err)) throw err;
    const problem = err instanceof DamagedDatabaseError ? (err.problems[0] ?? 'unknown problem') : (err as Error).message;
    // Moved aside under a program that has it open, the file would go on taking that program's
    // writes while this one starts empty: refuse instead, and say who to close.
    const others = otherOpeners(file);
    if (others.length) {
      throw new Error(
        `${path.resolve(file)} is damaged (${problem}), but another program (process ${others.join(', ')}) has it open; close the Claimscope app, npm run serve and any claimscope command, then open it again. Nothing was moved`,
        { cause: err },
      );
    }
    const movedTo = moveAside(file);
    const report: DamageReport = { file: path.resolve(file), movedTo, problem, latestBackup: listBackups(file).at(-1)?.path ?? null };
    const db = registered(file, openWithRetry(file, options));
    if (options.onDamaged) options.onDamaged(report);
    else console.error(`claimscope: ${describeDamage(report)}`);
    return db;
  }
}

/**
 * What is wrong with the database file, checked read-only without touching it (nothing moved,
 * nothing migrated): [] when it is healthy or not there yet.
 */
export function damageOf(file: string, options: ConnectOptions = {}): string[] {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return [];
  let ro: DB | undefined;
  try {
    ro = openReadOnly(file, options);
    return quickCheck(ro);
  } catch (err) {
    if (isCorruptionError(err)) return [(err as Error).message];
    throw err;
  } finally {
    ro?.close();
  }
}
