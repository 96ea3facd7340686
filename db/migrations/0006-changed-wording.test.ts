import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from './index';

describe('migration 6: a tag remembers the words a new version changed', () => {
  it('adds the two columns, empty for every existing tag, and allows only a version from 2', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, ':memory:', { migrations: MIGRATIONS.slice(0, 5) });
    db.exec(`INSERT INTO documents (id, title, format, text, blocks, sha256, metadata, imported_at) VALUES (1, 't', 'txt', 'A said B.', '[]', 'x', '{}', 'now');
      INSERT INTO annotations (id, document_id, kind, start_offset, end_offset, exact, prefix, suffix, created_at) VALUES (1, 1, 'claim', 0, 9, 'A said B.', '', '', 'now');`);
    expect(migrate(db, ':memory:', { migrations: MIGRATIONS.slice(0, 6) })).toEqual({ from: 5, to: 6 });
    expect(db.prepare('SELECT exact, changed_from, changed_in_version FROM annotations').get()).toEqual({ exact: 'A said B.', changed_from: null, changed_in_version: null });
    expect(() => db.exec("UPDATE annotations SET changed_from = 'x', changed_in_version = 1")).toThrow(/CHECK/);
    db.exec("UPDATE annotations SET changed_from = 'A said C.', changed_in_version = 2");
  });
});
