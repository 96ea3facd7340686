import { describe, expect, it } from 'vitest';
import { suggest } from './index';
import { figuresOf } from './index';
import { candidates, featureSign, pairFeatures } from './weighed';
import { PAIR_WEIGHTS } from './weights';

const MARKET = `TARTU, Estonia, 12 September 2026 - The autumn craft market on the town square drew 412 stallholders from across the Baltic states on Saturday, its organisers said.

Rain kept visitors away in the morning, but the square was full by noon. A brass band played outside the town hall until the evening.

"People come for the woollens and stay for the soup," said Kadri Tamm, who has sold knitted mittens at the market since it began.

The city council gave the market a grant this year to pay for new awnings. Stalls selling food were moved to the river side of the square.

Organisers said the 465 traders who took part had sold more than in any autumn since the pandemic, and that the spring market would be larger still.
`;

const pairs = (text: string) => suggest(text).flatMap((s) => (s.type === 'inconsistency' ? [s.spans.map((x) => x.text)] : []));

describe('figures weighed (weighed.ts)', () => {
  it('proposes two figures no rule pairs when the evidence together is strong, and says what it weighed', () => {
    // (stallholder / trader: WordNet does not link them; far apart, close in size, the second points back)
    const found = suggest(MARKET).filter((s) => s.type === 'inconsistency');
    expect(found.map((s) => (s.type === 'inconsistency' ? s.spans.map((x) => x.text) : []))).toEqual([['412 stallholders', 'the 465 traders']]);
    const why = found[0]!.type === 'inconsistency' ? found[0]!.explanation : '';
    expect(why).toContain('read as one figure told twice');
    expect(why).toContain('the second points back');
    expect(why).toContain('412 and 465');
  });

  it('stays silent when a reason keeps the figures apart: another period, a plan', () => {
    const swap = (to: string) => MARKET.replace('Organisers said the 465 traders who took part had sold', to);
    expect(pairs(swap("Organisers said last spring's market, with 465 traders, had sold"))).toEqual([]);
    expect(pairs(swap('Organisers said the market plans to host 465 traders next year, and they had sold'))).toEqual([]);
  });

  it('weighs only figures of one kind and unit, in different sentences, within twice each other', () => {
    const qs = figuresOf('The club has 40 members and 45 volunteers. Later it had 44 members. It also owns 200 boats.');
    const shown = candidates(qs, 'The club has 40 members and 45 volunteers. Later it had 44 members. It also owns 200 boats.').map(({ a, b }) => [a.value, b.value]);
    expect(shown).toContainEqual([40, 44]);
    expect(shown).not.toContainEqual([40, 45]);
    expect(shown.some(([x, y]) => x === 200 || y === 200)).toBe(false);
  });

  it('the learned weights are for the signs pairFeatures gives, each with the sign its evidence can have', () => {
    const qs = figuresOf(MARKET);
    const [c] = candidates(qs, MARKET);
    const names = Object.keys(pairFeatures(c!, qs, MARKET));
    expect(Object.keys(PAIR_WEIGHTS).sort()).toEqual([...names].sort());
    for (const [name, w] of Object.entries(PAIR_WEIGHTS)) expect(featureSign(name) * w, name).toBeGreaterThanOrEqual(0);
  });
});
