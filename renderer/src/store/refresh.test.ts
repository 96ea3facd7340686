import { describe, expect, it } from 'vitest';
import type { DocumentRecord, DocumentState, Flag, Source } from '../../../common/domain';
import { applyChanges, EMPTY_STATE, opened, reduce, select } from './documentStore';
import { refreshChanges } from './refresh';
import { annotation } from '../../../test/fixtures/annotation';

const doc = { id: 1, title: 'D', path: null, format: 'txt', chars: 100, importedAt: '', annotationCount: 0, version: 1, text: '', blocks: [], sha256: '', metadata: {} } as unknown as DocumentRecord;
const source: Source = { id: 5, name: 'Ushakov', type: 'person', aliases: [], reliability: 'B', note: '' };
const flag: Flag = { id: 9, documentId: 1, explanation: '', status: 'open', note: '', memberIds: [1, 2] };
const base: DocumentState = {
  annotations: [annotation(1, 'claim', 0, 5), annotation(2, 'claim', 10, 15), annotation(3, 'attribution', 20, 25)],
  links: [],
  flags: [flag],
  sources: [source],
  canUndo: true,
  canRedo: false,
};

describe('reading the open document again', () => {
  it('changes only what differs, keeps the selection and the identity of unchanged rows', () => {
    const state = reduce(reduce(EMPTY_STATE, opened(doc, base)), select(2));
    expect(refreshChanges(state, base)).toBeNull();
    const read: DocumentState = {
      ...base,
      annotations: [base.annotations[0]!, { ...base.annotations[1]!, note: 'from ana', changedBy: 'ana' }, annotation(4, 'claim', 30, 35)],
      flags: [{ ...flag, explanation: 'counts differ' }],
    };
    const changes = refreshChanges(state, read)!;
    expect(changes.annotations.upserted.map((a) => a.id)).toEqual([2, 4]);
    expect(changes.annotations.removed).toEqual([3]);
    const next = reduce(state, applyChanges(changes));
    expect(next.selection.primary).toBe(2);
    expect(next.annotations.map((a) => a.id)).toEqual([1, 2, 4]);
    expect(next.annotations[0]).toBe(state.annotations[0]);
    expect(next.ix.byId.get(2)?.note).toBe('from ana');
    expect(next.flags[0]!.explanation).toBe('counts differ');
    expect(refreshChanges(next, read)).toBeNull();
  });

  it('leaves rows still on their way to the database alone, and drops the selection of a removed row', () => {
    const withPending = reduce(reduce(EMPTY_STATE, opened(doc, base)), applyChanges({
      documentId: 1,
      annotations: { upserted: [annotation(-1, 'claim', 40, 45)], removed: [] },
      links: { upserted: [], removed: [] },
      flags: { upserted: [], removed: [] },
      sources: { upserted: [], removed: [] },
      suggestions: { upserted: [], removed: [] },
      history: null,
    }));
    const state = reduce(withPending, select(3));
    const changes = refreshChanges(state, { ...base, annotations: base.annotations.slice(0, 2), canRedo: true })!;
    expect(changes.annotations.removed).toEqual([3]);
    const next = reduce(state, applyChanges(changes));
    expect(next.annotations.map((a) => a.id)).toEqual([1, 2, -1]);
    expect(next.selection.primary).toBeNull();
    expect(next.history).toEqual({ canUndo: true, canRedo: true });
  });
});
