// Which quantity mentions disagree. Mentions are bucketed by what they are about (referent class,
// or a noun key for percentages and amounts) and only compared within a bucket, against a bounded
// number of earlier mentions, so the work grows linearly with the text.
//
// Two mentions are taken to be about the same thing only on positive evidence:
// - counts: the same head (or near-synonym), compatible modifiers, and the same frame: both say
//   "all N X", or both are the object of the same subject ("the trial enrolled" / "the study
//   followed"), or the same verb, or both are votes for (against) a measure;
// - a rank and a count of the same thing, or two ranks, in overlapping time scopes;
// - durations: the same (or near-synonymous) head, one of them definite ("the three-hour session");
// - percentages and amounts: a shared noun, or a definite "the N percent figure" that points back
//   at the percentage given before it.
// And never when one of them is a comparison, a plan, a subset, a rate, or in the same sentence.

import { MONTHS, unitLabel, type Approx } from './lexicon';
import type { Quantity } from './quantities';
import { singular } from './nlp';
import { relate, type ScopeRelation } from './scope';
import { wordnet } from './wordnet';

export type ConflictKind = 'count' | 'ordinal' | 'amount' | 'percent' | 'duration';

export interface Conflict {
  kind: ConflictKind;
  a: Quantity;
  b: Quantity;
  explanation: string;
}

/** How many earlier mentions in a bucket each mention is compared with. */
const WINDOW = 24;

export function interval(q: Quantity): [number, number] {
  const v = q.value;
  const tol = (x: number): number => Math.max(x * 0.1, q.kind === 'count' && Number.isInteger(v) && v < 20 ? 0.5 : 0);
  const a: Approx = q.approx;
  if (q.floor !== undefined && q.floor <= v) return [q.floor, v];
  switch (a) {
    case 'exact': {
      // ("six months" is 181 to 184 days, and said of 180: a length in whole months or years is as exact as a calendar)
      const months = v / 730.5;
      // (and "a five-week survey" of 34 days: weeks are as round)
      const weeks = v / 168;
      const calendar = q.kind === 'duration' && ((months >= 1 && Math.abs(months - Math.round(months)) < 1e-6) || (weeks >= 2 && Math.abs(weeks - Math.round(weeks)) < 1e-6));
      return calendar ? [v * 0.97, v * 1.03] : [v, v];
    }
    case 'about':
      return [v - tol(v), v + tol(v)];
    case 'nearly':
      return [v * 0.8, v];
    case 'atLeast':
      // "at least five" is read as the count the text gives (a sixth conversation contradicts it).
      return [v, v + tol(v)];
    case 'moreThan':
      return [v, v * 1.5 + 1];
    case 'lessThan':
      return [v * 0.5, v];
    case 'upTo':
      return [0, v];
  }
}

/**
 * Two figures can both be true: their intervals overlap, or they are one measure written in two units
 * and each rounds to the other ("400 acres" / "the 160-hectare farm", "9-metre" / "30-foot"): a
 * conversion is as exact as the last digit each was written with.
 */
export function agree(a: Quantity, b: Quantity, far = false): boolean {
  const ia = interval(a);
  const ib = interval(b);
  if (overlaps(ia, ib)) return true;
  const wa = a.written;
  const wb = b.written;
  if (!wa || !wb || wa.unit === wb.unit || a.unit !== b.unit) return false;
  // (far apart in the text, a figure spelled out in another unit is no conversion written beside it:
  // its step of one counts for at most a tenth of it, "the 1.9-kilometre swim" / "the one-mile swim")
  const ga = far && wa.spelled ? Math.min(wa.grain, 0.1 * a.value) : wa.grain;
  const gb = far && wb.spelled ? Math.min(wb.grain, 0.1 * b.value) : wb.grain;
  return overlaps([ia[0] - ga, ia[1] + ga], [ib[0] - gb, ib[1] + gb]);
}

