// One event, dated twice: "Production began on March 3" ... "the March 17 start of production";
// "met in Vienna on July 8" ... "at the July 6 summit"; "began picking on Oct. 6" ... "Since
// harvesting started on Oct. 9". Each date gets the event it dates: the noun it modifies ("the
// 4 November flooding") or the verb that governs it ("began ... on March 3"), with the nouns
// around. Two dates whose events are one by WordNet (the same lemma, a shared verb synset as
// begin/start, a noun naming the verb's act as meet/meeting/summit) and whose days differ, are
// proposed. Ranges, deadlines ("by", "until"), different events (a start and an end) stay apart.

import type { DateMention } from './dates';
import type { Tok } from './nlp';
import { nounLemma, verbLemma } from './referents';
import { derivedFrom, sameKind } from './restatements';
import { has, isNounTok, isVerbTok } from './tokens';
import { wordnet } from './wordnet';

export interface EventDate {
  mention: DateMention;
  /** The event: a verb lemma or an event noun. */
  predicate: string;
  pos: 'n' | 'v';
  /** Nouns around it: what began, who met. */
  participants: string[];
}

const NOT_EVENTS = new Set(['be', 'have', 'say', 'tell', 'add', 'report', 'announce', 'state', 'note', 'publish', 'do', 'make', 'get', 'take', 'see', 'show']);
const RANGE_OR_DEADLINE = /\b(?:from|between|until|till|by|before|after|through|to|and|or|since at least)\s+(?:the\s+)?$/i;
const REPEATED = /\b(?:again|another|second|next|subsequent|follow-up|once more|reopen\w*|resum\w*)\b/i;
const FUNCTION_WORDS = new Set(['on', 'in', 'at', 'by', 'for', 'of', 'to', 'from', 'with', 'as', 'than', 'that', 'which']);
const STOP_NOUNS = new Set(['day', 'week', 'month', 'year', 'time', 'date', 'morning', 'afternoon', 'evening', 'night']);

/** The event a date in its sentence's tokens dates, or null when none is clear. */
export function eventOfDate(toks: readonly Tok[], text: string, d: DateMention): EventDate | null {
  if (d.header) return null;
  // "met again on 10 May", "the second vote on": one of a series, not the one event.
  const near = text.slice(Math.max(toks[0]?.start ?? 0, d.start - 40), Math.min(toks.at(-1)?.end ?? d.end, d.end + 12));
  if (REPEATED.test(near)) return null;
  if (RANGE_OR_DEADLINE.test(text.slice(Math.max(0, d.start - 20), d.start))) return null;
  if (/^\s*(?:-|–|to|and|or|through)\s/.test(text.slice(d.end, d.end + 5))) return null;
  const after = toks.findIndex((t) => t.start >= d.end);
  const before = toks.findIndex((t) => t.start >= d.start);
  const participants: string[] = [];
  // "the 4 November flooding", "the March 17 start of production": the noun after the date.
  const modifies = /\b(?:the|her|his|its|their|this|that)\s+$/i.test(text.slice(Math.max(0, d.start - 7), d.start));
  if (modifies && after >= 0 && /^\p{Ll}/u.test(toks[after]!.text) && !['of', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'was', 'is', 'were', 'had', 'has'].includes(toks[after]!.norm)) {
    let head = after;
    while (head + 1 < toks.length && isNounTok(toks[head + 1]) && !/[,.;]/.test(toks[head]!.post)) head++;
    for (let k = after; k < head; k++) participants.push(nounLemma(toks[k]!));
    if (toks[head + 1]?.norm === 'of' && isNounTok(toks[head + 2])) participants.push(nounLemma(toks[head + 2]!));
    const predicate = nounLemma(toks[head]!);
    if (STOP_NOUNS.has(predicate)) return null;
    return { mention: d, predicate, pos: 'n', participants };
  }
  // "a special election on March 18": the event noun the date follows.
  const nounBefore = /\b([\p{Ll}]+)\s+(?:on|of)\s+$/u.exec(text.slice(Math.max(0, d.start - 30), d.start));
  const verbNear = (k: number) => toks.slice(Math.max(0, k - 4), k).some((t) => isVerbTok(t) && !has(t, 'Preposition'));
  if (nounBefore && before > 1 && isNounTok(toks[before - 2]) && !isVerbTok(toks[before - 2]) && !verbNear(before - 2)) {
    const predicate = nounLemma(toks[before - 2]!);
    if (!STOP_NOUNS.has(predicate)) return { mention: d, predicate, pos: 'n', participants };
  }
  // "Production began on March 3": the nearest full verb before the date in its clause.
  for (let k = (before < 0 ? toks.length : before) - 1; k >= 0 && k >= before - 10; k--) {
    const t = toks[k]!;
    if (/[;:]/.test(t.post)) break;
    if (!isVerbTok(t) || has(t, 'Preposition') || FUNCTION_WORDS.has(t.norm) || /ing$/.test(t.norm)) continue;
    const verb = verbLemma(t);
    if (NOT_EVENTS.has(verb)) return null;
    for (let j = Math.max(0, k - 4); j < Math.min(toks.length, (before < 0 ? toks.length : before)); j++) {
      const w = toks[j]!;
      if (j === k || (/^\p{Lu}/u.test(w.text) && j > 0)) continue;
      if (/ing$/.test(w.norm)) participants.push(w.norm);
      else if (isNounTok(w)) participants.push(nounLemma(w));
    }
    // "began picking": the gerund names the event better than "begin".
    const next = toks[k + 1];
    if ((verb === 'begin' || verb === 'start') && next && /ing$/.test(next.norm)) participants.push(next.norm);
    return { mention: d, predicate: verb, pos: 'v', participants };
  }
  return null;
}

