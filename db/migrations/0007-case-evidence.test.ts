import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from './index';

describe('migration 7: a claim group\'s credibility, dismissed case suggestions', () => {
  function atVersion6() {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, ':memory:', { migrations: MIGRATIONS.slice(0, 6) });
    db.exec(`INSERT INTO cases (id, name, created_at) VALUES (1, 'Call', 'now'), (2, 'Other', 'now');
      INSERT INTO claim_groups (id, case_id, label, created_at) VALUES (1, 1, 'length', 'now');`);
    return db;
  }

  it('adds credibility, empty for existing groups, and allows only 1 to 6', () => {
    const db = atVersion6();
    expect(migrate(db, ':memory:', { migrations: MIGRATIONS.slice(0, 7) })).toEqual({ from: 6, to: 7 });
    expect(db.prepare('SELECT label, credibility FROM claim_groups').get()).toEqual({ label: 'length', credibility: null });
    for (const bad of [0, 7]) expect(() => db.exec(`UPDATE claim_groups SET credibility = ${bad}`), String(bad)).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE claim_groups SET credibility = 'two'")).toThrow(/cannot store TEXT/);
    for (const good of [1, 6]) {
      db.exec(`UPDATE claim_groups SET credibility = ${good}`);
      expect(db.prepare('SELECT credibility FROM claim_groups').pluck().get()).toBe(good);
    }
  });

  it('keeps a dismissal once per case and signature, in a STRICT table that goes with its case', () => {
    const db = atVersion6();
    migrate(db, ':memory:');
    expect((db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'case_dismissals'").get() as { sql: string }).sql).toMatch(/\) STRICT$/);
    db.exec("INSERT INTO case_dismissals (case_id, signature, created_at) VALUES (1, 'inconsistency|count|1:0:9,2:0:9', 'now'), (2, 'inconsistency|count|1:0:9,2:0:9', 'now')");
    expect(() => db.exec("INSERT INTO case_dismissals (case_id, signature, created_at) VALUES (1, 'inconsistency|count|1:0:9,2:0:9', 'now')")).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO case_dismissals (case_id, signature, created_at) VALUES (1, '', 'now')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO case_dismissals (case_id, signature, created_at) VALUES (99, 'x', 'now')")).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("INSERT INTO case_dismissals (case_id, signature, created_at) VALUES ('one', 'x', 'now')")).toThrow(/cannot store TEXT/);
    db.exec('DELETE FROM cases WHERE id = 1');
    expect(db.prepare('SELECT case_id FROM case_dismissals').pluck().all()).toEqual([2]);
  });
});
