import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from './index';

describe('migration 4: settings and document assessments', () => {
  function atVersion3() {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, ':memory:', { migrations: MIGRATIONS.slice(0, 3) });
    db.exec(`INSERT INTO documents (id, title, format, text, blocks, sha256, metadata, imported_at) VALUES (1, 't', 'txt', 'A said B.', '[]', 'x', '{}', 'now'), (2, 'u', 'txt', 'C.', '[]', 'y', '{}', 'now');`);
    return db;
  }

  it('adds both tables, STRICT, to a database with documents, which keep theirs untouched', () => {
    const db = atVersion3();
    expect(migrate(db, ':memory:', { migrations: MIGRATIONS.slice(0, 4) })).toEqual({ from: 3, to: 4 });
    const sql = (name: string) => (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) as { sql: string }).sql;
    expect(sql('settings')).toMatch(/\) STRICT$/);
    expect(sql('assessments')).toMatch(/\) STRICT$/);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2);
    expect(db.prepare('SELECT count(*) FROM assessments').pluck().get()).toBe(0);
  });

  it('holds one assessment per document with a known verdict, gone with its document', () => {
    const db = atVersion3();
    migrate(db, ':memory:');
    db.prepare("INSERT INTO assessments (document_id, verdict, summary, updated_at) VALUES (1, 'misleading', 'Counts disagree.', 'now')").run();
    expect(() => db.prepare("INSERT INTO assessments (document_id, verdict, updated_at) VALUES (1, 'mixed', 'now')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO assessments (document_id, verdict, updated_at) VALUES (2, 'fake news', 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO assessments (document_id, verdict, updated_at) VALUES (99, 'mixed', 'now')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO assessments (document_id, updated_at) VALUES (2, 'now')").run();
    expect(db.prepare('SELECT verdict, summary FROM assessments WHERE document_id = 2').get()).toEqual({ verdict: 'unassessed', summary: '' });
    db.prepare('DELETE FROM documents WHERE id = 1').run();
    expect(db.prepare('SELECT document_id FROM assessments').pluck().all()).toEqual([2]);
  });

  it('keeps one value per setting key', () => {
    const db = atVersion3();
    migrate(db, ':memory:');
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('analystName', 'A', 'now')").run();
    expect(() => db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('analystName', 'B', 'now')").run()).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
