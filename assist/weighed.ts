// Figures weighed: two figures of one article that the rules left unpaired, proposed as one fact
// told twice when the evidence for it, weighed together, is strong.
//
// The rules (inconsistencies.ts, restatements.ts, derived.ts) each ask for one shape of evidence
// (the same noun, a verb's frame, a restatement with "the") and keep a pair apart at the first reason
// to. Many slips a reporter makes carry several weak signs at once and no strong one: "412
// stallholders" ... "the 465 traders" (nouns WordNet does not link, but far apart, close in size,
// the second pointing back and nothing to keep them apart). Here each pair of
// figures of one kind and unit gets the same evidence the rules use, as features (below), and a
// linear score with weights learned from the training splits (assist/eval/train.ts writes
// weights.ts). A pair above the threshold is proposed with the evidence that weighed most.
//
// Negatives matter as much as positives: the weights were learned with every pair of half of a set of
// published Wikinews articles as "not an inconsistency", so that figures close in size in ordinary
// news ("25 sites", "48 plots") do not pair. The other half, and the real/ texts, are kept to count
// false alarms.
import type { Quantity } from './quantities';
import { agree, approxWord, differentFigures, differentSites, differentStatistics, differentWhens, fmt, hours, lowerBound, modsCompatible, partOfOther, type Conflict } from './inconsistencies';
import { peopleNoun, sameKind, showFigure, whyApart } from './restatements';
import { wordnet } from './wordnet';
import { PAIR_THRESHOLD, PAIR_WEIGHTS } from './weights';

/** How many earlier figures of one kind each figure is weighed against (a 1 MB document has thousands). */
const WINDOW = 80;
/** Figures more than twice apart are not weighed: a part and a whole, or different things. */
const MAX_RATIO = 2;

/**
 * Reasons of whyApart's that keep two figures apart outright, whatever else they share: the shapes
 * the assistant must stay silent on (a forecast or a plan against what happened, an explicit update,
 * other periods, times, days or places, a part, a rate, a range, a comparison, a threshold, a poll,
 * shares of one whole or of two, a change against a level, figures of one list or sentence).
 */
const HARD = new Set([
  'a change and a level, or changes of opposite sense',
  'a comparison',
  'a forecast or a plan',
  'a new event, not one pointing back',
  'a poll and a result',
  'a range, or different rates',
  'a subset, a rate or another side of a vote',
  'a threshold',
  'an average and a peak',
  'an explicit update ("later", "revised")',
  'another batch ("also")',
  'different days',
  'different periods',
  'different places',
  'not whole numbers: not counts',
  'one sentence, or a list of results',
  'parts of a whole',
  'shares of one whole',
  'shares of two wholes',
  'the first figure is restated beside the second',
  // ("an audience of about 1,400" / "The 1,600-seat Spa Royal Hall": a crowd and the size of its hall)
  'the sizes of different things',
  'told of different times',
]);

/** The softer reasons, each its own sign of evidence against; any other is 'otherReason'. */
const SOFT = ['a count not pointing back', 'a part named by what follows it', 'a whole and its part', 'different periods or sizes', 'for different things', 'two kinds of one thing'] as const;

export interface Candidate {
  a: Quantity;
  b: Quantity;
  /** whyApart's reason, a soft one (SOFT) or none. */
  why: string | null;
}

/** Pairs of one kind (not ranks) and unit, disagreeing, in different sentences, within 2x, the earlier among the last WINDOW of its kind. */
function pairsOf(qs: readonly Quantity[]): Array<{ a: Quantity; b: Quantity }> {
  const out: Array<{ a: Quantity; b: Quantity }> = [];
  const byKind = new Map<string, Quantity[]>();
  for (const b of qs) {
    if (b.kind === 'ordinal' || b.value <= 0) continue;
    const key = `${b.kind}|${b.unit}`;
    let list = byKind.get(key);
    if (!list) byKind.set(key, (list = []));
    for (let i = Math.max(0, list.length - WINDOW); i < list.length; i++) {
      const a = list[i]!;
      if (a.sentence === b.sentence || Math.max(a.value, b.value) > MAX_RATIO * Math.min(a.value, b.value) || agree(a, b)) continue;
      out.push({ a, b });
    }
    list.push(b);
  }
  return out;
}

