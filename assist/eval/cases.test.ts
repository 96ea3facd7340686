import { describe, expect, it } from 'vitest';
import { suggestAcross } from '../cases';
import { caseRecall, casePrecision, caseTable, emptyCaseScore, loadCases, realCaseTable, runCases, runRealCases, scoreCase, type EvalCase } from './cases';

// Cross-document contradictions (issue 14) on the blind case corpus (data/cases: 8 cases of 3-4
// documents reporting one event from different sides, written by people who never read the
// engine, with gold contradictions, agreements and look-alike pairs). The figures print on every
// run; the floors sit just under today's so a change that loses ground fails. The targets
// (recall 0.8, precision 0.9) are met for precision only: today recall 0.66, precision 0.97
// (assist/CASES.md). Six gold contradictions are of fact ("who asked for the call"), which no rule
// over figures and dates can find. data/cases is the development set (rules were written reading
// its misses); data/cases-holdout, written blind afterwards, is only printed: never tune on it.
const FLOORS = { recall: 0.62, precision: 0.9 };
/**
 * A sanity floor for the held-out splits' precision, pooled (0.64 over eleven splits when set):
 * catches breakage, not tuning. (Per split it was 0.4; a fresh split's first score, 0.33 on 15
 * proposals for cases-holdout11, is too few proposals to hold a floor to.)
 */
const HELD_OUT_FLOOR = 0.5;
/** Unrelated real articles grouped as cases: every proposal is false (0.108 per 1,000 words today). */
const REAL_CEILING = 0.2;

describe('cross-document suggestions on the blind case corpus', () => {
  it('contradictions: figures printed, above the floors', () => {
    const cases = loadCases();
    expect(cases.length).toBeGreaterThanOrEqual(6);
    const score = runCases(cases);
    console.log(caseTable(score));
    expect(score.documents).toBeGreaterThanOrEqual(18);
    expect(caseRecall(score)).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(casePrecision(score)).toBeGreaterThanOrEqual(FLOORS.precision);
  }, 120_000);

  it('held-out cases: figures printed only (a sanity floor, no tuning)', () => {
    const pooled = { proposed: 0, right: 0 };
    for (const split of ['cases-holdout', 'cases-holdout2', 'cases-holdout3', 'cases-holdout4', 'cases-holdout5', 'cases-holdout6', 'cases-holdout7', 'cases-holdout8', 'cases-holdout9', 'cases-holdout10', 'cases-holdout11', 'cases-holdout12', 'cases-holdout13', 'cases-holdout14', 'cases-holdout15', 'cases-holdout16', 'cases-holdout17', 'cases-holdout18', 'cases-holdout19', 'cases-holdout20', 'cases-holdout21', 'cases-holdout22', 'cases-holdout23', 'cases-holdout24', 'cases-holdout25', 'cases-holdout26']) {
      const cases = loadCases(split);
      if (cases.length === 0) continue;
      const score = runCases(cases);
      // (the table only: the held-out misses are not for reading)
      console.log(caseTable(score, `held-out ${split}`));
      pooled.proposed += score.proposed;
      pooled.right += score.correct;
    }
    if (pooled.proposed > 0) expect(pooled.right / pooled.proposed).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  }, 120_000);

  it('real published text: few false alarms between unrelated articles', () => {
    const real = runRealCases();
    console.log(realCaseTable(real));
    if (real.words > 0) expect((real.contradictions / real.words) * 1000).toBeLessThanOrEqual(REAL_CEILING);
  }, 120_000);

  it('every span indexes its own document and every explanation names both documents', () => {
    for (const c of loadCases().slice(0, 3)) {
      for (const s of suggestAcross(c.docs)) {
        expect(s.spans).toHaveLength(2);
        expect(s.spans[0]!.documentId).not.toBe(s.spans[1]!.documentId);
        for (const x of s.spans) {
          const d = c.docs.find((doc) => doc.id === x.documentId)!;
          expect(d.text.slice(x.start, x.end)).toBe(x.text);
          expect(s.explanation).toContain(`${d.title}:`);
        }
      }
    }
  }, 120_000);
});

describe('scoring: contradictions the gold\'s own agreements imply', () => {
  // A says the vote was on 6 October, B says Monday (5 October), C agrees with A. The gold lists A
  // against B; a proposal setting B against C is the same contradiction, told with the other agreeing document.
  const texts = ['The board voted on 6 October.', 'After Monday\'s vote, fares rise.', 'The vote of 6 October was close.'];
  const c: EvalCase = {
    name: 'x',
    files: ['a.txt', 'b.txt', 'c.txt'],
    docs: texts.map((text, i) => ({ id: i + 1, text })),
    gold: {
      documents: {},
      agreements: [{ referent: 'day of the vote', passages: [{ doc: 'a.txt', text: 'voted on 6 October' }, { doc: 'c.txt', text: 'The vote of 6 October' }] }],
      contradictions: [{ kind: 'weekday', referent: 'day of the vote', a: { doc: 'a.txt', text: 'voted on 6 October' }, b: { doc: 'b.txt', text: 'Monday\'s vote' } }],
      lookalikes: [],
    },
  };
  const span = (doc: number, t: string) => ({ documentId: doc, start: texts[doc - 1]!.indexOf(t), end: texts[doc - 1]!.indexOf(t) + t.length, text: t });
  const proposal = (x: ReturnType<typeof span>, y: ReturnType<typeof span>) => ({ type: 'inconsistency' as const, kind: 'weekday' as const, explanation: '', spans: [x, y] });
  it('B against C is right and finds the contradiction; strictly it is neither', () => {
    const score = emptyCaseScore();
    scoreCase(score, c, [proposal(span(2, 'Monday'), span(3, '6 October'))]);
    expect([score.found, score.correct]).toEqual([0, 0]);
    expect([score.impliedFound, score.impliedCorrect]).toEqual([1, 1]);
  });
  it('A against C (two agreeing documents) is wrong either way', () => {
    const score = emptyCaseScore();
    scoreCase(score, c, [proposal(span(1, '6 October'), span(3, '6 October'))]);
    expect([score.impliedFound, score.impliedCorrect]).toEqual([0, 0]);
  });
});
