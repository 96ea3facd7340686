import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from './index';

describe('migration 2: links exist once', () => {
  function atVersion1() {
    const db = new Database(':memory:');
    migrate(db, ':memory:', { migrations: MIGRATIONS.slice(0, 1) });
    db.exec(`
      INSERT INTO documents (id, title, format, text, blocks, sha256, metadata, imported_at) VALUES (1, 't', 'txt', 'A said B.', '[]', 'x', '{}', 'now');
      INSERT INTO annotations (id, document_id, kind, start_offset, end_offset, exact, prefix, suffix, created_at) VALUES (1, 1, 'attribution', 0, 6, 'A said', '', ' B.', 'now'), (2, 1, 'claim', 7, 9, 'B.', 'A said ', '', 'now');
      INSERT INTO sources (id, name, created_at) VALUES (1, 'A', 'now');
      INSERT INTO links (id, from_id, to_annotation_id) VALUES (10, 1, 2), (11, 1, 2);
      INSERT INTO links (id, from_id, to_source_id) VALUES (12, 1, 1), (13, 1, 1), (14, 1, 1);
    `);
    return db;
  }

  it('keeps the first of each doubled link and drops the rest', () => {
    const db = atVersion1();
    migrate(db, ':memory:');
    expect(db.prepare('SELECT id FROM links ORDER BY id').pluck().all()).toEqual([10, 12]);
  });

  it('refuses a second link between the same two records from then on', () => {
    const db = atVersion1();
    migrate(db, ':memory:');
    expect(() => db.prepare('INSERT INTO links (from_id, to_annotation_id) VALUES (1, 2)').run()).toThrow(/UNIQUE/);
    expect(() => db.prepare('INSERT INTO links (from_id, to_source_id) VALUES (1, 1)').run()).toThrow(/UNIQUE/);
  });
});
