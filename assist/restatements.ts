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
import { wordnet, type Synset } from './wordnet';

/** Nouns that say nothing about what a figure counts or measures. */
const UNINFORMATIVE = new Set([
  'percent', 'cent', 'percentage', 'point', 'number', 'figure', 'total', 'amount', 'sum', 'level', 'rate', 'share', 'part',
  'official', 'report', 'statement', 'spokesperson', 'spokesman', 'spokeswoman', 'government', 'company', 'firm', 'group',
  'time', 'way', 'thing', 'lot', 'kind', 'sort', 'end', 'start', 'side', 'area', 'place', 'people', 'person', 'member',
  'today', 'yesterday', 'tomorrow', 'morning', 'evening', 'night', 'record', 'estimate', 'average', 'data',
]);

/** A verb of expectation or intent before the figure in its clause: a forecast or a plan, not what happened. */
const PROSPECTIVE = /\b(?:expect|forecast|project|predict|anticipat|plan|aim|hope|target|intend|propos|budget|estimat|seek|sought|want)\w*\b(?:\s+(?:to|for|that|at|about|around|some|roughly|nearly|almost|more|than|up|over|under|as|many|much|\w+ing|[$£€¥]))*\s*$/i;

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

/** What the two mentions share: the nouns that make them one referent. */
function shared(a: Quantity, b: Quantity): string[] {
  const nb = about(b);
  return about(a).filter((x) => nb.some((y) => x === y || (x.length > 3 && y.length > 3 && sameKind(x, y))));
}

/** "between 40,000 and 50,000 websites", "4.5 to 4 euros", "30-40 minutes": the figure is a range. */
const RANGE_BEFORE = /(?:between\s+(?:about\s+)?[\d.,]+\s*(?:\w+\s+)?and|[\d.,]+\s*(?:to|-|–|or)\s*)\s*[$£€¥]?\s*$/i;
/** "4 euros per kilo", "a day", "each": a rate, whatever the parser made of it. */
const RATE_AFTER = /^\s*(?:per|a|an|each|every)\s+\p{L}+/u;

interface Reading {
  range: boolean;
  rate: string | null;
}

function reading(q: Quantity, text: string): Reading {
  const rate = RATE_AFTER.exec(text.slice(q.end, q.end + 24))?.[0].trim().toLowerCase() ?? q.rate;
  return { range: RANGE_BEFORE.test(text.slice(Math.max(0, q.start - 40), q.start)), rate };
}

function blocked(a: Quantity, b: Quantity, text: string): boolean {
  if (a.sentence === b.sentence || a.listed || b.listed) return true;
  // A count restated must point back at it: "the 16 delegations", not another "318 seats".
  if (a.kind === 'count' && !(b.definite || b.shell)) return true;
  if (a.kind === 'count' && (!Number.isInteger(a.value) || !Number.isInteger(b.value))) return true;
  const prospective = (q: Quantity) => PROSPECTIVE.test(text.slice(Math.max(0, q.start - 60), q.start).split(/[.;:!?]/).at(-1)!);
  if (prospective(a) || prospective(b)) return true;
  const ra = reading(a, text);
  const rb = reading(b, text);
  if (ra.range || rb.range || ra.rate !== rb.rate) return true;
  if (a.compared || b.compared || a.hedged || b.hedged) return true;
  if (a.subset || b.subset || a.rate !== b.rate || a.polarity !== b.polarity) return true;
  if (a.scope || b.scope) {
    if (relate(a.scope, b.scope) !== 'same') return true;
  }
  if (a.anchors.length > 0 && b.anchors.length > 0 && !a.anchors.some((x) => b.anchors.includes(x))) return true;
  if (a.names.length > 0 && b.names.length > 0 && !a.names.some((n) => b.names.includes(n))) return true;
  const [lo, hi] = a.value < b.value ? [a.value, b.value] : [b.value, a.value];
  if (lo <= 0 || hi / lo > MAX_RATIO) return true;
  return differentFigures(a, b, text);
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
    for (const a of earlier.slice(-WINDOW).reverse()) {
      if (known.has(`${a.start}:${b.start}`) || blocked(a, b, text)) continue;
      if (overlaps(interval(a), interval(b))) continue;
      const common = shared(a, b);
      const informative = (n: string | null): n is string => n !== null && !UNINFORMATIVE.has(n);
      // The same thing named twice, or named once and done once: "sold for $18.4 million" / "the $21.4 million sale".
      const heads =
        (informative(a.head) && informative(b.head) && sameKind(a.head, b.head)) ||
        (informative(b.head) && a.frame.verb !== null && derivedFrom(b.head, a.frame.verb)) ||
        (informative(a.head) && b.frame.verb !== null && derivedFrom(a.head, b.frame.verb));
      const pointsBack = b.definite || b.shell;
      if (!(heads && (pointsBack || common.length > 0)) && !(common.length >= 1 && pointsBack) && common.length < 2) continue;
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
