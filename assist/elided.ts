// A count whose noun is left out because the reader already has it: "Each of the 18 can switch to
// coloured vinyl", "Every one of the 3,100 donated so far this year is washed". "Each of", "every
// one of" and "all of" speak of the whole set told before, so the number must be that set's size.
// When no count before it has that number and exactly one count before it is near it (within half
// again), the text has told the set's size twice, differently: "installed 16 automated presses" ...
// "Each of the 18". With two such counts before it, which set is meant is unclear and nothing is said.

import type { Conflict } from './inconsistencies';
import { fmt } from './inconsistencies';
import type { Quantity } from './quantities';
import { wordnet } from './wordnet';

/** "Each of the 18", "every one of the 3,100", "All of the 40": a whole set by its number alone. */
const ELIDED = /\b(?:(?:[Ee]ach|[Ee]very\s+one|[Aa]ll)\s+of|[Oo]f)\s+(?:the|its|their|these|those)\s+(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]?\d)(?=\s+([\p{L}'’-]+))/gu;
/** Words after the number that show no noun follows it: a verb, an auxiliary, a relative, an adverb. */
const NO_NOUN = new Set(['that', 'which', 'who', 'can', 'could', 'will', 'would', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'must', 'should', 'may', 'might', 'now', 'still', 'already', 'also', 'all', 'each']);
/** A count is near another within half again ("16" and "18"; not "3" and "18"). */
const NEAR = 1.5;

/** The word after the number names no thing: a function word, or a word WordNet has as a verb and not as a noun. */
function noNounAfter(word: string): boolean {
  const w = word.toLowerCase();
  if (NO_NOUN.has(w)) return true;
  const wn = wordnet();
  if (!wn || !/^\p{Ll}+$/u.test(word)) return false;
  const stem = w.replace(/(?:ed|d|s)$/, '');
  const verb = [w, stem, `${stem}e`].some((x) => wn.synsets(x, 'v').length > 0);
  return verb && wn.synsets(w, 'n').length === 0;
}

export function elidedConflicts(qs: readonly Quantity[], text: string): Conflict[] {
  const out: Conflict[] = [];
  const counts = qs.filter((q) => q.kind === 'count' && q.rate === null && q.head !== null);
  for (const m of text.matchAll(ELIDED)) {
    if (!noNounAfter(m[2]!)) continue;
    // ("Of the 19 that were searched": a whole by a relative clause only)
    if (/^[Oo]f$/.test(m[0].split(/\s+/)[0]!) && !/^(?:that|which|who)$/i.test(m[2]!)) continue;
    const value = Number(m[1]!.replace(/,/g, ''));
    if (value < 5) continue;
    const end = m.index + m[0].length;
    const before = counts.filter((q) => q.end <= m.index);
    if (before.some((q) => q.value === value)) continue;
    const near = before.filter((q) => q.value >= 2 && Math.max(q.value, value) / Math.min(q.value, value) <= NEAR);
    if (near.length !== 1) continue;
    const a = near[0]!;
    // (told in the same sentence, it is a part or a second set: "16 presses, and each of the 18 staff")
    if (/[.!?]\s/.test(text.slice(a.end, m.index)) === false) continue;
    const b: Quantity = { ...a, start: m.index, end, value, approx: 'exact', head: null };
    out.push({
      kind: 'count',
      a,
      b,
      explanation: `"${text.slice(m.index, end)}" names its set by number alone, and the one count told before it near that number is "${text.slice(a.start, a.end)}": ${fmt(a.value)} vs ${fmt(value)}.`,
    });
  }
  return out;
}
