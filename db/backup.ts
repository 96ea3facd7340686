import fs from 'node:fs';
import path from 'node:path';
import type { DB } from './connection';
import { fileStamp, parseFileStamp } from './integrity';

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
export function baseName(dbFile: string): string {
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

export function temporaryName(dest: string): string {
  return `${dest}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Moves a finished temporary copy into place, durably. */
export function publish(tmp: string, dest: string): void {
  fsyncFile(tmp);
  fs.renameSync(tmp, dest);
  fsyncDir(path.dirname(dest));
}

export function removeQuietly(file: string): void {
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
  let names: string[];
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


/**
 * A damaged database copied byte for byte (with its -wal, if any) to `dest`: a backup API copy
 * would read through the damage, and an open would move it aside. Returns the files written.
 */
export function copyDamaged(dbFile: string, dest: string): string[] {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const written: string[] = [];
  for (const suffix of ['', '-wal']) {
    if (!fs.existsSync(dbFile + suffix)) continue;
    fs.copyFileSync(dbFile + suffix, dest + suffix, fs.constants.COPYFILE_EXCL);
    fsyncFile(dest + suffix);
    written.push(dest + suffix);
  }
  fsyncDir(path.dirname(dest));
  return written;
}
