import { describe, expect, it } from 'vitest';
import type { Flag, Link, Source } from '../../../common/domain';
import { overlappingClaimPairs } from '../workflow/HighlightStyles';
import { buildIndexes, isSourced } from '../store/indexes';
import { analystsOf, DEFAULT_FILTERS, filterAnnotations, flagPeers, sourcesOf } from './model';
import { annotation } from '../../../test/fixtures/annotation';

const ann = annotation;
const source = (id: number, name: string, reliability: Source['reliability']): Source => ({ id, name, reliability, type: 'person', aliases: [], note: '' });
const link = (id: number, fromId: number, to: { a?: number; s?: number }): Link => ({ id, fromId, toAnnotationId: to.a ?? null, toSourceId: to.s ?? null });

describe('panel model', () => {
  const annotations = [
    ann(1, 'claim', 0, 10, { status: 'disputed' }),
    ann(2, 'attribution', 12, 20),
    ann(3, 'claim', 22, 30),
    ann(4, 'claim', 25, 40, { note: 'check **this**' }),
    ann(5, 'attribution', 41, 50),
  ];
  const sources = [source(7, 'Yury Ushakov', 'B'), source(8, 'Kremlin', 'D')];
  const links = [link(1, 2, { s: 7 }), link(2, 2, { a: 1 }), link(3, 5, { s: 8 }), link(4, 5, { a: 3 })];
  const flags: Flag[] = [
    { id: 1, documentId: 1, explanation: 'six vs five', status: 'open', note: '', memberIds: [1, 3] },
    { id: 2, documentId: 1, explanation: '', status: 'open', note: '', memberIds: [3, 4] },
  ];
  const ix = buildIndexes({ annotations, links, flags, sources });

  it('counts claims, attributions and unsourced claims, and finds the sources behind a claim', () => {
    expect([ix.claims, ix.attributions, ix.unsourced]).toEqual([3, 2, 1]);
    expect(isSourced(ix, 4)).toBe(false);
    expect(sourcesOf(ix, 1).map((s) => s.name)).toEqual(['Yury Ushakov']);
    expect(sourcesOf(ix, 2).map((s) => s.name)).toEqual(['Yury Ushakov']);
    expect(ix.citations.get(8)).toEqual([5]);
  });

  it('filters by kind, status, source, grade, unsourced and search', () => {
    const ids = (f: Partial<typeof DEFAULT_FILTERS>) => filterAnnotations(annotations, ix, { ...DEFAULT_FILTERS, ...f }).map((a) => a.id);
    expect(ids({})).toEqual([1, 2, 3, 4, 5]);
    expect(ids({ kind: 'attribution' })).toEqual([2, 5]);
    expect(ids({ status: 'disputed' })).toEqual([1]);
    expect(ids({ source: 8 })).toEqual([3, 5]);
    expect(ids({ source: 'none' })).toEqual([4]);
    expect(ids({ grade: 'B' })).toEqual([1, 2]);
    expect(ids({ unsourced: true })).toEqual([4]);
    expect(ids({ search: 'CHECK' })).toEqual([4]);
    expect(ids({ search: 'kremlin', kind: 'claim' })).toEqual([3]);
  });

  it('walks a claim’s flag peers across all its flags', () => {
    expect(flagPeers(ix, 3)).toEqual([1, 3, 4]);
    expect(flagPeers(ix, 5)).toEqual([]);
  });

  it('finds claims that share words, for the overlap style', () => {
    expect(overlappingClaimPairs(annotations)).toEqual([[3, 4]]);
  });

  it('filters by the analyst who made each tag, and lists the analysts in name order', () => {
    const made = [ann(1, 'claim', 0, 5, { createdBy: 'bob' }), ann(2, 'claim', 6, 9, { createdBy: 'ana', changedBy: 'bob' }), ann(3, 'claim', 10, 12)];
    const mix = buildIndexes({ annotations: made, links: [], flags: [], sources: [] });
    expect(analystsOf(made)).toEqual(['ana', 'bob']);
    expect(analystsOf(annotations)).toEqual([]);
    expect(filterAnnotations(made, mix, { ...DEFAULT_FILTERS, analyst: 'ana' }).map((a) => a.id)).toEqual([2]);
    expect(filterAnnotations(made, mix, DEFAULT_FILTERS)).toBe(made);
  });
});