/**
 * The pairs the weights are asked about: pairsOf's, with no hard reason to keep them apart (a hedge
 * alone is none: a figure told as done is often told again as said or expected).
 */
export function candidates(qs: readonly Quantity[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const { a, b } of pairsOf(qs)) {
    const why = whyApart(a, b, text);
    if (why === null || !HARD.has(why)) out.push({ a, b, why });
  }
  return out;
}

const supersenses = new Map<string, Set<number>>();
/** Whether two nouns share a lexicographer file (noun.person, noun.artifact, ...) among their two commonest senses. */
function sameSupersense(a: string, b: string): boolean {
  const of = (w: string) => {
    let s = supersenses.get(w);
    if (!s) supersenses.set(w, (s = new Set((wordnet()?.synsets(w, 'n') ?? []).slice(0, 2).map((x) => x.lexfile))));
    return s;
  };
  const sb = of(b);
  return [...of(a)].some((x) => sb.has(x));
}

/** Per list of figures, each kind and unit's values in order: closeInSize counts by binary search. */
const sortedValues = new WeakMap<readonly Quantity[], Map<string, Float64Array>>();
/** How many figures of `qs` (q itself among them) are of q's kind and unit and within 1.3x of it. */
function closeInSize(qs: readonly Quantity[], q: Quantity): number {
  let byKind = sortedValues.get(qs);
  if (!byKind) {
    const lists = new Map<string, number[]>();
    for (const x of qs) {
      if (x.value <= 0) continue;
      const key = `${x.kind}|${x.unit}`;
      const list = lists.get(key);
      if (list) list.push(x.value);
      else lists.set(key, [x.value]);
    }
    byKind = new Map([...lists].map(([k, v]) => [k, Float64Array.from(v).sort()]));
    sortedValues.set(qs, byKind);
  }
  const xs = byKind.get(`${q.kind}|${q.unit}`);
  if (!xs) return 0;
  // (a small allowance either side for the rounding of the ratio test)
  return lowerBound(xs, q.value * 1.3 * (1 + 1e-12)) - lowerBound(xs, (q.value / 1.3) * (1 - 1e-12));
}

const ratio = (a: Quantity, b: Quantity) => Math.max(a.value, b.value) / Math.min(a.value, b.value);
const nounsOf = (q: Quantity) => new Set([q.head, ...q.keys.map((k) => k.split('@')[0]!)].filter((x): x is string => x !== null && x !== ''));

/**
 * The signs read from the two figures alone, without WordNet or the text: every sign that may weigh
 * either way is here (featureSign 0), so the rest can only add their positive weights (see bound).
 * Kept as numbers in CHEAP's order: most pairs are scored on these alone.
 */
