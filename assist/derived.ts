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
import { interval } from './inconsistencies';
import type { Quantity } from './quantities';
import { figureAbout, percentReading, sameKind } from './restatements';
import { singular } from './nlp';

interface Derived {
  /** The first figure it is worked out from, and where the second ends. */
  x: Quantity;
  end: number;
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
}

const QUAL = String.raw`(?:about|around|roughly|nearly|almost|some|just|over|under|more than|less than|fewer than|close to|an estimated)\s+`;
const CHANGE_VERB = String.raw`(?:shr[iu]nk|shrunk|shrinks|fall|falls|fell|fallen|drop|drops|dropped|rise|rises|rose|risen|grow|grows|grew|grown|increase|increases|increased|decrease|decreases|decreased|climb|climbs|climbed|cut|reduced|be reduced|go up|went up|gone up|go down|went down|gone down|jump|jumped|slip|slipped|sink|sank|sunk|swell|swelled|plunge|plunged|soar|soared)`;
/** "from 410 to 560" (with a change verb before it in the sentence). */
const FROM_BEFORE = new RegExp(String.raw`\bfrom\s+(?:${QUAL})?[$£€¥]?\s*$`, 'i');
const TO_BETWEEN = new RegExp(String.raw`^\s*(?:[\p{L}'’-]+\s+){0,3}?to\s+(?:${QUAL})?[$£€¥]?\s*$`, 'iu');
const CHANGE_BEFORE = new RegExp(String.raw`\b${CHANGE_VERB}\b[^.;:!?]{0,60}$`, 'i');
/** "1,400 weekly departures will shrink to 1,120", "the 310 beds are to be cut to 240". */
const SHIFT_BETWEEN = new RegExp(String.raw`^\s*(?:[\p{L}'’-]+\s+){0,4}?(?:(?:will|would|could|is|are|was|were|has|have|had|set|due|expected|to|be|been)\s+){0,3}${CHANGE_VERB}\s+to\s+(?:${QUAL})?[$£€¥]?\s*$`, 'iu');
/** "about 210,000 visits in 2019 and 168,000 last year", "410 last year, 560 this year". */
const THEN_BETWEEN = new RegExp(String.raw`^[^.;:!?\d]{0,50}?\b(in\s+(?:19|20)\d\d|last\s+year|the\s+(?:previous|year)\s+(?:year|before)|a\s+year\s+(?:earlier|before|ago)|this\s+year)\b[^.;:!?\d]{0,30}?(?:,|\band\b|\bbut\b|\bagainst\b|\bcompared\s+with\b|\bversus\b)\s+(?:${QUAL})?[$£€¥]?\s*$`, 'iu');
const THEN_AFTER = /^[^.;:!?\d]{0,50}?\b(in\s+(?:19|20)\d\d|last\s+year|the\s+(?:previous|year)\s+(?:year|before)|a\s+year\s+(?:earlier|before|ago)|this\s+year|now)\b/iu;
/** "3,410 this winter, against 2,480 a year earlier": the second figure is the earlier level. */
const AGAINST_BETWEEN = new RegExp(String.raw`^[^.;:!?\d]{0,50}?\b(?:against|compared\s+with|compared\s+to|versus|up\s+from|down\s+from)\s+(?:${QUAL})?[$£€¥]?\s*$`, 'iu');
const EARLIER_AFTER = /^[^.;:!?\d]{0,40}?\b(?:last\s+year|the\s+(?:previous|year)\s+(?:year|before)|a\s+year\s+(?:earlier|before|ago)|in\s+(?:19|20)\d\d|the\s+same\s+(?:period|weeks|months|time))\b/iu;
/** "9,000 of the county's 20,000 lamps", "287 out of 412 knitters". */
const SHARE_BETWEEN = /^\s*(?:[\p{Ll}-]+\s+){0,2}?(?:out\s+)?of\s+(?:(?:the|its|their|his|her|our|this|that|all)\s+)?(?:[\p{L}.-]+['’]s\s+)?(?:total\s+of\s+)?$/u;
const AHEAD = /\b(?:will|would|could|plans?|planned|planning|proposed?|proposals?|expected|expects?|forecast|due to|set to|is to|are to|aims?|target|face|faces|facing)\b/i;

/** Where the digits of a figure end within its phrase ("1,400 weekly departures": after "1,400"). */
function digitsEnd(q: Quantity, text: string): number | null {
  const m = /\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|bn|m|k)\b)?/.exec(text.slice(q.start, q.end));
  return m ? q.start + m.index + m[0].length : null;
}

