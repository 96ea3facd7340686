/**
 * The two sides of one vote, told as shares: "Some 56 percent of those voting backed the cut" ...
 * "The 48 percent of voters who rejected the plan". Those for and those against are parts of one
 * whole that cannot overlap, so their shares cannot add up to more than all of it (abstentions and
 * spoilt ballots may make them add up to less). WordNet has no sides of a vote, so the verbs that
 * take a side are a small table here.
 */

import type { Conflict } from './inconsistencies';
import type { Quantity } from './quantities';
import { sentenceAround } from './derived';

/** The whole a share of a vote is told of: "of those voting", "of voters", "of the votes cast". */
const VOTE_WHOLE = String.raw`of\s+(?:the\s+|all\s+)?(?:those\s+(?:who\s+)?(?:voting|voted|casting\s+(?:a\s+)?ballots?)|(?:valid\s+)?(?:voters|votes|ballots)(?:\s+cast)?|vote|electorate|turnout)`;
const FOR = String.raw`backed|supported|approved|endorsed|favou?red|accepted|voted\s+(?:for|yes|in\s+favou?r)|said\s+yes`;
const AGAINST = String.raw`rejected|opposed|voted\s+(?:against|no)|said\s+no|turned\s+(?:it\s+)?down|voted\s+(?:it\s+)?down`;
/** After a share: its vote's whole, then (in a relative clause or as its verb) the side it took. */
const SIDE_AFTER = new RegExp(String.raw`^\s+${VOTE_WHOLE}\s+(?:who\s+|that\s+)?(?:(${FOR})|(${AGAINST}))\b`, 'iu');

/** The side a share of a vote took, or null when it is not told so. */
export function voteSide(q: Quantity, text: string): 'for' | 'against' | null {
  if (q.kind !== 'percent' || q.unit !== '%') return null;
  const m = SIDE_AFTER.exec(text.slice(q.end, q.end + 80));
  if (!m) return null;
  return m[1] !== undefined ? 'for' : 'against';
}

/** The years named in the sentence around a figure. */
function yearsNear(text: string, q: Quantity): string {
  return [...text.slice(...sentenceAround(text, q.start, q.end)).matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => m[0]).join(' ');
}

/** The least a share may be: a share told "about" or "some" is rounded to within a point. */
function least(q: Quantity): number {
  if (q.approx === 'exact' || q.approx === 'atLeast' || q.approx === 'moreThan') return q.value;
  if (q.approx === 'about') return q.value - 1;
  return 0;
}

/** Shares of one vote on its two sides that add up to more than the whole: one text's first such pair. */
export function voteSideConflicts(qs: readonly Quantity[], text: string): Conflict[] {
  const sided = qs.map((q) => ({ q, side: voteSide(q, text) })).filter((x): x is { q: Quantity; side: 'for' | 'against' } => x.side !== null).map((x) => ({ ...x, years: yearsNear(text, x.q) }));
  for (const x of sided) {
    for (const y of sided) {
      if (y.q.start <= x.q.start || x.side === y.side || x.q.sentence === y.q.sentence) continue;
      // (two votes told of different years are two votes)
      if (x.years !== y.years) continue;
      const sum = least(x.q) + least(y.q);
      if (sum <= 100) continue;
      const [f, g] = x.side === 'for' ? [x.q, y.q] : [y.q, x.q];
      return [
        {
          kind: 'percent',
          a: x.q,
          b: y.q,
          explanation: `"${text.slice(f.start, f.end)}" for and "${text.slice(g.start, g.end)}" against are the two sides of one vote: together ${Math.round((f.value + g.value) * 10) / 10} percent, more than all who voted.`,
        },
      ];
    }
  }
  return [];
}