/** Nouns three different lengths are given for ("one-day", "seven-day" and "ten-day vignette"): kinds of the thing, each length a kind's. */
function kindsByLength(qs: readonly Quantity[]): Set<string> {
  const values = new Map<string, Set<number>>();
  for (const q of qs) {
    if (q.kind !== 'duration' || q.head === null) continue;
    const seen = values.get(q.head);
    if (seen) seen.add(q.value);
    else values.set(q.head, new Set([q.value]));
  }
  return new Set([...values].filter(([, v]) => v.size >= 3).map(([h]) => h));
}

export function overlaps(a: [number, number], b: [number, number]): boolean {
  const eps = 1e-9;
  return a[0] <= b[1] + eps && b[0] <= a[1] + eps;
}

/** One phrase's modifiers are a subset of the other's ("phone conversations" / "conversations"). A
 *  participle that restates the other's verb does not count ("completed homes" / "homes were completed"). */
export function modsCompatible(a: Quantity, b: Quantity): boolean {
  const ma = a.mods.filter((_, i) => !(b.frame.isSubject && b.frame.verb !== null && a.modVerbs[i] === b.frame.verb));
  const mb = b.mods.filter((_, i) => !(a.frame.isSubject && a.frame.verb !== null && b.modVerbs[i] === a.frame.verb));
  if (ma.length === 0 || mb.length === 0) return true;
  return ma.every((m) => mb.includes(m)) || mb.every((m) => ma.includes(m));
}

function anchorsDiffer(a: Quantity, b: Quantity): boolean {
  if (a.anchors.length === 0 || b.anchors.length === 0) return false;
  return !a.anchors.some((x) => b.anchors.includes(x));
}

/** A count of the ones before ("three women had held the post before", "12 previous albums"). */
const PRIOR = /\b(?:before|previous|previously|earlier|prior|so far|to date|until now)\b/i;

/** The reporting period a figure is for ("for the fourth quarter", "quarterly", "for the full year"), from its sentence. */
const PERIOD = /\b(quarter(?:ly)?|half[- ]year(?:ly)?|first half|second half|full[- ]year|annual(?:ly)?|year[- ]on[- ]year|monthly|weekly|daily|per (?:day|week|month|year))\b/gi;

/** "the October-December period", "January to June": a span of months names a quarter or a half. */
const MONTH_SPAN = new RegExp(`\\b(${MONTHS.join('|')})\\s*(?:-|–|to|through)\\s*(${MONTHS.join('|')})\\b`, 'gi');

const periods = new WeakMap<Quantity, string | null>();

export function periodOf(q: Quantity, text: string): string | null {
  let p = periods.get(q);
  if (p === undefined) periods.set(q, (p = periodOfUncached(q, text)));
  return p;
}

function periodOfUncached(q: Quantity, text: string): string | null {
  // (within the mention's own sentence: "in the quarter" ... "for the full year" in the next one is another figure's period)
  const clause = `${text.slice(Math.max(0, q.start - 80), q.start).split(/[.!?]\s/).at(-1)!} ${text.slice(q.start, Math.min(text.length, q.end + 80)).split(/[.!?](?:\s|$)/)[0]!}`;
  const found = [...clause.matchAll(PERIOD)].map((m) => m[1]!.toLowerCase().replace(/[- ]/g, ' ').replace(/ly$/, '').replace(/^annual$/, 'full year'));
  for (const m of clause.matchAll(MONTH_SPAN)) {
    const months = (MONTHS.indexOf(m[2]!.toLowerCase()) - MONTHS.indexOf(m[1]!.toLowerCase()) + 12) % 12 + 1;
    if (months === 3) found.push('quarter');
    else if (months === 6) found.push('half year');
  }
  return found.length ? found.sort().join('+') : null;
}

/**
 * Figures for different reporting periods (a quarter and the full year), or far apart in size
 * (a part and its whole), are different figures, not one figure told twice.
 */
export function differentFigures(a: Quantity, b: Quantity, text: string): boolean {
  const pa = periodOf(a, text);
  const pb = periodOf(b, text);
  if ((pa !== null || pb !== null) && pa !== pb) return true;
  if (a.kind === 'amount') {
    const [lo, hi] = a.value < b.value ? [a.value, b.value] : [b.value, a.value];
    if (lo <= 0 || hi / lo > 2.5) return true;
  }
  return false;
}

