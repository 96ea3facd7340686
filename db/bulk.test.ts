import { describe, expect, it } from 'vitest';
import { insertMany } from './bulk';
import { replay, type Change } from './changes';
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

describe('insertMany', () => {
  it('inserts rows in order in one transaction and returns their ids', () => {
    const { db, store, docId } = setup();
    const ids = insertMany(db, 'annotations', [row(docId, 0, 12), row(docId, 13, 17)]);
    expect(ids).toHaveLength(2);
    expect(store.annotations.list(docId).map((a) => [a.id, a.start, a.end])).toEqual([
      [ids[0], 0, 12],
      [ids[1], 13, 17],
    ]);
  });

  it('writes nothing when one row is refused', () => {
    const { db, store, docId } = setup();
    expect(() => insertMany(db, 'annotations', [row(docId, 0, 12), row(docId, 5, 5)])).toThrow(/CHECK/);
    expect(store.annotations.list(docId)).toEqual([]);
  });

  it('hands back after images that undo and redo like recorded changes', () => {
    const { db, store, docId } = setup();
    const changes: Change[] = [];
    insertMany(db, 'annotations', [row(docId, 0, 12), row(docId, 13, 17)], changes);
    expect(changes.map((c) => c.before)).toEqual([null, null]);
    replay(db, changes, 'undo');
    expect(store.annotations.list(docId)).toEqual([]);
    replay(db, changes, 'redo');
    expect(store.annotations.list(docId).map((a) => a.id)).toEqual(changes.map((c) => c.id));
  });
});
