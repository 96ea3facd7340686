import { describe, expect, it } from 'vitest';
import { ChangeRecorder, replay } from './changes';
import { openDatabase } from './open';
import { Store } from './store';

function setup() {
  const db = openDatabase(':memory:');
  const store = new Store(db);
  const docId = store.documents.insert({ title: 'T', path: null, format: 'txt', text: 'Hello world. Bye.', blocks: [], sha256: 'x', metadata: {} });
  return { db, store, docId };
}

const row = (docId: number, start: number, end: number) => ({
  document_id: docId, kind: 'claim', start_offset: start, end_offset: end, exact: 'x', prefix: '', suffix: '',
  status: 'unverified', credibility: null, note: '', orphan: 0, created_at: 'now',
});

describe('ChangeRecorder and replay', () => {
  it('undoes and redoes inserts, updates and deletes with the same ids', () => {
    const { db, store, docId } = setup();
    const rec = new ChangeRecorder(db);
    const a = rec.insert('annotations', row(docId, 0, 12));
    const b = rec.insert('annotations', row(docId, 13, 17));
    rec.update('annotations', a, { status: 'disputed' });
    rec.delete('annotations', b);
    expect(store.annotations.list(docId).map((x) => [x.id, x.status])).toEqual([[a, 'disputed']]);

    replay(db, rec.changes, 'undo');
    expect(store.annotations.list(docId)).toEqual([]);
    replay(db, rec.changes, 'redo');
    expect(store.annotations.list(docId).map((x) => [x.id, x.status])).toEqual([[a, 'disputed']]);
  });

  it('records nothing for a delete of a row that does not exist', () => {
    const { db } = setup();
    const rec = new ChangeRecorder(db);
    rec.delete('annotations', 999);
    expect(rec.changes).toEqual([]);
  });

  it('refuses tables it does not track', () => {
    const { db } = setup();
    // @ts-expect-error: documents are not undoable
    expect(() => new ChangeRecorder(db).insert('documents', {})).toThrow(/not a tracked table/);
  });
});
