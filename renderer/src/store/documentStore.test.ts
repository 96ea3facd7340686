import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assessment, ChangeSet, DocumentRecord, DocumentState, Flag, Link, Source, StoredSuggestion } from '../../../common/domain';
import { applyChanges, createDocumentStore, EMPTY_STATE, opened, reduce, select, type DocState } from './documentStore';
import { buildIndexes, type Indexes } from './indexes';
import { Layered } from './layered';
import { annotation } from '../../../test/fixtures/annotation';

/** Indexes as plain maps, to compare what they hold however they are layered. */
const plain = (ix: Indexes) => Object.fromEntries(Object.entries(ix).map(([k, v]) => [k, v instanceof Layered ? new Map(v.entries()) : v]));

const ann = annotation;
const source = (id: number, name: string): Source => ({ id, name, type: 'person', aliases: [], reliability: 'F', note: '' });
const link = (id: number, fromId: number, to: { a?: number; s?: number }): Link => ({ id, fromId, toAnnotationId: to.a ?? null, toSourceId: to.s ?? null });
const flag = (id: number, memberIds: number[]): Flag => ({ id, documentId: 1, explanation: '', status: 'open', note: '', memberIds });
const suggestion = (id: number, state: StoredSuggestion['state'] = 'pending'): StoredSuggestion => ({
  id,
  state,
  suggestion: { type: 'claim', score: 0.9, span: { start: 0, end: 5, text: 'text' } },
});

const doc = (id = 1): DocumentRecord => ({
  id,
  title: `Document ${id}`,
  path: null,
  format: 'txt',
  chars: 100,
  importedAt: '',
  annotationCount: 0,
  version: 1,
  previousId: null,
  text: 'x'.repeat(100),
  blocks: [],
  sha256: '',
  metadata: {},
});

/** A change set of document 1 with only what is given; history left as it is unless given. */
function changes(parts: Partial<{ [K in 'annotations' | 'links' | 'flags' | 'sources' | 'suggestions']: Partial<ChangeSet[K]> }> & { history?: ChangeSet['history']; documentId?: number | null } = {}): ChangeSet {
  const delta = <T,>(d?: Partial<{ upserted: T[]; removed: number[] }>) => ({ upserted: d?.upserted ?? [], removed: d?.removed ?? [] });
  return {
    documentId: parts.documentId === undefined ? 1 : parts.documentId,
    annotations: delta(parts.annotations),
    links: delta(parts.links),
    flags: delta(parts.flags),
    sources: delta(parts.sources),
    suggestions: delta(parts.suggestions),
    history: parts.history ?? null,
  };
}

/**
 * Claims 1 (sixth), 3 (five), 4; attribution 2 citing Ushakov and covering claim 1; a flag over
 * claims 1 and 3; claim 4 unsourced.
 */
function openSeed(): DocState {
  const state: DocumentState = {
    annotations: [ann(3, 'claim', 40, 50), ann(1, 'claim', 0, 10), ann(2, 'attribution', 12, 30), ann(4, 'claim', 60, 70)],
    links: [link(11, 2, { s: 7 }), link(12, 2, { a: 1 })],
    flags: [flag(21, [1, 3])],
    sources: [source(7, 'Yury Ushakov')],
    canUndo: true,
    canRedo: false,
  };
  return reduce(EMPTY_STATE, opened(doc(), state));
}

const ids = (rows: readonly { id: number }[]) => rows.map((r) => r.id);

