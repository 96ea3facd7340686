import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Layered } from './layered';

describe('a layered map', () => {
  it('reads as the map it was made from with the changes written, and leaves that one as it was', () => {
    const a = Layered.from([
      [1, 'one'],
      [2, 'two'],
    ]);
    const b = a.with([[3, 'three'], [1, 'uno']], [2, 9]);
    expect([b.get(1), b.get(2), b.get(3), b.has(2), b.size]).toEqual(['uno', undefined, 'three', false, 2]);
    expect([a.get(1), a.get(2), a.has(3), a.size]).toEqual(['one', 'two', false, 2]);
    const c = b.with([[2, 'dos']], []);
    expect([c.get(2), c.size, b.has(2)]).toEqual(['dos', 3, false]);
  });

  it('matches a plain Map through any sequence of changes, folding its layers as they grow', () => {
    const change = fc.record({ set: fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), fc.string()), { maxLength: 6 }), removed: fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
        let layered = Layered.from<number, string>([]);
        const plain = new Map<number, string>();
        for (const c of changes) {
          layered = layered.with(c.set, c.removed);
          for (const k of c.removed) plain.delete(k);
          for (const [k, v] of c.set) plain.set(k, v);
          expect(layered.size).toBe(plain.size);
          expect(new Map(layered.entries())).toEqual(plain);
          for (let k = 0; k <= 80; k++) expect([layered.has(k), layered.get(k)]).toEqual([plain.has(k), plain.get(k)]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
