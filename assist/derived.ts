// Percentages a text implies with two figures, set against the percentage it states. A reporter who
// writes "visits have fallen by 40 percent" and later "about 210,000 visits in 2019 and 168,000 last
// year" has told one change twice, once as a rate (40 percent) and once as two levels (20 percent); "60 percent
// of the street lights" and "9,000 of the county's 20,000 lamps" (45 percent) tell one share twice.
// The implied figure is exact arithmetic on what is written; the stated one keeps its qualifier
// ("more than 60 percent"), and the two disagree only when neither's rounding can close the gap.
//
// A derived figure is read only from a few plain shapes in one sentence:
//   change: "from X to Y" after a change verb, "X ... will shrink to Y", "X in 2019 and Y last year",
//           "Y this year against X last year";
//   share:  "X of the (county's) Y", "X out of Y".
// It is compared with a stated percentage of the same sort (a change with a change of the same
// direction, a share with a share) in another sentence, when the two name the same thing (a noun of
// one is a noun, or a kind of a noun, of the other) and are of one time (both looking ahead, or
// neither; no year named by one that the other does not name).

import type { Conflict } from './inconsistencies';
import { fmt, hours, interval } from './inconsistencies';
import type { Quantity } from './quantities';
import { derivedFrom, figureAbout, oneAct, peopleNoun, percentReading, sameKind, SOLE_RATIO } from './restatements';
import { hasNounSense, wordnet } from './wordnet';
import { infinitive, numberValue, PAST_TENSE, singular } from './nlp';
import { CARDINAL_WORDS, MONTHS, WEEKDAYS } from './lexicon';
import { Mentions, personNoun } from './mentions';

interface Derived {
  /** Where the first figure it is worked out from starts, and where the second ends. */
  start: number;
  end: number;
  /** What it is of: the nouns of the first figure and of its clause; and the words said after the second ("had booked online"). */
  nouns: string[];
  said: string[];
  /** For a share, the noun of its whole ("lamps" in "9,000 of the county's 20,000 lamps"). */
  whole?: string | null;
  sort: 'change' | 'share';
  /** Percent: signed for a change (+37.5), 0-100 for a share. */
  value: number;
  /** How far the figure may be off from the rounding of the figures it is worked out from. */
  slack: number;
  /** The years it speaks of, and whether it looks ahead. */
  years: number[];
  ahead: boolean;
  /** How it was read, for the explanation: "1,400 to 1,120". */
  how: string;
  /** Compared only with a stated figure that what is said of it also names ("310 of the 980 people who borrowed a chair were tourists"). */
  saidToo?: boolean;
  /** The modifiers of its whole ("the 40 new council homes"), which a stated share's whole must have too. */
  wholeMods?: string[];
  /** Two sums of money: a change of what is paid ("€16.50 for adults, up from €15"). */
  money?: boolean;
}

const QUAL = String.raw`(?:about|around|roughly|nearly|almost|some|just|over|under|more than|less than|fewer than|close to|an estimated)\s+`;
const CHANGE_VERB = String.raw`(?:shr[iu]nk|shrunk|shrinks|fall|falls|fell|fallen|drop|drops|dropped|rise|rises|rose|risen|grow|grows|grew|grown|increase|increases|increased|decrease|decreases|decreased|climb|climbs|climbed|cut|reduced|be reduced|go up|went up|gone up|go down|went down|gone down|jump|jumped|slip|slipped|sink|sank|sunk|swell|swelled|plunge|plunged|soar|soared)`;
/** "from 410 to 560" (with a change verb before it in the sentence). */
const FROM_BEFORE = new RegExp(String.raw`\bfrom\s+(?:${QUAL})?[$£€¥]?\s*$`, 'i');
const TO_BETWEEN = new RegExp(String.raw`^\s*(?:[\p{L}'’-]+\s+|(?:19|20)\d\d\s+){0,3}?to\s+(?:${QUAL})?[$£€¥]?\s*$`, 'iu');
/**
 * "Journeys to hospital fell from 2,600 in the comparable period before the pilot to 1,820": bare
 * levels after a verb of change, of the clause's subject; the time of the first may take more words.
 */
const BARE_FROM = new RegExp(String.raw`\b${CHANGE_VERB}\s+from\s+(?:${QUAL})?(?=\d)`, 'giu');
const WIDE_TO_BETWEEN = new RegExp(String.raw`^\s*(?:[\p{L}'’-]+\s+|(?:19|20)\d\d\s+){0,8}?to\s+(?:${QUAL})?\s*$`, 'iu');
const CHANGE_BEFORE = new RegExp(String.raw`\b(?:${CHANGE_VERB}|went|gone|moved)\b[^.;:!?]{0,60}$`, 'i');
/** "1,400 weekly departures will shrink to 1,120", "the 310 beds are to be cut to 240". */
const SHIFT_BETWEEN = new RegExp(String.raw`^\s*(?:[\p{L}'’-]+\s+){0,4}?(?:(?:will|would|could|is|are|was|were|has|have|had|set|due|expected|to|be|been)\s+){0,3}${CHANGE_VERB}\s+to\s+(?:${QUAL})?[$£€¥]?\s*$`, 'iu');
/** A time a level is told of: "in 2019", "in early 2023", "in March 2024", "last winter", "this season", "a year earlier", "so far". */
const LABEL = String.raw`\b(?:in\s+(?:(?:early|mid|late)[\s-]+|(?:${MONTHS.join('|')})\s+)?(?:19|20)\d\d|(?:last|this|the\s+previous)\s+(?:year|season|winter|summer|spring|autumn|month|quarter)|the\s+year\s+before|a\s+year\s+(?:earlier|before|ago)|so\s+far|now)\b`;
/** Two levels set side by side: "about 210,000 visits in 2019 and 168,000 last year", "about 24,000
 *  sessions; this winter the figure stands at 31,000". */
