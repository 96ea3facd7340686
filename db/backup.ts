import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fileStamp, integrityCheck, isCorruptionError, parseFileStamp, SIDE_FILES } from './integrity';
import { SCHEMA_VERSION } from './migrations';
import { openDatabase, type DB, type OpenOptions } from './open';

// Backups of a Claimscope database, into `<its folder>/backups/`:
// - automatic, before every migration and on the first open of each day, keeping the last 7;
// - on demand (`claimscope backup`), kept until the analyst deletes them.
// Every copy is a consistent snapshot taken through SQLite while other connections may be writing
// (never a file copy, which could catch a half-written WAL), written under a temporary name,
// flushed to disk and then renamed, so a crash never leaves a partial backup under a real name.

/** How many automatic backups are kept. */
export const KEEP_BACKUPS = 7;

export function backupsDir(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

/** `claimscope` for `.../claimscope.db`: backups are named after the database they copy. */
function baseName(dbFile: string): string {
  return path.basename(dbFile).replace(/\.[^.]*$/, '') || 'claimscope';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Automatic backups: `<base>-<stamp>.db` (daily) and `<base>-<stamp>-before-v<N>.db` (before migrating). */
function automaticPattern(dbFile: string): RegExp {
  return new RegExp(`^${escapeRegExp(baseName(dbFile))}-(\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z)(-before-v\\d+)?\\.db$`);
}

export interface BackupFile {
  path: string;
  takenAt: Date;
  /** Why it was taken: 'daily', or 'before-v<N>' ahead of a migration to schema N. */
  reason: string;
}

/** The automatic backups of `dbFile`, oldest first. */
export function listBackups(dbFile: string): BackupFile[] {
  const dir = backupsDir(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const pattern = automaticPattern(dbFile);
  const found: BackupFile[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    const takenAt = m ? parseFileStamp(m[1]!) : null;
    if (m && takenAt) found.push({ path: path.join(dir, name), takenAt, reason: m[2] ? m[2].slice(1) : 'daily' });
  }
  return found.sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime() || a.path.localeCompare(b.path));
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  // Makes the rename durable. Directories cannot be opened for fsync on Windows; there it is a no-op.
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function temporaryName(dest: string): string {
  return `${dest}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Moves a finished temporary copy into place, durably. */
function publish(tmp: string, dest: string): void {
  fsyncFile(tmp);
  fs.renameSync(tmp, dest);
  fsyncDir(path.dirname(dest));
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // nothing to do
  }
}

/**
 * A consistent copy of `db` at `dest`, synchronously: `VACUUM INTO`, SQLite's online snapshot
 * (a read transaction, so writers in other processes carry on). Used where the caller cannot wait
 * for a promise: on open, before migrating.
 */
export function backupSync(db: DB, dest: string): string {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  if (fs.existsSync(dest)) throw new Error(`${dest}: a file of that name exists already; choose another name`);
  const tmp = temporaryName(dest);
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    publish(tmp, dest);
  } catch (err) {
    removeQuietly(tmp);
    throw err;
  }
  return dest;
}

/** A consistent copy of `db` at `dest` through SQLite's online backup API (page by page, in steps). */
export async function backupAsync(db: DB, dest: string): Promise<string> {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  if (fs.existsSync(dest)) throw new Error(`${dest}: a file of that name exists already; choose another name`);
  const tmp = temporaryName(dest);
  try {
    await db.backup(tmp);
    publish(tmp, dest);
  } catch (err) {
    removeQuietly(tmp);
    throw err;
  }
  return dest;
}

/** Deletes the oldest automatic backups beyond `keep`, and temporary files a crash left behind. */
export function pruneBackups(dbFile: string, keep = KEEP_BACKUPS, now = new Date()): string[] {
  const removed: string[] = [];
  const backups = listBackups(dbFile);
  for (const b of backups.slice(0, Math.max(0, backups.length - keep))) {
    removeQuietly(b.path);
    removed.push(b.path);
  }
  const dir = backupsDir(dbFile);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names.filter((n) => /\.db\.tmp-\d+-[a-z0-9]+$/.test(n))) {
    const file = path.join(dir, name);
    try {
      // Another process may be writing this one right now: only old leftovers go.
      if (now.getTime() - fs.statSync(file).mtimeMs > 60 * 60 * 1000) removeQuietly(file);
    } catch {
      // gone already
    }
  }
  return removed;
}

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** True when no automatic backup was taken today (local time). */
export function dailyBackupDue(dbFile: string, now = new Date()): boolean {
  const newest = listBackups(dbFile).at(-1);
  return !newest || !sameLocalDay(newest.takenAt, now);
}

/**
 * Takes an automatic backup of `db` (the database at `dbFile`) and prunes the old ones.
 * `reason`: 'daily', or the schema version a migration is about to bring the file to.
 */
export function automaticBackup(db: DB, dbFile: string, reason: 'daily' | { beforeVersion: number }, now = new Date()): string {
  const suffix = reason === 'daily' ? '' : `-before-v${reason.beforeVersion}`;
  let dest = path.join(backupsDir(dbFile), `${baseName(dbFile)}-${fileStamp(now)}${suffix}.db`);
  // Two processes opening the same database in the same millisecond: keep both, a moment apart.
  for (let n = 1; fs.existsSync(dest); n++) {
    dest = path.join(backupsDir(dbFile), `${baseName(dbFile)}-${fileStamp(new Date(now.getTime() + n))}${suffix}.db`);
  }
  backupSync(db, dest);
  pruneBackups(dbFile, KEEP_BACKUPS, now);
  return dest;
}

/** Where `claimscope backup` puts a copy when no --out is given. Not pruned. */
export function manualBackupPath(dbFile: string, now = new Date()): string {
  return path.join(backupsDir(dbFile), `${baseName(dbFile)}-${fileStamp(now)}-manual.db`);
}

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
export function inspectBackup(file: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): BackupInfo {
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file; check the path`);
  if (!fs.statSync(file).isFile()) throw new Error(`${file}: not a file; give the path of a backup (.db)`);
  let db: DB;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (err) {
    throw new Error(`${file}: cannot be opened (${(err as Error).message}); give the path of a Claimscope backup`);
  }
  try {
    let problems: string[];
    try {
      problems = integrityCheck(db);
    } catch (err) {
      if (isCorruptionError(err)) throw new Error(`${file}: not a Claimscope database (${(err as Error).message}); give the path of a Claimscope backup`);
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

/**
 * Replaces the database `current` (an open connection to it, which this closes) with the backup
 * at `backupFile`:
 * 1. checks the backup (inspectBackup);
 * 2. saves the current database into the backups folder (backup API);
 * 3. makes sure no other program has the database open (switching it out of WAL needs sole use),
 *    refusing otherwise: a WAL file still in use would be replayed onto the restored file;
 * 4. copies the backup beside the database under a temporary name, flushes it, renames it over
 *    the database (atomic on one file system);
 * 5. reopens it the normal way (integrity check, migrations if the backup is older).
 */
export async function restoreDatabase(current: DB, backupFile: string, options: OpenOptions = {}, now = new Date()): Promise<RestoreResult> {
  const dbFile = path.resolve(current.name);
  const source = path.resolve(backupFile);
  if (source === dbFile) throw new Error(`${source}: that is the database itself; give the path of a backup`);
  const info = inspectBackup(source, options);

  const previous = await backupAsync(current, path.join(backupsDir(dbFile), `${baseName(dbFile)}-${fileStamp(now)}-before-restore.db`));

  current.pragma('busy_timeout = 0');
  try {
    const mode = current.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw Object.assign(new Error('journal mode unchanged'), { code: 'SQLITE_BUSY' });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new Error(
        `${dbFile}: another program has this database open (the Claimscope app, \`npm run serve\` or a claimscope command); close it and run restore again. The current database was saved to ${previous}`,
      );
    }
    throw err;
  }
  current.close();
  if (fs.existsSync(dbFile + '-wal')) {
    throw new Error(`${dbFile}: another program opened the database meanwhile; close it and run restore again`);
  }

  const tmp = temporaryName(dbFile);
  const reader = new Database(source, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    reader.prepare('VACUUM INTO ?').run(tmp);
  } catch (err) {
    removeQuietly(tmp);
    throw err;
  } finally {
    reader.close();
  }
  try {
    // The old database's rollback journal and shared-memory index belong to the old file.
    for (const suffix of SIDE_FILES) removeQuietly(dbFile + suffix);
    publish(tmp, dbFile);
  } catch (err) {
    removeQuietly(tmp);
    throw err;
  }

  openDatabase(dbFile, { ...options, backups: false }).close();
  return { database: dbFile, restored: source, previous, ...info };
}
