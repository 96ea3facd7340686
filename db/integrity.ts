import fs from 'node:fs';
import type { DB } from './connection';

// Recognising a damaged database and moving it out of the way. A damaged file is never deleted:
// it is renamed next to the original (with its -wal and -shm, so SQLite still pairs them) for
// someone to examine or salvage.

/** The files SQLite keeps beside a database. */
export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/** Thrown by the open path when a check finds damage; caught there to move the file aside. */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: the database is damaged (${problems[0] ?? 'unknown problem'})`);
    this.name = 'DamagedDatabaseError';
  }
}

/** SQLite's own verdict that a file is not a (healthy) database. Busy or locked is not damage. */
export function isCorruptionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

function check(db: DB, pragma: 'quick_check' | 'integrity_check'): string[] {
  const rows = db.pragma(pragma) as Array<Record<string, string>>;
  const messages = rows.map((r) => String(Object.values(r)[0]));
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}

/** `PRAGMA quick_check`: the structural checks, in time linear in the file. [] when healthy. */
export function quickCheck(db: DB): string[] {
  return check(db, 'quick_check');
}

/** `PRAGMA integrity_check`: quick_check plus index contents. [] when healthy. */
export function integrityCheck(db: DB): string[] {
  return check(db, 'integrity_check');
}

/** A timestamp safe in file names on every platform, sorting in time order: 2026-01-31T09-05-07-123Z. */
export function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Parses fileStamp() back; null when the text is not one. */
export function parseFileStamp(stamp: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Renames `file` (and its -wal, -shm, -journal) to `<file>.damaged-<timestamp>` (+ the same
 * suffixes). Returns the new path of the database file.
 */
export function moveAside(file: string, now = new Date()): string {
  let target = `${file}.damaged-${fileStamp(now)}`;
  for (let n = 2; fs.existsSync(target); n++) target = `${file}.damaged-${fileStamp(now)}-${n}`;
  for (const suffix of ['', ...SIDE_FILES]) {
    const from = file + suffix;
    try {
      fs.renameSync(from, target + suffix);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return target;
}