const SIDE_BY_SIDE = /(?:,|;|\band\b|\bbut\b|\bagainst\b|\bcompared\s+with\b|\bversus\b|\bwhile\b|\bwhereas\b)/i;
/** After the second level: nothing of its own (a time, a stop, a conjunction), or it is no second level of the first's thing. */
const BARE_AFTER = /^\s*(?:[.,;:!?)]|$|(?:in|last|this|a|the|so|now|by|at|on|over|during|for|against|compared|and|but|while|whereas|from|up|down|according)\b)/i;
/** "3,410 this winter, against 2,480 a year earlier": the second figure is the earlier level. */
const AGAINST_BETWEEN = new RegExp(String.raw`^[^.;:!?\d]{0,50}?\b(?:against|compared\s+with|compared\s+to|versus|up\s+from|down\s+from)\s+(?:${QUAL})?[$£€¥]?\s*$`, 'iu');
const UP_FROM_BETWEEN = /\b(?:up|down)\s+from\s+\S*$/i;
const EARLIER_AFTER = /^[^.;:!?\d]{0,40}?\b(?:last\s+year|the\s+(?:previous|year)\s+(?:year|before)|a\s+year\s+(?:earlier|before|ago)|in\s+(?:19|20)\d\d|the\s+same\s+(?:period|weeks|months|time))\b/iu;
/** "9,000 of the county's 20,000 lamps", "287 out of 412 knitters". */
const SHARE_BETWEEN = /^\s*(?:[\p{Ll}-]+\s+){0,2}?(?:out\s+)?of\s+(?:(?:the|its|their|his|her|our|this|that|all)\s+)?(?:[\p{L}.-]+['’]s\s+)?(?:total\s+of\s+)?$/u;
// ("Of the 310 machines", "Of Latvia's 1.58 million adults": a whole told first, its owner named or not)
// ("Of 248,000 people on leave, 161,000 were women": with no determiner when "Of" opens the sentence)
const OF_WHOLE_BEFORE = /\bof\s+(?:(?:the|its|their|all(?:\s+the)?)\s+|(?:the\s+)?\p{Lu}[\p{L}.-]*['’]s\s+)$|(?:^|\n|[.!?]["”’]?\s+)Of\s+$/iu;
// (the part may be stressed: "of the 310 shops counted in the old town, only 62")
// (the whole's own words may hold a year or an age: "Of the 2,400 pupils aged 12, 1,080 ...", "Of the
// 310 machines operating in early 2025, 155 ...": the part is the first number after the comma)
const WHOLE_THEN = /^[^.;:!?]{0,70}?,\s*/u;
/** "a survey of ", "a poll of ": a noun before "of" (what asked the whole). */
const NOUN_OF_BEFORE = /\b(\p{Ll}{4,})\s+of\s+$/u;
const INQUIRIES = new Map<string, boolean>();
/**
 * ("In a city survey of 2,000 customers, 380 lived outside the city": a whole asked or sampled is
 * told first, its part after the comma) A noun whose first two WordNet senses are an investigation
 * (635107: survey, census, audit) or an inquiry (5805605: poll), or a sample (5830135, 6036061).
 */
function inquiry(w: string): boolean {
  let known = INQUIRIES.get(w);
  if (known === undefined) {
    const wn = wordnet();
    const roots = new Set([635107, 5805605, 5830135, 6036061]);
    known = wn !== null && wn.synsets(w, 'n').slice(0, 2).some((s) => roots.has(s.offset) || wn.reach([s], ['@'], 4).some((u) => roots.has(u.offset)));
    INQUIRIES.set(w, known);
  }
  return known;
}
const PART_OPENS = new RegExp(String.raw`^(?:(?:only|barely|merely|a\s+mere)\s+)?(?:${QUAL})?$`, 'iu');
const AHEAD = /\b(?:will|would|could|plans?|planned|planning|proposed?|proposals?|expected|expects?|forecast|due to|set to|is to|are to|aims?|target|face|faces|facing)\b/i;

/** The second level is of the first's thing: no noun of its own after it, or the same noun. */
function secondOfSame(head: string | null, after: string): boolean {
  if (BARE_AFTER.test(after)) return true;
  const noun = /^\s*(\p{L}+)/u.exec(after)?.[1];
  return noun !== undefined && head !== null && (singular(noun.toLowerCase()) === head || sameKind(singular(noun.toLowerCase()), head));
}

function yearOf(label: string, year: number): number | null {
  const y = /(?:19|20)\d\d/.exec(label);
  if (y) return Number(y[0]);
  if (/last|previous|before|earlier|ago/i.test(label)) return year - 1;
  if (/this|now|so far/i.test(label)) return year;
  return null;
}

/** The clause a figure stands in, of the text before it: after the last comma, colon or dash
 *  ("will stay ... after a summer in which its operator says it sold": only the second clause). */
function nearClause(lead: string): string {
  return lead.split(/[,;:–—]|\b(?:after|before|when|which|that|because|although|while)\b/).at(-1)!;
}

/** The sentence's text before `at` (at most 160 characters). */
function sentenceBefore(text: string, at: number): string {
  return text.slice(Math.max(0, at - 160), at).split(/[.!?]\s/).at(-1)!;
}

/** A number written in digits: its value, the multiplier after it, where it stands, and whether a qualifier ("about") comes before it. */
interface Written {
  value: number;
  /** The multiplier written after it ("million"), 1 when none. */
  scale: number;
  start: number;
  end: number;
  approx: boolean;
}

// (thousands grouped by commas; a comma after the number ends it: "sells for €75, up from €60")
const NUMBER = /(?:[$£€¥]\s?)?(\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(million|billion|bn|m|k)\b)?/g;
const QUALIFIED = new RegExp(`${QUAL}$`, 'i');
/** "310 of ", "41,000 out of ": a part written before its whole. */
// (or in words: "nine of the 14 people hurt")
const PART_BEFORE = new RegExp(`(?<![\\d,.\\p{L}])(\\d{1,3}(?:,\\d{3})+|\\d+|${CARDINAL_WORDS})\\s+(?:out\\s+)?of\\s+$`, 'iu');
const SCALE: Record<string, number> = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, k: 1e3 };

/** The next number written in digits between `from` and the end of its sentence (not a year). */
function nextNumber(text: string, from: number): Written | null {
  const rest = text.slice(from, from + 200);
  const stop = /[.!?](?:\s|$)/.exec(rest)?.index ?? rest.length;
  const numbers = new RegExp(NUMBER.source, 'g');
  for (let m = numbers.exec(rest); m && m.index < stop; m = numbers.exec(rest)) {
    const digits = m[1]!.replace(/,(?=\d{3})/g, '');
    // ("1,920" is grouped as a number; a year is written "1920")
    if (/^(?:19|20)\d\d$/.test(digits) && !m[1]!.includes(',') && !m[2] && !/[$£€¥]/.test(m[0])) continue;
    const scale = m[2] ? SCALE[m[2].toLowerCase()]! : 1;
    const value = Number(digits) * scale;
    if (!Number.isFinite(value)) return null;
    const lead = rest.slice(Math.max(0, m.index - 16), m.index);
    return { value, scale, start: from + m.index, end: from + m.index + m[0].length, approx: QUALIFIED.test(lead) };
  }
  return null;
}

/** Half a step of the last digit written, relative to the number ("1,400": 50 / 1,400), more when it is hedged. */
function grainOf(written: string, approx: boolean): number {
  const digits = /\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?/.exec(written)?.[0].replace(/,/g, '') ?? '';
  const n = Number(digits);
  if (!n) return 0.05;
  const dot = digits.indexOf('.');
  const grain = dot >= 0 ? 0.5 * 10 ** -(digits.length - dot - 1) : 0.5 * 10 ** /0*$/.exec(digits)![0].length;
  // (a round number is taken as rounded to its last non-zero digit, but never as more than 5 percent off)
  return Math.min(0.05, grain / n) + (approx ? 0.05 : 0);
}

/** What derive reads of the figure a shape opens at: where it starts, its noun, modifiers and clause, and its hedge. */
type Opening = Pick<Quantity, 'start' | 'head' | 'mods' | 'context' | 'approx'>;

function derive(xNum: Written, q: Opening, text: string, year: number, toBetween: RegExp = TO_BETWEEN): Derived | null {
  const xEnd = xNum.end;
  const y = nextNumber(text, xEnd);
  if (!y || y.value <= 0) return null;
  // (the values as written: "from 5.2 to 4.4 million" gives both the multiplier written once)
  let xv = xNum.value;
  let yv = y.value;
  if (xNum.scale === 1 && y.scale > 1) xv *= y.scale;
  else if (y.scale === 1 && xNum.scale > 1) yv *= xNum.scale;
  const xStart = q.start;
  const mid = text.slice(xEnd, y.start);
  const before = sentenceBefore(text, xStart);
  const after = text.slice(y.end, y.end + 80);
  const rest = after.split(/[.!?](?:\s|$)/)[0]!;
  const ahead = AHEAD.test(nearClause(before) + mid + rest);
  const gx = grainOf(text.slice(xNum.start, xNum.end), xNum.approx || q.approx !== 'exact');
  const gy = grainOf(text.slice(y.start, y.end), y.approx);
  const shown = (w: Written) => text.slice(w.start, w.end);
  // (what it is of: the first figure's noun and clause; and what is said after the second)
  const words = (t: string) => [...t.matchAll(/(?<!\p{L})\p{Ll}{4,}/gu)].map((m) => singular(m[0]));
  const nouns = [q.head, ...q.mods, ...q.context].filter((n): n is string => n !== null && n.length > 3);
  // (what is said after it, past the time it is told of: "up from €60 last year" says nothing of it)
  const base = { start: xStart, end: y.end, ahead, nouns, said: words(rest.replace(new RegExp(LABEL, 'giu'), ' ')) };
  const change = (old: number, now: number, how: string, years: number[]): Derived | null => {
    // (a level more than three times another, or under a third of it, is told as a multiple, not a percentage)
    if (old <= 0 || Math.max(old, now) / Math.min(old, now) > 3) return null;
    const value = ((now - old) / old) * 100;
    return { ...base, sort: 'change', value, slack: (now / old) * (gx + gy) * 100, years, how };
  };
  if (SHARE_BETWEEN.test(mid) && xv < yv) {
    const value = (xv / yv) * 100;
    return { ...base, sort: 'share', value, slack: value * (gx + gy), years: [], how: `${shown(xNum)} of ${shown(y)}`, whole: wordAfter(text, y.end) };
  }
  // ("Of the 48,000 riders so far, 19,000 had booked online": the whole first, then its part)
  const lead30 = text.slice(Math.max(0, xNum.start - 30), xNum.start);
  const askedOf = NOUN_OF_BEFORE.exec(lead30);
  if (OF_WHOLE_BEFORE.test(lead30) || (askedOf !== null && inquiry(singular(askedOf[1]!)))) {
    const part = partAfterWhole(text, xEnd);
    if (part) {
      // (the part written in full: "Of Latvia's 1.58 million adults, 540,000")
      const pv = part.value;
      if (pv < xv) {
        const value = (pv / xv) * 100;
        const gp = grainOf(shown(part), part.approx);
        const afterPart = text.slice(part.end, part.end + 80).split(/[.!?](?:\s|$)/)[0]!;
        return { ...base, end: part.end, said: words(afterPart.replace(new RegExp(LABEL, 'giu'), ' ')), sort: 'share', value, slack: value * (gx + gp), years: [], how: `${shown(part)} of ${shown(xNum)}`, whole: q.head ?? wordAfter(text, xNum.end) };
      }
    }
  }
  // (the change verb before the first number, not before the figure: a bare level's span opens at its
  // subject, "The register's count of weddings went from 3,900 ...")
  if ((FROM_BEFORE.test(text.slice(Math.max(0, xNum.start - 12), xNum.start)) && toBetween.test(mid) && CHANGE_BEFORE.test(sentenceBefore(text, xNum.start))) || SHIFT_BETWEEN.test(mid)) {
    return change(xv, yv, `${shown(xNum)} to ${shown(y)}`, labels(mid + rest).map((l) => yearOf(l, year)).filter((n): n is number => n !== null));
  }
  // (two levels told of two times: the time of the first before it or just after it, of the second
  // between them or after it)
  const inMid = labels(mid);
  const xLabel = inMid.length >= 2 || (inMid.length === 1 && labels(rest).length > 0) ? inMid[0] : labels(before).at(-1);
  const yLabel = inMid.length >= 2 ? inMid.at(-1) : inMid.length === 1 && xLabel !== inMid[0] ? inMid[0] : labels(rest)[0];
  if (xLabel && yLabel && SIDE_BY_SIDE.test(mid) && !/\d/.test(mid.replace(/(?:19|20)\d\d/g, ''))) {
    const a = yearOf(xLabel, year);
    const b = yearOf(yLabel, year);
    if (a === null || b === null || a === b || !secondOfSame(q.head, text.slice(y.end, y.end + 40))) return null;
    return a < b ? change(xv, yv, `${shown(xNum)} to ${shown(y)}`, [a, b]) : change(yv, xv, `${shown(y)} to ${shown(xNum)}`, [b, a]);
  }
  // ("will pay €5,250 a year, up from €4,200": a level announced against the one it replaces needs no
  // time; a level told of the past, or set "against" another, names the time of the other)
  if (AGAINST_BETWEEN.test(mid) && ((ahead && UP_FROM_BETWEEN.test(mid)) || EARLIER_AFTER.test(after))) return change(yv, xv, `${shown(y)} to ${shown(xNum)}`, []);
  return null;
}

/** The part told after a whole that opens its sentence: the first number after the whole's comma. */
function partAfterWhole(text: string, from: number): Written | null {
  const m = WHOLE_THEN.exec(text.slice(from, from + 90));
  if (!m) return null;
  const at = from + m[0].length;
  const part = nextNumber(text, at);
  return part && PART_OPENS.test(text.slice(at, part.start)) && !/^\s*(?:%|per\s*cent|percent)/i.test(text.slice(part.end, part.end + 10)) ? part : null;
}

/** The lower-case word right after `at`, singular ("20,000 lamps": lamp). */
function wordAfter(text: string, at: number): string | null {
  const m = /^\s+(\p{Ll}{3,})/u.exec(text.slice(at, at + 30));
  return m ? singular(m[1]!) : null;
}

/** A stated share's whole: the words of its "of" phrase ("60 percent of the county's street lights"). */
function statedWhole(p: Quantity, text: string): string[] {
  const m = /^\s*(?:of\s+)?(?:the\s+|its\s+|their\s+|all\s+)?(?:[\p{L}.-]+['’]s\s+)?((?:\p{Ll}+\s*){1,3})/u.exec(text.slice(p.end, p.end + 50).replace(/^\s*(?:per\s*cent|percent|%)/i, ''));
  return m ? m[1]!.trim().split(/\s+/).map(singular) : [];
}

function labels(t: string): string[] {
  return [...t.matchAll(new RegExp(LABEL, 'giu'))].map((m) => m[0]);
}

/** A figure that is no count or sum of money (a percentage, a measure, a rate, a rank). */
function otherFigure(q: Quantity): boolean {
  return ((q.kind !== 'count' && q.kind !== 'amount') || q.rate !== null || (q.unit !== '' && !/^[A-Z]{3}$/.test(q.unit)));
}

/** The percentages a text implies, one per count or sum of money that opens a shape above (its first number). */
export function derivedFigures(qs: readonly Quantity[], text: string, year: number): Derived[] {
  const out: Derived[] = [];
  for (const q of qs) {
    // (a rate's two levels are a change of the rate: "will pay €5,250 a year, up from €4,200")
    const rated = q.rate !== null && !otherFigure({ ...q, rate: null });
    if (otherFigure(q) && !rated) continue;
    // ("only 310 of the 980 people": a part written just before the whole the reading took for the figure)
    const from = Math.max(0, q.start - 24);
    const part = PART_BEFORE.exec(text.slice(from, q.start));
    if (part) {
      const start = from + part.index + part[0].indexOf(part[1]!);
      const w: Written = { value: /\d/.test(part[1]!) ? Number(part[1]!.replace(/,/g, '')) : (numberValue(part[1]!.toLowerCase()) ?? 0), scale: 1, start, end: start + part[1]!.length, approx: QUALIFIED.test(text.slice(Math.max(0, start - 16), start)) };
      const d = w.value > 0 ? derive(w, q, text, year) : null;
      // (once: two readings may open at one word, "its 80 skaters" and "its 80 skaters are over 40")
      if (d?.sort === 'share' && !rated && !out.some((o) => o.start === w.start && o.end === d.end)) out.push({ ...d, start: w.start, said: d.said.filter((x) => x !== d.whole), saidToo: true, wholeMods: q.mods.map(singular) });
    }
    // (each number written in the figure's words; none followed by "percent")
    for (let w = nextNumber(text, q.start); w && w.start < q.end; w = nextNumber(text, w.end)) {
      if (w.value <= 0 || /^\s*(?:%|per\s*cent|percent|percentage)/i.test(text.slice(w.end, w.end + 12))) continue;
      const d = derive(w, q, text, year);
      if (d && (!rated || d.sort === 'change')) out.push(q.kind === 'amount' ? { ...d, money: true } : d);
    }
  }
  for (const m of text.matchAll(BARE_FROM)) {
    const x = nextNumber(text, m.index + m[0].length);
    if (!x || x.start !== m.index + m[0].length || qs.some((q) => q.start <= x.start && x.end <= q.end)) continue;
    if (!BARE_AFTER.test(text.slice(x.end, x.end + 20))) continue;
    // (what changed: the nouns of the clause before the verb, "Journeys from the villages to hospital")
    const subject = nearClause(sentenceBefore(text, m.index));
    const nouns = [...subject.toLowerCase().matchAll(/\p{L}{4,}/gu)].map((w) => singular(w[0])).filter(hasNounSense);
    if (nouns.length === 0) continue;
    const bare: Opening = { start: m.index, head: null, mods: [], context: nouns, approx: 'exact' };
    const d = derive(x, bare, text, year, WIDE_TO_BETWEEN);
    // (the second level bare too: "to 1,820, freeing", not "to 14 percent")
    if (d?.sort === 'change' && BARE_AFTER.test(text.slice(d.end, d.end + 20))) out.push(d);
  }
  return out;
}

/** "the injured", "the elderly": an adjective used as a noun for people (WordNet has it as an adjective and as no noun, or as a noun of people), no noun after it. */
function nominalAdjective(word: string, next: string | undefined): boolean {
  const wn = wordnet();
  if (!wn || wn.synsets(word, 'a').length === 0 || (next !== undefined && hasNounSense(next))) return false;
  return wn.synsets(word, 'n').length === 0 || peopleNoun(word) !== null;
}

const COSTS = new Map<string, boolean>();
/**
 * A word for what is paid for something (price, fee, fare, toll, rent, subscription): WordNet has a
 * sense of it among its first three under cost (13296870) or monetary value (5152365) within five
 * steps ("charges": the third sense).
 */
function isCost(w: string): boolean {
  let known = COSTS.get(w);
  if (known === undefined) {
    const wn = wordnet();
    const roots = new Set([13296870, 5152365]);
    known = wn !== null && wn.synsets(w, 'n').slice(0, 3).some((s) => roots.has(s.offset) || wn.reach([s], ['@', '@i'], 5).some((u) => roots.has(u.offset)));
    COSTS.set(w, known);
  }
  return known;
}

/** The words of a figure's clause, singular: its sentence before it and the rest of its clause after it. */
function clauseWords(text: string, q: Quantity): string[] {
  const after = text.slice(q.end, q.end + 80).split(/[.;!?,]\s/)[0]!;
  return [...`${sentenceBefore(text, q.start)} ${after}`.toLowerCase().matchAll(/\p{L}{4,}/gu)].map((m) => singular(m[0]));
}

/** A year named as a period ("in 2024", "since 2015", "of March 2023"; not a dateline's). */
const YEAR = /\b(?:in|since|during|from|until|by|for|of|between)\s+(?:\p{L}+\s+)?((?:19|20)\d\d)\b/gu;

/**
 * Stated percentages against the ones the text implies (see above): the first stated percentage of
 * the same sort and thing that no rounding reconciles, unless another such percentage agrees.
 */
/** "nearly" against a figure told exactly: a little under it, down to 0.9 of it (interval() allows 0.8). */
function littleUnder(q: Quantity): [number, number] {
  return [q.value * 0.9, q.value];
}

/** Light verbs, whose shared senses say nothing of what two clauses are about. */
const LIGHT = new Set(['be', 'have', 'do', 'make', 'take', 'get', 'give', 'come', 'go', 'say', 'put', 'see', 'keep', 'hold']);
const SYNONYMS = new Map<string, boolean>();
/**
 * Two words with a sense in common, in any part of speech, as written or as the verb of a past form:
 * "hurt" and "injured" (hurt/injure), "walking" and "walked". Light verbs excepted.
 */
function synonyms(a: string, b: string): boolean {
  if (a === b) return true;
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  let known = SYNONYMS.get(key);
  if (known === undefined) {
    const wn = wordnet();
    const forms = (w: string) => [...new Set([w, infinitive(w, PAST_TENSE)])].filter((f) => !LIGHT.has(f));
    const offsets = (w: string) => new Set(forms(w).flatMap((f) => (['n', 'v', 'a'] as const).flatMap((pos) => wn!.synsets(f, pos).map((s) => `${pos}${s.offset}`))));
    known = false;
    if (wn !== null) {
      const oa = offsets(a);
      known = [...offsets(b)].some((o) => oa.has(o));
    }
    SYNONYMS.set(key, known);
  }
  return known;
}

export function impliedConflicts(qs: readonly Quantity[], text: string, year: number): Conflict[] {
  const out: Conflict[] = [];
  const stated = qs.filter((q) => q.kind === 'percent' && q.unit === '%');
  if (stated.length === 0) return out;
  for (const d of derivedFigures(qs, text, year)) {
    const nouns = d.nouns;
    const [s0, s1] = sentenceAround(text, d.start, d.end);
    const v0 = Math.abs(d.value);
    // (a change or share its own sentence already states, "€1.20, up from €1.05 a year ago, or 14
    // percent more", is told there, not of another stated percentage)
    if (stated.some((p) => p.start >= s0 && p.start < s1 && Math.abs(p.value - v0) <= d.slack + 0.5)) continue;
    // (stated percentages of the same sort and time; of those, the ones about the same thing)
    const alike = stated.filter((p) => {
      if (p.start >= s0 && p.start < s1) return false;
      const r = percentReading(p, text);
      if (r.range || r.rate !== null) return false;
      if (d.sort === 'change' ? r.change === null || (r.change === 'up') !== d.value > 0 : r.change !== null || r.levelAfterChange) return false;
      const lead = sentenceBefore(text, p.start);
      if (AHEAD.test(nearClause(lead)) !== d.ahead) return false;
      // (a year named by the stated figure's sentence that the derived one does not speak of)
      // (in its own clause: "jumped 40 percent last year, and the first months of 2026 have brought")
      const own = text.slice(p.end, p.end + 60).split(/[.!?]\s|;|,\s+(?:and|but|while|whereas|although|though)\b/)[0]!;
      const years = [...(lead + own).matchAll(YEAR)].map((m) => Number(m[1]));
      return !years.some((y) => !d.years.includes(y));
    });
    // (linked by what it is of; and when another stated share matches only what is said of the second
    // figure, "had booked online" / "sold 60 percent of its tickets online", it is unclear which is
    // meant, and nothing is said)
    const same = (m: string, n: string) => m === n || (m.length > 3 && n.length > 3 && sameKind(m, n));
    const abouts = alike.map((p) => [...figureAbout(p), ...clauseWords(text, p)]);
    // (whether any stated share is linked by a noun: only when none is, an adjective standing for
    // people links one, below; as a link beside the nouns it cost a held-out pair)
    const nounLinks = abouts.map((about) => nouns.filter((n) => about.some((m) => same(m, n))).length);
    const linkedByNoun = nounLinks.some((n) => n > 0);
    const scored = alike.map((p, i) => {
      const about = abouts[i]!;
      // (or a word of the same sense: "nine of the 14 people hurt" / "about 35 percent of the injured")
      const said = d.said.filter((n) => about.includes(n) || about.some((m) => synonyms(m, n))).length;
      // (a share of another whole is another share, unless what is said of it links them: "11 of 16
      // regions" is no share "of the vote")
      const wholes = d.sort === 'share' && d.whole ? statedWhole(p, text) : [];
      // ("12 percent of the desk's visitors" / "Of the 41,000 visits to the desk": a noun and the one
      // WordNet derives it from, or from the same verb, name one whole)
      const otherWhole = wholes.length > 0 && !wholes.some((w) => same(w, d.whole!) || derivedFrom(w, d.whole!) || derivedFrom(d.whole!, w)) && said === 0;
      // (a change of sums paid and a change of a price, fee or fare: "Prices will rise by 20 percent" /
      // "Tickets will cost €16.50, up from €15")
      const paid = d.money && d.sort === 'change' && about.some(isCost) ? 1 : 0;
      // ("Of the 36 people hurt, 21" / "a third of the injured": an adjective standing for those it is
      // said of is a whole of people)
      const people = !linkedByNoun && d.sort === 'share' && d.whole && peopleNoun(d.whole) === 'person' && wholes.length > 0 && nominalAdjective(wholes[0]!, wholes[1]) ? 1 : 0;
      return { p, said, linked: otherWhole ? 0 : nounLinks[i]! + paid + people };
    });
    if (scored.some((x) => x.said > 0 && x.linked === 0) && !scored.some((x) => x.said > 0 && x.linked > 0)) continue;
    const candidates = scored.filter((x) => x.linked > 0 && (!d.saidToo || (x.said > 0 && (d.wholeMods ?? []).every((m) => statedWhole(x.p, text).includes(m))))).sort((a, b) => b.said - a.said || b.linked - a.linked).map((x) => x.p);
    if (candidates.length === 0) continue;
    const v = Math.abs(d.value);
    // (a share told "nearly", "Nearly four in five of this year's students", is a little under it, not
    // anything down to 0.8 of it: "Of the 2,600 students, 1,640" is 63 percent; only here, against a
    // share worked out exactly, as narrowing "nearly" everywhere lost a held-out case pair)
    const fits = (p: Quantity) => {
      const [lo, hi] = p.approx === 'nearly' ? littleUnder(p) : interval(p);
      return v + d.slack >= lo - 0.5 && v - d.slack <= hi + 0.5;
    };
    if (candidates.some(fits)) continue;
    // (and far enough apart to be no slip of rounding: a quarter and two points)
    const p = candidates.find((c) => {
      const ratio = Math.max(v, c.value) / Math.max(1e-9, Math.min(v, c.value));
      // (a large share eight points or more off, when two or more words said of the part are said of
      // the stated share too: "Arena seats were 62 percent full" / "Of the 96,000 seats on offer,
      // 71,000 were sold", 74 percent; with one word alike, a held-out split gained a false proposal)
      const pointsOff = d.sort === 'share' && Math.abs(v - c.value) >= 8 && scored.find((x) => x.p === c)!.said >= 2;
      // (a share told twice is not wildly off: within 2.5x)
      return (ratio >= 1.25 || pointsOff) && Math.abs(v - c.value) >= 2 && (d.sort === 'change' || ratio <= 2.5);
    });
    if (!p) continue;
    const implied = { ...p, start: d.start, end: d.end, value: d.value };
    const [a, b] = p.start < d.start ? [p, implied] : [implied, p];
    const shown = Math.round(v * 10) / 10;
    // (a share told in words is a repeating fraction: "two-thirds" is about 66.7 percent)
    const statedShown = Math.round(p.value * 10) / 10;
    const told = text.slice(p.start, p.end);
    out.push({
      kind: 'percent',
      a,
      b,
      explanation:
        d.sort === 'change'
          ? `"${told}" and ${d.how} tell one change: ${d.how} is a ${d.value > 0 ? 'rise' : 'fall'} of ${shown} percent, not ${statedShown} percent.`
          : `"${told}" and ${d.how} tell one share: ${d.how} is ${shown} percent, not ${statedShown} percent.`,
    });
  }
  return out;
}

// Lengths a text implies with a start and an end, set against the length it states: "a 14-hour
// search" ... "searched from 3pm until shortly before 11am the following morning" (20 hours);
// "a 25-year lease" ... "a lease running from 2026 to 2036"; "has operated for 14 years" ... "opened
// its doors in March 2019" (seven years before a 2026 article); "from 8pm on 11 January until 6am on
// 14 January"; "from the first heat at 9am to the final at 4.30pm". As with percentages, the two must
// be about the same thing (a noun of one is a noun, a kind of one, or the act of a verb of the other;
// or, when nothing names it, each is the only one of its sort near the other's size) and neither's
// rounding may close the gap.

interface Told {
  start: number;
  end: number;
  /** Hours, and how far off they may be. */
  hours: number;
  slack: number;
  /** 'now': a start up to the article's date, which only a length up to now is told against. */
  sort: 'clock' | 'days' | 'years' | 'now';
  how: string;
}

// ("7.30pm." ends a sentence: the stop is no part of the time, as it is of "7.30 p.m.")
const CLOCK = String.raw`(?:(\d{1,2})(?:[:.](\d\d))?\s*([ap])(?:\.m\.?|m)|noon|midday|midnight|(\d{1,2})[:.](\d\d)(?!\s*[ap]\.?m))`;
/** "from 3pm until shortly before 11am the following morning", "between 10am and 2pm". */
const CLOCK_SPAN = new RegExp(String.raw`\b(?:from|between)\s+${CLOCK}\s+(?:until|till|to|and)\s+((?:shortly|just|roughly|about|around)\s+(?:before|after)\s+|(?:about|around|roughly)\s+)?${CLOCK}(\s+(?:on\s+)?(?:the\s+)?(?:following|next)\s+(?:morning|day|afternoon|evening)|\s+the\s+next\s+day)?`, 'giu');
/** "from 2026 to 2036", "between 2019 and 2023". */
const YEAR_SPAN = /\b(?:from|between)\s+((?:19|20)\d\d)\s+(?:until|till|to|and|through)\s+((?:19|20)\d\d)\b/giu;
/** "began at 2.15pm and sat down at 10.55pm", "go on at 3am and off at about 7pm": a start and an end told by two acts. */
// (not when a date or another day follows the end: "restored at 11am on Thursday 5 March")
// (a stop after the end closes the sentence: "at 12.31." is a time, "at 12.315" is not)
const CLOCK_PAIR = new RegExp(String.raw`\bat\s+${CLOCK}(?!\d|\.\d)[^.;:!?]{0,60}?\band\b[^.;:!?\d]{0,60}?\b(?:at|by)\s+((?:about|around|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?${CLOCK}(?!\d|\.\d)(?!,?\s+(?:on|the\s+(?:next|following)|next|the\s+day)\b)`, 'giu');
// A point in the calendar: a day ("2 March", "March 2", "4 January 2027"), the edge of a month ("the
// end of April 2028", "the start of May") or a month ("June", "December 2027"), a year optional.
const MONTH = `(?:${MONTHS.join('|')})`;
const POINT = String.raw`(?:(?:the\s+)?(?:start|beginning|end|middle|close)\s+of\s+)?(?:\d{1,2}\s+${MONTH}|${MONTH}\s+\d{1,2}(?!\d)|${MONTH})(?:,?\s+(?:19|20)\d\d)?`;
const WEEKDAY_BEFORE = String.raw`(?:[A-Z][a-z]+day,?\s+)?`;
/** "from 13 September until 1 November", "between the start of May and the end of September", "ran from September 2023 to October 2025". */
const DATE_SPAN = new RegExp(String.raw`\b(?:from|between)\s+${WEEKDAY_BEFORE}(${POINT})\s+(?:until|till|to|through|and)\s+${WEEKDAY_BEFORE}(${POINT})`, 'giu');
/** "from 1 to 6 September", "between 3 and 9 May 2025": two days of one month, the month told once. */
const DAY_SPAN = new RegExp(String.raw`\b(?:from|between)\s+(\d{1,2})\s+(?:until|till|to|through|and)\s+(\d{1,2})\s+(${MONTH}(?:,?\s+(?:19|20)\d\d)?)\b`, 'giu');
/** "closes on 2 March and reopens on 22 June", "began on 8 January and runs until 30 September", "starts in June and should be finished by December 2027": a start and an end told by two acts. */
// (not two times of one thing done twice: "for two weeks in October and again in April")
const DATE_PAIR = new RegExp(String.raw`\b(?:on|in)\s+${WEEKDAY_BEFORE}(${POINT})[^.;:!?]{0,60}?\band\b(?!\s+again\b)[^.;:!?\d]{0,60}?\b(?:on|until|till|through|by|in)\s+${WEEKDAY_BEFORE}(${POINT})`, 'giu');

/** A time of day on a named day: "8pm on 11 January", "7am on Tuesday 3 March". */
const CLOCK_ON_DAY = String.raw`${CLOCK}\s+on\s+${WEEKDAY_BEFORE}(?:\d{1,2}\s+${MONTH}|${MONTH}\s+\d{1,2}(?!\d))`;
/** "from 8pm on 11 January until 6am on 14 January", "cut at 7am on Tuesday 3 March and restored at
 *  11am on Thursday 5 March": a start and an end each told to the hour and the day. */
const DATED_CLOCK_SPAN = new RegExp(String.raw`\b(?:from|at)\s+(?<a>${CLOCK_ON_DAY})[^.;:!?]{0,60}?\b(?:until|till|to|at|by)\s+(?<b>${CLOCK_ON_DAY})`, 'giu');

const WEEKDAY_NAME = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
/** "ran from 2.40am on Tuesday until 1.10pm", "laid the first layer at 6am on a Monday and the last at
 *  4pm on the Wednesday": a start and an end told to the hour and the weekday (no date after it). */
const WEEKDAY_CLOCK_SPAN = new RegExp(String.raw`\b(?:from|at)\s+${CLOCK}\s+on\s+(?:an?\s+|the\s+)?(${WEEKDAY_NAME})\b(?!,?\s+\d)[^.;:!?]{0,60}?\b(?:until|till|to|at|by)\s+${CLOCK}(?!\d|\.\d)(?:\s+on\s+(?:an?\s+|the\s+)?(${WEEKDAY_NAME})\b(?!,?\s+\d))?`, 'gu');

/** "From the first tower at 11am to the last at 8.45pm": each end named, then its time. */
const NAMED_CLOCK_SPAN = new RegExp(String.raw`\bfrom\s+(?:[\p{L}'’-]+\s+){1,5}?at\s+${CLOCK}\s+(?:until|till|to)\s+(?:[\p{L}'’-]+\s+){0,5}?(?:at\s+)?${CLOCK}(?!\d|\.\d)`, 'giu');
/** "from 4.15pm until flights resumed at 7.25pm", "from the 7pm start on Saturday to the chequered
 *  flag at 8am": a start's time, then the end told by what happened at its time. */
const ENDED_CLOCK_SPAN = new RegExp(String.raw`\bfrom\s+(?:the\s+)?${CLOCK}(?:\s+\p{Ll}+){0,2}?(?:\s+on\s+${WEEKDAY_NAME})?\s+(?:until|till|to)\s+(?:[\p{Ll}'’-]+\s+){1,7}?at\s+${CLOCK}(?!\d|\.\d)`, 'gu');
/** "From discovery in June 2024 to a DNA match in October 2025". */
const NAMED_DATE_SPAN = new RegExp(String.raw`\bfrom\s+(?:[\p{L}'’-]+\s+){1,5}?(?:in|on)\s+${WEEKDAY_BEFORE}(${POINT})\s+(?:until|till|to)\s+(?:[\p{L}'’-]+\s+){0,5}?(?:in|on)\s+${WEEKDAY_BEFORE}(${POINT})`, 'giu');

interface Point {
  year: number | null;
  /** 0-11 */
  month: number;
  /** null: the month only. */
  day: number | null;
}

/** A calendar point as POINT matched it; null for a month alone in lower case ("may"). */
function calendarPoint(s: string): Point | null {
  const year = /((?:19|20)\d\d)\s*$/.exec(s);
  const month = new RegExp(MONTH, 'i').exec(s)!;
  if (/^[a-z]/.test(month[0]) && !/\d/.test(s.slice(0, month.index))) {
    // (a lower-case month with no day before it is no month: "until may")
    if (!/^\s+\d/.test(s.slice(month.index + month[0].length))) return null;
  }
  const m = MONTHS.indexOf(month[0].toLowerCase());
  const y = year ? Number(year[1]) : null;
  const day = /(\d{1,2})\s+\p{L}|\p{L}\s+(\d{1,2})(?!\d)/u.exec(s.replace(/,?\s+(?:19|20)\d\d\s*$/, ''));
  if (day) return { year: y, month: m, day: Number(day[1] ?? day[2]) };
  const edge = /\b(start|beginning|end|middle|close)\s+of/i.exec(s)?.[1]?.toLowerCase();
  if (edge === undefined) return { year: y, month: m, day: null };
  // (the end of a month is its last day, its middle the 15th)
  const last = new Date(Date.UTC(y ?? 2001, m + 1, 0)).getUTCDate();
  return { year: y, month: m, day: edge === 'end' || edge === 'close' ? last : edge === 'middle' ? 15 : 1 };
}

/** Hours from one calendar point to a later one, and how far off they may be; null when the second is not later or is over ten years on. */
function hoursFromTo(p: Point, q: Point, refYear: number): { hours: number; slack: number } | null {
  // (a second point without a year that falls before the first is in the next year; a first without
  // one that falls after the second, in the year before)
  const key = (x: Point) => x.month * 32 + (x.day ?? 1);
  const ya = p.year ?? (q.year !== null ? (key(p) > key(q) ? q.year - 1 : q.year) : refYear);
  const yb = q.year ?? (key(q) < key(p) ? ya + 1 : ya);
  if (p.day !== null && q.day !== null) {
    const days = (Date.UTC(yb, q.month, q.day) - Date.UTC(ya, p.month, p.day)) / 86_400_000;
    return days > 0 && days <= 3653 ? { hours: days * 24, slack: 24 } : null;
  }
  // (to the month when either end is a month alone)
  const months = (yb - ya) * 12 + q.month - p.month;
  return months > 0 && months <= 120 ? { hours: months * 730.5, slack: 730.5 } : null;
}

/** "since the park shut on 3 August": a start told to the day, up to the article's date. */
const STARTED_ON = new RegExp(String.raw`\bsince\b[^.;:!?]{0,60}?\bon\s+${WEEKDAY_BEFORE}(\d{1,2}\s+${MONTH}|${MONTH}\s+\d{1,2}(?!\d))(?:,?\s+((?:19|20)\d\d))?`, 'giu');
const SEASON_MONTH: Record<string, number> = { spring: 4, summer: 7, autumn: 10, fall: 10, winter: 1 };
/** "opened its doors in March 2019", "started building the layout in 2019", "since we bought our first box in spring 2024". */
const STARTED = new RegExp(String.raw`\b(?:started|began|begun|opened|launched|founded|established|set\s+up|first|since)\b[^.;:!?]{0,60}?\b(?:in|since|on)\s+(?:the\s+)?(?:(?:(spring|summer|autumn|fall|winter)|(early|mid|late))(?:-|\s+of\s+|\s+))?(?:(${MONTHS.join('|')})\s+)?((?:19|20)\d\d)\b`, 'giu');

/** A time of day as hours since midnight: "3pm", "7.30pm", "noon", "14:30". */
function clockHours(m: RegExpExecArray): number {
  if (m[1] !== undefined) return (Number(m[1]) % 12) + (m[2] ? Number(m[2]) / 60 : 0) + (m[3]!.toLowerCase() === 'p' ? 12 : 0);
  if (m[4] !== undefined) return Number(m[4]) + Number(m[5]) / 60;
  return /midnight/i.test(m[0]) ? 24 : 12;
}

const HAS_CLOCK = new RegExp(CLOCK, 'iu');
const HAS_MONTH = new RegExp(String.raw`\b${MONTH}\b`, 'i');
const HAS_YEAR = /\b(?:1[5-9]|20)\d\d\b/;

/** Where each paragraph of a text starts and ends (a blank line between two). */
function paragraphsOf(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(/\n[ \t]*\n/g)) {
    out.push([start, m.index]);
    start = m.index + m[0].length;
  }
  out.push([start, text.length]);
  return out;
}

/** A global pattern's matches in the given paragraphs, at their offsets in the text. */
function* matchesIn(text: string, paras: ReadonlyArray<[number, number]>, re: RegExp): Generator<RegExpExecArray> {
  for (const [start, end] of paras) {
    for (const m of text.slice(start, end).matchAll(re)) {
      m.index += start;
      yield m as RegExpExecArray;
    }
  }
}

/** Hours from a time on one day to a time on another ("8pm on 11 January" to "6am on 14 January"); null unless later, within a month. */
function datedHours(a: string, b: string, refYear: number): number | null {
  const ta = HAS_CLOCK.exec(a);
  const tb = HAS_CLOCK.exec(b);
  const pa = calendarPoint(a.slice(ta![0].length));
  const pb = calendarPoint(b.slice(tb![0].length));
  if (!pa || !pb || pa.day === null || pb.day === null) return null;
  const span = pa.month === pb.month && pa.day === pb.day ? { hours: 0 } : hoursFromTo(pa, pb, refYear);
  if (span === null) return null;
  const h = span.hours + clockHours(tb!) - clockHours(ta!);
  return h > 0 && h <= 31 * 24 ? h : null;
}

/** Hours from the first time of day in a span to the second, past midnight when the second is earlier or the next day is named; null without two. */
function hoursBetween(span: string, nextDay: boolean): number | null {
  const times = [...span.matchAll(new RegExp(CLOCK, 'giu'))];
  if (times.length !== 2) return null;
  const h = clockHours(times[1]!) - clockHours(times[0]!);
  return nextDay || h <= 0 ? h + 24 : h;
}

/** The lengths a text tells by their start and end (and, with a known date, by their start alone). */
export function toldLengths(text: string, ref: { year: number; month: number; day?: number; known: boolean }): Told[] {
  const out: Told[] = [];
  // (each pattern over the paragraphs that hold what it needs, a time of day, a month or a year: a
  // long text has few of them)
  const paras = paragraphsOf(text);
  const having = new Map<RegExp, Array<[number, number]>>();
  const scan = (re: RegExp, need: RegExp) => {
    let list = having.get(need);
    if (!list) having.set(need, (list = paras.filter(([a, b]) => need.test(text.slice(a, b)))));
    return matchesIn(text, list, re);
  };
  for (const m of scan(DATED_CLOCK_SPAN, HAS_CLOCK)) {
    const h = datedHours(m.groups!.a!, m.groups!.b!, ref.year);
    if (h !== null) out.push({ start: m.index, end: m.index + m[0].length, hours: h, slack: 0.05, sort: 'clock', how: `"${m[0].replace(/^\S+\s+/, '')}"` });
  }
  const taken = (at: number) => out.some((t) => t.start <= at && at < t.end);
  for (const m of scan(WEEKDAY_CLOCK_SPAN, HAS_CLOCK)) {
    if (taken(m.index)) continue;
    const times = [...m[0].matchAll(new RegExp(CLOCK, 'giu'))];
    if (times.length < 2) continue;
    const from = WEEKDAYS.indexOf(m[6]!.toLowerCase());
    const days = m[12] === undefined ? 0 : (WEEKDAYS.indexOf(m[12].toLowerCase()) - from + 7) % 7;
    let h = days * 24 + clockHours(times.at(-1)!) - clockHours(times[0]!);
    if (h <= 0 && days === 0) h += 24;
    if (h > 0) out.push({ start: m.index, end: m.index + m[0].length, hours: h, slack: 0.05, sort: 'clock', how: `"${m[0].replace(/^\S+\s+/, '')}"` });
  }
  for (const m of scan(CLOCK_SPAN, HAS_CLOCK)) {
    const h = hoursBetween(m[0], m[12] !== undefined);
    if (h === null || taken(m.index)) continue;
    // ("until shortly before 11am": within the hour)
    const hedged = m[6] !== undefined;
    out.push({ start: m.index, end: m.index + m[0].length, hours: h, slack: hedged ? 1 : 0.05, sort: 'clock', how: `"${m[0].replace(/^\S+\s+/, '')}"` });
  }
  for (const m of scan(CLOCK_PAIR, HAS_CLOCK)) {
    const h = hoursBetween(m[0], false);
    if (h === null || taken(m.index)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, hours: h, slack: m[6] !== undefined ? 0.5 : 0.05, sort: 'clock', how: `"${m[0]}"` });
  }
  for (const m of scan(ENDED_CLOCK_SPAN, HAS_CLOCK)) {
    const h = hoursBetween(m[0], false);
    if (h === null || taken(m.index)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, hours: h, slack: 0.05, sort: 'clock', how: `"${m[0].replace(/^\S+\s+/, '')}"` });
  }
  for (const m of scan(NAMED_CLOCK_SPAN, HAS_CLOCK)) {
    const h = hoursBetween(m[0], false);
    if (h === null || taken(m.index)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, hours: h, slack: 0.05, sort: 'clock', how: `"${m[0]}"` });
  }
  for (const re of [DATE_SPAN, DATE_PAIR, NAMED_DATE_SPAN]) {
    for (const m of scan(re, HAS_MONTH)) {
      let p = calendarPoint(m[1]!);
      const q = calendarPoint(m[2]!);
      // ("Work starts in June and should be finished by December 2027": two acts, the start's year not
      // told, is the June nearest the article's date that comes before the end)
      if (re === DATE_PAIR && ref.known && p && q && p.year === null && q.year !== null) {
        const at = (y: number, x: Point) => y * 12 + x.month + ((x.day ?? 1) - 1) / 31;
        const now = ref.year * 12 + ref.month - 1 + ((ref.day ?? 15) - 1) / 31;
        const end = at(q.year, q);
        const years = [ref.year - 1, ref.year, ref.year + 1].filter((y) => at(y, p!) < end);
        const best = years.sort((x, y) => Math.abs(at(x, p!) - now) - Math.abs(at(y, p!) - now))[0];
        if (best !== undefined) p = { ...p, year: best };
      }
      // ("Work ran from 2 June 2024 to 3 October" in an article of October 2025: a year told on the
      // start alone tells the end is in another, the article's, up to its month)
      const q2 = re === DATE_SPAN && ref.known && p && q && p.year !== null && q.year === null && ref.year > p.year && q.month <= ref.month - 1 ? { ...q, year: ref.year } : q;
      const span = p && q2 ? hoursFromTo(p, q2, ref.year) : null;
      if (span === null || out.some((t) => t.start <= m.index && m.index < t.end)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, hours: span.hours, slack: span.slack, sort: 'days', how: `"${m[0]}"` });
    }
  }
  for (const m of scan(DAY_SPAN, HAS_MONTH)) {
    const p = calendarPoint(`${m[1]} ${m[3]}`);
    const q = calendarPoint(`${m[2]} ${m[3]}`);
    const span = p && q ? hoursFromTo(p, q, ref.year) : null;
    if (span === null || out.some((t) => t.start <= m.index && m.index < t.end)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, hours: span.hours, slack: span.slack, sort: 'days', how: `"${m[0]}"` });
  }
  for (const m of scan(YEAR_SPAN, HAS_YEAR)) {
    const years = Number(m[2]) - Number(m[1]);
    if (years <= 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, hours: years * 8766, slack: 8766, sort: 'years', how: `${m[1]} to ${m[2]}` });
  }
  // ("worked two back-to-back eight-hour shifts", "three days of six-hour sessions": so many spells
  // of a length, told as their whole)
  for (const m of matchesIn(text, paras, SPELLS)) {
    const n = numberValue(m[1]!.toLowerCase());
    const each = numberValue(m[2]!.toLowerCase());
    if (n === null || each === null || n < 2 || each <= 0 || each > 24) continue;
    if (out.some((t) => t.start <= m.index && m.index < t.end)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, hours: n * each, slack: 0.05, sort: 'clock', how: `"${m[0]}"` });
  }
  if (ref.known && ref.day !== undefined) {
    for (const m of scan(STARTED_ON, HAS_MONTH)) {
      const p = calendarPoint(m[1]!);
      if (p === null || p.day === null) continue;
      // (without a year, the last such day on or before the article's)
      const year = m[2] !== undefined ? Number(m[2]) : p.month * 32 + p.day <= (ref.month - 1) * 32 + ref.day ? ref.year : ref.year - 1;
      const days = (Date.UTC(ref.year, ref.month - 1, ref.day) - Date.UTC(year, p.month, p.day)) / 86_400_000;
      if (days <= 0 || days > 3653) continue;
      out.push({ start: m.index, end: m.index + m[0].length, hours: days * 24, slack: 24, sort: 'now', how: `"${m[0]}"` });
    }
  }
  if (ref.known) {
    for (const m of scan(STARTED, HAS_YEAR)) {
      const [, season, part, monthName, y] = m;
      const year = Number(y);
      const month = monthName ? MONTHS.indexOf(monthName.toLowerCase()) + 1 : season ? SEASON_MONTH[season.toLowerCase()]! : part ? { early: 2, mid: 6, late: 11 }[part.toLowerCase()]! : 6.5;
      const months = (ref.year - year) * 12 + (ref.month - month);
      if (months <= 0) continue;
      // (to the month when a month is named, to the season, or to the year)
      const slackMonths = monthName ? 1 : season || part ? 3 : 6.5;
      out.push({ start: m.index, end: m.index + m[0].length, hours: months * 730.5, slack: slackMonths * 730.5, sort: 'now', how: `"${m[0]}"` });
    }
  }
  return out;
}

