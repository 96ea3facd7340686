import { describe, expect, it } from 'vitest';
import { groupEvidence, proposeCredibility, type EvidenceDocument } from './corroboration';
import type { ClaimGroupMember, ClaimStance, Link, Source } from './domain';

// Every row of the Admiralty table (common/corroboration.ts), reached through groupEvidence from
// members, links and sources as the service hands them over, and the independence rules.

const source = (id: number, name: string, reliability: Source['reliability'], aliases: string[] = []): Source => ({
  id,
  name,
  type: 'organisation',
  aliases,
  reliability,
  note: '',
});
const TASS = source(1, 'TASS', 'B');
const REUTERS = source(2, 'Reuters', 'A');
const KREMLIN = source(3, 'Kremlin', 'C', ['Kremlin press service']);
const WH = source(4, 'White House', 'E');
const AP = source(5, 'AP', 'B', ['Associated Press']);
const SOURCES = [TASS, REUTERS, KREMLIN, WH, AP];

let nextId = 1000;

/**
 * A document whose one claim (id = 100 + document id) relies on `cites`: each through an attribution
 * covering the claim and citing the source; `site` its outlet.
 */
function doc(id: number, cites: Source[] = [], site?: string, title = `doc-${id}.txt`): EvidenceDocument {
  const claim = 100 + id;
  const links: Link[] = [];
  for (const s of cites) {
    const attribution = nextId++;
    links.push({ id: nextId++, fromId: attribution, toAnnotationId: claim, toSourceId: null });
    links.push({ id: nextId++, fromId: attribution, toAnnotationId: null, toSourceId: s.id });
  }
  return { id, title, ...(site ? { site } : {}), links };
}

function member(documentId: number, stance: ClaimStance = 'states'): ClaimGroupMember {
  return { id: nextId++, annotationId: 100 + documentId, documentId, stance, exact: 'x', start: 0, end: 1 };
}

function evidence(docs: EvidenceDocument[], members: ClaimGroupMember[], sources: Source[] = SOURCES) {
  return groupEvidence({ id: 7, members }, new Map(docs.map((d) => [d.id, d])), sources);
}

describe('proposeCredibility: the table, row by row', () => {
  it.each([
    ['a: nobody states it', 0, 0, false, 6],
    ['a: only contradicted', 0, 2, true, 6],
    ['b: more contradict than state', 1, 2, true, 5],
    ['b: far more', 2, 5, false, 5],
    ['c: as many contradict as state', 1, 1, true, 4],
    ['c: two against two', 2, 2, false, 4],
    ['d: two independent, none contradicts', 2, 0, false, 1],
    ['d: many', 5, 0, false, 1],
    ['e: one reliable source', 1, 0, true, 2],
    ['f: one source, not A or B', 1, 0, false, 3],
    ['g: more than twice as many state', 3, 1, false, 2],
    ['g: 5 against 2', 5, 2, false, 2],
    ['h: exactly twice as many', 2, 1, true, 3],
    ['h: a few more state', 3, 2, false, 3],
  ] as const)('%s (S=%i, C=%i)', (_row, s, c, reliable, expected) => {
    expect(proposeCredibility(s, c, reliable)).toBe(expected);
  });
});

