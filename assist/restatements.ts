// One figure, restated in other words: "a £3.8m package of road repairs" ... "the £4.3m roads
// programme"; "roughly 12 percent of its customers" ... "the 18 percent of customers hit". The
// rules of inconsistencies.ts need the same head noun or frame; these look further, for a mention
// that points back (definite, or sharing what it is about) at a figure of the same kind and unit,
// about the same referent by WordNet (same synset, or one a close hypernym of the other) or by the
// nouns around it, and whose value cannot be the same.
//
// Silence is kept where a careful reporter gives two figures on purpose: comparisons and changes
// ("up from", "rose to"), plans and forecasts, different periods, subsets, rates, different named
// places or parties, and figures far apart in size (a part and its whole, a day and a year).

import { approxWord, differentFigures, fmt, hours, interval, overlaps, type Conflict } from './inconsistencies';
import type { Quantity } from './quantities';
import { relate } from './scope';
import { singular } from './nlp';
import { wordnet, type Synset } from './wordnet';

/** Nouns that say nothing about what a figure counts or measures. */
const UNINFORMATIVE = new Set([
  'percent', 'cent', 'percentage', 'point', 'number', 'figure', 'total', 'amount', 'sum', 'level', 'rate', 'share', 'part',
  'official', 'report', 'statement', 'spokesperson', 'spokesman', 'spokeswoman', 'government', 'company', 'firm', 'group',
  'time', 'way', 'thing', 'lot', 'kind', 'sort', 'end', 'start', 'side', 'area', 'place', 'people', 'person', 'member',
  'today', 'yesterday', 'tomorrow', 'morning', 'evening', 'night', 'record', 'estimate', 'average', 'data',
]);