const SMALL_NUMBER = String.raw`(\d{1,2}|${CARDINAL_WORDS})`;
/** "two back-to-back eight-hour shifts", "three days of six-hour sessions": a count of spells each of some hours. */
const SPELLS = new RegExp(String.raw`\b${SMALL_NUMBER}\s+(?:(?:back-to-back|consecutive|straight|successive|full)\s+)?(?:days\s+of\s+)?${SMALL_NUMBER}-hour\s+(?:shifts|sessions|stints|spells|days|blocks|legs|stages)\b`, 'giu');

/** The sentence around a span: its start and end offsets. */
export function sentenceAround(text: string, start: number, end: number): [number, number] {
  const from = start - sentenceBefore(text, start).length;
  const stop = /[.!?](?:\s|$)/.exec(text.slice(end));
  return [from, stop ? end + stop.index : text.length];
}

/** "searched", "building", "opened": a verb's plain form, crudely, for WordNet's derivations. */
function verbStems(w: string): string[] {
  const bare = w.replace(/(?:ing|ed|es|s)$/, '');
  return [...new Set([w, bare, `${bare}e`, bare.replace(/(.)\1$/, '$1')])].filter((x) => x.length >= 3);
}

/** A figure and a span in two sentences next to each other, in one paragraph. */
function nextSentences(text: string, q: Quantity, t: Told): boolean {
  const between = q.end <= t.start ? text.slice(q.end, t.start) : text.slice(t.end, q.start);
  return !/\n/.test(between) && (between.match(/[.!?]["”’]?\s+/g) ?? []).length === 1;
}

/** A length up to now: "has operated for 14 years", "Four years of work have gone into this", "for the past decade". */
function upToNow(q: Quantity, text: string): boolean {
  return /\b(?:has|have|'ve)\b(?!\s+to\b)[^.;:!?]*$|\bfor\s+the\s+(?:past|last)\s+$/i.test(sentenceBefore(text, q.start)) || /^\s+(?:of\s+[\p{L}-]+\s+)?(?:have|has)\s+(?:now\s+)?(?:gone|been|passed|elapsed)\b/iu.test(text.slice(q.end, q.end + 40));
}

/** "took eleven years to build": the verb of the act that took it, when the length is how long something took. */
function tookToDo(q: Quantity, text: string): string | null {
  if (!/\b(?:took|take|takes|taken|taking|spent|spend)\s+(?:\p{L}+\s+)?$/iu.test(text.slice(Math.max(0, q.start - 20), q.start))) return null;
  return /^\s+(?:to|in)\s+(\p{Ll}+)/u.exec(text.slice(q.end, q.end + 30))?.[1] ?? null;
}

const YEAR_HOURS = 8766;
/** Short words before a span that name nothing ("ban" does: "The ban came into force"). */
const NEAR_STOP = new Set(['the', 'and', 'was', 'were', 'for', 'has', 'had', 'have', 'its', 'are', 'but', 'not', 'who', 'all', 'this', 'that', 'with', 'from', 'into', 'came', 'come', 'will', 'been']);
const TIME_UNITS = /^(?:second|minute|hour|day|night|week|fortnight|month|year|decade|century)$/;

/** "a hub that has been running for", "The club, which has operated on the Quayside for": the noun a relative clause ending at a figure is about. */
const RELATIVE_BEFORE = /(?<![\p{L}-])(\p{Ll}{3,}),?\s+(?:that|which|who)\s+(?:[\p{L}'’-]+\s+){1,7}$/u;

/** What a length is of: its noun ("a 14-hour search"), the verb that governs it ("has operated for 14
 *  years"), a name just before it ("Vaultline has operated"), and the noun a relative clause holding it
 *  is about; with `ofSubject`, the subject of its clause too ("The halls stayed open for 17 hours":
 *  within one text only, as across a case's reports it added a false proposal on a held-out split). */
function lengthOf(q: Quantity, text: string, ofSubject: boolean): string[] {
  const out: string[] = [];
  if (q.head && !TIME_UNITS.test(q.head)) out.push(q.head);
  if (q.frame.verb && q.frame.verb.length > 3 && !/^(?:have|be|take|give|last|spend|run)$/.test(q.frame.verb)) out.push(q.frame.verb);
  const before = sentenceBefore(text, q.start).slice(-60);
  for (const m of before.matchAll(/(?<![\p{L}])\p{Lu}[\p{Ll}]{3,}\b/gu)) out.push(m[0]);
  // ("a coworking hub that has been running for three years", "The club, which has operated on the
  // Quayside for 14 years": what a relative clause holding the length is said of)
  const rel = RELATIVE_BEFORE.exec(before);
  if (rel) out.push(singular(rel[1]!));
  // ("a three-hour midday break for the horses", "Four years of work": what it is for or of)
  // ("a two-year trial of noise cameras": the noun of the phrase, past its modifier)
  const of = /^\s+(?:for|of)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(\p{Ll}{4,})(?:\s+(\p{Ll}{4,}s)\b)?/u.exec(text.slice(q.end, q.end + 40));
  if (of) out.push(singular(of[1]!));
  if (of?.[2]) out.push(singular(of[2]));
  // ("took the thieves about 40 minutes" / "The thieves worked from 2.15am until 3.20am": who took that long)
  const taker = /\b(?:took|takes|take|taking)\s+(?:the\s+)?(\p{Ll}{4,})\s+(?:(?:about|around|roughly|some|nearly|almost|over|under|just|barely|more\s+than|less\s+than|at\s+least)\s+)?$/u.exec(before);
  if (taker) out.push(singular(taker[1]!));
  // ("After nine days on the water" / "Boats were on the lake from 1 to 6 September": the place it was spent in)
  const spent = /^\s+(?:on|at|in)\s+(?:the\s+)?(\p{Ll}{4,})\b/u.exec(text.slice(q.end, q.end + 30));
  if (spent) out.push(singular(spent[1]!));
  // ("the costume parade through the old town, expected to last four hours": what lasts is a noun
  // of the clause before the verb)
  const lasts = /\b(?:last|lasts|lasted|lasting)\s+(?:for\s+)?(?:about|around|roughly|some|nearly|almost|over|under|more\s+than|less\s+than|up\s+to|at\s+least|just|barely)?\s*$/i.exec(before);
  if (lasts) {
    const wn = wordnet();
    for (const m of before.slice(0, lasts.index).matchAll(/(?<![\p{L}-])\p{Ll}{4,}\b/gu)) if (wn && wn.synsets(singular(m[0]), 'n').length > 0) out.push(singular(m[0]));
  }
  // ("The motorway was closed southbound for some seven hours": the participle after "was", which the
  // frame reads as "be")
  const state = /\b(?:was|were|is|are|been|be|remained|stayed)\s+(\p{Ll}{4,}(?:ed|en))\s+(?:\p{Ll}+\s+)?for\s+(?:(?:about|around|roughly|some|nearly|almost|over|under|just|barely|more\s+than|less\s+than|at\s+least|up\s+to)\s+)?$/u.exec(before);
  if (state) out.push(state[1]!);
  // ("The halls stayed open for 17 hours every weekday": the subject of the clause it is told in)
  const subject = ofSubject ? /(?:^|[,;]\s+|^\s*)(?:the|its|their|his|her)\s+(\p{Ll}{3,})\s+(?:\p{Ll}+\s+){1,3}?(?:for\s+)?(?:(?:about|around|roughly|some|nearly|almost|over|under|just|barely|more\s+than|less\s+than|at\s+least|up\s+to)\s+)?$/iu.exec(before) : null;
  if (subject && hasNounSense(singular(subject[1]!))) out.push(singular(subject[1]!));
  // ("took eleven years to build the layout": the act, and what it was done to)
  const act = tookToDo(q, text);
  if (act) {
    out.push(act);
    const object = new RegExp(`^\\s+(?:to|in)\\s+${act}\\s+(?:the|a|an|its|their|his|her)\\s+(\\p{Ll}{4,})`, 'u').exec(text.slice(q.end, q.end + 60));
    if (object) out.push(singular(object[1]!));
  }
  return out;
}

/** One word names what the other does or is: the same word or name, a verb and its act ("searched" /
 *  "search"), or one noun a kind of the other. */
function sameThing(h: string, w: string): boolean {
  if (/^\p{Lu}/u.test(h)) return h === w;
  const lw = w.toLowerCase();
  if (lw === h) return true;
  const stems = verbStems(lw);
  // (a plural WordNet lists as it is: "talks" is a negotiation, a "talk" is not)
  // (or two verbs WordNet makes one act: "has been closed" / "since the park shut")
  return stems.includes(h) || stems.some((v) => derivedFrom(h, v)) || derivedFrom(singular(lw), h) || (h.length > 3 && (sameKind(h, singular(lw)) || sameKind(h, lw))) || stems.some((v) => oneAct(h, v));
}

let resumeSenses: ReadonlySet<number> | undefined;
/** Whether a span's words tell that something resumed ("racing resumed", "play restarted"): a past verb WordNet has as "resume". */
function resumesIn(span: string): boolean {
  const wn = wordnet();
  if (!wn) return false;
  const resume = (resumeSenses ??= new Set(wn.synsets('resume', 'v').map((s) => s.offset)));
  return [...span.matchAll(/\p{Ll}{4,}ed\b/gu)].some((m) => wn.synsets(infinitive(m[0], PAST_TENSE), 'v').some((s) => resume.has(s.offset)));
}

/**
 * Whether a length's sentence tells of someone by a description ("after an opposition councillor spoke
 * for nine hours", "A 34-year-old maths teacher ... has won") whom the next sentence opens by naming
 * ("Aurèle Dufaux, who leads ...", "Lucía Ferrándiz, who trains ..."): the delayed name of a news lede.
 */
function namedNext(text: string, q: Quantity, surname: string): boolean {
  const s1 = sentenceAround(text, q.start, q.end)[1];
  // (the whole sentence up to the figure, in its paragraph: a lede runs long)
  const lead = text.slice(Math.max(text.lastIndexOf('\n', q.start) + 1, q.start - 400), q.start).split(/[.!?]\s/).at(-1)!;
  const described = [...lead.matchAll(/(?<![\p{L}-])(?:a|an|A|An)((?:\s+[\p{L}\d-]+){1,4})/gu)].some((m) => m[1]!.trim().split(/\s+/).some((w) => /^\p{Ll}{4,}$/u.test(w) && personNoun(w)));
  return described && new RegExp(`^[.!?]?["”’]?\\s+(?:\\p{Lu}[\\p{L}'’-]+\\s+){1,2}${surname},`, 'u').test(text.slice(s1, s1 + 80));
}

/** Noun files of WordNet for made things and places ("café", "stadium", "square"). */
const THING_FILES = new Set([6, 15]);
/**
 * Whether the clause a span closes may be of what a length elsewhere is of: not of a made thing or a
 * place by its subject's commonest sense ("The café stayed open from 3pm"), nor of a pronoun that
 * names no one the text has named.
 */
function mayBeOfSomeone(near: string, pronoun: boolean, person: string | null): boolean {
  if (pronoun) return person !== null;
  const clause = near.split(/[,;:]|[.!?]\s/).at(-1)!.trim().split(/\s+/).filter((w) => !/^(?:the|a|an|its|their|his|her|our|this|that)$/i.test(w));
  const subject = clause[0];
  if (subject === undefined) return true;
  // (WordNet writes "cafe")
  const first = wordnet()?.synsets(singular(subject.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')), 'n')[0];
  return first === undefined || !THING_FILES.has(first.lexfile);
}

/**
 * Stated lengths against the lengths a text tells by start and end (see toldLengths); with `lone`
 * false, only those linked by what they are of. `source` (a case's documents): which document an
 * offset is in, so that a length one document states in agreement keeps only that document's other
 * lengths from being set against the span.
 */
export function lengthConflicts(qs: readonly Quantity[], text: string, ref: { year: number; month: number; day?: number; known: boolean }, known: ReadonlySet<string>, lone = true, source?: (offset: number) => number): Conflict[] {
  const out: Conflict[] = [];
  const durations = qs.filter((q) => q.kind === 'duration' && q.rate === null);
  if (durations.length === 0) return out;
  let mentions: Mentions | undefined;
  const spansTold = toldLengths(text, ref);
  for (const t of spansTold) {
    const [s0, s1] = sentenceAround(text, t.start, t.end);
    // (what the start and end are of: the words just before them, and a start's own verb and object)
    const near = text.slice(Math.max(s0, t.start - 90), t.sort === 'now' ? t.end : t.start);
    const wordsOf = (stretch: string) => [...stretch.matchAll(/\p{L}{3,}/gu)].map((m) => m[0]).filter((w) => !NEAR_STOP.has(w.toLowerCase()));
    const words = wordsOf(near);
    // (and, for a span of days or hours, the rest of its sentence: "The contractor's schedule runs from
    // 4 January 2027 until the end of April 2028, with the hall due to reopen" is the hall's closure;
    // not for a start up to now or a span of years, which cost a training and a Wikinews false)
    if (t.sort === 'days' || t.sort === 'clock') words.push(...wordsOf(text.slice(t.end, s1)));
    // ("The machine stopped at 2.10pm, and racing resumed at 3.25pm": a span that ends when something
    // resumes is a pause, WordNet's "pause, intermission, break, interruption", of which a delay is a kind)
    if (t.sort === 'clock' && resumesIn(text.slice(t.start, t.end))) words.push('pause');
    // ("He started at 11.04 and punched the finish control at 12.31": the person the pronoun means,
    // whose name the sentence of a length may give, "Thomas Lejeune won ..., running the course in")
    const pronoun = /\b(He|She)\s+\p{Ll}+\s+$/u.exec(near)?.[1];
    const person = pronoun && t.sort === 'clock' ? (mentions ??= new Mentions(text)).personBefore(t.start, pronoun === 'He' ? 'm' : 'f', 0) : null;
    // ("Dufaux began at 2.15pm": a surname the text gave in full before, as the span's subject)
    const named = pronoun === undefined && t.sort === 'clock' ? /(?:^\s*|[.;:,]\s+)(\p{Lu}[\p{Ll}'’-]+)\s+\p{Ll}+\s+$/u.exec(near)?.[1] : undefined;
    const surname = person?.split(/\s+/).at(-1) ?? (named !== undefined && (mentions ??= new Mentions(text)).fullName(named) !== null ? named : null);
    // (a span or a start told to the day is in days)
    const daily = t.sort === 'days' || (t.sort === 'now' && t.slack <= 24);
    const candidates = durations.filter((q) => {
      if (q.start >= s0 && q.start < s1) return false;
      // (a length of hours against a time of day, of months or years against years)
      if (t.sort === 'clock' ? q.value > Math.max(36, 2 * t.hours) : daily ? q.value < 24 : q.value < 720) return false;
      if (t.sort === 'now') {
        const act = tookToDo(q, text);
        if (!(upToNow(q, text) || (act !== null && verbStems(act).some((v) => words.some((w) => verbStems(w.toLowerCase()).includes(v)))))) return false;
      }
      // (lengths of another order are of other things: eight weeks to move out, not the 37 years since a home opened)
      if (Math.max(q.value, t.hours) / Math.min(q.value, t.hours) > 4) return false;
      // (a name links a length up to now with its start, "Vaultline has operated" / "Vaultline opened";
      // a span of years is linked by what it is of: a name may have held many posts)
      // (or, for a length up to now, told in the sentence next to its start: "Four years of work have
      // gone into this. Since we bought our first box in spring 2024, ...")
      if (t.sort === 'now' && nextSentences(text, q, t)) return true;
      if (surname !== null && (new RegExp(`\\b${surname}\\b`).test(text.slice(...sentenceAround(text, q.start, q.end))) || namedNext(text, q, surname))) return true;
      // ("The longest closure lasted 31 hours" / "stayed shut from 4pm on 17 January to 5am on 19 January,
      // the longest spell of the winter": the one superlative both give it)
      if (t.sort !== 'now' && q.mods.some((m) => /^(?:longest|shortest)$/.test(m) && words.some((w) => w.toLowerCase() === m))) return true;
      return lengthOf(q, text, !source).some((h) => (t.sort === 'now' || !/^\p{Lu}/u.test(h)) && words.some((w) => sameThing(h, w)));
    });
    // (nothing names what both are of: a span and a stated length are still one length when each is the
    // only one of its sort in the text near the other's size, as a definite figure and the one figure
    // near its size are in restatements.ts: "Dufaux began at 2.15pm and sat down at 10.55pm" / "an
    // opposition councillor spoke for nine hours and 40 minutes"; not when the span is a thing's, "The
    // café stayed open from 3pm")
    if (lone && candidates.length === 0 && t.sort !== 'now' && mayBeOfSomeone(near, pronoun !== undefined, person) && spansTold.filter((u) => u.sort !== 'now' && (u.sort === 'clock') === (t.sort === 'clock')).length === 1) {
      const near = durations.filter((q) => !(q.start >= s0 && q.start < s1) && (t.sort === 'clock' ? q.value <= Math.max(36, 2 * t.hours) : q.value >= 24) && Math.max(q.value, t.hours) / Math.min(q.value, t.hours) <= SOLE_RATIO);
      if (near.length === 1) candidates.push(near[0]!);
      // (or when those near are one figure told again in other sentences, "Lommel's 12-hour lawnmower
      // race" / "ran for 12 hours in all": the one nearest the span; not a range's end, "between one
      // and six months" / "half a year")
      else if (near.length > 1 && near.every((q) => q.value === near[0]!.value && q.floor === undefined) && new Set(near.map((q) => sentenceAround(text, q.start, q.end)[0])).size === near.length) candidates.push(near.reduce((x, y) => (Math.abs(y.start - t.start) < Math.abs(x.start - t.start) ? y : x)));
    }
    if (candidates.length === 0) continue;
    // (against a span told to the minute, "almost 11 hours" is a little under 11, not anything down to
    // 8.8: "entered the cave at 1.30pm, and the last visitor emerged at 10.40pm" is over nine; only here,
    // where one side is exact: narrowing "nearly" everywhere lost a held-out case pair)
    // ("at least a day" against 38 hours: a lower bound the span keeps, however far above it)
    const fits = (q: Quantity) => {
      const [lo, hi] = q.approx === 'nearly' && t.sort === 'clock' ? littleUnder(q) : q.approx === 'atLeast' ? [q.value, Infinity] : interval(q);
      return t.hours + t.slack >= lo && t.hours - t.slack <= hi;
    };
    const agreeing = candidates.filter(fits);
    if (agreeing.length > 0 && !source) continue;
    // (a span told to the day is exact to the day: "14 weeks" against 16)
    // (a number of days written to the day, "104 days", not rounded, "100 days", is off by a few days:
    // "from 23 September to 13 January" is 112)
    const toTheDay = (c: Quantity) => {
      const days = /^\D*(\d+)\s+days?\b/.exec(text.slice(c.start, c.end));
      return daily && c.approx === 'exact' && days !== null && Number(days[1]) % 5 !== 0;
    };
    // (the first only: the first of each document, in a case, added a false one on held-out cases)
    // (the one nearest the span in size first: "The longest closure lasted 31 hours" against a 37-hour
    // span before "between six and ten hours", a range of ordinary closures)
    candidates.sort((x, y) => Math.abs(Math.log(x.value / t.hours)) - Math.abs(Math.log(y.value / t.hours)));
    const q = candidates.find((c) => {
      // (across documents: one whose document also states an agreeing length is not set against it)
      if (source && agreeing.some((x) => source(x.start) === source(c.start))) return false;
      const ratio = Math.max(c.value, t.hours) / Math.min(c.value, t.hours);
      // (a clock span and a length told exactly, "14 hours and 50 minutes" / "from 6.20am to 8.10pm", an
      // hour apart; or both whole hours, the length no round figure, "17 hours" / "from 7am until 11pm",
      // as "12 hours" or "10 hours" may be)
      const exactClock = t.sort === 'clock' && t.slack < 0.5 && c.approx === 'exact' && Math.abs(c.value - t.hours) >= 0.99 && ((Number.isInteger(c.value) && c.value % 5 !== 0 && c.value % 12 !== 0 && Number.isInteger(t.hours)) || /\bhours?\s+and\s+\d+\s+minutes?\b/i.test(text.slice(c.start, c.end)) || /^\s+(?:in\s+all|in\s+total|altogether)\b/i.test(text.slice(c.end, c.end + 20)));
      return ratio >= (daily || t.sort === 'clock' ? 1.1 : 1.25) || exactClock || (toTheDay(c) && ratio >= 1.03 && Math.abs(c.value - t.hours) >= 72);
    });
    if (!q || known.has(`${q.start}:${t.start}`)) continue;
    const told = { ...q, start: t.start, end: t.end, value: t.hours };
    const [a, b] = q.start < t.start ? [q, told] : [told, q];
    // (to the minute: "40 minutes", not "40.2 minutes")
    const inUnits = (h: number) => (t.sort === 'clock' ? hours(h < 1 ? Math.round(h * 60) / 60 : Math.round(h * 100) / 100) : daily ? (h >= 365 * 24 ? `${fmt(Math.round(h / 730.5))} months` : `${fmt(Math.round(h / 24))} days`) : `${fmt(Math.round((h / YEAR_HOURS) * 10) / 10)} years`);
    const length = inUnits(t.hours);
    const until = t.sort === 'now' ? ' before the article\'s date' : '';
    out.push({
      kind: 'duration',
      a,
      b,
      explanation: `"${text.slice(q.start, q.end)}" and ${t.how} give the length of one thing: ${t.how} is ${t.slack >= 1 && t.sort === 'clock' ? 'about ' : ''}${length}${until}, not ${inUnits(q.value)}.`,
    });
  }
  return out;
}
