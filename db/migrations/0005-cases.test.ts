import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from './index';

describe('migration 5: cases, claim groups, hypotheses', () => {
  function atVersion4() {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, ':memory:', { migrations: MIGRATIONS.slice(0, 4) });
    db.exec(`INSERT INTO documents (id, title, format, text, blocks, sha256, metadata, imported_at) VALUES (1, 't', 'txt', 'A said B.', '[]', 'x', '{}', 'now'), (2, 'u', 'txt', 'C said D.', '[]', 'y', '{}', 'now');
      INSERT INTO annotations (id, document_id, kind, start_offset, end_offset, exact, prefix, suffix, created_at) VALUES (1, 1, 'claim', 0, 9, 'A said B.', '', '', 'now'), (2, 2, 'claim', 0, 9, 'C said D.', '', '', 'now');
      INSERT INTO operations (document_id, label, changes, created_at) VALUES (1, 'Tag claim', '[]', 'now');`);
    return db;
  }

  it('adds STRICT tables and a case column to the operation log, which keeps its rows', () => {
    const db = atVersion4();
    expect(migrate(db, ':memory:', { migrations: MIGRATIONS.slice(0, 5) })).toEqual({ from: 4, to: 5 });
    for (const t of ['cases', 'case_documents', 'claim_groups', 'claim_group_members', 'hypotheses', 'ach_marks']) {
      expect((db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(t) as { sql: string }).sql, t).toMatch(/\) STRICT$/);
    }
    expect(db.prepare('SELECT document_id, case_id FROM operations').all()).toEqual([{ document_id: 1, case_id: null }]);
  });

  it('holds unique case names, a document once per case (in several cases), one membership per group and claim', () => {
    const db = atVersion4();
    migrate(db, ':memory:');
    db.exec("INSERT INTO cases (id, name, created_at) VALUES (1, 'Call', 'now'), (2, 'Other', 'now')");
    expect(() => db.exec("INSERT INTO cases (name, created_at) VALUES ('call', 'now')")).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO cases (name, created_at) VALUES ('  ', 'now')")).toThrow(/CHECK/);
    db.exec('INSERT INTO case_documents (case_id, document_id, position) VALUES (1, 1, 0), (1, 2, 1), (2, 1, 0)');
    expect(() => db.exec('INSERT INTO case_documents (case_id, document_id, position) VALUES (1, 1, 2)')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.exec('INSERT INTO case_documents (case_id, document_id, position) VALUES (1, 99, 2)')).toThrow(/FOREIGN KEY/);
    db.exec("INSERT INTO claim_groups (id, case_id, label, created_at) VALUES (1, 1, 'length', 'now')");
    db.exec("INSERT INTO claim_group_members (group_id, annotation_id, stance) VALUES (1, 1, 'states'), (1, 2, 'contradicts')");
    expect(() => db.exec("INSERT INTO claim_group_members (group_id, annotation_id, stance) VALUES (1, 1, 'contradicts')")).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO claim_group_members (group_id, annotation_id, stance) VALUES (1, 1, 'maybe')")).toThrow(/CHECK/);
    db.exec("INSERT INTO hypotheses (id, case_id, label, position, created_at) VALUES (1, 1, 'Staged', 0, 'now')");
    db.exec("INSERT INTO ach_marks (hypothesis_id, group_id, mark) VALUES (1, 1, 'inconsistent')");
    expect(() => db.exec("INSERT INTO ach_marks (hypothesis_id, group_id, mark) VALUES (1, 1, 'consistent')")).toThrow(/UNIQUE/);
    db.exec("INSERT INTO operations (case_id, label, changes, created_at) VALUES (1, 'Group claims', '[]', 'now')");
  });

  it('cascades: a deleted claim leaves its groups, a deleted document its cases, a deleted case everything of its own', () => {
    const db = atVersion4();
    migrate(db, ':memory:');
    db.exec(`INSERT INTO cases (id, name, created_at) VALUES (1, 'Call', 'now');
      INSERT INTO case_documents (case_id, document_id, position) VALUES (1, 1, 0), (1, 2, 1);
      INSERT INTO claim_groups (id, case_id, created_at) VALUES (1, 1, 'now');
      INSERT INTO claim_group_members (group_id, annotation_id) VALUES (1, 1), (1, 2);
      INSERT INTO hypotheses (id, case_id, label, position, created_at) VALUES (1, 1, 'H', 0, 'now');
      INSERT INTO ach_marks (hypothesis_id, group_id, mark) VALUES (1, 1, 'consistent');
      INSERT INTO operations (case_id, label, changes, created_at) VALUES (1, 'Group claims', '[]', 'now');`);
    db.exec('DELETE FROM annotations WHERE id = 2');
    expect(db.prepare('SELECT annotation_id FROM claim_group_members').pluck().all()).toEqual([1]);
    db.exec('DELETE FROM documents WHERE id = 2');
    expect(db.prepare('SELECT document_id FROM case_documents').pluck().all()).toEqual([1]);
    db.exec('DELETE FROM cases WHERE id = 1');
    for (const t of ['case_documents', 'claim_groups', 'claim_group_members', 'hypotheses', 'ach_marks']) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);
    expect(db.prepare('SELECT count(*) FROM operations WHERE case_id IS NOT NULL').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
  });
});
