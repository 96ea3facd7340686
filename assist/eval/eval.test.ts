import { describe, expect, it } from 'vitest';
import { suggest } from '../index';
import { emptyScore, loadReal, loadSplit, precision, recall, scoreArticle, table, words, type Score } from './evaluate';

// The assistant on articles written by people who never read its code (dev: tuned on; test: only
// reported), and on published news (Wikinews, CC BY 2.5), where every proposal counts as a false
// alarm. The figures print on every run; the floors below sit under today's (test recall 0.70,
// precision 0.95; real 0.036 per 1,000 words; attributions 0.92 / 0.95), so a change that loses
// ground fails. The inconsistency targets (test recall 0.85, precision 0.9) are not
// met yet: see assist/README.md.
const FLOORS = {
  testRecall: 0.56,
  testPrecision: 0.91,
  realPer1000: 0.1,
  attributionRecall: 0.88,
  attributionPrecision: 0.93,
};

function run(split: 'dev' | 'test'): Score {
  const score = emptyScore();
  for (const a of loadSplit(split)) scoreArticle(score, a, suggest(a.text, a.gold.published ? { published: a.gold.published } : {}));
  return score;
}

describe('the assistant on text it was not built from', () => {
  it('dev and test: figures printed, test above the floors', () => {
    const dev = run('dev');
    const test = run('test');
    console.log(`${table('dev', dev)}\n${table('test', test)}`);
    expect(test.articles).toBeGreaterThanOrEqual(8);
    expect(recall(test)).toBeGreaterThanOrEqual(FLOORS.testRecall);
    expect(precision(test)).toBeGreaterThanOrEqual(FLOORS.testPrecision);
    const a = test.attributions;
    expect(a.found / a.gold).toBeGreaterThanOrEqual(FLOORS.attributionRecall);
    expect(a.correct / a.proposed).toBeGreaterThanOrEqual(FLOORS.attributionPrecision);
  });

  it('published news: false alarms per 1,000 words', () => {
    const texts = loadReal();
    let proposed = 0;
    let total = 0;
    for (const t of texts) {
      proposed += suggest(t.text).filter((s) => s.type === 'inconsistency').length;
      total += words(t.text);
    }
    const per1000 = (proposed / total) * 1000;
    console.log(`real: ${texts.length} texts, ${total.toLocaleString('en')} words, ${proposed} inconsistencies proposed (${per1000.toFixed(3)} per 1,000 words)`);
    expect(texts.length).toBeGreaterThanOrEqual(30);
    expect(per1000).toBeLessThanOrEqual(FLOORS.realPer1000);
  });
});