const CHEAP = ['bias', 'count', 'amount', 'percent', 'duration', 'sameHead', 'oneHeadless', 'bothHeadless', 'sameVerb', 'sameSubject', 'logRatio', 'within30', 'logDistance', 'firstDefinite', 'secondDefinite', 'logNear', 'approximate', 'people', 'farAndClose', 'pointsBackClose', 'paragraphsApart'] as const;
function cheapSigns(a: Quantity, b: Quantity, qs: readonly Quantity[], out: Float64Array): Float64Array {
  const r = ratio(a, b);
  const heads = a.head !== null && b.head !== null;
  // (other figures of its kind as close to the second in size: the more there are, the less this pair stands out)
  const near = closeInSize(qs, b) - 1 - (r <= 1.3 ? 1 : 0);
  const far = Math.abs(a.sentence - b.sentence);
  out[0] = 1;
  out[1] = a.kind === 'count' ? 1 : 0;
  out[2] = a.kind === 'amount' ? 1 : 0;
  out[3] = a.kind === 'percent' ? 1 : 0;
  out[4] = a.kind === 'duration' ? 1 : 0;
  out[5] = heads && a.head === b.head ? 1 : 0;
  out[6] = (a.head === null) !== (b.head === null) ? 1 : 0;
  out[7] = a.head === null && b.head === null ? 1 : 0;
  out[8] = a.frame.verb !== null && a.frame.verb === b.frame.verb ? 1 : 0;
  out[9] = a.frame.subject !== null && a.frame.subject === b.frame.subject ? 1 : 0;
  out[10] = Math.log(r);
  out[11] = r <= 1.3 ? 1 : 0;
  out[12] = Math.log1p(far);
  out[13] = a.definite ? 1 : 0;
  out[14] = b.definite ? 1 : 0;
  out[15] = Math.log1p(near);
  out[16] = a.approx !== 'exact' || b.approx !== 'exact' ? 1 : 0;
  out[17] = heads && peopleNoun(a.head!) !== null && peopleNoun(b.head!) !== null ? 1 : 0;
  out[18] = far >= 5 && r <= 1.3 ? 1 : 0;
  out[19] = b.definite && r <= 1.3 ? 1 : 0;
  out[20] = Math.abs(a.paragraph - b.paragraph) >= 3 ? 1 : 0;
  return out;
}

/** cheapSigns' numbers by name. */
const named = (v: Float64Array): Record<string, number> => Object.fromEntries(CHEAP.map((k, i) => [k, v[i]!]));
const cheapFeatures = (a: Quantity, b: Quantity, qs: readonly Quantity[]) => named(cheapSigns(a, b, qs, new Float64Array(CHEAP.length)));

/** The weights in CHEAP's order, and the most the other signs can add to a score: each one for, at its largest. */
const prepared = new WeakMap<Readonly<Record<string, number>>, { cheap: Float64Array; bound: number }>();
function prepare(weights: Readonly<Record<string, number>>): { cheap: Float64Array; bound: number } {
  let p = prepared.get(weights);
  if (!p) {
    let bound = 0;
    for (const k in weights) if (!(CHEAP as readonly string[]).includes(k) && featureSign(k) > 0) bound += Math.max(0, weights[k]!) * (k === 'sharedContext' ? 3 : 1);
    prepared.set(weights, (p = { cheap: Float64Array.from(CHEAP, (k) => weights[k] ?? 0), bound }));
  }
  return p;
}

