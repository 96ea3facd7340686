// Deadlines: a day by which or until which something may or must be done ("Claims can be submitted
// online until 31 July", "claims must be lodged by 15 March"). One deadline told twice with two days
// is an inconsistency, in one text or across the reports of a case. Two deadlines are one when they
// are deadlines of acts (a verb, not "is valid until" or "stays closed until") on the same thing (a
// noun the two clauses share, not a person, a time or a place) in the same year.

import type { DateMention } from './dates';
import { derivedFrom, peopleNoun } from './restatements';
import { nounLemma, verbLemma } from './referents';
import { isAuxiliary, isCapitalised, isCopula, isNounTok, isVerbTok } from './tokens';
import type { Tok } from './nlp';

export interface Deadline {
  mention: DateMention;
  /** The nouns of the deadline's clause: what is to be done by then. */
  nouns: string[];
  /** The verbs of its acts ("will rule on it by 20 October": rule), whose nouns another deadline may name ("its ruling"). */
  acts: string[];
}

/** "until", "by", "no later than" right before the date; not "from ... until" (a range). */
const LEAD = /\b(?:until|till|by|before|no\s+later\s+than)\s+(?:the\s+)?$/i;
const RANGE = /\b(?:from|between|since)\b[^.;:!?]{0,60}$/i;
/** Nouns that name no act or thing acted on: times and lengths. */
const TIME_NOUNS = new Set(['day', 'week', 'month', 'year', 'time', 'date', 'morning', 'afternoon', 'evening', 'night', 'end', 'start', 'beginning', 'middle', 'deadline', 'hour', 'minute', 'weekend', 'today', 'tomorrow', 'season']);
/** Words that make "until" the day a thing was at last done. */
const NEGATIONS = new Set(['no', 'not', 'never', 'none', 'nothing', 'nobody', 'cannot']);
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
  // ("no warning was issued until 13 July", "did not open until 4 May": the day it was done, no deadline)
  if (/\b(?:until|till)\s+(?:the\s+)?$/i.test(lead) && clause.some((t) => NEGATIONS.has(t.norm) || /n['’]t$/.test(t.norm))) return null;
  // ("gives the school until 1 November to offer employment contracts": the act told after the day)
  let after = toks.findIndex((t) => t.start >= d.end);
  if (after >= 0 && toks[after]!.norm === 'to' && isVerbTok(toks[after + 1]) && !/[,;:]/.test(toks[after - 1]!.post)) {
    let x = after + 1;
    while (x + 1 < toks.length && !/[,;:.]/.test(toks[x]!.post) && !CLAUSE_WORDS.has(toks[x + 1]!.norm)) x++;
    clause.push(...toks.slice(after + 1, x + 1));
  } else after = -1;
  // (an act: a verb that is not a copula; "are valid until", "stays closed until" are states; "is
  // due by" is the day a thing must come)
  const isAct = (t: Tok) => isVerbTok(t) && !isAuxiliary(t) && !isCopula(t) && !/^(?:stay|remain|keep|last|run|continue|wait)$/.test(verbLemma(t));
  const due = (t: Tok) => isCopula(t) && clause.some((x) => x.start > t.start && x.norm === 'due');
  if (!clause.some(isAct) && !clause.some(due)) return null;
  if (clause.some((t) => isCopula(t) && !due(t) && !clause.some((x) => x.start > t.start && isVerbTok(x) && /(?:ed|en|wn)$/.test(x.norm)))) return null;
  const nouns = clause
    .filter((t) => isNounTok(t) && !isVerbTok(t) && (!isCapitalised(t) || t === toks[0]) && (t.start < d.start || after >= 0))
    .map(nounLemma)
    .filter((n) => n.length > 2 && !TIME_NOUNS.has(n) && peopleNoun(n) === null);
  const acts = clause.filter(isAct).map(verbLemma);
  if (nouns.length === 0 && acts.length === 0) return null;
  return { mention: d, nouns: [...new Set(nouns)], acts: [...new Set(acts)] };
}

/** The noun two deadlines share, or one names the act of the other's verb ("its ruling by 30 October" / "will rule on it by 20 October"). */
function sharedNoun(a: Deadline, b: Deadline): string | undefined {
  return a.nouns.find((n) => b.nouns.includes(n)) ?? a.nouns.find((n) => b.acts.some((v) => derivedFrom(n, v))) ?? b.nouns.find((n) => a.acts.some((v) => derivedFrom(n, v)));
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
      const noun = sharedNoun(a, b);
      if (noun === undefined) continue;
      out.push([a, b, noun]);
      break;
    }
  }
  return out;
}