/** Reasons two mentions cannot be compared at all. */
function blocked(a: Quantity, b: Quantity, opts: { allowSubset?: boolean } = {}): boolean {
  if (a.sentence === b.sentence) return true;
  if (a.required || b.required) return true;
  if (differentPlaces(a, b)) return true;
  if (a.listed || b.listed) return true;
  if (a.hedged !== b.hedged) return true;
  if (a.compared || b.compared) return true;
  if (!opts.allowSubset && (a.subset || b.subset)) return true;
  if (a.rate !== b.rate) return true;
  if (a.unit !== b.unit) return true;
  if (relate(a.scope, b.scope) === 'disjoint') return true;
  if (anchorsDiffer(a, b) && !(a.totality && b.totality)) return true;
  if (a.names.length > 0 && b.names.length > 0 && !a.names.some((n) => b.names.includes(n))) return true;
  return false;
}

/** "almost three weeks of the run still to go" / "The seven-week run": a length "of" the thing the
 *  other measures is a part of it, no longer than it. */
export function partOfOther(part: Quantity, whole: Quantity, text: string): boolean {
  const m = /^\s+of\s+(?:the|its|their|this|that)\s+(\p{L}+)/u.exec(text.slice(part.end, part.end + 40));
  if (!m || whole.head === null || part.value > whole.value) return false;
  const noun = singular(m[1]!.toLowerCase());
  return noun === whole.head || noun === whole.cls;
}

/** One figure is told of a place its sentence opens with ("In Westbury, ...") that the other's does not name. */
export function differentPlaces(a: Quantity, b: Quantity): boolean {
  return (a.place !== null && a.place !== b.place && !b.names.includes(a.place)) || (b.place !== null && b.place !== a.place && !a.names.includes(b.place));
}