/** The evidence about a pair, by name: 1/0 signs and a few graded ones. */
export function pairFeatures({ a, b, why }: Candidate, qs: readonly Quantity[], text: string, cheap: Record<string, number> = cheapFeatures(a, b, qs)): Record<string, number> {
  const r = ratio(a, b);
  const na = nounsOf(a);
  const nb = nounsOf(b);
  const heads = a.head !== null && b.head !== null;
  const sameHead = heads && a.head === b.head;
  const kindHead = heads && !sameHead && sameKind(a.head!, b.head!);
  const shared = a.context.filter((c) => b.context.includes(c)).length;
  const f: Record<string, number> = {
    ...cheap,
    kindHead: kindHead ? 1 : 0,
    otherHeads: heads && !sameHead && !kindHead ? 1 : 0,
    // (WordNet's broad classes of its nouns' commonest senses: "stallholder" and "trader" are both
    // noun.person, "parking space" noun.location)
    sameClass: heads && !sameHead && !kindHead && sameSupersense(a.head!, b.head!) ? 1 : 0,
    otherClass: heads && !sameHead && !kindHead && !sameSupersense(a.head!, b.head!) ? 1 : 0,
    sharedNoun: [...na].some((n) => nb.has(n)) ? 1 : 0,
    kindNoun: [...na].some((x) => [...nb].some((y) => x !== y && sameKind(x, y))) ? 1 : 0,
    sharedContext: Math.min(shared, 3),
    modsCompatible: modsCompatible(a, b) ? 1 : 0,
    oneScoped: (a.scope === null) !== (b.scope === null) ? 1 : 0,
    otherScope: a.scope !== null && b.scope !== null && a.scope.label !== b.scope.label ? 1 : 0,
    oneHedged: a.hedged !== b.hedged ? 1 : 0,
    subset: a.subset || b.subset ? 1 : 0,
    listed: a.listed || b.listed ? 1 : 0,
    comparedOrRequired: a.compared || b.compared || a.required || b.required ? 1 : 0,
    wholeOrPart: a.ofWhole || b.ofWhole || a.whole !== b.whole ? 1 : 0,
    otherRate: a.rate !== b.rate ? 1 : 0,
    otherNames: a.names.length > 0 && b.names.length > 0 && !a.names.some((n) => b.names.includes(n)) ? 1 : 0,
    otherPlace: a.place !== b.place ? 1 : 0,
    noReasonApart: why === null ? 1 : 0,
    otherReason: why !== null && !(SOFT as readonly string[]).includes(why) ? 1 : 0,
    differentFigures: differentFigures(a, b, text) ? 1 : 0,
    differentSites: differentSites(a, b, text) ? 1 : 0,
    differentWhens: differentWhens(a, b, text) ? 1 : 0,
    differentStatistics: differentStatistics(a, b, text) ? 1 : 0,
    partOfOther: partOfOther(a, b, text) || partOfOther(b, a, text) ? 1 : 0,
    linkedClose: (sameHead || kindHead) && r <= 1.5 ? 1 : 0,
    contextClose: shared > 0 && r <= 1.5 ? 1 : 0,
  };
  for (const reason of SOFT) f[`apart: ${reason}`] = why === reason ? 1 : 0;
  return f;
}

/**
 * The sign each sign of evidence may weigh with: a reason the rules keep figures apart never counts
 * for a pair, a shared noun or verb never against (the training clips them; with a few hundred
 * positives, collinear signs would otherwise take either sign by chance). Unlisted: either.
 */
export function featureSign(name: string): -1 | 0 | 1 {
  if (name.startsWith('apart: ') || AGAINST.has(name)) return -1;
  return FOR.has(name) ? 1 : 0;
}
const AGAINST = new Set(['otherHeads', 'otherClass', 'otherScope', 'oneScoped', 'oneHedged', 'subset', 'listed', 'comparedOrRequired', 'wholeOrPart', 'otherRate', 'otherNames', 'otherPlace', 'otherReason', 'differentFigures', 'differentSites', 'differentWhens', 'differentStatistics', 'partOfOther']);
const FOR = new Set(['sameHead', 'sameClass', 'kindHead', 'sharedNoun', 'kindNoun', 'sharedContext', 'sameVerb', 'sameSubject', 'modsCompatible', 'within30', 'secondDefinite', 'noReasonApart', 'farAndClose', 'pointsBackClose', 'linkedClose', 'contextClose']);

export function pairScore(f: Record<string, number>, weights: Readonly<Record<string, number>> = PAIR_WEIGHTS): number {
  let s = 0;
  for (const k in f) s += f[k]! * (weights[k] ?? 0);
  return s;
}

/** A length in the largest unit it is a round number of ("five years", not 43,830 hours). */
function lengthWords(h: number): string {
  const round = (x: number) => Math.abs(x * 2 - Math.round(x * 2)) < 0.02;
  for (const [unit, size] of [['years', 8766], ['months', 730.5], ['weeks', 168], ['days', 24]] as const) {
    if (h >= size && round(h / size)) return `${fmt(Math.round((h / size) * 2) / 2)} ${h === size ? unit.slice(0, -1) : unit}`;
  }
  return hours(h);
}

/** What a figure shows, as the restatements show it, a length in its own unit. */
function show(q: Quantity): string {
  return q.kind === 'duration' ? `${approxWord(q)}${lengthWords(q.value)}` : showFigure(q);
}