describe('the document store', () => {
  it('opens a document: records in the database’s order, indexes, history, no selection', () => {
    const s = openSeed();
    expect(ids(s.annotations)).toEqual([1, 2, 3, 4]);
    expect([s.ix.claims, s.ix.attributions, s.ix.unsourced]).toEqual([3, 1, 2]);
    expect(s.ix.flagsOf.get(3)?.map((f) => f.id)).toEqual([21]);
    expect(s.history).toEqual({ canUndo: true, canRedo: false });
    expect(s.selection.primary).toBeNull();
  });

  it('upserts: a new annotation goes in at its place, a changed one replaces its row; the editor redraws both', () => {
    let s = openSeed();
    const rev = s.redraw.rev;
    s = reduce(s, applyChanges(changes({ annotations: { upserted: [ann(5, 'claim', 20, 25)] }, links: { upserted: [link(13, 2, { a: 5 })] } })));
    expect(ids(s.annotations)).toEqual([1, 2, 5, 3, 4]);
    expect(s.ix.byId.get(5)?.start).toBe(20);
    expect(s.ix.claimsOf.get(2)).toEqual([1, 5]);
    expect([s.ix.claims, s.ix.unsourced]).toEqual([4, 2]);
    expect(s.redraw).toEqual({ rev: rev + 1, ids: [5] });

    const disputed = ann(3, 'claim', 40, 50, { status: 'disputed' });
    s = reduce(s, applyChanges(changes({ annotations: { upserted: [disputed] } })));
    expect(s.annotations.find((a) => a.id === 3)).toBe(disputed);
    expect(s.ix.byId.get(3)).toBe(disputed);
    expect(s.annotations).toHaveLength(5);
  });

  it('removes what the change set removes, and nothing else; ids it does not hold are ignored', () => {
    let s = openSeed();
    s = reduce(s, applyChanges(changes({ links: { removed: [12, 999] }, annotations: { removed: [998] } })));
    expect(ids(s.links)).toEqual([11]);
    expect(s.ix.claimsOf.get(2)).toBeUndefined();
    expect(s.ix.unsourced).toBe(3);
    expect(s.annotations).toHaveLength(4);
  });

  it('removing an annotation drops its links and flag memberships as the change set says, and the selection', () => {
    let s = openSeed();
    s = reduce(s, select(1));
    s = reduce(s, select(3, true));
    const rev = s.redraw.rev;
    // Deleting claim 1: its link from the attribution goes, its flag (left with one claim) dissolves.
    s = reduce(s, applyChanges(changes({ annotations: { removed: [1] }, links: { removed: [12] }, flags: { removed: [21] }, history: { canUndo: true, canRedo: false } })));
    expect(ids(s.annotations)).toEqual([2, 3, 4]);
    expect(ids(s.links)).toEqual([11]);
    expect(s.flags).toEqual([]);
    expect(s.ix.flagsOf.size).toBe(0);
    expect(s.ix.claimsOf.size).toBe(0);
    expect(s.selection).toEqual({ primary: null, also: [] });
    // The editor removes claim 1 and redraws claim 3 without its flag marker.
    expect(s.redraw.rev).toBe(rev + 1);
    expect([...s.redraw.ids].sort()).toEqual([1, 3]);

    // A flag of three keeps its other members: the change set upserts it smaller.
    s = reduce(s, applyChanges(changes({ annotations: { upserted: [ann(6, 'claim', 80, 90)] }, flags: { upserted: [flag(22, [3, 4, 6])] } })));
    s = reduce(s, applyChanges(changes({ annotations: { removed: [6] }, flags: { upserted: [flag(22, [3, 4])] } })));
    expect(s.ix.flagsOf.get(4)?.[0]?.memberIds).toEqual([3, 4]);
    expect(s.ix.flagsOf.has(6)).toBe(false);
    expect(plain(s.ix)).toEqual(plain(buildIndexes(s)));
  });

  it('history: taken from the change set; null leaves it as it is', () => {
    let s = openSeed();
    s = reduce(s, applyChanges(changes({ history: { canUndo: false, canRedo: true } })));
    expect(s.history).toEqual({ canUndo: false, canRedo: true });
    const before = s.history;
    s = reduce(s, applyChanges(changes({ sources: { upserted: [source(8, 'Kremlin')] }, history: null })));
    expect(s.history).toBe(before);
  });

  it('a change set of another document changes only the shared sources, not this document or its history', () => {
    let s = openSeed();
    s = reduce(
      s,
      applyChanges(
        changes({
          documentId: 2,
          annotations: { upserted: [ann(50, 'claim', 0, 5, { documentId: 2 })], removed: [1] },
          sources: { upserted: [source(8, 'kremlin'), source(9, 'Alpha')] },
          history: { canUndo: false, canRedo: false },
        }),
      ),
    );
    expect(ids(s.annotations)).toEqual([1, 2, 3, 4]);
    expect(s.history).toEqual({ canUndo: true, canRedo: false });
    // Sources in the database's order: name without regard to ASCII case, then id.
    expect(s.sources.map((x) => x.name)).toEqual(['Alpha', 'kremlin', 'Yury Ushakov']);
    expect(s.ix.sourceById.get(8)?.name).toBe('kremlin');
  });

  it('a change set of another document brings a flag spanning this one (accepted from a case), and no other flag', () => {
    const across = (id: number, status: Flag['status']): Flag => ({
      ...flag(id, [90, 3]),
      documentId: 2,
      status,
      across: [
        { annotationId: 90, documentId: 2, title: 'Readout', exact: 'sixth' },
        { annotationId: 3, documentId: 1, title: 'Document 1', exact: 'five' },
      ],
    });
    let s = reduce(openSeed(), applyChanges(changes({ documentId: 2, flags: { upserted: [across(30, 'open'), { ...flag(31, [90, 91]), documentId: 2 }] } })));
    expect(s.flags.map((f) => f.id)).toEqual([21, 30]);
    expect(s.ix.flagsOf.get(3)?.map((f) => f.id)).toEqual([21, 30]);
    expect(s.redraw.ids).toContain(3);
    s = reduce(s, applyChanges(changes({ documentId: 2, flags: { upserted: [across(30, 'confirmed')] } })));
    expect(s.ix.flagById.get(30)?.status).toBe('confirmed');
    // Removed by another document's write: the spanning flag goes; this document's own flag stays.
    s = reduce(s, applyChanges(changes({ documentId: 2, flags: { removed: [30, 21] } })));
    expect(s.flags.map((f) => f.id)).toEqual([21]);
  });

  it('pending suggestions: accepted and rejected ones leave, undone ones come back; the selected one is let go', () => {
    let s = openSeed();
    s = reduce(s, { type: 'suggestionsLoaded', documentId: 1, suggestions: [suggestion(31), suggestion(32), suggestion(33)] });
    s = reduce(s, { type: 'selectSuggestion', id: 32 });
    s = reduce(s, applyChanges(changes({ suggestions: { upserted: [suggestion(32, 'rejected')] } })));
    expect(ids(s.suggestions)).toEqual([31, 33]);
    expect(s.suggestionId).toBeNull();
    s = reduce(s, applyChanges(changes({ suggestions: { upserted: [suggestion(32, 'pending')] } })));
    expect(ids(s.suggestions)).toEqual([31, 32, 33]);
    // Suggestions of a document no longer open are not listed.
    expect(reduce(s, { type: 'suggestionsLoaded', documentId: 2, suggestions: [] })).toBe(s);
  });

  it('keeps the library’s count of the open document’s tags', () => {
    let s = reduce(EMPTY_STATE, { type: 'libraryLoaded', documents: [{ ...doc(1), annotationCount: 0 }, { ...doc(2), annotationCount: 9 }] });
    s = reduce(s, opened(doc(), { annotations: [ann(1, 'claim', 0, 5)], links: [], flags: [], sources: [], canUndo: false, canRedo: false }));
    expect(s.library.map((d) => d.annotationCount)).toEqual([1, 9]);
    s = reduce(s, applyChanges(changes({ annotations: { upserted: [ann(2, 'claim', 6, 9)] } })));
    expect(s.library.map((d) => d.annotationCount)).toEqual([2, 9]);
  });

  it('the store tells its listeners after each change, and not for one that changes nothing', () => {
    const store = createDocumentStore(openSeed());
    const seen: DocState[] = [];
    const stop = store.subscribe(() => seen.push(store.getState()));
    store.dispatch(select(2));
    store.dispatch(select(2));
    store.dispatch(applyChanges(changes()));
    stop();
    store.dispatch(select(3));
    expect(seen.map((s) => s.selection.primary)).toEqual([2]);
  });

  it('brings the indexes forward to what building them afresh gives, whatever the changes', () => {
    // Random change sets over a small id space: upserts of annotations, links and flags (as a
    // change set lists them, whole), removals; the incremental indexes match a fresh build.
    const annotationArb = fc
      .record({ id: fc.integer({ min: 1, max: 12 }), kind: fc.constantFrom('claim', 'attribution' as const), start: fc.integer({ min: 0, max: 90 }), len: fc.integer({ min: 1, max: 10 }) })
      .map((r) => ann(r.id, r.kind, r.start, r.start + r.len));
    const linkArb = fc
      .record({ id: fc.integer({ min: 1, max: 12 }), from: fc.integer({ min: 1, max: 12 }), to: fc.integer({ min: 1, max: 12 }), toSource: fc.boolean() })
      .map((r) => link(r.id, r.from, r.toSource ? { s: 1 + (r.to % 3) } : { a: r.to }));
    const flagArb = fc.record({ id: fc.integer({ min: 1, max: 4 }), members: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 4 }) }).map((r) => flag(r.id, r.members));
    const changeArb = fc.record({
      annotations: fc.record({ upserted: fc.uniqueArray(annotationArb, { selector: (a) => a.id, maxLength: 3 }), removed: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 2 }) }),
      links: fc.record({ upserted: fc.uniqueArray(linkArb, { selector: (l) => l.id, maxLength: 3 }), removed: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 2 }) }),
      flags: fc.record({ upserted: fc.uniqueArray(flagArb, { selector: (f) => f.id, maxLength: 2 }), removed: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 1 }) }),
    });
    fc.assert(
      fc.property(fc.array(changeArb, { maxLength: 12 }), (sets) => {
        let s = reduce(EMPTY_STATE, opened(doc(), { annotations: [], links: [], flags: [], sources: [1, 2, 3].map((i) => source(i, `S${i}`)), canUndo: false, canRedo: false }));
        for (const c of sets) {
          // A row is either upserted or removed in one change set, never both.
          const drop = <T extends { id: number }>(d: { upserted: T[]; removed: number[] }) => ({ upserted: d.upserted, removed: d.removed.filter((id) => !d.upserted.some((r) => r.id === id)) });
          s = reduce(s, applyChanges(changes({ annotations: drop(c.annotations), links: drop(c.links), flags: drop(c.flags) })));
          expect(plain(s.ix)).toEqual(plain(buildIndexes(s)));
          expect(s.annotations).toEqual([...s.annotations].sort((a, b) => a.start - b.start || a.id - b.id));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the document’s assessment in the store', () => {
  const assessed = (over: Partial<Assessment> = {}): Assessment => ({ id: 5, documentId: 1, verdict: 'mixed', summary: 'Half holds.', updatedAt: '2025-07-23T10:00:00.000Z', ...over });
  const withAssessments = (delta: { upserted?: Assessment[]; removed?: number[] }, documentId = 1): ChangeSet => ({
    ...changes({ documentId }),
    assessments: { upserted: delta.upserted ?? [], removed: delta.removed ?? [] },
  });

  it('opens with the document’s assessment, or none', () => {
    expect(openSeed().assessment).toBeNull();
    const s = reduce(EMPTY_STATE, opened(doc(), { annotations: [], links: [], flags: [], sources: [], assessment: assessed(), canUndo: true, canRedo: false }));
    expect(s.assessment).toEqual(assessed());
  });

  it('takes a written, changed or undone assessment from the answers’ change sets, and no other document’s', () => {
    let s = openSeed();
    s = reduce(s, applyChanges(withAssessments({ upserted: [assessed()] })));
    expect(s.assessment).toEqual(assessed());
    s = reduce(s, applyChanges(withAssessments({ upserted: [assessed({ verdict: 'false' })] })));
    expect(s.assessment?.verdict).toBe('false');
    // A late answer from another document changes nothing here.
    const before = s;
    s = reduce(s, applyChanges(withAssessments({ upserted: [assessed({ id: 9, documentId: 2, verdict: 'reliable' })] }, 2)));
    expect(s).toBe(before);
    // Undoing the first write removes it.
    s = reduce(s, applyChanges(withAssessments({ removed: [5] })));
    expect(s.assessment).toBeNull();
    // A change set without assessments (an older answer shape) leaves it as it is.
    s = reduce(s, applyChanges(withAssessments({ upserted: [assessed()] })));
    expect(reduce(s, applyChanges(changes({ annotations: { removed: [999] } }))).assessment).toEqual(assessed());
  });
});
