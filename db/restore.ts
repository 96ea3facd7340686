import fs from 'node:fs';
import path from 'node:path';
import { backupAsync, backupsDir, baseName, publish, removeQuietly, temporaryName } from './backup';
import { connect, isBusy, openReadOnly, type ConnectOptions, type DB } from './connection';
import { acquireRestoreLock } from './lock';
import { fileStamp, integrityCheck, isCorruptionError, SIDE_FILES } from './integrity';
import { SCHEMA_VERSION } from './migrations';
import { openDatabase, type OpenOptions } from './open';

// Checking a backup and swapping it in for the database. Above open.ts (it reopens the restored
// file the normal way) and above backup.ts (it saves the current database first).

export interface BackupInfo {
  schemaVersion: number;
  documents: number;
  annotations: number;
}

const REQUIRED_TABLES = ['documents', 'annotations', 'operations'];

/**
 * Checks that `file` is a healthy Claimscope database this app can open: SQLite can read it,
 * `PRAGMA integrity_check` passes, it has Claimscope's tables and a schema version not newer
 * than ours. Throws one line naming the file and what to do otherwise.
 */
export function inspectBackup(file: string, options: ConnectOptions = {}): BackupInfo {
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file; check the path`);
  if (!fs.statSync(file).isFile()) throw new Error(`${file}: not a file; give the path of a backup (.db)`);
  let db: DB;
  try {
    db = openReadOnly(file, { nativeBinding: options.nativeBinding });
  } catch (err) {
    throw new Error(`${file}: cannot be opened (${(err as Error).message}); give the path of a Claimscope backup`, { cause: err });
  }
  try {
    let problems: string[];
    try {
      problems = integrityCheck(db);
    } catch (err) {
      if (isCorruptionError(err)) throw new Error(`${file}: not a Claimscope database (${(err as Error).message}); give the path of a Claimscope backup`, { cause: err });
      throw err;
    }
    if (problems.length) throw new Error(`${file}: the backup is damaged (${problems[0]}); choose another backup`);
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).map(String),
    );
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    const version = db.pragma('user_version', { simple: true }) as number;
    if (missing.length || version < 1) {
      throw new Error(`${file}: not a Claimscope database (no ${missing[0] ?? 'schema version'}); give the path of a Claimscope backup`);
    }
    if (version > SCHEMA_VERSION) {
      throw new Error(`${file}: this backup was written by a newer Claimscope (schema ${version}, this app knows ${SCHEMA_VERSION}); update Claimscope to restore it`);
    }
    const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    return { schemaVersion: version, documents: count('documents'), annotations: count('annotations') };
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  /** The database that was replaced. */
  database: string;
  /** The backup it now holds. */
  restored: string;
  /** Where the database as it was before the restore was saved. */
  previous: string;
  schemaVersion: number;
  documents: number;
  annotations: number;
}

/** Refuses with one line when another connection has the database open. */
function inUse(dbFile: string, previous: string): Error {
  return new Error(
    `${dbFile}: another program has this database open (the Claimscope app, \`npm run serve\` or a claimscope command); close it and run restore again. The current database was saved to ${previous}`,
  );
}

/**
 * True when no other connection holds the database: an EXCLUSIVE transaction in rollback-journal
 * mode needs every other connection gone (a reader's shared lock refuses it at once).
 */
function soleUse(dbFile: string, options: OpenOptions): boolean {
  if (fs.existsSync(`${dbFile}-wal`) || fs.existsSync(`${dbFile}-shm`)) return false;
  const probe = connect(dbFile, { nativeBinding: options.nativeBinding, busyTimeoutMs: 0 });
  try {
    if (probe.pragma('journal_mode', { simple: true }) !== 'delete') return false;
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return true;
  } catch (err) {
    if (isBusy(err)) return false;
    throw err;
  } finally {
    probe.close();
  }
}

/**
 * Replaces the database `current` (an open connection to it, which this closes) with the backup
 * at `backupFile`, holding the restore lock (db/lock.ts) from before it checks that it has the
 * database to itself until the restored file is in place, so nothing can open it meanwhile:
 * 1. checks the backup (inspectBackup) and takes the lock;
 * 2. saves the current database into the backups folder (backup API);
 * 3. switches it out of WAL, which needs sole use, and refuses otherwise;
 * 4. copies the backup beside the database under a temporary name and flushes it;
 * 5. checks sole use once more, then renames the copy over the database (atomic on one file
 *    system). It never deletes a -wal or -shm file: if one exists, someone has the file open;
 * 6. reopens it the normal way (integrity check, migrations if the backup is older).
 */
export async function restoreDatabase(current: DB, backupFile: string, options: OpenOptions = {}, now = new Date()): Promise<RestoreResult> {
  const dbFile = path.resolve(current.name);
  const source = path.resolve(backupFile);
  if (source === dbFile) throw new Error(`${source}: that is the database itself; give the path of a backup`);
  const info = inspectBackup(source, options);
  const release = acquireRestoreLock(dbFile);
  let previous: string;
  try {
    previous = await backupAsync(current, path.join(backupsDir(dbFile), `${baseName(dbFile)}-${fileStamp(now)}-before-restore.db`));
    current.pragma('busy_timeout = 0');
    try {
      const mode = current.pragma('journal_mode = DELETE', { simple: true });
      if (mode !== 'delete') throw inUse(dbFile, previous);
    } catch (err) {
      if (isBusy(err)) throw Object.assign(inUse(dbFile, previous), { cause: err });
      throw err;
    }
    current.close();
    if (!soleUse(dbFile, options)) throw inUse(dbFile, previous);

    const tmp = temporaryName(dbFile);
    const reader = openReadOnly(source, { nativeBinding: options.nativeBinding });
    try {
      reader.prepare('VACUUM INTO ?').run(tmp);
    } catch (err) {
      removeQuietly(tmp);
      throw err;
    } finally {
      reader.close();
    }
    try {
      // Right before the swap: still nobody else, and no journal left that belongs to anyone.
      if (!soleUse(dbFile, options) || SIDE_FILES.some((s) => fs.existsSync(dbFile + s))) throw inUse(dbFile, previous);
      publish(tmp, dbFile);
    } catch (err) {
      removeQuietly(tmp);
      throw err;
    }
  } finally {
    release();
  }
  openDatabase(dbFile, { ...options, backups: false }).close();
  return { database: dbFile, restored: source, previous, ...info };
}