/** "outside parliament", "at the Lyon plant": where the counted thing is, named right after it. */
const SITE_AFTER = /^[\s,]*(?:outside|inside|near|at|in|on)\s+(?:the\s+|its\s+|their\s+|a\s+)?((?:\p{L}[\p{L}'’-]*\s+){0,2}\p{L}[\p{L}'’-]*)/u;
const NOT_SITES = /^(?:total|all|a row|that|which|this|his|her|its|their|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d)/i;
const SITE_STOPS = new Set(['that', 'which', 'who', 'where', 'when', 'while', 'because', 'if', 'unless', 'from', 'to', 'than', 'and', 'or', 'of', 'with', 'by', 'after', 'before', 'as', 'on', 'in', 'at', 'for', 'since', 'compared', 'against', 'over', 'under', 'but', 'was', 'were', 'is', 'are', 'had', 'has', 'will', 'would', 'said', 'says',
  // (a pronoun opens the next clause: "After twelve weeks in intensive care he moved to the ward")
  'he', 'she', 'it', 'they', 'we', 'you', 'i', 'his', 'her', 'its', 'their', 'our']);
const sites = new WeakMap<Quantity, string | null>();

function siteOf(q: Quantity, text: string): string | null {
  let s = sites.get(q);
  if (s === undefined) {
    const m = SITE_AFTER.exec(text.slice(q.end, q.end + 50));
    // (the phrase ends before a word that opens another: "in the first quarter from a year earlier")
    const words = m && !NOT_SITES.test(m[1]!) ? m[1]!.toLowerCase().split(/\s+/) : [];
    const stop = words.findIndex((w) => SITE_STOPS.has(w));
    const kept = stop < 0 ? words : words.slice(0, stop);
    s = kept.length > 0 ? kept.at(-1)! : null;
    // (a site is no abstraction: "on condition", "in principle", "in the first quarter" name no site)
    if (s !== null && !siteNoun(s)) s = null;
    sites.set(q, s);
  }
  return s;
}

/** WordNet's noun files for attributes (7), cognition (9), communication (10), feelings (12), motives (16), quantities (23), relations (24), states (26) and times (28): no sites. */
const ABSTRACT_FILES = [7, 9, 10, 12, 16, 23, 24, 26, 28];
const siteNouns = new Map<string, boolean>();
/** A word that can name where (or among whom) something is: its commonest noun sense is no abstraction, or WordNet lacks it (a name). */
export function siteNoun(word: string): boolean {
  let known = siteNouns.get(word);
  if (known === undefined) {
    const wn = wordnet();
    const first = wn ? (wn.synsets(word, 'n')[0] ?? wn.synsets(word.replace(/s$/, ''), 'n')[0]) : undefined;
    known = !wn || first === undefined || !ABSTRACT_FILES.includes(first.lexfile);
    siteNouns.set(word, known);
  }
  return known;
}

/** What `make` gives for a mention, worked out once per mention (the reading of its text does not change). */
export function cached<T>(map: WeakMap<Quantity, T>, q: Quantity, make: () => T): T {
  if (map.has(q)) return map.get(q) as T;
  const v = make();
  map.set(q, v);
  return v;
}

/** The reporting period named in a mention's own sentence ("in the first half"), or null. */
const sentencePeriods = new WeakMap<Quantity, string | null>();
function sentencePeriod(q: Quantity, text: string): string | null {
  return cached(sentencePeriods, q, () => sentencePeriodOf(q, text));
}

function sentencePeriodOf(q: Quantity, text: string): string | null {
  const from = Math.max(0, q.start - 150);
  const before = text.slice(from, q.start).split(/[.!?]\s/).at(-1)!;
  const after = text.slice(q.end, q.end + 150).split(/[.!?](?:\s|$)/)[0]!;
  const found = [...`${before} ${after}`.matchAll(PERIOD)].map((m) => m[1]!.toLowerCase().replace(/[- ]/g, ' '));
  return found.length ? found.sort().join('+') : null;
}

/** "in January", "in the summer", "last week", "the week before": when its sentence says it happened. */
const WHEN = new RegExp(`\\b(?:(?:in|during|over|since|by|until)\\s+(?:the\\s+|early\\s+|late\\s+|mid-)?(${MONTHS.join('|')}|spring|summer|autumn|fall|winter)|(last|this|next|previous|following)\\s+(week|month|year|season|weekend|quarter)|the\\s+(week|month|year|day|season)\\s+(before|after|earlier))\\b`, 'gi');
const whens = new WeakMap<Quantity, string | null>();

export function whenOf(q: Quantity, text: string): string | null {
  let w = whens.get(q);
  if (w === undefined) {
    const before = text.slice(Math.max(0, q.start - 150), q.start).split(/[.!?]\s/).at(-1)!;
    const after = text.slice(q.end, q.end + 150).split(/[.!?](?:\s|$)/)[0]!;
    const found = [...`${before} ${after}`.matchAll(WHEN)].map((m) => m[0].toLowerCase().replace(/^(?:in|during|over|since|by|until)\s+(?:the\s+)?/, ''));
    w = found.length ? [...new Set(found)].sort().join('+') : null;
    whens.set(q, w);
  }
  return w;
}

/** Told of different times: "in January" / "in the summer", "last week" / "the week before". */
export function differentWhens(a: Quantity, b: Quantity, text: string): boolean {
  const wa = whenOf(a, text);
  const wb = whenOf(b, text);
  return wa !== null && wb !== null && wa !== wb;
}

/** Counted at different sites: "14 protesters outside parliament" / "17 protesters outside the ministry". */
export function differentSites(a: Quantity, b: Quantity, text: string): boolean {
  const sa = siteOf(a, text);
  const sb = siteOf(b, text);
  if (sa !== null && sb !== null) return sa !== sb && sa.replace(/s$/, '') !== sb.replace(/s$/, '');
  // ("14 goals in the league" / "18 goals in all competitions": a part and the whole of it)
  const whole = (q: Quantity) => /^[\s,]*(?:\p{L}+\s+){0,2}?(?:in all\b|in total\b|overall\b|altogether\b|across all\b|in all\s+\p{L}+)/iu.test(text.slice(q.end, q.end + 40));
  return (sa !== null && whole(b)) || (sb !== null && whole(a));
}

const AVERAGE = /\b(?:average|averaged|averaging|mean|median|typical|typically|usual|usually|normally|ordinarily)\b/i;
const PEAK = /\b(?:peak|peaked|peaking|maximum|highest|longest|largest|biggest|greatest|record|top|topped|up to)\b/i;

/** "had been cut to 300", "fell back to": the level a change left, a later point than a peak or an average. */
const AFTER_CHANGE = /\b(?:cut|fell|fallen|dropped|reduced|lowered|eased|slowed|rose|risen|raised|increased|climbed)\s+(?:back\s+)?to\s+(?:about\s+|around\s+|roughly\s+|just\s+)?[$£€¥]?\s*$/i;

type Statistic = 'average' | 'peak' | 'after a change';
const statistics = new WeakMap<Quantity, Statistic | null>();
/** Which statistic of a measure a figure is, read from its clause: an average, a peak, the level after a change, else null (read once per figure). */
function statisticOf(q: Quantity, text: string): Statistic | null {
  return cached(statistics, q, () => statisticRead(q, text));
}

function statisticRead(q: Quantity, text: string): Statistic | null {
  const lead = text.slice(Math.max(0, q.start - 80), q.start).split(/[.;!?]\s/).at(-1)!;
  if (AFTER_CHANGE.test(lead)) return 'after a change';
  const clause = `${lead} ${text.slice(q.start, q.end)}`;
  const avg = AVERAGE.test(clause);
  const peak = PEAK.test(clause);
  return avg === peak ? null : avg ? 'average' : 'peak';
}

/**
 * "average readings were 1.8 times the limit" / "levels peaked at four times the limit": two
 * statistics of one measure; "a peak discharge of 1,150 cubic metres" / "had been cut to 300": the
 * peak and the level after it.
 */
export function differentStatistics(a: Quantity, b: Quantity, text: string): boolean {
  const sa = statisticOf(a, text);
  const sb = statisticOf(b, text);
  // (the level after a change against a peak or an average; not against another such level, nor a plain figure)
  if (sa === 'after a change' || sb === 'after a change') {
    const other = sa === 'after a change' ? sb : sa;
    return other === 'peak' || other === 'average';
  }
  return sa !== null && sb !== null && sa !== sb;
}

/** "Police also arrested 17": a further batch, not the same one told again. */
export function alsoDone(q: Quantity, text: string): boolean {
  const before = text.slice(Math.max(0, q.start - 40), q.start).split(/[.;!?]\s/).at(-1)!;
  return /\balso\s+(?:\p{L}+\s+)?(?:\p{L}+ed|cut|shed|hit|hurt|lost|won|held)\s+(?:\p{L}+\s+){0,2}$/iu.test(before);
}

function sameCountFrame(a: Quantity, b: Quantity): boolean {
  // The whole a part is taken from ("11 of the 39 seats") is not what the subject counts.
  if (a.ofWhole !== b.ofWhole) return false;
  if (a.polarity !== null || b.polarity !== null) return a.polarity === b.polarity;
  if ((a.totality && (b.totality || b.definite)) || (b.totality && a.definite)) return true;
  if (a.frame.subject !== null && a.frame.subject === b.frame.subject && !a.frame.isSubject && !b.frame.isSubject) return true;
  // (the same verb with different subjects is two doers: "Both earned 9 delegates" / "Warren earned 8")
  const otherDoers = a.frame.subject !== null && b.frame.subject !== null && a.frame.subject !== b.frame.subject && !a.frame.isSubject && !b.frame.isSubject;
  if (a.frame.verb !== null && a.frame.verb === b.frame.verb && a.frame.isSubject === b.frame.isSubject && a.frame.verb !== 'be' && !otherDoers) return true;
  // "2,150 homes were completed" / "2,300 completed homes"
  if (a.frame.verb !== null && a.frame.isSubject && a.frame.verb !== '' && b.modVerbs.includes(a.frame.verb)) return true;
  if (b.frame.verb !== null && b.frame.isSubject && b.frame.verb !== '' && a.modVerbs.includes(b.frame.verb)) return true;
  return false;
}

/** Counts (or ranks) in scopes related by `rel` conflict when the one in the narrower scope exceeds the other. */
function monotoneConflict(rel: ScopeRelation, a: [number, number], b: [number, number]): boolean {
  switch (rel) {
    case 'same':
      return !overlaps(a, b);
    case 'aInB':
      return a[0] > b[1];
    case 'bInA':
      return b[0] > a[1];
    default:
      return false;
  }
}

export function fmt(v: number): string {
  if (Number.isInteger(v)) return String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (Math.abs(v) < 1) return String(Number(v.toPrecision(3)));
  // (a converted figure in the thousands, "4,750 gallons" in litres: to the unit, grouped)
  if (Math.abs(v) >= 1000) return fmt(Math.round(v));
  return String(Math.round(v * 100) / 100);
}

/** 1st, 2nd, 3rd, 11th, 149th. */
export function ordinalWord(n: number): string {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
}

/** The first index in ascending `list` holding a value >= x. */
export function lowerBound(list: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function hours(v: number): string {
  // (a length of whole or half years or months is shown in them: "6 months", not "4,383 hours")
  for (const [unit, h] of LONG_UNITS) {
    const n = v / h;
    if (n >= 1 && Math.abs(n - Math.round(n * 2) / 2) < 1e-6) return `${fmt(n)} ${unit}${n === 1 ? '' : 's'}`;
  }
  if (v >= 24 * 2 && v % 24 === 0) return `${fmt(v / 24)} days`;
  if (v < 1) return `${fmt(v * 60)} minutes`;
  return `${fmt(v)} hour${v === 1 ? '' : 's'}`;
}

/** Units a long length is shown in, largest first (TIME_UNITS' hours; weeks stay days: "14 days"). */
const LONG_UNITS: ReadonlyArray<readonly [string, number]> = [['year', 8766], ['month', 730.5]];

export function approxWord(q: Quantity): string {
  switch (q.approx) {
    case 'about':
      return 'about ';
    case 'nearly':
      return 'nearly ';
    case 'atLeast':
      return 'at least ';
    case 'moreThan':
      return 'more than ';
    case 'lessThan':
      return 'less than ';
    case 'upTo':
      return 'up to ';
    default:
      return '';
  }
}

export function plural(w: string): string {
  if (/(s|x|ch|sh)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  if (w === 'person') return 'people';
  if (w === 'man' || w === 'woman') return `${w.slice(0, -3)}men`;
  if (['men', 'women', 'people', 'children'].includes(w) || /(?:police|fire|gun|fisher|sales|work|crafts|chair|spokes|country)(?:wo)?men$/.test(w)) return w;
  if (w === 'child') return 'children';
  return `${w}s`;
}

/** What is said of a share's members: the verb of a relative clause after its whole ("of patients who responded"), else its clause's verb. */
function sharePredicate(q: Quantity, text: string): string | null {
  const rel = /^\s*of\s+(?:the\s+)?(?:[\p{L}-]+\s+){1,3}(?:who|that|which)\s+(?:had\s+|have\s+|has\s+|were\s+|was\s+)?([\p{L}]+)/iu.exec(text.slice(q.end, q.end + 60));
  return rel ? rel[1]!.toLowerCase() : q.frame.verb;
}

/**
 * `twoThings`: whether two percentages are of different things by what they name (the lexical test
 * lives with the restatements, which build on this file: `otherKinds`).
 */
export function findConflicts(qs: readonly Quantity[], text: string, twoThings: (a: Quantity, b: Quantity, text: string) => boolean = () => false): Conflict[] {
  const out: Conflict[] = [];
  const seen = new Set<string>();
  const phrase = (q: Quantity): string => text.slice(q.start, q.end);
  // Each mention is reported against the nearest earlier mention it conflicts with, once.
  const add = (kind: ConflictKind, a: Quantity, b: Quantity, explanation: string): boolean => {
    const key = `${a.start}:${b.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    out.push({ kind, a, b, explanation });
    return true;
  };

  const buckets = new Map<string, Quantity[]>();
  const bucket = (key: string, q: Quantity): Quantity[] => {
    let list = buckets.get(key);
    if (!list) {
      list = [];
      buckets.set(key, list);
    }
    const earlier = list.slice(Math.max(0, list.length - WINDOW)).reverse();
    list.push(q);
    if (list.length > WINDOW * 4) list.splice(0, list.length - WINDOW);
    return earlier;
  };
  const lastPercent: Quantity[] = [];
  const lastAmount = new Map<string, Quantity[]>();
  const kinds = kindsByLength(qs);

  for (const b of qs) {
    switch (b.kind) {
      case 'count':
      case 'ordinal': {
        if (!b.cls) break;
        for (const a of bucket(`n:${b.cls}`, b)) {
          if (!modsCompatible(a, b)) continue;
          const rel = relate(a.scope, b.scope);
          if (a.kind === 'count' && b.kind === 'count') {
            if (blocked(a, b) || !sameCountFrame(a, b)) continue;
            // ("19.8 people per square kilometre", "the average household has 2.5 people": a count with a fraction is an average or a rate)
            if (!Number.isInteger(a.value) || !Number.isInteger(b.value)) continue;
            // ("one lever" / "the two levers", "two sucrose pellets" / "one pellet": one and two of a thing
            // are too common to be one count told twice)
            if (Math.max(a.value, b.value) <= 2) continue;
            // ("in the first half" / "in the second half", "outside parliament" / "outside the ministry", "also arrested")
            if (sentencePeriod(a, text) !== sentencePeriod(b, text) || differentWhens(a, b, text) || differentSites(a, b, text) || alsoDone(b, text)) continue;
            // Totals far apart in size count different wholes (a state's delegates and the nation's).
            // (and at any size, ten times apart: "a total of at least 1,991 delegates" is no toll that "the territory's six delegates" breaks)
            const ratio = Math.max(a.value, b.value) / Math.max(1, Math.min(a.value, b.value));
            if ((ratio > 3 && Math.min(a.value, b.value) >= 10) || ratio > 10) continue;
            if (monotoneConflict(rel, interval(a), interval(b))) {
              const what = b.polarity ? `votes ${b.polarity === 'for' ? 'in favour' : 'against'}` : plural(b.head ?? b.cls);
              if (add('count', a, b, `"${phrase(a)}" and "${phrase(b)}" give different numbers of ${what} (${approxWord(a)}${fmt(a.value)} and ${approxWord(b)}${fmt(b.value)}).`)) break;
            }
          } else if (a.kind === 'ordinal' && b.kind === 'ordinal') {
            if (blocked(a, b) || rel === 'overlap') continue;
            if (monotoneConflict(rel, [a.value, a.value], [b.value, b.value])) {
              const what = b.cls;
              let why = 'both cannot be true';
              if (rel === 'aInB' && a.scope && b.scope) why = `"${a.scope.label}" falls within "${b.scope.label}", so both cannot be true`;
              else if (rel === 'bInA' && a.scope && b.scope) why = `"${b.scope.label}" falls within "${a.scope.label}", so both cannot be true`;
              if (add('ordinal', a, b, `"${phrase(a)}" makes it the ${ordinalWord(a.value)} ${what}, but "${phrase(b)}" makes it the ${ordinalWord(b.value)}; ${why}.`)) break;
            }
          } else {
            const ord = a.kind === 'ordinal' ? a : b;
            const cnt = a.kind === 'ordinal' ? b : a;
            if (blocked(a, b) || rel === 'overlap') continue;
            // A count of those before the ordinal's one is n-1, not n: assist/series.ts reads those.
            if (PRIOR.test(text.slice(cnt.start, Math.min(text.length, cnt.end + 40)).split(/[.;!?]/)[0]!)) continue;
            // ("the first person who reached out to us", "the first woman to win": a first of a kind
            // told by what it did, no place in a series a count could break)
            if (ord.value === 1 && /^\s+(?:to|who|that|which)\b/i.test(text.slice(ord.end, ord.end + 10))) continue;
            const r = relate(ord.scope, cnt.scope);
            if (monotoneConflict(r, [ord.value, ord.value], interval(cnt))) {
              const scope = ord.scope ? ` ${ord.scope.label}` : '';
              if (add('count', a, b, `"${phrase(ord)}" implies ${fmt(ord.value)} ${plural(ord.head ?? ord.cls ?? 'event')}${scope}, but "${phrase(cnt)}" gives ${approxWord(cnt)}${fmt(cnt.value)}.`)) break;
            }
          }
        }
        break;
      }
      case 'duration': {
        if (!b.cls) break;
        // ("The one-day vignette", "a ten-day vignette", "The seven-day vignette": three lengths of one
        // noun name kinds of it, not one thing's length told three ways)
        if (kinds.has(b.head ?? '')) break;
        for (const a of bucket(`d:${b.cls}`, b)) {
          if (blocked(a, b) || !modsCompatible(a, b) || partOfOther(a, b, text) || partOfOther(b, a, text)) continue;
          if (!a.definite && !b.definite) continue;
          if (!agree(a, b)) {
            if (add('duration', a, b, `"${phrase(a)}" and "${phrase(b)}" give different lengths (${approxWord(a)}${hours(a.value)} and ${approxWord(b)}${hours(b.value)}) for what reads as the same ${b.head ?? b.cls}.`)) break;
          }
        }
        break;
      }
      case 'percent':
      case 'amount': {
        const label = b.kind === 'percent' ? 'percentages' : 'amounts';
        const show = (q: Quantity): string => (q.kind === 'percent' ? `${fmt(q.value)}${q.unit === '%' ? '%' : ' points'}` : `${fmt(q.value)} ${unitLabel(q.unit)}`);
        // A shared noun: "efficacy of 68 percent" ... "efficacy of 72 percent".
        const compared = new Set<Quantity>();
        let found = false;
        for (const key of b.keys) {
          const [noun, verb] = key.split('@') as [string, string | undefined];
          for (const a of bucket(`${b.kind}:${b.unit}:${noun}`, b)) {
            if (found || compared.has(a)) continue;
            // Two subjects only match with the same verb ("the work cost" / "the work cost"), not "made" / "paid".
            const ak = a.keys.find((k) => k.split('@')[0] === noun);
            if (verb !== undefined && ak !== undefined && ak.includes('@') && ak.split('@')[1] !== verb) continue;
            compared.add(a);
            if (blocked(a, b) || differentFigures(a, b, text) || differentSites(a, b, text) || differentStatistics(a, b, text) || (b.kind === 'percent' && twoThings(a, b, text))) continue;
            // Shares of one whole told of different parties ("48% of the vote" for one candidate,
            // "20%" for another) are different figures, unless one points back at the other.
            const share = (q: Quantity) => /^\s*(?:of|of the)\b/i.test(text.slice(q.end, q.end + 8)) || /\b(?:won|took|got|received|secured|gained|had)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+(?:over|under)\s+)?$/i.test(text.slice(Math.max(0, q.start - 30), q.start));
            if ((share(a) || share(b)) && !b.definite && !b.shell && !a.definite && (a.frame.subject === null || a.frame.subject !== b.frame.subject)) continue;
            // Shares of one whole of which different things are said ("the 67 percent of patients who
            // responded" / "occurred in 14 percent of patients") are shares of different groups.
            if (share(a) && share(b) && sharePredicate(a, text) !== sharePredicate(b, text)) continue;
            if (!agree(a, b)) found = add(b.kind, a, b, `"${phrase(a)}" and "${phrase(b)}" give different ${label} (${approxWord(a)}${show(a)} and ${approxWord(b)}${show(b)}) for the same ${noun}.`);
          }
        }
        // "the 72 percent figure" points back at the figure given before it.
        const previous = b.kind === 'percent' ? lastPercent : (lastAmount.get(b.unit) ?? []);
        if (b.shell) {
          const same = previous.some((a) => agree(a, b));
          const a = [...previous].reverse().find((x) => x.sentence !== b.sentence && !x.shell);
          if (!found && a && !same && !compared.has(a) && !blocked(a, b, { allowSubset: true }) && !differentFigures(a, b, text)) {
            add(b.kind, a, b, `"${phrase(b)}" refers back to a figure, but the figure given earlier is "${phrase(a)}" (${show(a)}, not ${show(b)}).`);
          }
        }
        previous.push(b);
        if (previous.length > WINDOW) previous.shift();
        if (b.kind === 'amount') lastAmount.set(b.unit, previous);
        break;
      }
    }
  }
  return out;
}
