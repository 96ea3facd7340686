import { describe, expect, it } from 'vitest';
import type { AchMarkRecord, CaseSuggestion, ClaimGroup, GroupEvidence, Hypothesis } from '../../../common/domain';
import { achScores, filterRows, matrixRows, pieces, suggestionKey, suggestionsAt } from './model';

const member = (id: number, documentId: number, stance: 'states' | 'contradicts', exact: string) => ({ id, annotationId: id, documentId, stance, exact, start: 0, end: exact.length });
const group = (id: number, label: string, members: ClaimGroup['members']): ClaimGroup => ({ id, caseId: 1, label, createdAt: 'now', credibility: null, members });

describe('the case matrix', () => {
  const groups = [
    group(1, 'length of the call', [member(1, 10, 'states', 'about 90 minutes'), member(2, 11, 'contradicts', 'more than two hours')]),
    group(2, 'who called', [member(3, 10, 'states', 'at the request of'), member(4, 12, 'states', 'initiated by')]),
    group(3, 'count', [member(5, 11, 'states', 'sixth'), member(6, 11, 'contradicts', 'fifth')]),
  ];
  const evidence: GroupEvidence[] = [{ groupId: 2, stating: [10, 12], contradicting: [], sources: [], independentStating: 2, independentContradicting: 0, proposed: 1, reason: 'r' }];

  it('reads each document of each group as stated, contradicted, both or silent, in the case’s order', () => {
    const rows = matrixRows(groups, evidence, [10, 11, 12]);
    expect(rows.map((r) => r.cells)).toEqual([
      ['stated', 'contradicted', 'silent'],
      ['stated', 'silent', 'stated'],
      ['silent', 'both', 'silent'],
    ]);
    expect(rows.map((r) => r.contested)).toEqual([true, false, true]);
    expect(rows[1]!.evidence?.proposed).toBe(1);
    expect(rows[0]!.evidence).toBeNull();
  });

  it('filters to contested rows and to rows holding every word, in the label or a passage, any case', () => {
    const rows = matrixRows(groups, evidence, [10, 11, 12]);
    expect(filterRows(rows, { contestedOnly: true, query: '' }).map((r) => r.group.id)).toEqual([1, 3]);
    expect(filterRows(rows, { contestedOnly: false, query: 'TWO hours' }).map((r) => r.group.id)).toEqual([1]);
    expect(filterRows(rows, { contestedOnly: true, query: 'initiated' })).toEqual([]);
  });

  it('scores each hypothesis by the evidence inconsistent with it (ACH), counting nothing else', () => {
    const hypotheses: Hypothesis[] = [1, 2, 3].map((id) => ({ id, caseId: 1, label: `H${id}`, position: id, createdAt: 'now' }));
    const marks: AchMarkRecord[] = [
      { id: 1, hypothesisId: 1, groupId: 1, mark: 'inconsistent' },
      { id: 2, hypothesisId: 1, groupId: 2, mark: 'inconsistent' },
      { id: 3, hypothesisId: 2, groupId: 1, mark: 'consistent' },
      { id: 4, hypothesisId: 2, groupId: 2, mark: 'not_applicable' },
      { id: 5, hypothesisId: 9, groupId: 2, mark: 'inconsistent' },
    ];
    expect([...achScores(hypotheses, marks)]).toEqual([
      [1, 2],
      [2, 0],
      [3, 0],
    ]);
  });
});

describe('suggestions of a case', () => {
  const s: CaseSuggestion = {
    type: 'inconsistency',
    kind: 'count',
    explanation: 'A: sixth; B: fifth',
    spans: [
      { documentId: 1, start: 10, end: 15, text: 'sixth' },
      { documentId: 2, start: 40, end: 45, text: 'fifth' },
    ],
  };
  it('keys a suggestion by its type, kind and passages', () => {
    expect(suggestionKey(s)).toBe(suggestionKey({ ...s, explanation: 'other words' }));
    expect(suggestionKey(s)).not.toBe(suggestionKey({ ...s, type: 'corroboration' } as CaseSuggestion));
  });
  it('finds the suggestions touching a claim of one document', () => {
    expect(suggestionsAt([s], 1, 0, 11)).toEqual([s]);
    expect(suggestionsAt([s], 1, 15, 30)).toEqual([]);
    expect(suggestionsAt([s], 2, 10, 15)).toEqual([]);
  });
});

describe('pieces of a text block', () => {
  it('cuts at every mark’s edge, keeps the classes over each piece and lets a click choose the innermost claim', () => {
    const out = pieces(0, 20, [
      { start: 0, end: 12, className: 'cs-case-claim', annotationId: 1 },
      { start: 4, end: 8, className: 'cs-case-claim', annotationId: 2 },
      { start: 6, end: 30, className: 'cs-case-focus' },
    ]);
    expect(out.map((p) => [p.start, p.end, p.classes.sort().join(' '), p.annotationId])).toEqual([
      [0, 4, 'cs-case-claim', 1],
      [4, 6, 'cs-case-claim', 2],
      [6, 8, 'cs-case-claim cs-case-focus', 2],
      [8, 12, 'cs-case-claim cs-case-focus', 1],
      [12, 20, 'cs-case-focus', null],
    ]);
  });
  it('leaves a block without marks whole', () => {
    expect(pieces(5, 9, [{ start: 20, end: 30, className: 'x' }])).toEqual([{ start: 5, end: 9, classes: [], annotationId: null }]);
  });
});
