import { describe, expect, it } from 'vitest';
import { ChangeRecorder, replay, ReplayConflictError } from './changes';
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

describe('replaying images recorded before a column existed', () => {
  it('fills the missing column with null instead of failing', () => {
    const { db, store, docId } = setup();
    const annotationId = new ChangeRecorder(db).insert('annotations', row(docId, 0, 12));
    const caseId = store.cases.insert('Call', 'now');
    // A claim group deleted before migration 7 added credibility: its image has no such column.
    const old = { case_id: caseId, label: 'Length', created_at: 'now' };
    const changes = [{ table: 'claim_groups' as const, id: 41, before: old, after: null }];
    replay(db, changes, 'undo');
    expect(store.claimGroups.get(41)).toMatchObject({ id: 41, label: 'Length', credibility: null, members: [] });
    const update = [{ table: 'claim_groups' as const, id: 41, before: old, after: { ...old, label: 'Call length' } }];
    replay(db, update, 'redo');
    expect(store.claimGroups.get(41)).toMatchObject({ label: 'Call length', credibility: null });
    void annotationId;
  });
});

describe('replaying a row whose parent another history removed since', () => {
  it('is refused whole, naming what is missing, instead of failing on a foreign key', () => {
    const { db, store, docId } = setup();
    const caseId = store.cases.insert('Call', 'now');
    const rec = new ChangeRecorder(db);
    const claim = rec.insert('annotations', row(docId, 0, 12));
    const group = rec.insert('claim_groups', { case_id: caseId, label: 'x', created_at: 'now', credibility: null });
    const member = rec.insert('claim_group_members', { group_id: group, annotation_id: claim, stance: 'states' });
    // The document's step: the claim deleted with its membership.
    const docStep = new ChangeRecorder(db);
    docStep.delete('claim_group_members', member);
    docStep.delete('annotations', claim);
    // Meanwhile the group is gone (the case's undo).
    db.prepare('DELETE FROM claim_groups WHERE id = ?').run(group);
    const undo = () => db.transaction(() => replay(db, docStep.changes, 'undo'))();
    expect(undo).toThrow(ReplayConflictError);
    expect(undo).toThrow('it would bring back a claim group member whose claim group was removed since');
    // The transaction took back the claim restored before the member was refused.
    expect(store.annotations.get(claim)).toBeNull();
  });
});

describe('replaying over a change made since', () => {
  it('is refused, naming who changed it, instead of overwriting it', () => {
    const { db, docId } = setup();
    const rec = new ChangeRecorder(db, undefined, 'ana');
    const claim = rec.insert('annotations', row(docId, 0, 12));
    const edit = new ChangeRecorder(db, undefined, 'ana');
    edit.update('annotations', claim, { note: 'first' });
    // A teammate's change, pulled into this library since.
    new ChangeRecorder(db, undefined, 'bob').update('annotations', claim, { note: 'bob rewrote it' });
    const undo = () => db.transaction(() => replay(db, edit.changes, 'undo'))();
    expect(undo).toThrow('a tag it touched was changed since by bob; it would overwrite that change, so edit it instead');
    expect(db.prepare('SELECT note FROM annotations WHERE id = ?').pluck().get(claim)).toBe('bob rewrote it');
  });
});