function yearOf(label: string, year: number): number | null {
  const y = /(?:19|20)\d\d/.exec(label);
  if (y) return Number(y[0]);
  if (/last|previous|before|earlier|ago/i.test(label)) return year - 1;
  if (/this|now/i.test(label)) return year;
  return null;
}

/** The sentence's text before `at` (at most 160 characters). */
function sentenceBefore(text: string, at: number): string {
  return text.slice(Math.max(0, at - 160), at).split(/[.!?]\s/).at(-1)!;
}

/** A number written in digits after `from` in the sentence: its value, where it stands, and its words. */
interface Written {
  value: number;
  /** The multiplier written after it ("million"), 1 when none. */
  scale: number;
  start: number;
  end: number;
  approx: boolean;
}

const NUMBER = /(?:[$£€¥]\s?)?(\d[\d,]*(?:\.\d+)?)(?:\s?(million|billion|bn|m|k)\b)?/g;
const SCALE: Record<string, number> = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, k: 1e3 };

/** The next number written in digits between `from` and the end of its sentence (not a year). */
function nextNumber(text: string, from: number): Written | null {
  const rest = text.slice(from, from + 200);
  const stop = /[.!?](?:\s|$)|;/.exec(rest)?.index ?? rest.length;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(rest); m && m.index < stop; m = NUMBER.exec(rest)) {
    const digits = m[1]!.replace(/,(?=\d{3})/g, '');
    if (/^(?:19|20)\d\d$/.test(digits) && !m[2] && !/[$£€¥]/.test(m[0])) continue;
    const scale = m[2] ? SCALE[m[2].toLowerCase()]! : 1;
    const value = Number(digits) * scale;
    if (!Number.isFinite(value)) return null;
    const lead = rest.slice(Math.max(0, m.index - 16), m.index);
    return { value, scale, start: from + m.index, end: from + m.index + m[0].length, approx: new RegExp(`${QUAL}$`, 'i').test(lead) };
  }
  return null;
}

/** Half a step of the last digit written, relative to the number ("1,400": 50 / 1,400), more when it is hedged. */
function grainOf(written: string, approx: boolean): number {
  const digits = /\d[\d,]*(?:\.\d+)?/.exec(written)?.[0].replace(/,/g, '') ?? '';
  const n = Number(digits);
  if (!n) return 0.05;
  const dot = digits.indexOf('.');
  const grain = dot >= 0 ? 0.5 * 10 ** -(digits.length - dot - 1) : 0.5 * 10 ** /0*$/.exec(digits)![0].length;
  // (a round number is taken as rounded to its last non-zero digit, but never as more than 5 percent off)
  return Math.min(0.05, grain / n) + (approx ? 0.05 : 0);
}

function derive(x: Quantity, text: string, year: number): Derived | null {
  const xEnd = digitsEnd(x, text);
  if (xEnd === null) return null;
  const y = nextNumber(text, xEnd);
  if (!y || y.value <= 0 || (x.unit !== '' && !/^[A-Z]{3}$/.test(x.unit))) return null;
  const xWritten = text.slice(x.start, xEnd);
  const xNum = nextNumber(text, x.start);
  if (!xNum || xNum.end !== xEnd) return null;
  // (the values as written: "from 5.2 to 4.4 million" gives both the multiplier written once)
  let xv = xNum.value;
  let yv = y.value;
  if (xNum.scale === 1 && y.scale > 1) xv *= y.scale;
  else if (y.scale === 1 && xNum.scale > 1) yv *= xNum.scale;

  // (a sum of money against a sum: the second written as money too, or bare)
  const mid = text.slice(xEnd, y.start);
  const before = sentenceBefore(text, x.start);
  const after = text.slice(y.end, y.end + 80);
  const rest = after.split(/[.!?](?:\s|$)/)[0]!;
  const ahead = AHEAD.test(before + mid + rest);
  const gx = grainOf(xWritten, x.approx !== 'exact');
  const gy = grainOf(text.slice(y.start, y.end), y.approx);
  const shown = (w: Written) => text.slice(w.start, w.end);
  const change = (old: number, now: number, how: string, years: number[]): Derived | null => {
    // (a level more than three times another, or under a third of it, is told as a multiple, not a percentage)
    if (old <= 0 || Math.max(old, now) / Math.min(old, now) > 3) return null;
    const value = ((now - old) / old) * 100;
    return { x, end: y.end, sort: 'change', value, slack: (now / old) * (gx + gy) * 100, years, ahead, how };
  };
  if (SHARE_BETWEEN.test(mid) && xv < yv) {
    const value = (xv / yv) * 100;
    return { x, end: y.end, sort: 'share', value, slack: value * (gx + gy), years: [], ahead, how: `${shown(xNum)} of ${shown(y)}` };
  }
  if ((FROM_BEFORE.test(text.slice(Math.max(0, x.start - 12), x.start)) && TO_BETWEEN.test(mid) && CHANGE_BEFORE.test(before)) || SHIFT_BETWEEN.test(mid)) return change(xv, yv, `${shown(xNum)} to ${shown(y)}`, []);
  const then = THEN_BETWEEN.exec(mid);
  const now = then ? THEN_AFTER.exec(after) : null;
  if (then && now) {
    const a = yearOf(then[1]!, year);
    const b = yearOf(now[1]!, year);
    if (a === null || b === null || a === b) return null;
    return a < b ? change(xv, yv, `${shown(xNum)} to ${shown(y)}`, [a, b]) : change(yv, xv, `${shown(y)} to ${shown(xNum)}`, [b, a]);
  }
  if (AGAINST_BETWEEN.test(mid) && EARLIER_AFTER.test(after)) return change(yv, xv, `${shown(y)} to ${shown(xNum)}`, []);
  return null;
}