describe('groupEvidence', () => {
  it('row a: no member states the claim -> 6, naming who contradicts it', () => {
    expect(evidence([], [])).toMatchObject({ groupId: 7, stating: [], contradicting: [], sources: [], independentStating: 0, proposed: 6 });
    expect(evidence([], []).reason).toBe('No passage states the claim, so it cannot be judged.');
    const e = evidence([doc(1, [REUTERS])], [member(1, 'contradicts')]);
    expect(e).toMatchObject({ stating: [], contradicting: [1], independentStating: 0, independentContradicting: 1, proposed: 6 });
    expect(e.reason).toBe('No passage states the claim and it is contradicted by 1 independent source (Reuters), so it cannot be judged.');
  });

  it('row b: more independent sources contradict than state -> 5', () => {
    const e = evidence([doc(1, [TASS]), doc(2, [REUTERS]), doc(3, [AP])], [member(1), member(2, 'contradicts'), member(3, 'contradicts')]);
    expect(e).toMatchObject({ stating: [1], contradicting: [2, 3], independentStating: 1, independentContradicting: 2, proposed: 5 });
    expect(e.reason).toBe('Contradicted by 2 independent sources (Reuters, AP), more than the 1 stating it (TASS).');
  });

  it('row c: contradicted by as many as state it -> 4', () => {
    const e = evidence([doc(1, [TASS]), doc(2, [WH])], [member(1), member(2, 'contradicts')]);
    expect(e.proposed).toBe(4);
    expect(e.reason).toBe('Stated by 1 independent source (TASS) and contradicted by as many (White House).');
  });

  it('row d: two independent sources, none contradicts -> 1', () => {
    const e = evidence([doc(1, [TASS]), doc(2, [REUTERS])], [member(1), member(2)]);
    expect(e).toMatchObject({ stating: [1, 2], contradicting: [], independentStating: 2, independentContradicting: 0, proposed: 1 });
    expect(e.sources).toEqual([
      { sourceId: 1, name: 'TASS', reliability: 'B', stance: 'states', documentIds: [1] },
      { sourceId: 2, name: 'Reuters', reliability: 'A', stance: 'states', documentIds: [2] },
    ]);
    expect(e.reason).toBe('Confirmed by 2 independent sources (TASS, Reuters), none contradicts it.');
  });

  it('row e: three outlets quoting the same agency count once; one B source -> 2', () => {
    const e = evidence(
      [doc(1, [TASS], 'Izvestia'), doc(2, [TASS], 'Reuters'), doc(3, [TASS], 'Le Monde')],
      [member(1), member(2), member(3)],
    );
    expect(e).toMatchObject({ stating: [1, 2, 3], independentStating: 1, proposed: 2 });
    expect(e.sources).toEqual([{ sourceId: 1, name: 'TASS', reliability: 'B', stance: 'states', documentIds: [1, 2, 3] }]);
    expect(e.reason).toBe('Stated by one source only (TASS, graded B), none contradicts it.');
  });

  it('row f: one source graded below B, or an outlet with no grade -> 3', () => {
    const graded = evidence([doc(1, [KREMLIN])], [member(1)]);
    expect(graded.proposed).toBe(3);
    expect(graded.reason).toBe('Stated by one source only (Kremlin, graded C), none contradicts it.');
    // No attribution: the document's outlet; two papers of one outlet are one source.
    const outlet = evidence([doc(1, [], 'Riverside Gazette'), doc(2, [], ' Riverside Gazette ')], [member(1), member(2)]);
    expect(outlet).toMatchObject({ independentStating: 1, proposed: 3 });
    expect(outlet.sources).toEqual([{ sourceId: null, name: 'Riverside Gazette', reliability: null, stance: 'states', documentIds: [1, 2] }]);
    expect(outlet.reason).toBe('Stated by one source only (Riverside Gazette, not graded), none contradicts it.');
  });

  it('row g: more than twice as many state as contradict -> 2', () => {
    const e = evidence(
      [doc(1, [TASS]), doc(2, [REUTERS]), doc(3, [], 'Riverside Gazette'), doc(4, [WH])],
      [member(1), member(2), member(3), member(4, 'contradicts')],
    );
    expect(e).toMatchObject({ independentStating: 3, independentContradicting: 1, proposed: 2 });
    expect(e.reason).toBe('Stated by 3 independent sources (TASS, Reuters, Riverside Gazette), contradicted by 1 independent source (White House).');
  });

  it('row h: more state than contradict, at most twice as many -> 3', () => {
    const e = evidence([doc(1, [TASS]), doc(2, [REUTERS]), doc(3, [WH])], [member(1), member(2), member(3, 'contradicts')]);
    expect(e).toMatchObject({ independentStating: 2, independentContradicting: 1, proposed: 3 });
    expect(e.reason).toBe('Stated by 2 independent sources (TASS, Reuters), contradicted by 1 independent source (White House).');
  });

  it('falls back to the title without a site, and an outlet named like a source (or alias) is that source', () => {
    const e = evidence([doc(1, [], undefined, 'kremlin-readout.txt'), doc(2, [], 'Associated Press'), doc(3, [], 'reuters')], [member(1), member(2), member(3)]);
    expect(e.sources).toEqual([
      { sourceId: null, name: 'kremlin-readout.txt', reliability: null, stance: 'states', documentIds: [1] },
      { sourceId: 5, name: 'AP', reliability: 'B', stance: 'states', documentIds: [2] },
      { sourceId: 2, name: 'Reuters', reliability: 'A', stance: 'states', documentIds: [3] },
    ]);
    // An outlet that is a registered source and an attribution to it count once.
    const same = evidence([doc(1, [AP]), doc(2, [], 'Associated Press')], [member(1), member(2)]);
    expect(same).toMatchObject({ independentStating: 1, proposed: 2 });
  });

  it('reads a source the claim cites itself, ignores attributions covering other claims, and a passage may rely on two sources', () => {
    const d1: EvidenceDocument = {
      id: 1,
      title: 'a',
      links: [
        { id: 1, fromId: 101, toAnnotationId: null, toSourceId: REUTERS.id },
        // An attribution covering another claim of the document, citing TASS: not this claim's.
        { id: 2, fromId: 50, toAnnotationId: 999, toSourceId: null },
        { id: 3, fromId: 50, toAnnotationId: null, toSourceId: TASS.id },
      ],
    };
    expect(evidence([d1], [member(1)]).sources.map((s) => s.name)).toEqual(['Reuters']);
    const both = evidence([doc(2, [TASS, KREMLIN])], [member(2)]);
    expect(both).toMatchObject({ independentStating: 2, proposed: 1 });
    // A source cited that is not in the register (deleted since): the outlet instead.
    expect(evidence([doc(3, [source(77, 'Gone', 'A')], 'Gazette')], [member(3)]).sources.map((s) => s.name)).toEqual(['Gazette']);
  });

  it('one document with two stating passages counts once; a source on both sides counts on each', () => {
    const d1: EvidenceDocument = { id: 1, title: 'one', links: [] };
    const twice = evidence([d1], [member(1), { ...member(1), annotationId: 102 }]);
    expect(twice).toMatchObject({ stating: [1], independentStating: 1 });
    const torn = evidence([doc(1, [TASS]), doc(2, [TASS]), doc(3, [REUTERS])], [member(1), member(3), member(2, 'contradicts')]);
    expect(torn).toMatchObject({ stating: [1, 3], contradicting: [2], independentStating: 2, independentContradicting: 1, proposed: 3 });
    expect(torn.sources.map((s) => `${s.name}:${s.stance}`)).toEqual(['TASS:states', 'Reuters:states', 'TASS:contradicts']);
  });
});