/** The signs that weighed most for the pair, in words. */
function evidence(a: Quantity, b: Quantity, f: Record<string, number>, weights: Readonly<Record<string, number>>): string[] {
  const said: Array<[number, string]> = [];
  const say = (name: string, words: string) => {
    const w = (weights[name] ?? 0) * (f[name] ?? 0);
    if (w > 0) said.push([w, words]);
  };
  const shared = a.context.filter((c) => b.context.includes(c));
  const nb = nounsOf(b);
  const noun = [...nounsOf(a)].find((n) => nb.has(n));
  say('sameHead', `both count ${a.head}`);
  say('kindHead', `WordNet makes ${a.head} and ${b.head} one kind of thing`);
  say('sameClass', `WordNet puts ${a.head} and ${b.head} in one class of things`);
  say('sharedNoun', `both are of the ${noun}`);
  say('linkedClose', `both are of the ${a.head}`);
  say('sharedContext', `their clauses share "${shared.join('", "')}"`);
  say('contextClose', `their clauses share "${shared.join('", "')}"`);
  say('sameVerb', `both are told with "${a.frame.verb}"`);
  say('sameSubject', `both are told of ${a.frame.subject}`);
  say('secondDefinite', 'the second points back at something already told');
  say('pointsBackClose', 'the second points back at something already told');
  say('within30', `they are within ${Math.round((ratio(a, b) - 1) * 100)}% of each other`);
  say('farAndClose', `they are ${Math.abs(a.sentence - b.sentence)} sentences apart and close in size`);
  say('noReasonApart', 'nothing keeps them apart (no other period, place, part, plan or update)');
  const seen = new Set<string>();
  return said
    .sort((x, y) => y[0] - x[0])
    .map((x) => x[1])
    .filter((w) => !seen.has(w) && seen.add(w))
    .slice(0, 3);
}

/**
 * Pairs the weights propose, each figure in one pair at most, without those `known` already pairs
 * (their starts, "a:b") or overlapping a pair already proposed (`covered`).
 */
export function weighedConflicts(qs: readonly Quantity[], text: string, covered: (a: Quantity, b: Quantity) => boolean, weights: Readonly<Record<string, number>> = PAIR_WEIGHTS, threshold = PAIR_THRESHOLD): Conflict[] {
  const scored: Array<{ a: Quantity; b: Quantity; s: number; f: Record<string, number> }> = [];
  const w = prepare(weights);
  const v = new Float64Array(CHEAP.length);
  for (const { a, b } of pairsOf(qs)) {
    // First the signs of the figures alone, with the most the others could add: most pairs stop here.
    cheapSigns(a, b, qs, v);
    let upper = w.bound;
    for (let i = 0; i < v.length; i++) upper += v[i]! * w.cheap[i]!;
    if (upper <= threshold) continue;
    const cheap = named(v);
    // Then scored as if nothing kept the two apart: a reason only lowers the score (its weight is
    // never above noReasonApart's), so a pair that does not pass so is not asked whyApart, the costly part.
    const f = pairFeatures({ a, b, why: null }, qs, text, cheap);
    if (pairScore(f, weights) <= threshold) continue;
    const why = whyApart(a, b, text);
    if (why !== null && HARD.has(why)) continue;
    const g = why === null ? f : pairFeatures({ a, b, why }, qs, text, cheap);
    const s = pairScore(g, weights);
    if (s > threshold) scored.push({ a, b, s, f: g });
  }
  // The strongest pairs first; a figure paired once is not paired again.
  scored.sort((x, y) => y.s - x.s);
  const used = new Set<Quantity>();
  const out: Conflict[] = [];
  for (const { a, b, f } of scored) {
    if (used.has(a) || used.has(b) || covered(a, b)) continue;
    used.add(a).add(b);
    const why = evidence(a, b, f, weights);
    out.push({
      kind: a.kind as Conflict['kind'],
      a,
      b,
      explanation: `"${text.slice(a.start, a.end)}" and "${text.slice(b.start, b.end)}" read as one figure told twice (${why.join('; ')}), but they differ: ${show(a)} and ${show(b)}.`,
    });
  }
  return out.sort((x, y) => x.a.start - y.a.start);
}