/** The percentages a text implies, one per figure that opens a shape above. */
export function derivedFigures(qs: readonly Quantity[], text: string, year: number): Derived[] {
  const out: Derived[] = [];
  for (const x of qs) {
    if ((x.kind !== 'count' && x.kind !== 'amount') || x.rate !== null || x.unit === '%') continue;
    const d = derive(x, text, year);
    if (d) out.push(d);
  }
  return out;
}

/** The nouns a derived figure is of: its first figure's noun, modifiers and the nouns of its clause. */
function nounsOf(d: Derived): string[] {
  return [d.x.head, ...d.x.mods, ...d.x.context].filter((n): n is string => n !== null && n.length > 3);
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
export function impliedConflicts(qs: readonly Quantity[], text: string, year: number): Conflict[] {
  const out: Conflict[] = [];
  const stated = qs.filter((q) => q.kind === 'percent' && q.unit === '%');
  if (stated.length === 0) return out;
  for (const d of derivedFigures(qs, text, year)) {
    const nouns = nounsOf(d);
    // (stated percentages of the same sort and time; of those, the ones about the same thing)
    const alike = stated.filter((p) => {
      if (p.sentence === d.x.sentence) return false;
      const r = percentReading(p, text);
      if (r.range || r.rate !== null) return false;
      if (d.sort === 'change' ? r.change === null || (r.change === 'up') !== d.value > 0 : r.change !== null || r.levelAfterChange) return false;
      const lead = sentenceBefore(text, p.start);
      if (AHEAD.test(lead) !== d.ahead) return false;
      // (a year named by the stated figure's sentence that the derived one does not speak of)
      const years = [...(lead + text.slice(p.end, p.end + 60).split(/[.!?]\s/)[0]).matchAll(YEAR)].map((m) => Number(m[1]));
      return !years.some((y) => !d.years.includes(y));
    });
    const candidates = alike.filter((p) => {
      // (what the percentage is of: its own nouns, or a word of its clause, "Visits to the museum have
      // fallen by 40 percent", "60 percent of the county's street lights")
      const about = [...figureAbout(p), ...clauseWords(text, p)];
      return nouns.some((n) => about.some((m) => m === n || (m.length > 3 && sameKind(m, n))));
    });
    if (candidates.length === 0) continue;
    const v = Math.abs(d.value);
    const fits = (p: Quantity) => {
      const [lo, hi] = interval(p);
      return v + d.slack >= lo - 0.5 && v - d.slack <= hi + 0.5;
    };
    if (candidates.some(fits)) continue;
    // (and far enough apart to be no slip of rounding: a quarter and four points)
    const p = candidates.find((c) => Math.max(v, c.value) / Math.max(1e-9, Math.min(v, c.value)) >= 1.25 && Math.abs(v - c.value) >= 4);
    if (!p) continue;
    const implied = { ...d.x, end: d.end, value: d.value };
    const [a, b] = p.start < d.x.start ? [p, implied] : [implied, p];
    const shown = Math.round(v * 10) / 10;
    const told = text.slice(p.start, p.end);
    out.push({
      kind: 'percent',
      a,
      b,
      explanation:
        d.sort === 'change'
          ? `"${told}" and ${d.how} tell one change: ${d.how} is a ${d.value > 0 ? 'rise' : 'fall'} of ${shown} percent, not ${p.value} percent.`
          : `"${told}" and ${d.how} tell one share: ${d.how} is ${shown} percent, not ${p.value} percent.`,
    });
  }
  return out;
}
