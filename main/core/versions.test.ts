import { describe, expect, it } from 'vitest';
import { commonPairs, diffSentences, wordSimilarity, type SentenceDiff } from './versions';

function show(oldText: string, newText: string, d: SentenceDiff) {
  return {
    added: d.added.map((s) => newText.slice(s.start, s.end)),
    removed: d.removed.map((s) => oldText.slice(s.start, s.end)),
    changed: d.changed.map((c) => [oldText.slice(c.old.start, c.old.end), newText.slice(c.new.start, c.new.end)]),
  };
}

const OLD = [
  'The ministry published its report on Monday. It said spending rose by 5% last year.',
  'Officials declined to comment. A spokesperson said the review was ongoing.',
  'The auditor disagreed with the agency. The contract had been awarded without a tender.',
  'The report will be debated in committee.',
].join('\n\n');

describe('diffSentences', () => {
  it('reports nothing for identical texts, or texts that differ only in spacing', () => {
    expect(diffSentences(OLD, OLD)).toEqual({ added: [], removed: [], changed: [] });
    const rewrapped = OLD.replace('spending rose', 'spending \t rose').replace(/\n\n/g, '\n\n\n');
    expect(show(OLD, rewrapped, diffSentences(OLD, rewrapped))).toEqual({ added: [], removed: [], changed: [] });
  });

  it('finds added, removed and changed sentences', () => {
    const NEW = [
      'The ministry published its report on Monday. It said spending rose by 7% last year.',
      'New documents were released on Tuesday. Officials declined to comment. A spokesperson said the review was ongoing.',
      'The report will be debated in committee. The vote is expected in June.',
    ].join('\n\n');
    const d = diffSentences(OLD, NEW);
    expect(show(OLD, NEW, d)).toEqual({
      added: ['New documents were released on Tuesday.', 'The vote is expected in June.'],
      removed: ['The auditor disagreed with the agency.', 'The contract had been awarded without a tender.'],
      changed: [['It said spending rose by 5% last year.', 'It said spending rose by 7% last year.']],
    });
    // Spans point into the right texts.
    for (const s of d.added) expect(s.end).toBeLessThanOrEqual(NEW.length);
    for (const s of d.removed) expect(s.end).toBeLessThanOrEqual(OLD.length);
  });

  it('pairs a rewritten sentence with its closest successor, not with an unrelated one', () => {
    const oldText = 'Alpha one. The committee will publish its findings in the spring. Omega end.';
    const newText = 'Alpha one. Completely unrelated words appear here now. The committee will publish its final findings in the autumn. Omega end.';
    expect(show(oldText, newText, diffSentences(oldText, newText))).toEqual({
      added: ['Completely unrelated words appear here now.'],
      removed: [],
      changed: [['The committee will publish its findings in the spring.', 'The committee will publish its final findings in the autumn.']],
    });
  });

  it('handles empty texts', () => {
    expect(show('', 'One. Two.', diffSentences('', 'One. Two.'))).toEqual({ added: ['One.', 'Two.'], removed: [], changed: [] });
    expect(show('One. Two.', '', diffSentences('One. Two.', ''))).toEqual({ added: [], removed: ['One.', 'Two.'], changed: [] });
  });

  it('measures word similarity', () => {
    expect(wordSimilarity('The cat sat.', 'the cat sat')).toBe(1);
    expect(wordSimilarity('a b c d', 'a b x y')).toBe(0.5);
    expect(wordSimilarity('one two', 'three four')).toBe(0);
  });

  it('computes a longest common subsequence of sentence ids', () => {
    const lcs = (a: number[], b: number[]) => {
      const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
      return dp[a.length]![b.length]!;
    };
    let seed = 11;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let t = 0; t < 2000; t++) {
      const a = Array.from({ length: Math.floor(rand() * 14) }, () => Math.floor(rand() * 5));
      const b = Array.from({ length: Math.floor(rand() * 14) }, () => Math.floor(rand() * 5));
      const pairs = commonPairs(a, b);
      pairs.forEach(([i, j], k) => {
        expect(a[i]).toBe(b[j]);
        if (k > 0) {
          expect(i).toBeGreaterThan(pairs[k - 1]![0]);
          expect(j).toBeGreaterThan(pairs[k - 1]![1]);
        }
      });
      expect(pairs.length).toBe(lcs(a, b));
    }
  });

  it('diffs two 1 MB versions quickly', () => {
    const sentences = Array.from({ length: 18_000 }, (_, i) => `Sentence number ${i} reports figure ${(i * 7919) % 10007} for region ${i % 97}.`);
    const paras: string[] = [];
    for (let i = 0; i < sentences.length; i += 4) paras.push(sentences.slice(i, i + 4).join(' '));
    const oldText = paras.join('\n\n');
    const edited = [...sentences];
    for (let i = 100; i < edited.length; i += 500) edited[i] = edited[i]!.replace('reports', 'now reports');
    for (let i = 300; i < edited.length; i += 1000) edited.splice(i, 1);
    for (let i = 700; i < edited.length; i += 1500) edited.splice(i, 0, 'A brand new sentence appears here about something else entirely.');
    const newParas: string[] = [];
    for (let i = 0; i < edited.length; i += 4) newParas.push(edited.slice(i, i + 4).join(' '));
    const newText = newParas.join('\n\n');
    const t0 = performance.now();
    const d = diffSentences(oldText, newText);
    const ms = performance.now() - t0;
    console.log(`sentence diff of ${(oldText.length / 1e6).toFixed(2)} MB: ${ms.toFixed(0)} ms`);
    expect(d.changed.length).toBe(36);
    expect(d.removed.length).toBe(18);
    expect(d.added.length).toBe(12);
    expect(ms).toBeLessThan(5000);
  }, 30_000);
});