const verbSynsets = new Map<string, Set<number>>();
function synsetsOfVerb(v: string): Set<number> {
  let s = verbSynsets.get(v);
  if (!s) verbSynsets.set(v, (s = new Set(wordnet()?.synsets(v, 'v').slice(0, 4).map((x) => x.offset) ?? [])));
  return s;
}

/** The verb a gerund or an -ing noun comes from ("harvesting" -> "harvest", "flooding" -> "flood"). */
function verbOfIng(word: string): string | null {
  if (!/ing$/.test(word)) return null;
  const base = word.slice(0, -3);
  for (const v of [base, `${base}e`, base.replace(/(.)\1$/, '$1')]) if (synsetsOfVerb(v).size > 0) return v;
  return null;
}

function sameEvent(a: EventDate, b: EventDate): boolean {
  const pa = a.pos === 'v' ? a.predicate : (verbOfIng(a.predicate) ?? a.predicate);
  const pb = b.pos === 'v' ? b.predicate : (verbOfIng(b.predicate) ?? b.predicate);
  if (pa === pb) return true;
  const va = a.pos === 'v' || verbOfIng(a.predicate) !== null;
  const vb = b.pos === 'v' || verbOfIng(b.predicate) !== null;
  if (va && vb) {
    const sa = synsetsOfVerb(pa);
    return [...synsetsOfVerb(pb)].some((x) => sa.has(x));
  }
  if (!va && !vb) return sameKind(pa, pb);
  const [noun, verb] = va ? [pb, pa] : [pa, pb];
  return derivedFrom(noun, verb) || (wordnet()?.synsets(verb, 'v').slice(0, 4).some((s) => s.pointers.some((p) => p.symbol === '+' && p.pos === 'n' && wordnet()!.synset(p.offset, 'n').words.some((w) => sameKind(noun, w)))) ?? false);
}

/** "began" and "start of production" share what began; a bare "met" needs no participant. */
function sameParticipants(a: EventDate, b: EventDate): boolean {
  // Two event nouns ("the March 11 election") stand alone; a verb needs what it is about.
  if (a.pos === 'n' && b.pos === 'n') return true;
  const pb = [...b.participants, ...(b.pos === 'n' ? [b.predicate] : [])];
  const pa = [...a.participants, ...(a.pos === 'n' ? [a.predicate] : [])];
  const verbsMatch = (x: string, y: string) => {
    const vx = verbOfIng(x);
    const vy = verbOfIng(y);
    if (vx === null || vy === null) return false;
    if (vx === vy) return true;
    const up = (v: string) => new Set(wordnet()?.reach(wordnet()!.synsets(v, 'v').slice(0, 3), ['@'], 1).map((s) => s.offset) ?? []);
    const sx = synsetsOfVerb(vx);
    const sy = synsetsOfVerb(vy);
    return [...up(vx)].some((o) => sy.has(o)) || [...up(vy)].some((o) => sx.has(o));
  };
  return pa.some((x) => pb.some((y) => x === y || verbsMatch(x, y) || sameKind(x, y)));
}

function dayNumber(e: EventDate): number {
  return (e.mention.year ?? 0) * 400 + e.mention.month * 32 + e.mention.day;
}

/** Pairs of dates given for one event, different days, in different sentences. */
export function eventDateRestatements(events: readonly EventDate[]): Array<[EventDate, EventDate]> {
  const out: Array<[EventDate, EventDate]> = [];
  for (let j = 1; j < events.length; j++) {
    const b = events[j]!;
    for (let i = j - 1; i >= 0 && i >= j - 30; i--) {
      const a = events[i]!;
      if (a.mention.sentence === b.mention.sentence || dayNumber(a) === dayNumber(b)) continue;
      if (a.mention.year !== null && b.mention.year !== null && a.mention.year !== b.mention.year) continue;
      if (Math.abs((a.mention.month - b.mention.month) * 31 + a.mention.day - b.mention.day) > 45) continue;
      if (!sameEvent(a, b) || !sameParticipants(a, b)) continue;
      out.push([a, b]);
      break;
    }
  }
  return out;
}
