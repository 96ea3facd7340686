// Deadlines: a day by which or until which something may or must be done ("Claims can be submitted
// online until 31 July", "claims must be lodged by 15 March"). One deadline told twice with two days
// is an inconsistency, in one text or across the reports of a case. Two deadlines are one when they
// are deadlines of acts (a verb, not "is valid until" or "stays closed until") on the same thing (a
// noun the two clauses share, not a person, a time or a place) in the same year.

import type { DateMention } from './dates';
import { peopleNoun } from './restatements';
import { nounLemma, verbLemma } from './referents';
import { isAuxiliary, isCapitalised, isCopula, isNounTok, isVerbTok } from './tokens';
import type { Tok } from './nlp';

export interface Deadline {
  mention: DateMention;
  /** The nouns of the deadline's clause: what is to be done by then. */
  nouns: string[];
}

/** "until", "by", "no later than" right before the date; not "from ... until" (a range). */
const LEAD = /\b(?:until|till|by|before|no\s+later\s+than)\s+(?:the\s+)?$/i;
const RANGE = /\b(?:from|between|since)\b[^.;:!?]{0,60}$/i;
/** Nouns that name no act or thing acted on: times and lengths. */
const TIME_NOUNS = new Set(['day', 'week', 'month', 'year', 'time', 'date', 'morning', 'afternoon', 'evening', 'night', 'end', 'start', 'beginning', 'middle', 'deadline', 'hour', 'minute', 'weekend', 'today', 'tomorrow', 'season']);
/** A clause ends at these tokens' punctuation, or at these words. */
const CLAUSE_WORDS = new Set(['and', 'but', 'while', 'whereas', 'which', 'who', 'when', 'after', 'because', 'although']);

/** The deadline a date in its sentence's tokens sets, or null. */
export function deadlineOf(toks: readonly Tok[], text: string, d: DateMention): Deadline | null {
  if (d.header || d.day <= 0 || toks.length === 0) return null;
  const lead = text.slice(Math.max(toks[0]!.start, d.start - 24), d.start);
  if (!LEAD.test(lead)) return null;
  // (the date's clause: back to a comma, a semicolon or a clause word)
  let k = toks.findIndex((t) => t.start >= d.start) - 1;
  if (k < 0) k = toks.length - 1;
  const end = k;
  while (k > 0 && !/[,;:]/.test(toks[k - 1]!.post) && !CLAUSE_WORDS.has(toks[k - 1]!.norm)) k--;
  const clause = toks.slice(k, end + 1);
  if (RANGE.test(text.slice(clause[0]!.start, d.start))) return null;
  // (an act: a verb that is not a copula; "are valid until", "stays closed until" are states)
  const acts = clause.some((t) => isVerbTok(t) && !isAuxiliary(t) && !isCopula(t) && !/^(?:stay|remain|keep|last|run|continue|wait)$/.test(verbLemma(t)));
  if (!acts || clause.some((t) => isCopula(t) && !clause.some((x) => x.start > t.start && isVerbTok(x) && /(?:ed|en|wn)$/.test(x.norm)))) return null;
  const nouns = clause
    .filter((t) => isNounTok(t) && !isVerbTok(t) && (!isCapitalised(t) || t === toks[0]) && t.start < d.start)
    .map(nounLemma)
    .filter((n) => n.length > 2 && !TIME_NOUNS.has(n) && peopleNoun(n) === null);
  if (nouns.length === 0) return null;
  return { mention: d, nouns: [...new Set(nouns)] };
}

/** Two deadlines of one thing on two days: the pairs, each with the noun they share. */
export function deadlinePairs(list: readonly Deadline[], across?: (a: Deadline, b: Deadline) => boolean): Array<[Deadline, Deadline, string]> {
  const out: Array<[Deadline, Deadline, string]> = [];
  for (let j = 1; j < list.length; j++) {
    const b = list[j]!;
    for (let i = j - 1; i >= 0; i--) {
      const a = list[i]!;
      if (across ? !across(a, b) : a.mention.sentence === b.mention.sentence) continue;
      const ma = a.mention;
      const mb = b.mention;
      if (ma.month === mb.month && ma.day === mb.day) continue;
      if (ma.year !== null && mb.year !== null && ma.year !== mb.year) continue;
      // (far apart, two deadlines of two rounds: "register by 3 March" ... "register by 10 November")
      if (Math.abs((ma.month - mb.month) * 31 + ma.day - mb.day) > 62) continue;
      const noun = a.nouns.find((n) => b.nouns.includes(n));
      if (noun === undefined) continue;
      out.push([a, b, noun]);
      break;
    }
  }
  return out;
}
