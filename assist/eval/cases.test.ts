import { describe, expect, it } from 'vitest';
import { suggestAcross } from '../cases';
import { caseRecall, casePrecision, caseTable, loadCases, runCases } from './cases';

// Cross-document contradictions (issue 14) on the blind case corpus (data/cases: 8 cases of 3-4
// documents reporting one event from different sides, written by people who never read the
// engine, with gold contradictions, agreements and look-alike pairs). The figures print on every
// run; the floors sit just under today's so a change that loses ground fails. The targets
// (recall 0.8, precision 0.9) are not met: today recall 0.32, precision 0.75 (assist/CASES.md).
// Six gold contradictions are of fact ("who asked for the call"), which no rule over figures and
// dates can find.
const FLOORS = { recall: 0.3, precision: 0.72 };

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
