import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ChangeRecorder } from '../changes';
import { toChangeSet } from '../changeset';
import { migrate } from '../migrations';
import { Store } from '../store';
import { assessmentFromChange } from './assessments';

function store() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, ':memory:');
  db.exec(`INSERT INTO documents (id, title, format, text, blocks, sha256, metadata, imported_at) VALUES (1, 't', 'txt', 'A said B.', '[]', 'x', '{}', 'now'), (2, 'u', 'txt', 'C.', '[]', 'y', '{}', 'now');`);
  return new Store(db);
}

describe('the assessments repository', () => {
  it('reads a document’s assessment, none before one is written, and moves it to a new version', () => {
    const s = store();
    expect(s.assessments.forDocument(1)).toBeNull();
    const rec = new ChangeRecorder(s.db);
    const id = rec.insert('assessments', { document_id: 1, verdict: 'mixed', summary: 'Half holds.', updated_at: '2025-07-23T10:00:00.000Z' });
    const expected = { id, documentId: 1, verdict: 'mixed', summary: 'Half holds.', updatedAt: '2025-07-23T10:00:00.000Z' };
    expect(s.assessments.forDocument(1)).toEqual(expected);
    // The change's after image maps to the same record the table reads back.
    expect(assessmentFromChange(id, rec.changes[0]!.after!)).toEqual(expected);
    s.assessments.moveToDocument(1, 2);
    expect(s.assessments.forDocument(1)).toBeNull();
    expect(s.assessments.forDocument(2)).toEqual({ ...expected, documentId: 2 });
  });

  it('answers a write with the assessment of the document written in, and only its id for another', () => {
    const s = store();
    const rec = new ChangeRecorder(s.db);
    const mine = rec.insert('assessments', { document_id: 1, verdict: 'false', summary: '', updated_at: 'now' });
    const theirs = rec.insert('assessments', { document_id: 2, verdict: 'reliable', summary: '', updated_at: 'now' });
    const set = toChangeSet(s, 1, rec.changes);
    expect(set.assessments).toEqual({ upserted: [expect.objectContaining({ id: mine, verdict: 'false' })], removed: [theirs] });
  });
});

describe('the settings repository', () => {
  it('reads defaults before anything is written, then what was written, key by key', () => {
    const s = store();
    expect(s.settings.all()).toEqual({ analystName: '' });
    s.settings.update({ analystName: 'Jana Müller' }, '2025-07-23T10:00:00.000Z');
    expect(s.settings.all()).toEqual({ analystName: 'Jana Müller' });
    s.settings.update({}, 'later');
    expect(s.settings.all()).toEqual({ analystName: 'Jana Müller' });
    s.settings.update({ analystName: '' }, 'later');
    expect(s.settings.all()).toEqual({ analystName: '' });
    // A key this version does not know (a newer app wrote it) is ignored, not shown.
    s.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('theme', 'dark', 'now')").run();
    expect(s.settings.all()).toEqual({ analystName: '' });
  });
});
