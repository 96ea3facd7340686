import { describe, expect, it } from 'vitest';
import type { Annotation, ChangeSet, DocumentRecord } from '../../../common/domain';
import { applyChanges, EMPTY_STATE, opened, reduce, select } from '../store/documentStore';
import { editorUpdates, editorViews } from './followStore';
import { annotation } from '../../../test/fixtures/annotation';

// The editor follows the store: what it draws on open, and the plugin actions for each change.

const ann = (id: number, start: number, extra: Partial<Annotation> = {}): Annotation => annotation(id, 'claim', start, start + 5, { exact: '', ...extra });
const doc = { id: 1, text: '', blocks: [] } as unknown as DocumentRecord;
const none = { upserted: [], removed: [] };
const cs = (parts: Partial<ChangeSet>): ChangeSet => ({ documentId: 1, annotations: none, links: none, flags: none, sources: none, suggestions: none, history: null, ...parts });

describe('the editor following the store', () => {
  const open = reduce(EMPTY_STATE, opened(doc, { annotations: [ann(1, 0), ann(2, 10), ann(3, 20, { orphan: true })], links: [], flags: [], sources: [], canUndo: false, canRedo: false }));

  it('draws every annotation but orphans on open', () => {
    expect(editorViews(open).map((v) => v.id)).toEqual([1, 2]);
  });

  it('adds, moves and removes what a change set touches, and marks flagged claims', () => {
    const next = reduce(open, applyChanges(cs({ annotations: { upserted: [ann(4, 30), ann(2, 12)], removed: [1] } })));
    expect(editorUpdates(open, next)).toEqual([
      { type: 'remove', id: 1 },
      { type: 'add', annotation: { id: 4, kind: 'claim', start: 30, end: 35, flagged: false, status: 'unverified' } },
      { type: 'add', annotation: { id: 2, kind: 'claim', start: 12, end: 17, flagged: false, status: 'unverified' } },
    ]);
    const flagged = reduce(next, applyChanges(cs({ flags: { upserted: [{ id: 9, documentId: 1, explanation: '', status: 'open', note: '', memberIds: [2, 4] }], removed: [] } })));
    expect(editorUpdates(next, flagged).map((u) => (u.type === 'add' ? [u.annotation.id, u.annotation.flagged] : u.type))).toEqual([
      [2, true],
      [4, true],
    ]);
    const dissolved = reduce(flagged, applyChanges(cs({ flags: { upserted: [], removed: [9] } })));
    expect(editorUpdates(flagged, dissolved).map((u) => (u.type === 'add' ? [u.annotation.id, u.annotation.flagged] : u.type))).toEqual([
      [2, false],
      [4, false],
    ]);
  });

  it('follows the selection; a state it did not see step by step, or another document, is drawn afresh', () => {
    const selected = reduce(open, select(2));
    expect(editorUpdates(open, selected)).toEqual([{ type: 'select', id: 2 }]);
    const one = reduce(selected, applyChanges(cs({ annotations: { upserted: [ann(5, 40)], removed: [] } })));
    const two = reduce(one, applyChanges(cs({ annotations: { upserted: [ann(6, 50)], removed: [] } })));
    expect(editorUpdates(selected, two)).toEqual([{ type: 'reset' }]);
    expect(editorUpdates(two, two)).toEqual([]);
    const other = reduce(two, opened({ ...doc }, { annotations: [], links: [], flags: [], sources: [], canUndo: false, canRedo: false }));
    expect(editorUpdates(two, other)).toEqual([{ type: 'reset' }, { type: 'select', id: null }]);
  });
});
