import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  automaticBackup,
  backupAsync,
  backupsDir,
  dailyBackupDue,
  KEEP_BACKUPS,
  listBackups,
  pruneBackups,
} from './backup';
import { inspectBackup, restoreDatabase } from './restore';
import { fileStamp } from './integrity';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { openDatabase, type DB } from './open';

function tempDb(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-backup-')), 'claimscope.db');
}

function addDocument(db: DB, title: string): number {
  return Number(
    db.prepare("INSERT INTO documents (title, format, text, sha256, imported_at) VALUES (?, 'text', 'Some text.', ?, 'now')").run(title, title)
      .lastInsertRowid,
  );
}

function titles(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT title FROM documents ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('automatic backups', () => {
  it('are taken on the first open of a day (not of an empty database), once a day, into backups/', () => {
    const file = tempDb();
    openDatabase(file).close();
    expect(listBackups(file)).toEqual([]); // nothing to protect yet
    const db = openDatabase(file);
    addDocument(db, 'first');
    db.close();
    openDatabase(file).close();
    const taken = listBackups(file);
    expect(taken).toHaveLength(1);
    expect(path.dirname(taken[0]!.path)).toBe(backupsDir(file));
    expect(path.basename(taken[0]!.path)).toMatch(/^claimscope-\d{4}-\d{2}-\d{2}T[\d-]+Z\.db$/);
    expect(taken[0]!.reason).toBe('daily');
    expect(titles(taken[0]!.path)).toEqual(['first']);
    openDatabase(file).close();
    expect(listBackups(file)).toHaveLength(1); // same day: no second one
    expect(dailyBackupDue(file)).toBe(false);
    expect(dailyBackupDue(file, new Date(Date.now() + 36 * 3600 * 1000))).toBe(true);
  });

  it('are taken before a migration, of the database as it was; a new database needs none', () => {
    const seen: number[] = [];
    const fresh = tempDb();
    openDatabase(fresh, { beforeMigrating: (_db, from) => seen.push(from) }).close();
    expect(seen).toEqual([0]);
    expect(listBackups(fresh)).toEqual([]);

    const file = tempDb();
    const db = openDatabase(file, { backups: false });
    addDocument(db, 'old schema');
    db.close();
    const next = SCHEMA_VERSION + 1;
    const migrations = [...MIGRATIONS, { version: next, name: 'test', up: (d: DB) => d.exec('CREATE TABLE extra (x INTEGER) STRICT') }];
    const migrated = openDatabase(file, { migrations, beforeMigrating: (_db, from) => seen.push(from) });
    expect(migrated.pragma('user_version', { simple: true })).toBe(next);
    migrated.close();
    expect(seen).toEqual([0, SCHEMA_VERSION]);
    const backups = listBackups(file);
    expect(backups.map((b) => b.reason)).toEqual([`before-v${next}`]); // and it counts as today's
    const copy = new Database(backups[0]!.path, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(copy.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").pluck().get()).toBe(0);
    copy.close();
    expect(titles(backups[0]!.path)).toEqual(['old schema']);
  });

  it('keep the last 7 and clear temporary files a crash left behind', () => {
    const file = tempDb();
    const db = openDatabase(file, { backups: false });
    addDocument(db, 'doc');
    const start = Date.parse('2026-01-01T08:00:00.000Z');
    const made: string[] = [];
    for (let day = 0; day < 10; day++) made.push(automaticBackup(db, file, 'daily', new Date(start + day * 86_400_000)));
    db.close();
    const kept = listBackups(file).map((b) => b.path);
    expect(kept).toEqual(made.slice(-KEEP_BACKUPS));
    const leftover = path.join(backupsDir(file), 'claimscope-x.db.tmp-123-abc');
    fs.writeFileSync(leftover, 'partial');
    const old = (Date.now() - 2 * 3600 * 1000) / 1000;
    fs.utimesSync(leftover, old, old);
    const manual = path.join(backupsDir(file), `claimscope-${fileStamp()}-manual.db`);
    fs.writeFileSync(manual, '');
    pruneBackups(file);
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.existsSync(manual)).toBe(true); // on-demand backups are the analyst's to delete
  });
});

describe('restore', () => {
  async function withBackup() {
    const file = tempDb();
    const db = openDatabase(file, { backups: false });
    addDocument(db, 'kept in the backup');
    const backup = await backupAsync(db, path.join(path.dirname(file), 'saved.db'));
    addDocument(db, 'added after the backup');
    return { file, db, backup };
  }

  it('checks the backup, saves the current database first, then swaps the file in', async () => {
    const { file, db, backup } = await withBackup();
    expect(inspectBackup(backup)).toMatchObject({ schemaVersion: SCHEMA_VERSION, documents: 1 });
    const result = await restoreDatabase(db, backup);
    expect(db.open).toBe(false);
    expect(fs.existsSync(file + '-wal')).toBe(false);
    expect(result).toMatchObject({ database: path.resolve(file), restored: path.resolve(backup), documents: 1 });
    expect(titles(file)).toEqual(['kept in the backup']);
    expect(titles(result.previous)).toEqual(['kept in the backup', 'added after the backup']);
    const reopened = openDatabase(file);
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
    reopened.close();
  });

  it('refuses while another connection has the database open, leaving it untouched', async () => {
    const { file, db, backup } = await withBackup();
    const other = openDatabase(file, { backups: false });
    await expect(restoreDatabase(db, backup)).rejects.toThrow(/another program has this database open .*; close it and run restore again/);
    other.close();
    expect(titles(file)).toEqual(['kept in the backup', 'added after the backup']);
    if (db.open) db.close();
  });

  it('refuses what is not a healthy Claimscope backup, naming the file', async () => {
    const { file, db } = await withBackup();
    const dir = path.dirname(file);
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'hello'.repeat(200));
    await expect(restoreDatabase(db, text)).rejects.toThrow(/notes\.txt: not a Claimscope database/);
    const other = path.join(dir, 'other.db');
    const o = new Database(other);
    o.exec('CREATE TABLE x (y)');
    o.close();
    expect(() => inspectBackup(other)).toThrow(/other\.db: not a Claimscope database/);
    const newer = path.join(dir, 'newer.db');
    await backupAsync(db, newer);
    const n = new Database(newer);
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    n.close();
    expect(() => inspectBackup(newer)).toThrow(/newer Claimscope/);
    expect(() => inspectBackup(path.join(dir, 'missing.db'))).toThrow(/missing\.db: no such file/);
    await expect(restoreDatabase(db, file)).rejects.toThrow(/that is the database itself/);
    expect(titles(file)).toEqual(['kept in the backup', 'added after the backup']);
    db.close();
  });
});

describe('a backup that cannot be written', () => {
  it('does not stop the database opening (daily), but does stop a migration', () => {
    const file = tempDb();
    const db = openDatabase(file, { backups: false });
    addDocument(db, 'doc');
    db.close();
    fs.writeFileSync(backupsDir(file), 'a file where the backups folder should be');
    const lines: string[] = [];
    const original = console.error;
    console.error = (m: string) => lines.push(m);
    try {
      const opened = openDatabase(file);
      expect(opened.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
      opened.close();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^claimscope: could not write today's backup of .*claimscope\.db/);
      const migrations = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'x', up: (d: DB) => d.exec('CREATE TABLE x (y INTEGER) STRICT') }];
      expect(() => openDatabase(file, { migrations })).toThrow();
      const check = new Database(file, { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION); // not migrated
      check.close();
    } finally {
      console.error = original;
    }
  });
});
