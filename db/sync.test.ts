import { describe, expect, it } from 'vitest';
import { ChangeRecorder } from './changes';
import { openDatabase } from './open';
import { Store } from './store';
import { syncSnapshot } from './sync';

// The local half of the workspace without a server: what the journal seals into, and how pulled
// rows and the writes still waiting are laid together.

function setup() {
  const db = openDatabase(':memory:');
  const store = new Store(db);
  const docId = store.documents.insert({ title: 'T', path: null, format: 'txt', text: 'Hello world. Bye now.', blocks: [], sha256: 'h1', metadata: {} });
  return { db, store, docId };
}

const tagRow = (docId: number, start: number, end: number) => ({
  document_id: docId, kind: 'claim', start_offset: start, end_offset: end, exact: 'x', prefix: '', suffix: '',
  status: 'unverified', credibility: null, note: '', orphan: 0, created_at: 'now', changed_from: null, changed_in_version: null,
});

function write<T>(store: Store, label: string, fn: (rec: ChangeRecorder) => T): T {
  return store.db.transaction(() => {
    store.sync.nextTransaction(label);
    return fn(new ChangeRecorder(store.db, undefined, 'ana'));
  })();
}

describe('the sync journal and outbox', () => {
  it('queues the library on joining, then seals one operation per transaction with its first before and last after', () => {
    const { store, docId } = setup();
    expect(store.sync.join('postgres://ana@h/db', 'ws', 'ana', 'analyst')).toBe(1);
    expect(store.sync.seal()).toBe(1);
    expect(store.sync.outbox(10)[0]!.changes).toMatchObject([{ t: 'documents', b: null, a: { sha256: 'h1', title: 'T' } }]);
    store.sync.acknowledge(store.sync.outbox(10).map((o) => o.uid));

    const id = write(store, 'Tag claim', (rec) => rec.insert('annotations', tagRow(docId, 0, 5)));
    write(store, 'Edit note', (rec) => {
      rec.update('annotations', id, { note: 'one' });
      rec.update('annotations', id, { note: 'two' });
    });
    // Made and unmade before any push: nothing to send.
    write(store, 'Tag claim', (rec) => rec.delete('annotations', rec.insert('annotations', tagRow(docId, 6, 11))));
    expect(store.sync.waiting()).toBe(3);
    expect(store.sync.seal()).toBe(2);
    const ops = store.sync.outbox(10);
    expect(ops.map((o) => o.label)).toEqual(['Tag claim', 'Edit note']);
    expect(ops[1]!.changes).toEqual([
      expect.objectContaining({ t: 'annotations', b: expect.objectContaining({ note: '' }), a: expect.objectContaining({ note: 'two', changed_by: 'ana' }) }),
    ]);
    expect(new Set(ops.map((o) => o.uid)).size).toBe(2);
    expect(store.sync.waiting()).toBe(2);
  });

  it('applies pulled rows by uid, new ones above every id freed here, and lays the waiting writes over them', () => {
    const { db, store, docId } = setup();
    store.sync.join('postgres://ana@h/db', 'ws', 'ana', 'analyst');
    store.sync.acknowledge((store.sync.seal(), store.sync.outbox(10)).map((o) => o.uid));
    const mine = write(store, 'Tag claim', (rec) => rec.insert('annotations', tagRow(docId, 0, 5)));
    const gone = write(store, 'Tag claim', (rec) => rec.insert('annotations', tagRow(docId, 6, 11)));
    write(store, 'Delete', (rec) => rec.delete('annotations', gone));
    store.sync.seal();
    store.sync.acknowledge(store.sync.outbox(10).map((o) => o.uid));
    // A waiting local edit of my tag's note.
    write(store, 'Edit note', (rec) => rec.update('annotations', mine, { note: 'mine, waiting' }));
    const snap = syncSnapshot(db);
    const docUid = Object.keys(snap.documents!)[0]!;
    const myUid = Object.keys(snap.annotations!)[0]!;
    const theirs = { ...snap.annotations![myUid]!, start_offset: 13, end_offset: 16, note: 'theirs', created_by: 'bob' };
    const touched = store.sync.applyPulled(
      [
        { seq: 7, uid: 'op-7', author: 'bob', at: 'now', label: 'x', applied: [{ t: 'annotations', u: 'bob-tag', row: theirs }] },
        { seq: 8, uid: 'op-8', author: 'bob', at: 'now', label: 'y', applied: [{ t: 'annotations', u: myUid, row: { ...snap.annotations![myUid]!, note: 'bob was here', status: 'disputed' } }] },
      ],
      [],
      new Map(),
    );
    expect([...touched.documents]).toEqual([docId]);
    const bobId = store.sync.localId('annotations', 'bob-tag')!;
    expect(bobId).toBeGreaterThan(gone);
    // Bob's status stands, my waiting note is laid over his; the journal did not record the pull.
    expect(db.prepare('SELECT note, status FROM annotations WHERE id = ?').get(mine)).toEqual({ note: 'mine, waiting', status: 'disputed' });
    expect(store.sync.meta().pulled_seq).toBe(8);
    expect(store.sync.waiting()).toBe(1);
    expect(docUid).toBeTruthy();
  });
});