/** A verb of expectation or intent before the figure in its clause: a forecast or a plan, not what happened. */
const PROSPECTIVE = /\b(?:expect|forecast|project|predict|anticipat|plan|aim|hope|target|intend|propos|budget|estimat|seek|sought|want)\w*\b[^,;:()"“”]*$/i;

/** "would cost", "will be about", "could reach": a figure under a modal is not what happened. */
const MODAL_BEFORE = /\b(?:will|would|could|might|may|should|shall)\s+(?:not\s+)?(?:[\p{Ll}]+\s+){0,3}(?:about|around|nearly|some|roughly|up to|more than|at least)?\s*[$£€¥]?\s*$/u;

/** "the 90-minute disruption", "The five-month milling campaign". */
const COMPOUND_LENGTH = /^(?:the|this|that)\s+[\w.,]+[- ](?:second|minute|hour|day|week|month|year)[- ]/i;
/** "the $21.4 million sale", "The 590 million euro deal", "the 800-zloty penalty". */
const COMPOUND_AMOUNT = /^(?:the|this|that)\s+\S*\d[\d.,]*(?:\s*(?:million|billion|thousand|m|bn|k))?[- ]?(?:[\p{L}]+[- ])?[\p{L}]+$/iu;

/** The index of the latest earlier figure within 1.5x of `b` in size (the one a restatement points back at). */
function nearestOfSize(earlier: readonly Quantity[], b: Quantity): number {
  for (let x = earlier.length - 1; x >= 0; x--) {
    const a = earlier[x]!;
    if (a.sentence === b.sentence) continue;
    const lo = Math.min(a.value, b.value);
    if (lo > 0 && Math.max(a.value, b.value) / lo <= 1.5) return x;
  }
  return -1;
}

/** A duration that is how long something went on: "lasted about three hours", "ran for 10 weeks". */
function isLengthOf(q: Quantity, text: string): boolean {
  if (q.frame.verb !== null && ['last', 'run', 'take', 'continue', 'stretch', 'drag', 'go', 'sit'].includes(q.frame.verb)) return true;
  return /\b(?:for|after|lasting|running|of)\s+(?:about|around|nearly|almost|roughly|just over|just under|more than|less than|some|over|under)?\s*$/i.test(text.slice(Math.max(0, q.start - 25), q.start));
}

/** Mentions further apart in size than this are not one figure told twice but different things. */
const MAX_RATIO = 2.5;
/** How many earlier mentions of the same kind and unit each mention is compared with. */
const WINDOW = 40;

const related = new Map<string, boolean>();

function senses(lemma: string): Synset[] {
  return wordnet()?.synsets(lemma, 'n').slice(0, 4) ?? [];
}

/**
 * Two nouns name the same kind of thing: the same lemma, a shared synset among their commonest
 * senses, or one a hypernym of the other within two steps ("tremor" is a kind of "earthquake",
 * "fine" a kind of "penalty"). Co-hyponyms ("victim" / "child") are not enough.
 */
export function sameKind(a: string, b: string): boolean {
  if (a === b) return true;
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  const known = related.get(key);
  if (known !== undefined) return known;
  const wn = wordnet();
  let result = false;
  if (wn) {
    const sa = senses(a);
    const sb = senses(b);
    const ids = (xs: readonly Synset[]) => new Set(xs.map((s) => s.offset));
    const ia = ids(sa);
    const ib = ids(sb);
    if (sb.some((s) => ia.has(s.offset))) result = true;
    else {
      const upA = ids(wn.reach(sa, ['@', '@i'], 2));
      const upB = ids(wn.reach(sb, ['@', '@i'], 2));
      result = [...ib].some((o) => upA.has(o)) || [...ia].some((o) => upB.has(o));
    }
  }
  related.set(key, result);
  return result;
}

/** A noun derived from a verb, or naming its act ("sale" / "sell", "injury" / "injure", "payment" / "pay"). */
export function derivedFrom(noun: string, verb: string): boolean {
  const wn = wordnet();
  if (!wn) return false;
  const key = `${noun}<${verb}`;
  const known = related.get(key);
  if (known !== undefined) return known;
  const verbs = new Set(wn.synsets(verb, 'v').map((s) => s.offset));
  const result = senses(noun).some((s) => s.pointers.some((p) => p.symbol === '+' && p.pos === 'v' && verbs.has(p.offset)));
  related.set(key, result);
  return result;
}

function about(q: Quantity): string[] {
  const nouns = new Set<string>();
  for (const n of [q.head, ...q.mods, ...q.keys.map((k) => k.split('@')[0]!), ...q.context]) {
    if (n && n.length > 2 && !UNINFORMATIVE.has(n) && !q.names.includes(n)) nouns.add(n);
  }
  return [...nouns];
}

/** A change's subject may sit anywhere before it in its sentence ("Arrivals at the ports ... were down 23 percent"). */
function wordsBefore(q: Quantity, text: string): string[] {
  const sentence = text.slice(Math.max(0, q.start - 120), q.start).split(/[.;!?]\s/).at(-1)!;
  return [...sentence.toLowerCase().matchAll(/\p{L}{4,}/gu)].map((m) => singular(m[0]));
}

/** What the two mentions share: the nouns that make them one referent. */
function shared(a: Quantity, b: Quantity, text: string, changes: boolean): string[] {
  const na = about(a);
  const nb = about(b);
  const common = na.filter((x) => nb.some((y) => x === y || (x.length > 3 && y.length > 3 && sameKind(x, y))));
  if (common.length > 0 || !changes) return common;
  const before = [...wordsBefore(a, text)];
  return nb.filter((y) => before.includes(y));
}

/** "between 40,000 and 50,000 websites", "4.5 to 4 euros", "30-40 minutes": the figure is a range. */
const RANGE_BEFORE = /(?:between\s+(?:about\s+)?[\d.,]+\s*(?:\w+\s+)?and|[\d.,]+\s*(?:to|-|–|or)\s*)\s*[$£€¥]?\s*$/i;
/** "4 euros per kilo", "a day", "each": a rate, whatever the parser made of it. */
const RATE_AFTER = /^\s*(?:per|a|an|each|every)\s+\p{L}+/u;

const UP = 'rose|risen|rising|rises|increased|increases|grew|grown|grows|climbed|climbs|jumped|jumps|gained|gains|surged|soared|raised|boosted|lifted';
const DOWN = 'fell|fallen|falls|dropped|drops|declined|declines|slid|slipped|plunged|sank|shrank|decreased|decreases|cut|reduced|lowered|slumped|dipped|tumbled';
const QUAL = '(?:about|around|nearly|almost|roughly|some|more than|less than|just over|just under|over|under)\\s+';
/** "rose 8 percent", "were down 23 percent", "fell by 62 percent": the figure is a change. */
const VERBAL_CHANGE = new RegExp(`\\b(?:(${UP})|(${DOWN})|(?:was|were|is|are)\\s+(up|down))\\s+(?:by\\s+)?(?:${QUAL})?[$£€¥]?\\s*$`, 'i');
/** "rose to 58 percent": the level after a change. */
const LEVEL_AFTER_CHANGE = new RegExp(`\\b(?:${UP}|${DOWN})\\s+to\\s+(?:${QUAL})?[$£€¥]?\\s*$`, 'i');
/** "the 11 percent increase", "the 29 percent fall": a change named as a noun. */
const NOMINAL_CHANGE = /^[\s-]*(?:per\s*cent|percent|%|points?|percentage points?)?[\s-]*(?:(increase|rise|jump|gain|growth|surge|hike|boost)|(drop|fall|decline|decrease|cut|reduction|slump|dip|loss|slide))\b/i;

interface Reading {
  range: boolean;
  rate: string | null;
  /** The figure is a change, and its direction; null for a level. */
  change: 'up' | 'down' | null;
  /** A level reached by a change ("rose to 58 percent"): a level all the same. */
  levelAfterChange: boolean;
}

const readings = new WeakMap<Quantity, Reading>();

/** How a figure reads (a range, a rate, a change), worked out once per mention. */
function reading(q: Quantity, text: string): Reading {
  let r = readings.get(q);
  if (!r) readings.set(q, (r = readingOf(q, text)));
  return r;
}

function readingOf(q: Quantity, text: string): Reading {
  const rate = RATE_AFTER.exec(text.slice(q.end, q.end + 24))?.[0].trim().toLowerCase() ?? q.rate;
  const before = text.slice(Math.max(0, q.start - 40), q.start);
  const verbal = VERBAL_CHANGE.exec(before);
  // "the 11 percent increase": the change noun after the figure, or as the mention's own head.
  const nominal = NOMINAL_CHANGE.exec(text.slice(q.end, q.end + 40)) ?? (q.head ? NOMINAL_CHANGE.exec(q.head) : null);
  const change = verbal ? (verbal[1] || verbal[3]?.toLowerCase() === 'up' ? 'up' : 'down') : nominal ? (nominal[1] ? 'up' : 'down') : null;
  return { range: RANGE_BEFORE.test(before), rate, change, levelAfterChange: LEVEL_AFTER_CHANGE.test(before) };
}

const names = new WeakMap<Quantity, string[]>();

/** Capitalised words within a few words of a figure, not opening a sentence. */
function nearNames(q: Quantity, text: string): string[] {
  let n = names.get(q);
  if (!n) names.set(q, (n = nearNamesOf(q, text)));
  return n;
}

function nearNamesOf(q: Quantity, text: string): string[] {
  const around = `${text.slice(Math.max(0, q.start - 30), q.start)} ${text.slice(q.end, q.end + 30)}`;
  return [...around.matchAll(/(?<![.!?]\s)(?<!^)\b(\p{Lu}[\p{L}'’-]+)/gu)].map((m) => m[1]!.toLowerCase()).filter((w) => q.names.includes(w) || q.names.some((n) => n.startsWith(w)));
}

/** Why two figures are not one figure told twice, or null when nothing keeps them apart. */
export function whyApart(a: Quantity, b: Quantity, text: string): string | null {
  // The cheap reasons first: most pairs part on size alone, before any look at the text.
  const [lo, hi] = a.value < b.value ? [a.value, b.value] : [b.value, a.value];
  if (lo <= 0 || hi / lo > MAX_RATIO) return 'too far apart in size';
  // A count restated must point back at it: "the 16 delegations", not another "318 seats".
  if (a.kind === 'count' && !(b.definite || b.shell)) return 'a count not pointing back';
  if (a.sentence === b.sentence || a.listed || b.listed) return 'one sentence, or a list of results';
  const ra = reading(a, text);
  const rb = reading(b, text);
  // A change is compared with a change the same way, a level with a level; "rose to" gives a level.
  if (ra.change !== rb.change) return 'a change and a level, or changes of opposite sense';
  const comparedA = a.compared && ra.change === null && !ra.levelAfterChange;
  const comparedB = b.compared && rb.change === null && !rb.levelAfterChange;
  if (comparedA || comparedB) return 'a comparison';
  if (a.kind === 'count' && (!Number.isInteger(a.value) || !Number.isInteger(b.value))) return 'not whole numbers: not counts';
  const prospective = (q: Quantity) => {
    const before = text.slice(Math.max(0, q.start - 60), q.start).split(/[.;:!?]/).at(-1)!;
    return PROSPECTIVE.test(before) || MODAL_BEFORE.test(before);
  };
  if (prospective(a) || prospective(b)) return 'a forecast or a plan';
  if (ra.range || rb.range || ra.rate !== rb.rate) return 'a range, or different rates';
  if (a.subset || b.subset || a.rate !== b.rate || a.polarity !== b.polarity) return 'a subset, a rate or another side of a vote';
  if (a.scope || b.scope) {
    if (relate(a.scope, b.scope) !== 'same') return 'different periods';
  }
  // Different days keep counts apart ("3 dead on Monday", "5 by Tuesday"), unless the second points back.
  if (a.anchors.length > 0 && b.anchors.length > 0 && !a.anchors.some((x) => b.anchors.includes(x)) && !(b.definite && a.kind !== 'count')) return 'different days';
  // Different names right by the figures ("support for Smith" / "for Jones"), not a speaker further off.
  const na = nearNames(a, text);
  const nb = nearNames(b, text);
  if (na.length > 0 && nb.length > 0 && !na.some((n) => nb.includes(n))) return 'different names by the figures';
  return differentFigures(a, b, text) ? 'different periods or sizes' : null;
}

function show(q: Quantity): string {
  if (q.kind === 'duration') return `${approxWord(q)}${hours(q.value)}`;
  if (q.kind === 'percent') return `${approxWord(q)}${fmt(q.value)}${q.unit === '%' ? ' percent' : ' points'}`;
  if (q.kind === 'amount') return `${approxWord(q)}${fmt(q.value)} ${q.unit}`;
  return `${approxWord(q)}${fmt(q.value)}`;
}

const WHAT: Record<string, string> = { count: 'number of', amount: 'amount of', percent: 'share of', duration: 'length of' };

/**
 * Restated figures that disagree, beyond what findConflicts already reported (`known`: the
 * "start:start" keys of its pairs).
 */
export function findRestatements(qs: readonly Quantity[], text: string, known: ReadonlySet<string>): Conflict[] {
  const out: Conflict[] = [];
  const byKey = new Map<string, Quantity[]>();
  for (const b of qs) {
    if (b.kind === 'ordinal') continue;
    const key = `${b.kind}:${b.unit}`;
    const earlier = byKey.get(key) ?? [];
    for (let x = earlier.length - 1; x >= 0 && x >= earlier.length - WINDOW; x--) {
      const a = earlier[x]!;
      if (whyApart(a, b, text) !== null || overlaps(interval(a), interval(b)) || known.has(`${a.start}:${b.start}`)) continue;
      const common = shared(a, b, text, reading(a, text).change !== null);
      const informative = (n: string | null): n is string => n !== null && !UNINFORMATIVE.has(n);
      // The same thing named twice, or named once and done once: "sold for $18.4 million" / "the $21.4 million sale".
      const heads =
        (informative(a.head) && informative(b.head) && sameKind(a.head, b.head)) ||
        (informative(b.head) && a.frame.verb !== null && derivedFrom(b.head, a.frame.verb)) ||
        (informative(a.head) && b.frame.verb !== null && derivedFrom(a.head, b.frame.verb));
      const pointsBack = b.definite || b.shell;
      // "the 90-minute disruption" after "the outage lasted about three hours": a length named as a
      // compound points back at the length just given, when nothing else was timed in between.
      const lengthRestated =
        a.kind === 'duration' && pointsBack && COMPOUND_LENGTH.test(text.slice(b.start, b.end)) && isLengthOf(a, text) &&
        !qs.some((q) => q.kind === 'duration' && q.start > a.end && q.end < b.start);
      // "The 2.9 million euro penalty" after "fined ... 2.4 million euros": a definite amount named
      // with its noun points back at the nearest earlier amount in that currency when the two are
      // close in size and no other amount near that size came between.
      const amountRestated =
        a.kind === 'amount' && b.definite && COMPOUND_AMOUNT.test(text.slice(b.start, b.end)) && x === nearestOfSize(earlier, b) &&
        Math.max(a.value, b.value) / Math.min(a.value, b.value) <= 1.5;
      // "the 4,100 evacuees" after "forced 3,400 people from their homes": a definite count of the
      // same kind of thing (people included), close in size, nothing nearer between.
      const countRestated =
        a.kind === 'count' && b.definite && a.head !== null && b.head !== null && x === nearestOfSize(earlier, b) &&
        Math.max(a.value, b.value) / Math.min(a.value, b.value) <= 1.5 && (a.head === b.head || sameKind(a.head, b.head));
      if (!lengthRestated && !amountRestated && !countRestated && !(heads && (pointsBack || common.length > 0)) && !(common.length >= 1 && pointsBack) && common.length < 2) continue;
      const what = heads ? (b.head ?? a.head!) : common[0]!;
      const kind = b.kind as Conflict['kind'];
      out.push({
        kind,
        a,
        b,
        explanation: `Both give the ${WHAT[kind] ?? ''} ${what}: "${text.slice(a.start, a.end)}" (${show(a)}) vs "${text.slice(b.start, b.end)}" (${show(b)}).`,
      });
      break;
    }
    earlier.push(b);
    byKey.set(key, earlier);
  }
  return out;
}
