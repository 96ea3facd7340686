import { describe, expect, it } from 'vitest';
import { suggestAcross } from '../cases';
import { caseRecall, casePrecision, caseTable, loadCases, realCaseTable, runCases, runRealCases } from './cases';

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
    for (const split of ['cases-holdout', 'cases-holdout2', 'cases-holdout3', 'cases-holdout4', 'cases-holdout5', 'cases-holdout6', 'cases-holdout7', 'cases-holdout8', 'cases-holdout9', 'cases-holdout10', 'cases-holdout11', 'cases-holdout12', 'cases-holdout13', 'cases-holdout14', 'cases-holdout15', 'cases-holdout16', 'cases-holdout17']) {
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
