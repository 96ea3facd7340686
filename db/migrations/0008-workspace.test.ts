import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { derivedUid } from '../sync';
import { migrate, MIGRATIONS } from './index';

describe('migration 8: uids, authorship and the sync tables', () => {
  function atVersion7() {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, ':memory:', { migrations: MIGRATIONS.slice(0, 7) });
    db.exec(`
      INSERT INTO documents (id, title, format, text, blocks, sha256, metadata, imported_at) VALUES (1, 't', 'txt', 'A said B.', '[]', 'abc', '{}', 'now');
      INSERT INTO annotations (id, document_id, kind, start_offset, end_offset, exact, prefix, suffix, created_at) VALUES
        (1, 1, 'claim', 7, 8, 'B', '', '', 'now'), (2, 1, 'attribution', 0, 1, 'A', '', '', 'now');
      INSERT INTO links (id, from_id, to_annotation_id) VALUES (1, 2, 1);
      INSERT INTO cases (id, name, created_at) VALUES (1, 'Call', 'now');
      INSERT INTO case_documents (case_id, document_id, position) VALUES (1, 1, 0);`);
    return db;
  }

  it('names every shared row by a uid (derived from what it is where it has a key), and says nobody made the old rows', () => {
    const db = atVersion7();
    expect(migrate(db, ':memory:', { migrations: MIGRATIONS.slice(0, 8) })).toEqual({ from: 7, to: 8 });
    const doc = db.prepare('SELECT uid FROM documents').pluck().get() as string;
    expect(doc).toBe(derivedUid(['documents', 'abc']));
    const [a1, a2] = db.prepare('SELECT uid FROM annotations ORDER BY id').pluck().all() as string[];
    expect(a1).toMatch(/^[0-9a-f-]{36}$/);
    expect(a1).not.toBe(a2);
    expect(db.prepare('SELECT uid FROM links').pluck().get()).toBe(derivedUid(['links', a2!, a1!, null]));
    expect(db.prepare('SELECT uid FROM case_documents').pluck().get()).toMatch(/^[0-9a-f-]{36}$/);
    expect(db.prepare('SELECT created_by, changed_by, changed_at FROM annotations WHERE id = 1').get()).toEqual({ created_by: '', changed_by: '', changed_at: null });
    expect(() => db.exec(`UPDATE annotations SET uid = '${a1}' WHERE id = 2`)).toThrow(/UNIQUE/);
  });

  it('captures nothing until the library joins a workspace, then every change of every shared table', () => {
    const db = atVersion7();
    migrate(db, ':memory:');
    db.exec("UPDATE annotations SET note = 'x' WHERE id = 1");
    expect(db.prepare('SELECT count(*) FROM sync_journal').pluck().get()).toBe(0);
    db.exec('UPDATE sync_meta SET capture = 1, txn = 5');
    db.exec("UPDATE annotations SET note = 'y' WHERE id = 1");
    db.exec('DELETE FROM documents WHERE id = 1');
    const rows = db.prepare('SELECT txn, tbl, old, new FROM sync_journal ORDER BY id').all() as Array<{ txn: number; tbl: string; old: string | null; new: string | null }>;
    expect(rows[0]).toMatchObject({ txn: 5, tbl: 'annotations' });
    expect(JSON.parse(rows[0]!.old!)).toMatchObject({ note: 'x', document_id: derivedUid(['documents', 'abc']) });
    expect(JSON.parse(rows[0]!.new!)).toMatchObject({ note: 'y' });
    // The document's deletion cascades: its tags, their link and its place in the case are journaled too.
    expect(rows.slice(1).map((r) => [r.tbl, r.new]).sort()).toEqual(
      [['annotations', null], ['annotations', null], ['case_documents', null], ['documents', null], ['links', null]].sort(),
    );
    expect(db.prepare('SELECT high FROM sync_high WHERE tbl = ?').pluck().get('annotations')).toBe(2);
  });
});
