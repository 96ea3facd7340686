import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { automaticBackup } from './backup';
import { isCorruptionError, moveAside, parseFileStamp, fileStamp, quickCheck } from './integrity';
import { describeDamage, openDatabase, type DamageReport } from './open';

function tempDb(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-integrity-')), 'claimscope.db');
}

/** A database with one document and enough annotations to span many pages. */
function seed(file: string): void {
  const db = openDatabase(file, { backups: false });
  const doc = Number(
    db
      .prepare("INSERT INTO documents (title, format, text, sha256, imported_at) VALUES ('t', 'text', ?, 'x', 'now')")
      .run('word '.repeat(2000)).lastInsertRowid,
  );
  const ins = db.prepare(
    "INSERT INTO annotations (document_id, kind, start_offset, end_offset, exact, prefix, suffix, created_at) VALUES (?, 'claim', ?, ?, ?, '', '', 'now')",
  );
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) ins.run(doc, i, i + 1, 'x'.repeat(50));
  })();
  db.close();
}

/** Overwrites one b-tree page of `table` with garbage: the kind of damage quick_check finds. */
function corruptTable(file: string, table: string): void {
  const db = new Database(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
}

describe('integrity on open', () => {
  it('a healthy database passes quick_check and is opened as it is', () => {
    const file = tempDb();
    seed(file);
    const reports: DamageReport[] = [];
    const db = openDatabase(file, { onDamaged: (r) => reports.push(r) });
    expect(quickCheck(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(2000);
    db.close();
    expect(reports).toEqual([]);
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('damaged'))).toEqual([]);
  });

  it('a file that is not a database is moved aside byte for byte, a fresh one opened and the caller told the path', () => {
    const file = tempDb();
    const garbage = Buffer.from('This is a shopping list, not a database.\n'.repeat(200));
    fs.writeFileSync(file, garbage);
    const reports: DamageReport[] = [];
    const db = openDatabase(file, { onDamaged: (r) => reports.push(r) });
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
    db.close();
    expect(reports).toHaveLength(1);
    const r = reports[0]!;
    expect(r.file).toBe(path.resolve(file));
    expect(r.movedTo).toMatch(/claimscope\.db\.damaged-\d{4}-\d{2}-\d{2}T[\d-]+Z$/);
    expect(fs.readFileSync(r.movedTo)).toEqual(garbage);
    expect(describeDamage(r)).toContain(r.movedTo);
  });

  it('a database with a damaged page fails quick_check: moved aside with its WAL, never deleted', () => {
    const file = tempDb();
    seed(file);
    // An earlier backup exists: the report points at it.
    const d = openDatabase(file, { backups: false });
    const backup = automaticBackup(d, file, 'daily');
    d.close();
    corruptTable(file, 'annotations');
    const before = fs.readFileSync(file);
    fs.writeFileSync(file + '-wal', ''); // a leftover WAL travels with its database
    const reports: DamageReport[] = [];
    const db = openDatabase(file, { onDamaged: (r) => reports.push(r) });
    expect(db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(0);
    db.close();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.problem).not.toBe('');
    expect(reports[0]!.latestBackup).toBe(backup);
    expect(fs.readFileSync(reports[0]!.movedTo)).toEqual(before);
    expect(fs.existsSync(reports[0]!.movedTo + '-wal')).toBe(true);
    // And the backup is healthy.
    const b = new Database(backup, { readonly: true });
    expect(quickCheck(b)).toEqual([]);
    expect(b.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(2000);
    b.close();
  });

  it('without a callback it says so in one line on stderr', () => {
    const file = tempDb();
    fs.writeFileSync(file, 'not a database at all, not even close'.repeat(100));
    const lines: string[] = [];
    const original = console.error;
    console.error = (msg: string) => lines.push(msg);
    try {
      openDatabase(file).close();
    } finally {
      console.error = original;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^claimscope: .*claimscope\.db was damaged .*moved to .*\.damaged-/);
  });

  it('a database busy in another connection is not damage: the error is thrown and nothing is moved', () => {
    const file = tempDb();
    seed(file);
    const holder = new Database(file);
    holder.pragma('journal_mode = DELETE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      expect(() => openDatabase(file, { busyTimeoutMs: 50, onDamaged: () => { throw new Error('must not be called'); } })).toThrow(
        /locked|busy/i,
      );
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('damaged'))).toEqual([]);
    expect(isCorruptionError({ code: 'SQLITE_BUSY' })).toBe(false);
    expect(isCorruptionError({ code: 'SQLITE_CORRUPT_INDEX' })).toBe(true);
    expect(isCorruptionError({ code: 'SQLITE_NOTADB' })).toBe(true);
  });

  it('moveAside never overwrites an earlier damaged copy', () => {
    const file = tempDb();
    const now = new Date('2026-03-01T10:00:00.000Z');
    fs.writeFileSync(file, 'one');
    const first = moveAside(file, now);
    fs.writeFileSync(file, 'two');
    const second = moveAside(file, now);
    expect(second).not.toBe(first);
    expect(fs.readFileSync(first, 'utf8')).toBe('one');
    expect(fs.readFileSync(second, 'utf8')).toBe('two');
    expect(parseFileStamp(fileStamp(now))).toEqual(now);
  });
});

describe('a database that cannot be made', () => {
  it('says which path and what to do when a file stands where its folder should be', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-nodir-'));
    fs.writeFileSync(path.join(dir, 'not-a-folder'), 'x');
    const file = path.join(dir, 'not-a-folder', 'claimscope.db');
    expect(() => openDatabase(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} cannot be created: something in its path is a file, not a folder; choose another path with --db$`));
  });
});
