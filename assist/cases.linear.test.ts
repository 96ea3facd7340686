// Cross-document suggestions take time linear in the case (issue 14): a case ten times larger, in
// longer documents or in more of them, must take far less than the hundred times a comparison of
// every figure with every other would (under 30, as main/core/import/linear.test.ts allows for
// noise and garbage collection). A ratio, not a time, so a slow machine does not fail it. The
// documents are the evaluation texts concatenated (bench/cases.ts), so figures recur across them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseBenchDocs, evalTexts } from '../bench/cases';
import { clearReadings, suggestAcross, type CaseDocument } from './cases';

const MAX_RATIO = 30;
const texts = evalTexts(path.join(__dirname, 'eval', 'data'));

/** The best of `runs` cold runs (every document read afresh). */
function fastest(docs: readonly CaseDocument[], runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    clearReadings();
    const t = performance.now();
    suggestAcross(docs);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function ratio(label: string, small: readonly CaseDocument[], large: readonly CaseDocument[]): number {
  // (warm: the tagger and WordNet loaded, on the large case's words)
  suggestAcross(large);
  const t1 = fastest(small, 5);
  const t10 = fastest(large, 2);
  const r = t10 / t1;
  console.log(`${label}: 1x ${t1.toFixed(0)} ms, 10x ${t10.toFixed(0)} ms, ratio ${r.toFixed(1)}`);
  return r;
}

describe('case suggestions take time linear in the case (10x input, well under 100x time)', () => {
  it('ten times longer documents', () => {
    expect(ratio('4 documents, 3 KB -> 30 KB', caseBenchDocs(texts, 4, 3_000), caseBenchDocs(texts, 4, 30_000))).toBeLessThan(MAX_RATIO);
  }, 60_000);

  it('ten times more documents', () => {
    expect(ratio('4 -> 40 documents of 3 KB', caseBenchDocs(texts, 4, 3_000), caseBenchDocs(texts, 40, 3_000))).toBeLessThan(MAX_RATIO);
  }, 60_000);
});
