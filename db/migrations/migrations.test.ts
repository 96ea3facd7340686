import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../open';
import { checkRegistry, DatabaseTooNewError, migrate, MIGRATIONS, SCHEMA_VERSION } from './index';

describe('migrations', () => {
  it('version 1 creates every table of the design, all STRICT', () => {
    const db = new Database(':memory:');
    expect(migrate(db, ':memory:')).toEqual({ from: 0, to: SCHEMA_VERSION });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string; sql: string }>;
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['annotations', 'documents', 'flag_members', 'flags', 'links', 'operations', 'sources', 'suggestions']),
    );
    for (const t of tables) expect(t.sql, t.name).toMatch(/\) STRICT$/);
  });

  it('is idempotent: a second run does nothing', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:');
    expect(migrate(db, ':memory:')).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
  });

  it('refuses a database written by a newer app, naming the file', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    expect(() => migrate(db, '/data/claimscope.db')).toThrow(DatabaseTooNewError);
    expect(() => migrate(db, '/data/claimscope.db')).toThrow(/\/data\/claimscope\.db: .*newer Claimscope/);
  });

  it('rolls a failing migration back whole, leaving the version where it was', () => {
    const db = new Database(':memory:');
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE half (x INTEGER) STRICT; SELECT nonsense FROM nowhere;') }];
    expect(() => migrate(db, ':memory:', { migrations: broken })).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
  });

  it('checks that versions only go up by one', () => {
    expect(() => checkRegistry([{ version: 2, name: 'x', up: () => {} }])).toThrow(/expected 1/);
  });

  it('opens a file with WAL, foreign keys and the busy timeout, and runs the hook before migrating', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cs-db-')), 'sub', 'c.db');
    const seen: number[] = [];
    const db = openDatabase(file, { beforeMigrating: (_db, from) => seen.push(from) });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(seen).toEqual([0]);
    db.close();
    openDatabase(file, { beforeMigrating: (_db, from) => seen.push(from) }).close();
    expect(seen).toEqual([0]);
  });

  it('uses the annotation index to list a document’s annotations', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:');
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM annotations WHERE document_id = ? ORDER BY start_offset, id').all(1) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX annotations_document/);
  });
});
