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

import { agree, alsoDone, partOfOther, approxWord, cached, differentFigures, periodOf, differentPlaces, differentSites, differentStatistics, differentWhens, fmt, hours, interval, plural, type Conflict } from './inconsistencies';
import type { Quantity } from './quantities';
import { HOURS_OF_DAY, MONTHS, RATE_ADJECTIVES, unitLabel } from './lexicon';
import { sameDeed, verbForms } from './deeds';
import { relate } from './scope';
import { infinitive, isPlaceName, PAST_TENSE, singular, wordNumberValue } from './nlp';
import { hasNounSense, wordnet, type Synset } from './wordnet';

/** Nouns that say nothing about what a figure counts or measures. */
const UNINFORMATIVE = new Set([
  'percent', 'cent', 'percentage', 'point', 'number', 'figure', 'total', 'amount', 'sum', 'level', 'rate', 'share', 'part',
  'official', 'report', 'statement', 'spokesperson', 'spokesman', 'spokeswoman', 'government', 'company', 'firm', 'group',
  'time', 'way', 'thing', 'lot', 'kind', 'sort', 'end', 'start', 'side', 'area', 'place', 'people', 'person', 'member',
  'today', 'yesterday', 'tomorrow', 'morning', 'evening', 'night', 'record', 'estimate', 'average', 'data',
  // a change says how a figure moved, not what it is a figure of
  'rise', 'increase', 'jump', 'gain', 'growth', 'surge', 'drop', 'fall', 'decline', 'decrease', 'cut', 'reduction', 'loss', 'change',
]);

/** A verb of expectation or intent before the figure in its clause: a forecast or a plan, not what happened
 *  ("the project" is a thing, "projected" a forecast). */
// (each stem with its own endings: "plan" is no prefix of "plant", "planes" or "planet", nor "forecast" of "forecaster")
const PROSPECTIVE = /\b(?:call(?:ed|s|ing)? for|ask(?:ed|s|ing)? for|request(?:s|ed|ing)?|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|push(?:ed|es|ing)? for|expect(?:s|ed|ing|ations?)?|forecast(?:s|ed|ing)?|project(?:ed|ions?|ing)|(?<!\b(?:the|a|an|this|that|its|their|his|her)\s)projects?|predict(?:s|ed|ing|ions?)?|anticipat(?:e|es|ed|ing|ion)|plan(?:s|ned|ning)?|aim(?:s|ed|ing)?|hop(?:e|es|ed|ing)|target(?:s|ed|ing)?|intend(?:s|ed|ing)?|propos(?:e|es|ed|ing|als?)|budget(?:s|ed|ing)?|estimat(?:e|es|ed|ing|ion|ions)|seek(?:s|ing)?|sought|want(?:s|ed|ing)?)\b[^,;:()"“”]*$/i;

/** "would cost", "will be about", "could reach": a figure under a modal is not what happened. */
const MODAL_BEFORE = /\b(?:will|would|could|might|may|should|shall)\s+(?:not\s+)?(?:[\p{Ll}]+\s+){0,3}(?:about|around|nearly|some|roughly|up to|more than|at least)?\s*[$£€¥]?\s*$/u;

/** "the 90-minute disruption", "The five-month milling campaign". */
const COMPOUND_LENGTH = /^(?:the|this|that|its|his|her|their|\p{Lu}[\p{L}-]*['’]s)\s+[\w.,]+[- ](?:second|minute|hour|day|week|month|year)[- ]/iu;
/** "the $21.4 million sale", "The 590 million euro deal", "the 800-zloty penalty". */
const COMPOUND_AMOUNT = /^(?:the|this|that|its|his|her|their|\p{Lu}[\p{L}-]*['’]s)\s+\S*\d[\d.,]*(?:\s*(?:million|billion|thousand|m|bn|k))?[- ]?(?:[\p{L}]+[- ])?[\p{L}]+$/iu;

/** "million" is how big the figure is, not what it is of. */
const MULTIPLIER_WORD = /^(?:hundred|thousand|million|billion|trillion|m|bn|k)$/i;

/**
 * The index of the earlier figure a restatement of `b` points back at: of those within 1.5x of it
 * in size, the closest in size (the latest on a tie). A cap ("up to 4 million euros"), a plan or a
 * comparison is not a figure that is restated.
 */
function nearestOfSize(earlier: readonly Quantity[], b: Quantity, text: string): number {
  let best = -1;
  let bestRatio = Infinity;
  for (let x = earlier.length - 1; x >= 0 && x >= earlier.length - WINDOW; x--) {
    const a = earlier[x]!;
    if (a.sentence === b.sentence || a.approx === 'upTo' || a.hedged || isProspective(a, text)) continue;
    const lo = Math.min(a.value, b.value);
    const ratio = lo > 0 ? Math.max(a.value, b.value) / lo : Infinity;
    if (ratio <= 1.5 && ratio < bestRatio) {
      best = x;
      bestRatio = ratio;
    }
  }
  return best;
}

/** A word's stem for matching a coined noun to a modifier: "foldables" and "folding" share "fold". */
function coinedStem(w: string): string {
  return w.toLowerCase().replace(/(?:ables?|ibles?|ings?|ers?|s)$/, '');
}

/**
 * A noun WordNet lacks, coined from the other phrase's modifier: "2.3 million foldables" / "the 1.9
 * million folding phones", "hybrids" / "hybrid cars".
 */
function namedByModifier(x: Quantity, y: Quantity): boolean {
  if (x.head === null || y.mods.length === 0 || (wordnet()?.synsets(x.head, 'n').length ?? 1) > 0) return false;
  const stem = coinedStem(x.head);
  return stem.length >= 4 && y.mods.some((m) => coinedStem(m) === stem);
}

/** A noun for what befalls people, by its commonest senses: an event, a state or a person ("case", "death", "casualty"). */
function befalls(noun: string): boolean {
  return wordnet()?.synsets(noun, 'n').slice(0, 2).some((s) => s.lexfile === 11 || s.lexfile === 26 || s.lexfile === 18) ?? false;
}

/** A mention that presupposes its figure was given: definite ("the 21 people") or a number noun ("the toll"). */
/** "the 19 residents with dementia": what those counted have, right after their noun. */
const RESTRICTOR = /^\s+(?:with|without)\s+([^,.;:!?]{3,40})/u;
/**
 * A definite count restricted by what those counted have ("the 19 residents with dementia") names a
 * part of those told before ("The home's 31 residents"), unless the earlier figure's own phrase names
 * the same thing. (Relative clauses restrict too, but a planted restatement is told that way as often:
 * "The 52 minors who came ashore".)
 */
function restrictedOtherwise(a: Quantity, b: Quantity, text: string): boolean {
  const m = RESTRICTOR.exec(text.slice(b.end, b.end + 80));
  if (!m) return false;
  const words = (m[1]!.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
  if (words.length === 0) return false;
  const own = text.slice(a.start, a.end + 80).split(/[,.;:!?]/)[0]!.toLowerCase();
  return !words.some((w) => own.includes(w.slice(0, Math.max(4, w.length - 2))));
}

/** "a further $2.3 million", "an additional 40 staff", "another £1m": more of the same, told apart. */
const FURTHER_BEFORE = /\b(?:a further|an additional|another|an extra)\s+(?:[$€£¥]\s*)?$/i;

function pointsBackAt(q: Quantity): boolean {
  return q.definite || q.shell;
}

/** `broad` is what `narrow` is a kind of (WordNet hypernyms of its first senses): "person" of "passenger". */
function broaderKind(broad: string, narrow: string): boolean {
  const wn = wordnet();
  if (!wn) return false;
  const b = broad === 'people' ? 'person' : broad;
  return wn.reach(wn.synsets(narrow, 'n').slice(0, 2), ['@', '@i'], 8).some((s) => s.words.includes(b));
}

/** The whole of a vote's count of people ("of the council's 55 members") and a body's size in seats ("the 57-seat chamber"). */
function seatsOfBody(members: Quantity, seats: Quantity, text: string): boolean {
  if (members.head === null || peopleNoun(members.head) !== 'person' || seats.whole === null || seats.head !== 'seat') return false;
  // (the members of a body named as their owner, "of the council's", "of its"; both that body and the
  // one seated groups of people by WordNet)
  const owner = /\bof\s+(?:the\s+([\p{L}-]+)['’]s|its|their)\s+$/u.exec(text.slice(Math.max(0, members.start - 40), members.start));
  const group = (noun: string, senses: number) => (wordnet()?.synsets(noun, 'n').slice(0, senses) ?? []).some((x) => x.lexfile === 14);
  // (any sense of the seated whole: "the 57-seat chamber" is the assembly, its fourth sense)
  return owner !== null && (owner[1] === undefined || group(singular(owner[1].toLowerCase()), 3)) && group(seats.whole, 8);
}

/** "its crew of 23" ... "All 25 seafarers": all the members of a body told before. */
function allOfBody(a: Quantity, b: Quantity): boolean {
  return b.totality && a.head !== null && b.head !== null && bodyOfPeople(a.head) && peopleNoun(b.head) === 'person';
}

/** A figure told as expected, planned or wanted ("had expected net profit of around 160 billion yen"). */
function isProspective(q: Quantity, text: string): boolean {
  return prospectKind(q, text) !== null;
}

const GLUED_FIGURE = /\d[\d.,]*(?:\s*(?:per\s*cent|percent|%))?[- ]\p{L}/u;
/** 'plan': told as planned, expected or wanted; 'future': told with a modal ("will be closed for five months"). */
function prospectKind(q: Quantity, text: string): 'plan' | 'future' | null {
  return cached(prospectives, q, () => {
    // ("higher-than-expected", "better than forecast": an outcome set against an expectation)
    const before = text.slice(Math.max(0, q.start - 60), q.start).split(/[.;:!?]/).at(-1)!.replace(/\bthan[\s-]+\p{L}+/gu, '');
    if (PROSPECTIVE.test(before) && !(q.definite && GLUED_FIGURE.test(text.slice(q.start, q.end)))) return 'plan';
    // (a modal before a definite figure, "will begin serving the 30-month term", puts the act ahead, not the figure)
    return MODAL_BEFORE.test(before) && !q.definite ? 'future' : null;
  });
}

/**
 * A plan or a forecast is not the figure it foresees; but one future told twice is one figure:
 * "will be closed for five months" ... "the 14-week shutdown would hit commuters" (a definite
 * phrase in a clause that looks ahead too), and so is one plan: "plans to spend £650,000 building
 * the course" ... "the £480,000 course would bring visitors".
 */
function foreseenApart(a: Quantity, b: Quantity, text: string): boolean {
  // (the size of a thing to be built is its size: "will build a 3,200 square metre glasshouse" ... "The
  // 20,000 sq ft glasshouse"; a modal puts the building ahead, not the measure)
  const physical = a.kind === 'amount' && a.unit !== '' && !/^[A-Z]{3}$/.test(a.unit);
  const kind = (q: Quantity) => (physical && prospectKind(q, text) === 'future' ? null : prospectKind(q, text));
  const ka = kind(a);
  const kb = kind(b);
  if (ka === null && kb === null) return false;
  // (one plan told twice: "plans to spend £650,000 building the course" ... "the £480,000 course would bring")
  if (ka !== null && (kb !== null || aheadAfter(b, text))) return false;
  // (what is to come, named after by a definite figure glued to its noun: "Replacing the infill will
  // cost €2.8 million" ... "The €3.5 million programme", "will take 14 months" ... "over the two-year
  // build"; the name is of the thing foreseen, not of another outcome; a plan's, "sets aside", is not)
  if (ka === 'future' && kb === null && b.definite && b.head !== null && DEFINITE_FIGURE.test(text.slice(b.start, b.end))) return false;
  if (ka === 'plan' || kb === 'plan') return true;
  if (ka === 'future' && kb === 'future') return false;
  const other = ka === 'future' ? b : a;
  return !(other.definite && other.hedged);
}

/** A definite figure whose clause looks ahead after it: "the £480,000 course would bring". */
function aheadAfter(q: Quantity, text: string): boolean {
  const after = text.slice(q.end, q.end + 40);
  return q.definite && (/^\s*(?:[\p{Ll}-]+\s+){0,2}(?:would|will|could|is\s+expected\s+to|is\s+set\s+to)\b/u.test(after) || MARKED_AHEAD.test(after));
}
/** "the 31 branches earmarked for closure", "the 12 wards slated to close": a participle that marks what is planned. */
const MARKED_AHEAD = /^\s*(?:earmarked|slated|scheduled|planned|proposed|pencilled\s+in|lined\s+up|due|set|marked|targeted|designated)\s+(?:for|to)\b/u;

/**
 * "after three distances" ... "won three of the four distances": the part "N of the" names before
 * the second count, unread as a figure of its own, is the first count told again.
 */
function partBefore(a: Quantity, b: Quantity, text: string): boolean {
  if (a.kind !== 'count') return false;
  const m = /\b([\p{L}\d,.-]+)\s+of\s+(?:(?:the|its|their|his|her)\s+)?$/u.exec(text.slice(Math.max(0, b.start - 30), b.start));
  return m !== null && (/^\d/.test(m[1]!) ? Number(m[1]!.replace(/,/g, '')) : wordNumberValue(m[1]!.toLowerCase())) === a.value;
}

/** A duration that is how long something went on: "lasted about three hours", "ran for 10 weeks". */
function isLengthOf(q: Quantity, text: string): boolean {
  if (q.frame.verb !== null && ['last', 'run', 'take', 'continue', 'stretch', 'drag', 'go', 'sit'].includes(q.frame.verb)) return true;
  return /\b(?:for|after|lasting|running|of)\s+(?:about|around|nearly|almost|roughly|just over|just under|more than|less than|some|over|under)?\s*$/i.test(text.slice(Math.max(0, q.start - 25), q.start));
}

const LASTING = new Set(['last', 'run', 'go', 'continue', 'stretch', 'drag']);
/** What moves a length to another time or another event: "earlier", "the day before", "on Tuesday", "each". */
const ELSEWHEN = /\bhad\s+(?:\p{L}+ed|been)\b|\b(?:earlier|later|previously|afterwards|then|the (?:day|week|night|morning) (?:before|after)|before the|after the|prior|yesterday|last|next|separate|another|also|again|in total|altogether|overall|each|every|per|a day|than|compared|ago|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/iu;
const FOR_BEFORE = /\bfor\s+(?:about|around|nearly|almost|roughly|more than|over|just over|some|well over)?\s*$/i;

/**
 * A length of what people did, told right after the length of the event they did it in: the event's
 * length came from a verb of lasting ("the hearing lasted about 40 minutes"), the other is "for N"
 * after a verb whose subject is people ("The judges questioned counsel for more than an hour"), within
 * three sentences, nothing else timed between, and nothing in its sentence moving it elsewhere.
 */
function activityWithin(a: Quantity, b: Quantity, text: string, qs: readonly Quantity[]): boolean {
  if (!LASTING.has(a.frame.verb ?? '') || a.head === null || !isLengthOf(a, text) || b.definite) return false;
  // "almost two hours of argument": the length of an act named by a noun of such a verb (argue, debate, question).
  const ofActivity = b.head !== null && /^\s+of\s/.test(text.slice(b.end, b.end + 4)) && activityNoun(b.head);
  if (!ofActivity) {
    if (b.frame.verb === null || LASTING.has(b.frame.verb) || ['take', 'spend', 'wait', 'sit', 'stay', 'remain', 'be'].includes(b.frame.verb)) return false;
    // (what is done in a sitting: talk, thought, play, dealings, WordNet's verb files 31-33 and 41; not
    // queueing, preparing or travelling, done around it)
    const first = wordnet()?.synsets(b.frame.verb, 'v')[0];
    if (!first || !SITTING_VERB_FILES.includes(first.lexfile)) return false;
    if (!FOR_BEFORE.test(text.slice(Math.max(0, b.start - 30), b.start))) return false;
  }
  if (b.sentence <= a.sentence || b.sentence - a.sentence > 3) return false;
  if (qs.some((q) => q !== a && q !== b && q.start > a.end && q.start < b.start && (q.kind === 'duration' || q.anchors.length > 0))) return false;
  const from = Math.max(text.lastIndexOf('. ', b.start) + 2, b.start - 200);
  const sentence = text.slice(from, b.end + 120).split(/[.!?](?:\s|$)/).slice(0, 1 + (text.slice(from, b.end).match(/[.!?]\s/g)?.length ?? 0)).join('. ');
  if (ELSEWHEN.test(sentence.replace(/\b(?:more|less) than\b/gi, ''))) return false;
  // (the doers are people, named as the sentence's subject: "The judges", "Lawyers for both sides")
  const words = [...sentence.matchAll(/\p{L}+/gu)].map((m) => m[0].toLowerCase());
  const isPeople = (w: string) => w.length > 2 && peopleNoun(singular(w)) === 'person';
  // (for an act named by a noun, people named anywhere in its sentence: "... did the presiding judge retire")
  if (ofActivity) return words.some(isPeople);
  const verbAt = words.findIndex((w) => verbForms(w).includes(b.frame.verb!));
  return verbAt > 0 && words.slice(0, verbAt).some(isPeople);
}

/** WordNet's verb files for talk, thought, play and dealings: communication, competition, consumption... (31-33, 41). */
const SITTING_VERB_FILES = [31, 32, 33, 41];
const activityNouns = new Map<string, boolean>();
/** A noun naming an act of such a verb: "argument" (argue), "questioning" (question), "deliberation" (deliberate, debate). */
export function activityNoun(lemma: string): boolean {
  let known = activityNouns.get(lemma);
  if (known === undefined) {
    const wn = wordnet();
    const first = wn?.synsets(lemma, 'n').slice(0, 2) ?? [];
    // (the noun itself is an act or a communication, and derives from a verb of those files)
    known = first.some((s) => (s.lexfile === 4 || s.lexfile === 10) && s.pointers.some((p) => p.symbol === '+' && p.pos === 'v' && SITTING_VERB_FILES.includes(wn!.synset(p.offset, 'v').lexfile)));
    activityNouns.set(lemma, known);
  }
  return known;
}

/** The figures of a text by kind and unit, sorted by size. */
class SizeIndex {
  private lists = new Map<string, Quantity[]>();
  constructor(qs: readonly Quantity[]) {
    for (const q of qs) {
      if (q.value <= 0) continue;
      const key = `${q.kind}:${q.unit}`;
      const list = this.lists.get(key);
      if (list) list.push(q);
      else this.lists.set(key, [q]);
    }
    for (const list of this.lists.values()) list.sort((x, y) => x.value - y.value);
  }
  /** The one other figure of q's kind and unit within SOLE_RATIO of its size, or null (none, or several). */
  lone(q: Quantity): Quantity | null {
    const list = this.lists.get(`${q.kind}:${q.unit}`) ?? [];
    const from = SizeIndex.first(list, q.value / SOLE_RATIO);
    const to = SizeIndex.first(list, q.value * SOLE_RATIO * (1 + 1e-9));
    const near = list.slice(from, to).filter((x) => x !== q);
    return near.length === 1 ? near[0]! : null;
  }
  private static first(list: readonly Quantity[], v: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.value < v * (1 - 1e-12)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A figure inside a definite phrase: "the 84 percent", "The 142-minute drama", "Delgado's 53 percent". */
const DEFINITE_FIGURE = /^(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hat|\p{Lu}\p{Ll}+['’]s)\s/u;
/** A definite figure points back at the one other figure of its kind within this ratio of it. */
export const SOLE_RATIO = 1.5;
/** Mentions further apart in size than this are not one figure told twice but different things. */
const MAX_RATIO = 2.5;
/** How many earlier mentions of the same kind and unit each mention is compared with. */
const WINDOW = 40;

const related = new Map<string, boolean>();

/**
 * What WordNet lacks: "talks" between parties are a meeting of them ("The talks lasted two and a half
 * hours" / "The ninety-minute meeting"); WordNet files "talks" under discussion only. The lemma is the
 * plural's, "talk".
 */
export const ALSO_A_KIND_OF: ReadonlyMap<string, string> = new Map([['talk', 'meeting']]);

function senses(lemma: string): Synset[] {
  const wn = wordnet();
  const own = wn?.synsets(lemma, 'n').slice(0, 4) ?? [];
  const also = ALSO_A_KIND_OF.get(lemma);
  return also && wn ? [...own, ...wn.synsets(also, 'n').slice(0, 1)] : own;
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

const kinds = new Map<string, { own: string[]; up: string[] }>();
/**
 * Keys to index nouns by before asking sameKind: `own`, the lemma and its commonest senses, and
 * `up`, their hypernyms within two steps. sameKind(a, b) implies that an own key of one is an own
 * or an up key of the other.
 */
export function kindKeys(lemma: string): { own: string[]; up: string[] } {
  let keys = kinds.get(lemma);
  if (!keys) {
    const wn = wordnet();
    const sa = senses(lemma);
    const own = [`=${lemma}`, ...sa.map((s) => `#${s.offset}`)];
    keys = { own, up: (wn ? wn.reach(sa, ['@', '@i'], 2) : []).map((s) => `#${s.offset}`).filter((k) => !own.includes(k)) };
    kinds.set(lemma, keys);
  }
  return keys;
}

const PERSON = new Map<string, 'person' | 'group' | null>();
/** A noun for people: "person" itself, a kind of person ("evacuee", "spectator"), or a gathering of them ("crowd", "audience"). */
const BODIES = new Map<string, boolean>();
/** "crew", "jury", "delegation": a body whose members, as WordNet names them, are people. */
function bodyOfPeople(lemma: string): boolean {
  let known = BODIES.get(lemma);
  if (known === undefined) {
    const wn = wordnet();
    const first = wn?.synsets(lemma, 'n')[0];
    known = !!wn && !!first && first.pointers.some((p) => p.symbol === '%m' && peopleNoun(wn.synset(p.offset, 'n').words[0]!) === 'person');
    BODIES.set(lemma, known);
  }
  return known;
}

export function peopleNoun(lemma: string): 'person' | 'group' | null {
  const known = PERSON.get(lemma);
  if (known !== undefined) return known;
  const wn = wordnet();
  let result: 'person' | 'group' | null = null;
  if (lemma === 'person' || lemma === 'people') result = 'person';
  else if (wn) {
    const sa = wn.synsets(lemma, 'n').slice(0, 2);
    const up = wn.reach(sa, ['@', '@i'], 6);
    if (up.some((s) => s.words.includes('person') && s.words.includes('individual'))) result = 'person';
    else if (wn.reach(sa, ['@'], 1).some((s) => s.words.includes('gathering') || s.words.includes('multitude'))) result = 'group';
    // (an agent noun WordNet lacks, made of a word it has: "scaffolder", "abseiler")
    else if (sa.length === 0 && /^\p{Ll}{4,}(?:er|or)$/u.test(lemma)) {
      const stem = lemma.slice(0, -2);
      if ([stem, `${stem}e`, stem.replace(/(.)\1$/, '$1')].some((x) => wn.synsets(x, 'v').length > 0 || wn.synsets(x, 'n').length > 0)) result = 'person';
    }
  }
  PERSON.set(lemma, result);
  return result;
}

/** Nouns WordNet gives as antonyms (man / woman, buyer / seller): never the same people. */
export function opposites(a: string, b: string): boolean {
  const wn = wordnet();
  if (!wn || a === b) return false;
  const ib = new Set(senses(b).map((s) => s.offset));
  return senses(a).some((s) => s.pointers.some((p) => p.symbol === '!' && p.pos === 'n' && ib.has(p.offset)));
}

/** Two heads for the same people: a gathering counted ("a crowd of 48,200") and the people in it ("the 51,000 spectators"). */
function samePeople(a: string, b: string): boolean {
  const pa = peopleNoun(a);
  const pb = peopleNoun(b);
  return pa !== null && pb !== null && (pa === 'group') !== (pb === 'group');
}

/** A noun derived from a verb, or naming its act ("sale" / "sell", "injury" / "injure", "payment" / "pay"). */
const SYNONYMS = new Map<string, boolean>();
/** Two verbs with a sense in common among their three commonest ("cut" / "eliminate" if WordNet says so), or one a kind of the other. */
export function synonymousVerbs(a: string, b: string): boolean {
  if (a === b) return true;
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  let known = SYNONYMS.get(key);
  if (known === undefined) {
    const wn = wordnet();
    const ids = new Set(wn ? wn.synsets(a, 'v').slice(0, 3).map((x) => x.offset) : []);
    known = wn !== null && wn.synsets(b, 'v').slice(0, 3).some((x) => ids.has(x.offset));
    // (or one names a kind of the other: "were evacuated" is a way of being "moved out"; the general
    // verb in any of its senses, the specific one in its first three)
    if (!known && wn !== null) {
      const specific = (x: string, general: string) => {
        const up = new Set(wn.synsets(general, 'v').map((s) => s.offset));
        return wn.synsets(x, 'v').slice(0, 3).some((s) => s.pointers.some((p) => p.symbol === '@' && up.has(p.offset)));
      };
      known = specific(a, b) || specific(b, a);
    }
    SYNONYMS.set(key, known);
  }
  return known;
}

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

/**
 * A noun names the act of a verb, or of a verb WordNet makes one act with it: "closure" (from
 * "close") and "shut", whose commonest sense is among close's first two.
 */
export function actOfVerb(noun: string, verb: string): boolean {
  if (derivedFrom(noun, verb)) return true;
  const wn = wordnet();
  if (!wn) return false;
  const lemmas = new Set(senses(noun).flatMap((s) => s.pointers.filter((p) => p.symbol === '+' && p.pos === 'v').flatMap((p) => wn.synset(p.offset, 'v')?.words ?? [])));
  return [...lemmas].some((l) => oneAct(l, verb));
}

/** Two verbs whose commonest senses WordNet makes one: the first sense of one among the first two of the other ("close" / "shut"; not "allow" / "accept"). */
export function oneAct(a: string, b: string): boolean {
  const wn = wordnet();
  if (!wn || a === b) return a === b;
  const sa = wn.synsets(a, 'v').slice(0, 2);
  const sb = wn.synsets(b, 'v').slice(0, 2);
  return (sa[0] !== undefined && sb.some((s) => s.offset === sa[0]!.offset)) || (sb[0] !== undefined && sa.some((s) => s.offset === sb[0]!.offset));
}

const deedNounCache = new Map<string, string[]>();
/** The noun senses WordNet derives from a verb's two commonest senses, and their direct hypernyms: sentence (v) -> {prison term, sentence} -> {term}. */
export function deedNouns(verb: string): string[] {
  let out = deedNounCache.get(verb);
  if (!out) {
    const wn = wordnet();
    const found = new Set<string>();
    const senses = wn?.synsets(verb, 'v').slice(0, 2) ?? [];
    // (and the nouns of what the verb causes or entails: "kill" causes "die", whose noun is "death")
    const caused = senses.flatMap((s) => s.pointers.filter((p) => (p.symbol === '>' || p.symbol === '*') && p.pos === 'v').map((p) => wn!.synset(p.offset, 'v')));
    for (const s of [...senses, ...caused]) {
      for (const p of s.pointers) {
        if (p.symbol !== '+' || p.pos !== 'n') continue;
        found.add(String(p.offset));
        // (and what it is a kind of, one step up: a prison term is a term)
        for (const h of wn!.synset(p.offset, 'n').pointers) if (h.symbol === '@') found.add(String(h.offset));
      }
    }
    deedNounCache.set(verb, (out = [...found]));
  }
  return out;
}

/**
 * A noun naming what a verb did: derived from it ("sale" / "sell"), or a synonym of a noun derived
 * from it or of what that noun is a kind of ("term": a prison term, the noun of "sentenced").
 */
export function namesDeed(noun: string, verb: string): boolean {
  if (derivedFrom(noun, verb)) return true;
  const derived = deedNouns(verb);
  // (any sense of the noun: the verb's own noun already narrows it, "term" is a prison term only rarely)
  return (wordnet()?.synsets(noun, 'n') ?? []).some((s) => derived.includes(String(s.offset)));
}

const abouts = new WeakMap<Quantity, string[]>();

/** The nouns a figure is about: its head, modifiers, keys and clause nouns (names aside). */
function about(q: Quantity): string[] {
  let a = abouts.get(q);
  if (!a) abouts.set(q, (a = aboutUncached(q)));
  return a;
}

function aboutUncached(q: Quantity): string[] {
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
const RANGE_BEFORE = /(?:between\s+(?:about\s+)?[$£€¥]?[\d.,]+\s*(?:\w+\s+)?and|[\d.,]+\s*(?:to|-|–|or)\s*)\s*[$£€¥]?\s*$/i;
/** "between magnitude 3 and 4.5": the figure opens a range (with what follows it). */
const RANGE_START_BEFORE = /\bbetween\s+(?:\p{L}+\s+)?[$£€¥]?\s*$/iu;
const RANGE_START_AFTER = /^\s*(?:-|–|to|and)\s*[$£€¥]?\d/i;
/** "4 euros per kilo", "a day", "each", "-per-hectare": a rate, whatever the parser made of it ("each and carry" is "each"). */
// (past what it is of: "60,000 cubic metres of drinking water a day")
const RATE_AFTER = /^(?:\s+of\s+(?:\p{Ll}+\s+){1,2}?(?=(?:per|a|an|every)\s+(?:second|minute|hour|day|night|week|month|year|season)s?\b))?(?<rate>[\s-]*(?:(?:per|a|an|each|every)[\s-]+(?!(?:and|or|but|to|in|on|at|of|for|with|from|the|a|an)\b)\p{L}+|each\b))/u;

// (and the phrasal forms: "has gone up by 15 percent", "went down 4 percent")
// (a base form only after a modal or "to": "fees will rise by 18 percent", "is set to fall by"; alone,
// "rise" and "cut" are as often nouns)
const AHEAD_BASE = String.raw`(?:will|would|could|may|might|should|to)\s+`;
const UP = `rose|risen|rising|rises|increased|increases|increasing|grew|grown|grows|growing|climbed|climbs|climbing|jumped|jumps|jumping|gained|gains|gaining|surged|surging|soared|soaring|raised|raises|boosted|lifted|go up|goes up|went up|gone up|going up|${AHEAD_BASE}(?:rise|increase|grow|climb|jump|raise)`;
const DOWN = `fell|fallen|falls|falling|dropped|drops|dropping|declined|declines|declining|slid|sliding|slipped|slipping|plunged|plunging|sank|sinking|shrank|shrinking|decreased|decreases|decreasing|cut|cuts|reduced|reduces|lowered|lowers|slumped|slumping|dipped|dipping|tumbled|tumbling|go down|goes down|went down|gone down|going down|${AHEAD_BASE}(?:fall|drop|decline|decrease|shrink|reduce|lower)`;
const QUAL = '(?:about|around|nearly|almost|roughly|some|more than|less than|just over|just under|over|under)\\s+';
/** "rose 8 percent", "were down 23 percent", "fell by 62 percent": the figure is a change. */
const VERBAL_CHANGE = new RegExp(`\\b(?:(${UP})|(${DOWN})|(?:was|were|is|are)\\s+(up|down))\\s+(?:by\\s+)?(?:${QUAL})?[$£€¥]?\\s*$`, 'i');
/** "reduced hospitalisations by 62 percent", "cut its costs by a third": a change of an object. */
const VERB_OBJECT_BY = new RegExp(`\\b(?:(${UP})|(${DOWN}))\\s+(?:[^\\s.;:]+\\s+){1,8}by\\s+(?:${QUAL})?[$£€¥]?\\s*$`, 'iu');
/** "rose to 58 percent": the level after a change. */
const LEVEL_AFTER_CHANGE = new RegExp(`\\b(?:${UP}|${DOWN})\\s+to\\s+(?:${QUAL})?[$£€¥]?\\s*$`, 'i');
/** "agreed to raise the tariff on imported steel from 25 percent to 35 percent": the level a change leaves. */
const FROM_TO_LEVEL = new RegExp(`\\b(?:${UP}|${DOWN}|raise|increase|grow|cut|lower|reduce|lift|boost|decrease)\\b[^.;:!?]{0,80}\\bfrom\\s+(?:${QUAL})?[$£€¥]?\\s*[\\d.,]+\\s*(?:per\\s*cent|percent|%|[\\p{L}-]+)?\\s+to\\s+(?:${QUAL})?[$£€¥]?\\s*$`, 'iu');
/** "the 11 percent increase", "the 29 percent fall": a change named as a noun. */
const NOMINAL_CHANGE = /^[\s-]*(?:per\s*cent|percent|%|points?|percentage points?)?[\s-]*(?:(increase|rise|jump|gain|growth|surge|hike|boost)|(drop|fall|decline|decrease|cut|reduction|slump|dip|loss|slide))\b/i;

export interface Reading {
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

/** After a length a verb of rising has: where it rises to, so a height ("rises 84 metres above the quay"). */
const HEIGHT_AFTER = /^\s+(?:above|over|high|tall|into\s+the\s+(?:sky|air))\b/i;

/** "came to €2.4 million after tax in 2025, down from €2.9 million": a level, then the earlier one it changed from. */
const LEVEL_BEFORE_FROM = /^[^.;:!?\d]{0,40}?,\s+(?:down|up)\s+from\s/i;

/** "3 March 2026 - ", "June 4, 2025 — ": a dateline's date and its dash. */
const DATELINE_DASH = new RegExp(`\\b(?:${MONTHS.join('|')})\\.?\\s+(?:\\d{1,2},?\\s+)?(?:19|20)\\d\\d\\s+[-–—]\\s*$`, 'i');

function readingOf(q: Quantity, text: string): Reading {
  let rate = RATE_AFTER.exec(text.slice(q.end, q.end + 48))?.groups!.rate!.trim().toLowerCase() ?? q.rate;
  // ("a fine of 500 zloty each time they enter": per occurrence, as a fine is; "the 800-zloty
  // penalty" names the same sum)
  if (rate !== null && /^(?:each|every|per|a)[\s-]+(?:time|offen[cs]e|violation|breach|infringement|occasion)s?$/.test(rate)) rate = null;
  // ("The robots weigh 25 kilograms each" / "The 80-pound machines": a measure of each thing is told
  // of one thing, as a measure glued to a plural or after "Each barrel holds" is; a sum each pays is not)
  if (rate === 'each' && q.kind === 'amount' && !/^[A-Z]{3}$/.test(q.unit)) rate = null;
  const before = text.slice(Math.max(0, q.start - 40), q.start);
  let verbal = VERBAL_CHANGE.exec(before) ?? VERB_OBJECT_BY.exec(text.slice(Math.max(0, q.start - 90), q.start));
  // "The levy raised 46 million euros", "cut 300 jobs": money raised or things cut, with no "by", are
  // what the verb acted on, a level; "raised prices by 5 percent" is a change.
  if (verbal && q.kind !== 'percent' && /^(?:raised|boosted|lifted|cut|reduced|lowered)\b/i.test(verbal[0]) && !/\bby\s+(?:\S+\s+)?[$£€¥]?\s*$/i.test(before)) verbal = null;
  // ("It rises 84 metres above the quay", "the spire soars 90 metres into the sky": a height, a level)
  if (verbal && q.unit === 'length' && HEIGHT_AFTER.test(text.slice(q.end, q.end + 24))) verbal = null;
  // "the 11 percent increase": the change noun after the figure, or as the mention's own head.
  const nominal = NOMINAL_CHANGE.exec(text.slice(q.end, q.end + 40)) ?? (q.head ? NOMINAL_CHANGE.exec(q.head) : null);
  const change = verbal ? (verbal[1] || (verbal.length > 3 && verbal[3]?.toLowerCase() === 'up') ? 'up' : 'down') : nominal ? (nominal[1] ? 'up' : 'down') : null;
  // (not a figure opened by a word, "2026 - The 46-kilometre crossing", nor one after a dateline's year,
  // "3 March 2026 - 46 people": a dash after a date is no range)
  const opened = /^\s*[$£€¥]?\s*\d/.test(text.slice(q.start, q.end)) && !DATELINE_DASH.test(before);
  const range = (opened && RANGE_BEFORE.test(before)) || (RANGE_START_AFTER.test(text.slice(q.end, q.end + 12)) && RANGE_START_BEFORE.test(before));
  // ("came to €2.4 million after tax in 2025, down from €2.9 million": a level, the earlier one after it)
  const levelAfterChange = LEVEL_AFTER_CHANGE.test(before) || FROM_TO_LEVEL.test(text.slice(Math.max(0, q.start - 160), q.start)) || (change === null && LEVEL_BEFORE_FROM.test(text.slice(q.end, q.end + 60)));
  return { range, rate: sameRate(rate), change, levelAfterChange };
}

/** Words of one rate told differently: "per kilogram" and "a kilo", "each summer" and "a season" (and "monthly" and "a month", lexicon.ts). */
const RATE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['kilo', 'kilogram'], ['kg', 'kilogram'], ['kilogramme', 'kilogram'], ['tonne', 'ton'], ['t', 'ton'],
  ['summer', 'season'], ['winter', 'season'], ['spring', 'season'], ['autumn', 'season'],
  ...RATE_ADJECTIVES,
]);

/** A rate as one word, whatever the words around it: "a month", "per month", "each month" and "monthly" are all "month". */
function sameRate(rate: string | null): string | null {
  if (rate === null) return null;
  const words = rate.toLowerCase().replace(/-/g, ' ').trim().split(/\s+/).filter((w) => !/^(?:per|a|an|each|every)$/.test(w));
  if (words.length !== 1) return words.join(' ');
  const w = singular(words[0]!);
  return RATE_SYNONYMS.get(w) ?? w;
}

const names = new WeakMap<Quantity, string[]>();

/** Capitalised words within a few words of a figure, not opening a sentence. */
function nearNames(q: Quantity, text: string): string[] {
  let n = names.get(q);
  if (!n) names.set(q, (n = nearNamesOf(q, text)));
  return n;
}

/** "Lorena Dizon said", "told Harjit Sandhu": a speaker named by the figure is who tells it, not what it is of. */
const SPEAKER = /(?:\p{Lu}[\p{L}'’-]+\s+){1,3}(?:said|says|told|tells|added|noted|stressed|warned|estimated)\b|\b(?:said|says|told|according to)\s+(?:\p{Lu}[\p{L}'’-]+\s*){1,3}/gu;

function nearNamesOf(q: Quantity, text: string): string[] {
  const around = `${text.slice(Math.max(0, q.start - 30), q.start)} ${text.slice(q.end, q.end + 30)}`;
  // (names of speakers are dropped; the window is widened so a speaker cut at its edge is still seen)
  const wide = `${text.slice(Math.max(0, q.start - 60), q.start)} ${text.slice(q.end, q.end + 60)}`;
  const speakers = new Set([...wide.matchAll(SPEAKER)].flatMap((m) => [...m[0].matchAll(/\p{Lu}[\p{L}'’-]+/gu)].map((x) => x[0].toLowerCase())));
  return nearNamesIn(around, q).filter((w) => !speakers.has(w));
}

function nearNamesIn(around: string, q: Quantity): string[] {
  return [...around.matchAll(/(?<![.!?]\s)(?<!^)\b(\p{Lu}[\p{L}'’-]+)/gu)].map((m) => m[1]!.toLowerCase()).filter((w) => q.names.includes(w) || q.names.some((n) => n.startsWith(w)));
}

// What whyApart reads from the text around a mention, worked out once per mention.
const prospectives = new WeakMap<Quantity, 'plan' | 'future' | null>();
const complements = new WeakMap<Quantity, string[] | null>();
const days = new WeakMap<Quantity, string | null>();
const ownScopes = new WeakMap<Quantity, Quantity['scope']>();

/** A superlative or first/last before a period: "the lowest since 2019", "its first in a decade". */
const SUPERLATIVE = /\b(?:\p{L}{2,}est|first|last|most|least|only|best|worst|biggest)\b(?:\s+[\p{L}'’-]+){0,3}\s+$/iu;

/**
 * The period a figure is of, or null: a period that bounds a superlative told of the figure ("the
 * jobless rate of 4.4 percent is the lowest since 2019") dates the comparison, not the figure.
 */
function ownScope(q: Quantity, text: string): Quantity['scope'] {
  const sc = q.scope;
  if (!sc) return null;
  const s0 = Math.max(0, q.start - 160);
  const sentence = text.slice(s0, Math.min(text.length, q.end + 160));
  const from = sentence.lastIndexOf('. ', q.start - s0) + 1;
  const to = sentence.indexOf('. ', q.end - s0);
  const clause = sentence.slice(from, to < 0 ? undefined : to);
  const at = clause.indexOf(sc.label);
  if (at < 0) return sc;
  return SUPERLATIVE.test(clause.slice(Math.max(0, at - 60), at)) ? null : sc;
}

const PLAN_NOUNS = new Set(['target', 'forecast', 'projection', 'goal', 'budget', 'estimate', 'plan', 'aim', 'ambition', 'guidance', 'outlook']);

/** "the six-hour session on Tuesday": the weekday given right after the figure's phrase. */
function dayAttached(q: Quantity, text: string): string | null {
  // (or in a relative clause on it: "the magnitude 5.6 quake that struck on Friday")
  const m = /^\s*(?:(?:that|which|who)\s+(?:\p{L}+\s+){1,2})?(?:on|of|last|this)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/iu.exec(text.slice(q.end, q.end + 40));
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * A bound that the other figure keeps: "at least nine dead" and later "the toll stood at 12" (a
 * toll that grew), "up to 40 minutes" and "30 minutes". Only a figure on the wrong side of a bound
 * breaks it ("at least nine" ... "seven").
 */
function boundKept(a: Quantity, b: Quantity): boolean {
  const lower = (q: Quantity) => q.approx === 'atLeast' || q.approx === 'moreThan';
  const upper = (q: Quantity) => q.approx === 'upTo' || q.approx === 'lessThan';
  if (lower(a) && b.value >= a.value && !upper(b)) return true;
  if (lower(b) && a.value >= b.value && !upper(a)) return true;
  if (upper(a) && b.value <= a.value && !lower(b)) return true;
  if (upper(b) && a.value <= b.value && !lower(a)) return true;
  return false;
}

/** What a figure is for or of, named right after it: "a $4.1m grant for roads" -> road. */
function complementOf(q: Quantity, text: string): string[] | null {
  // (past an owner's name: "of the hub's members" is for members, not for the hub)
  const m = /^\s+(?:\p{Ll}+\s+)?(?:for|of)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+|an\s+)?(?:[\p{L}.-]+['’]s\s+)?((?:\p{Ll}{3,}\s*){1,3})/u.exec(text.slice(q.end, q.end + 50));
  return m ? m[1]!.trim().split(/\s+/).filter((w) => !STOP.has(w)).map(singular) : null;
}
const STOP = new Set(['and', 'the', 'was', 'were', 'are', 'had', 'has', 'have', 'will', 'would', 'that', 'which', 'who', 'from', 'with', 'came', 'this']);

/**
 * Two counts of the same people told by one happening in two words: "injuring five people" / "six
 * people were treated for injuries" (the verb of one, a noun derived from it in the other's clause).
 */
function sameHappening(a: Quantity, b: Quantity): boolean {
  const link = (x: Quantity, y: Quantity) => x.frame.verb !== null && x.frame.verb.length > 2 && y.context.some((n) => n !== y.head && derivedFrom(n, x.frame.verb!));
  const verbOf = (x: Quantity) => x.context.find((n) => /ing$/.test(n)) ?? null;
  const gerundLink = (x: Quantity, y: Quantity) => {
    const g = verbOf(x);
    const stem = g?.replace(/ing$/, '') ?? '';
    return g !== null && y.context.some((n) => n !== y.head && n !== g && (derivedFrom(n, stem) || derivedFrom(n, `${stem}e`)));
  };
  const actedOn = (x: Quantity, y: Quantity) => x.frame.verb !== null && y.head !== null && x.head !== null && peopleNoun(x.head) !== null && derivedFrom(y.head, x.frame.verb);
  return link(a, b) || link(b, a) || gerundLink(a, b) || gerundLink(b, a) || actedOn(a, b) || actedOn(b, a);
}

/** A share of a whole: "48% of the vote", "won 20 percent". */
function isShare(q: Quantity, text: string): boolean {
  return /^\s*(?:of|of the)\b/i.test(text.slice(q.end, q.end + 8)) || /\b(?:won|took|got|received|receiving|secured|gained|had|with)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+(?:over|under)\s+)?$/i.test(text.slice(Math.max(0, q.start - 30), q.start));
}

/**
 * Who holds a share: its verb's subject ("Women make up 85 percent of the workforce"), or, when the
 * share is the subject, what it is said to be ("two-thirds of the cannery's staff are women").
 */
function partyOf(q: Quantity, text: string): string | null {
  // (a share that is itself its clause's subject, "Across the region, more than half of the arable land
  // is sown with sunflowers": what it is, not a noun the frame took from a phrase before it)
  const own = SHARE_IS.exec(text.slice(q.end, q.end + 70));
  if (own && /\b(?:with|by)\s/.test(own[0])) return singular(own[1]!.toLowerCase());
  if (q.frame.subject !== null) return q.frame.subject;
  // ("the engine houses, roughly one in five of all entries, are": a share set in apposition to its holder)
  const apposed = APPOSED.exec(text.slice(Math.max(0, q.start - 40), q.start));
  if (apposed && APPOSED_WHOLE.test(text.slice(q.end, q.end + 60)) && hasNounSense(singular(apposed[1]!))) return singular(apposed[1]!);
  const after = text.slice(q.end, q.end + 70);
  const m = SHARE_IS.exec(after) ?? SHARE_FROM.exec(after);
  if (m) return singular(m[1]!.toLowerCase());
  // ("Visitors, who account for roughly 45 percent of connections": the subject of a relative clause)
  const who = HOLDER_WHO.exec(text.slice(Math.max(0, q.start - 60), q.start));
  if (who) return singular(who[1]!.toLowerCase());

  // ("60 percent of tours sighted a humpback", "one in four trips saw a humpback": what the share did, to what)
  const did = SHARE_DID.exec(after);
  if (did && did[1] !== undefined && (wordnet()?.synsets(infinitive(did[1], PAST_TENSE), 'v').length ?? 0) > 0) return singular(did[2]!);
  return null;
}

/** One share told twice: two shares (no changes) of one whole (the same noun or nouns WordNet links), held by one party; or null. */
function sameShare(a: Quantity, b: Quantity, text: string): { whole: string; party: string } | null {
  if (a.unit !== '%' || b.unit !== '%' || reading(a, text).change !== null || reading(b, text).change !== null) return null;
  // (told in two forms, a percentage and a fraction or "one in N": two percentages of one whole and one
  // party are as often two times, places or groups the text sets side by side)
  if (/\d/.test(text.slice(a.start, a.end)) === /\d/.test(text.slice(b.start, b.end))) return null;
  const pa = wholeOf(a, text);
  const pb = wholeOf(b, text);
  if (pa === null || pb === null || otherWhole(pa, pb)) return null;
  const whole = pa.head;
  const party = partyOf(a, text);
  if (party === null || party !== partyOf(b, text)) return null;
  // (one party: wholes of one kind, or of two kinds of one thing, "of tours" / "one in four trips",
  // both journeys)
  return pa.head === pb.head || sameKind(pa.head, pb.head) || siblings(pa.head, pb.head) ? { whole, party } : null;
}

/** Two nouns whose commonest senses (the first, or the first `n`) have one hypernym right above both ("tour" and "trip": journey). */
function siblings(a: string, b: string, n = 1): boolean {
  const wn = wordnet();
  if (!wn) return false;
  const up = (w: string) => new Set(senses(w).slice(0, n).flatMap((s) => s.pointers.filter((p) => p.symbol === '@').map((p) => p.offset)));
  const ua = up(a);
  return [...up(b)].some((o) => ua.has(o));
}

/** A share's whole as written after "of", its modifiers too ("of senior council staff"), or the noun it counts ("one in four trips"). */
function wholeOf(q: Quantity, text: string): { head: string; mods: string[] } | null {
  const after = text.slice(q.end, q.end + 60);
  const m = WHOLE_PHRASE.exec(after);
  // (the phrase up to the noun the reading took for its whole: "of evening connections, praised")
  const head = q.keys.find((k) => !k.includes('@'));
  if (m && head !== undefined) {
    const words = (after.slice(m[0].length).split(/[,.;:!?()]/)[0]!.toLowerCase().match(/[\p{L}-]+/gu) ?? []).slice(0, 4);
    const at = words.findIndex((w) => singular(w) === head);
    if (at >= 0) return { head, mods: words.slice(0, at).map(singular) };
  }
  return q.head !== null ? { head: q.head, mods: q.mods.map(singular) } : null;
}

/** "of senior council staff" / "of the staff": one whole has a modifier the other lacks, a part of it. */
function otherWhole(x: { mods: string[] }, y: { mods: string[] }): boolean {
  return x.mods.length !== y.mods.length || x.mods.some((m) => !y.mods.includes(m));
}

/** "of the hub's members", "of senior council staff": a share's whole, its modifiers and its noun. */
const WHOLE_PHRASE = /^\s*of\s+(?:(?:the|its|their|his|her|our|an?|all)\s+)?(?:[\p{L}.-]+['’]s\s+)?/u;

/** The words of a share's whole after it: "of the cannery's staff", "of its 80 skaters". */
const WHOLE_AFTER = String.raw`of\s+(?:the\s+|its\s+|their\s+|an?\s+)?(?:[\p{L}-]+['’]s\s+)?(?:[\p{L}\d,-]+\s+){1,2}`;
/** "two-thirds of the cannery's staff are women"; "more than half of the arable land is sown with
 *  sunflowers": by a passive, what it is done with or by. */
const SHARE_IS = new RegExp(String.raw`^\s*${WHOLE_AFTER}(?:are|is|were|was)\s+(?:now\s+|still\s+)?(?:\p{Ll}+(?:ed|wn|en)\s+(?:with|by)\s+(?:the\s+)?)?(\p{L}{3,})\b`, 'u');
/** "a fifth of connections come from visitors", "half of a döner's price goes on the meat". */
const SHARE_FROM = new RegExp(String.raw`^\s*${WHOLE_AFTER}(?:now\s+)?(?:come|comes|came|goes|go|went)\s+(?:from|on|to)\s+(?:the\s+|its\s+|their\s+)?(\p{L}{3,})\b`, 'u');
/** "Visitors, who account for", "Women, who now make up". */
const HOLDER_WHO = /\b(\p{L}{3,}),\s+(?:who|which|that)\s+(?:now\s+|still\s+)?(?:account|accounts|accounted|make|makes|made|represent|represents|represented|form|forms|formed)\s+(?:up\s+)?(?:for\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|some\s+|more than\s+|less than\s+|over\s+|under\s+)?$/u;
/** "A new 50-metre pool", "a planned 300-bed hospital": a thing not yet there, before its size. */
const NEW_BEFORE = /\b(?:new|planned|proposed|future|replacement)\s+$/i;
/** "the engine houses, roughly one in five of all entries,": a noun, a comma, then the share. */
const APPOSED = /\b(\p{Ll}{3,}),\s+$/u;
const APPOSED_WHOLE = /^\s*of\s+[^,.;:!?]{1,40},/u;
/** "of tours sighted a humpback", "saw a humpback": a verb and its object after the share. */
const SHARE_DID = new RegExp(String.raw`^\s*(?:${WHOLE_AFTER})?(?!(?:are|is|were|was|have|has|had|will|would)\b)(\p{Ll}{3,})\s+(?:a|an|the|its|their)\s+(?:\p{Ll}+\s+)?(\p{Ll}{3,})\b`, 'u');

/** Why two figures are not one figure told twice, or null when nothing keeps them apart. */
/** A name's possessive opening a figure's words: "Delgado's 53 percent showing". */
const POSSESSIVE_NAME = /^(\p{Lu}\p{Ll}+)['’]s\s/u;
const POLL = /\b(?:poll|polls|polled|polling|survey|surveys|surveyed)\b/i;
/** A figure a poll or survey gave ("a poll ... had shown Delgado at 49 percent"): no result, whatever it measures. */
function polled(q: Quantity, text: string): boolean {
  return POLL.test(leadIn(text, q.start));
}

/** The words of its sentence before `at` (at most 120 characters; not past a line break, as after a headline). */
function leadIn(text: string, at: number): string {
  return text.slice(Math.max(0, text.lastIndexOf('.', at) + 1, text.lastIndexOf('\n', at) + 1, at - 120), at);
}

/** A count given as an update of an earlier one: "officials later put the number of deaths at 11". */
const REVISED = /\b(?:later|subsequently|since then|revised|updated|corrected)\b/i;

/** The noun right after a percentage: what it is a share of ("80% nitrogen gas": nitrogen). */
function shareOf(q: Quantity, text: string): string | null {
  const m = /(?:%|\bper\s?cent|\bpercent)\s+(\p{Ll}+)/u.exec(text.slice(q.start, q.end));
  return m ? singular(m[1]!) : null;
}

/**
 * "100% hydrogen gas" ... "80% nitrogen gas", "30 percent wheat" ... "20 percent barley": what the
 * two figures are of are two kinds of one thing (WordNet co-hyponyms within two steps), neither a
 * kind of the other: two figures.
 */
export function otherKinds(a: Quantity, b: Quantity, text: string): boolean {
  const x = shareOf(a, text);
  const y = shareOf(b, text);
  if (x === null || y === null || x === y || !a.keys.includes(x) || !b.keys.includes(y) || sameKind(x, y)) return false;
  const wn = wordnet();
  if (!wn) return false;
  const up = (w: string) => new Set(wn.reach(senses(w), ['@', '@i'], 2).map((s) => s.offset));
  const ux = up(x);
  return [...up(y)].some((o) => ux.has(o));
}

/**
 * ("€45 a game" / "the €35 match fee", "€12 a day" / "the €10 day ticket") A sum with no rate whose
 * noun is named by the other's rate (the same word, or a WordNet synonym or kind of it) is paid at it.
 */
function rateInName(a: Quantity, rateA: string | null, b: Quantity, rateB: string | null): boolean {
  const [named, rate] = rateA === null ? [a, rateB] : rateB === null ? [b, rateA] : [null, null];
  if (named === null || rate === null || named.kind !== 'amount' || named.head === null) return false;
  return named.keys.some((k) => k !== named.head && !k.includes('@') && (k === rate || (k.length > 3 && rate.length > 3 && (sameKind(k, rate) || siblings(k, rate, 2)))));
}

export function whyApart(
  a: Quantity,
  b: Quantity,
  text: string,
  echoes?: (a: Quantity, b: Quantity) => boolean,
  opts: { event?: boolean; deed?: boolean } = {},
  sumOfParts?: (part: Quantity, whole: Quantity) => boolean,
): string | null {
  // The cheap reasons first: most pairs part on size alone, before any look at the text.
  const [lo, hi] = a.value < b.value ? [a.value, b.value] : [b.value, a.value];
  if (lo <= 0 || hi / lo > MAX_RATIO) return 'too far apart in size';
  // A count restated must point back at it: "the 16 delegations", not another "318 seats".
  // "carried 1,200 passengers" / "All 1,350 people on board": all of a broader kind is a whole the other is part of.
  if (a.kind === 'count' && b.totality && !b.definite && a.head !== null && b.head !== null && a.head !== b.head && broaderKind(b.head, a.head)) return 'a whole and its part';
  if (a.kind === 'count' && !pointsBackAt(b) && !allOfBody(a, b) && !(opts.event && sameHappening(a, b)) && !opts.deed) return 'a count not pointing back';
  if (a.sentence === b.sentence || a.listed || b.listed) return 'one sentence, or a list of results';
  // ("The average age of the residents is 73" / "Forty-one residents": a figure of an attribute,
  // WordNet's noun.attribute, an age or a height, counts nothing)
  // (told as the value of the attribute, the number last: "three distances" still counts races)
  const ofAttribute = (q: Quantity) => attributeNoun(q.head) && /\d\s*$/.test(text.slice(q.start, q.end));
  if (a.kind === 'count' && (ofAttribute(a) || ofAttribute(b))) return 'an attribute, not a count';
  if (a.kind === 'count' && REVISED.test(leadIn(text, b.start))) return 'an explicit update ("later", "revised")';
  if (a.kind === 'count' && b.definite && restrictedOtherwise(a, b, text)) return 'a part named by what follows it';
  if (a.kind === 'duration' && (partOfOther(a, b, text) || partOfOther(b, a, text))) return 'a part of the other';
  if (a.required || b.required) return 'a threshold';
  // ("three candidates" / "The two major party candidates": a definite count of fewer, narrowed by
  // modifiers the other has none of, is a part of them)
  if (a.kind === 'count' && b.kind === 'count' && a.head !== null && a.head === b.head) {
    const narrower = (x: Quantity, y: Quantity) => x.definite && x.value < y.value && y.mods.length === 0 && x.mods.length >= 1 && x.modVerbs.every((v) => v === '');
    if (narrower(a, b) || narrower(b, a)) return 'a part named by its modifiers';
  }
  if (differentPlaces(a, b) || differentSites(a, b, text)) return 'different places';
  if (differentStatistics(a, b, text)) return 'an average and a peak';
  if (a.kind === 'count' && alsoDone(b, text)) return 'another batch ("also")';
  // "funded by a 40 million pound grant and 8 million pounds from a charity" ... "the 48 million pound
  // project": parts that sum to the whole.
  if (sumOfParts && (sumOfParts(a, b) || sumOfParts(b, a))) return 'parts of a whole';
  // "fourteen years" ... "almost fourteen years of an eighteen-year sentence": the first figure is
  // told again beside the second, which is then something else (here the whole it is part of).
  if ((echoes && echoes(a, b)) || partBefore(a, b, text)) return 'the first figure is restated beside the second';
  // A magnitude told again points back ("the magnitude 5.8 tremor"); "a 5.0 aftershock" is another event.
  if (a.unit === 'magnitude' && !b.definite) return 'a new event, not one pointing back';
  // ("A new 50-metre pool ... is due to open in 2028" / "The 25-metre pool hosted its first gala in
  // 1976": a thing still to come, sized, and the one there now)
  if (a.head !== null && a.head === b.head && NEW_BEFORE.test(text.slice(Math.max(0, a.start - 20), a.start)) !== NEW_BEFORE.test(text.slice(Math.max(0, b.start - 20), b.start))) return 'a new event, not one pointing back';
  const ra = reading(a, text);
  const rb = reading(b, text);
  // A change is compared with a change the same way, a level with a level; "rose to" gives a level.
  if (ra.change !== rb.change) return 'a change and a level, or changes of opposite sense';
  // ("The drop from the 35,000-foot cruise altitude": a definite figure glued to its noun names that
  // thing's level, whatever it is compared with)
  const named = (q: Quantity) => q.definite && q.head !== null && /\d[\d.,]*-\p{L}/u.test(text.slice(q.start, q.end)) && COMPOUND_AMOUNT.test(text.slice(q.start, q.end));
  const comparedA = a.compared && ra.change === null && !ra.levelAfterChange && !named(a);
  const comparedB = b.compared && rb.change === null && !rb.levelAfterChange && !named(b);
  if (comparedA || comparedB) return 'a comparison';
  if (a.kind === 'count' && (!Number.isInteger(a.value) || !Number.isInteger(b.value))) return 'not whole numbers: not counts';
  if (foreseenApart(a, b, text)) return 'a forecast or a plan';
  // (a share, not a count: a survey of a vent field that catalogues species is no opinion poll)
  if (a.kind === 'percent' && polled(a, text) !== polled(b, text)) return 'a poll and a result';
  if (ra.range || rb.range || (ra.rate !== rb.rate && !rateInName(a, ra.rate, b, rb.rate))) return 'a range, or different rates';
  // ("Among the passengers were at least 60 children" ... "The 52 minors who came ashore": a part told
  // again by a definite noun of its own kind is that part, not the whole it was part of)
  // (only a part a whole was named for, "among" or "including" it: "Four of these bone tools" and "the
  // three other treatments" are parts of the very set told again)
  const partAgain =
    a.subset && !b.subset && b.definite && a.kind === 'count' && a.head !== null && b.head !== null && sameKind(a.head, b.head) &&
    /\b(?:among|including|included)\b/i.test(text.slice(Math.max(0, a.start - 80), a.start).split(/[.;!?]\s/).at(-1)!) && !/\bof\s/i.test(text.slice(a.start, a.end));
  if (((a.subset || b.subset) && !partAgain) || sameRate(a.rate) !== sameRate(b.rate) || a.polarity !== b.polarity) return 'a subset, a rate or another side of a vote';
  // "with about 48% of the vote" ... "with about 20% of the vote": shares of one whole, told of
  // different parties unless the same subject holds both or one points back.
  if (a.kind === 'percent' && isShare(a, text) && isShare(b, text) && !b.definite && !b.shell && !a.definite) {
    const party = partyOf(a, text);
    if (party === null || party !== partyOf(b, text)) return 'shares of one whole';
    // ("45 percent of evening connections" / "a fifth of connections": a share of a part of the whole)
    const wa = wholeOf(a, text);
    const wb = wholeOf(b, text);
    if (wa !== null && wb !== null && otherWhole(wa, wb)) return 'shares of two wholes';
  }
  if (a.kind === 'percent' && otherKinds(a, b, text)) return 'two kinds of one thing';
  // ("the lowest since 2019", "the firm's first in a decade": the period of a comparison, not of the figure)
  const sa = cached(ownScopes, a, () => ownScope(a, text));
  const sb = cached(ownScopes, b, () => ownScope(b, text));
  if (sa || sb) {
    // ("in June" and a figure told in the present tense with no period: the month of the news, not another year)
    const lone = sa ?? sb!;
    const recentMonth = (sa === null || sb === null) && !/\d|\b(?:last|previous|ago|past)\b/i.test(lone.label) && lone.to - lone.from <= 2;
    // ("deported 230 migrants last month" ... "The 310 deportations": a definite mention with no period of its own points back)
    const pointsBackTo = sb === null && sa !== null && b.definite && !b.compared;
    if (relate(sa, sb) !== 'same' && !recentMonth && !pointsBackTo) return 'different periods';
  }
  if (a.kind === 'count' && differentWhens(a, b, text)) return 'told of different times';
  // Different days keep counts apart ("3 dead on Monday", "5 by Tuesday"), unless the second points back.
  // (a part of a day alone, "through the night to arrive before dawn", names no other day than "on Thursday")
  const partsOnly = (q: Quantity) => q.anchors.every((x) => HOURS_OF_DAY.has(x));
  if (partsOnly(a) === partsOnly(b) && a.anchors.length > 0 && b.anchors.length > 0 && !a.anchors.some((x) => b.anchors.includes(x)) && !(b.definite && a.kind !== 'count')) return 'different days';
  // A day named with the figure itself ("the six-hour session on Tuesday") against another day.
  const da = cached(days, a, () => dayAttached(a, text));
  const db = cached(days, b, () => dayAttached(b, text));
  // (a part of a day alone, "ran into the evening", names no other day than "on Saturday afternoon")
  if ((db !== null && a.anchors.length > 0 && !partsOnly(a) && !a.anchors.includes(db)) || (da !== null && b.anchors.length > 0 && !partsOnly(b) && !b.anchors.includes(da))) return 'different days';
  // A number noun ("the toll") is about the place its sentence opens with: "In Haiti, the toll stood at 15".
  for (const [shell, other] of [[b, a], [a, b]] as const) {
    if (!shell.shell || other.names.length === 0) continue;
    const lead = text.slice(Math.max(0, shell.start - 60), shell.start).split(/[.!?]\s+/).at(-1)!;
    // (places: after "in", "at", "across"..., or a place the lexicon knows; not a speaker's name and title)
    const places = [...lead.matchAll(/(?<=\s)(\p{Lu}[\p{L}'’-]+)/gu)]
      .filter((m) => /\b(?:in|at|across|outside|inside|near|from|throughout)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]+\s+)?$/iu.test(lead.slice(0, m.index)) || isPlaceName(m[1]!.toLowerCase()))
      .map((m) => m[1]!.toLowerCase());
    if (places.length > 0 && !places.some((p) => other.names.includes(p))) return 'different places';
  }
  // "The council has 45 members" / "the 47-member assembly": the sizes of different bodies.
  // (not the whole of a share: "won 12 of the 45 seats" tells the chamber's seats, not the party's)
  for (const [glued, other] of [[b, a], [a, b]] as const) {
    const owner = other.frame.subject;
    const partitioned = /\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty)\s+of\s+(?:the\s+|its\s+|their\s+)?$/i.test(text.slice(Math.max(0, other.start - 20), other.start + (/^the\s/i.test(text.slice(other.start, other.end)) ? 4 : 0)));
    if (glued.whole !== null && owner !== null && !partitioned && !other.frame.isSubject && !other.names.includes(owner) && owner !== glued.whole && !sameKind(owner, glued.whole)) return 'the sizes of different things';
  }
  // "a $4.1m grant for roads" / "the $4.6m award for schools": named for different things.
  const ca = cached(complements, a, () => complementOf(a, text));
  const cb = cached(complements, b, () => complementOf(b, text));
  if (ca !== null && cb !== null && ca.length > 0 && cb.length > 0 && !ca.some((x) => cb.some((y) => x === y || sameKind(x, y)))) return 'for different things';
  // "the 3.4 billion euro target", "the 2 percent forecast": a plan named as such.
  if (PLAN_NOUNS.has(a.head ?? '') !== PLAN_NOUNS.has(b.head ?? '')) return 'a forecast or a plan';
  // Different names right by the figures ("support for Smith" / "for Jones"), not a speaker further off.
  const na = nearNames(a, text);
  const nb = nearNames(b, text);
  // (a place by one and a person by the other are no two different names of one thing: "a villa in
  // Portugal ... six years" / "the eight-year term on condition that Brennan")
  if (na.length > 0 && nb.length > 0 && !na.some((n) => nb.includes(n))) {
    const differ = (place: boolean) => {
      const x = na.filter((n) => isPlaceName(n) === place);
      const y = nb.filter((n) => isPlaceName(n) === place);
      return x.length > 0 && y.length > 0;
    };
    if (differ(true) || differ(false)) return 'different names by the figures';
  }
  // ("the 168 billion yen profit" after "a profit of 182 billion yen for the April-June quarter": a
  // definite figure naming no period of its own points back at the earlier one's)
  if (differentFigures(a, b, text) && !(b.definite && !b.compared && periodOf(b, text) === null && a.kind === b.kind)) return 'different periods or sizes';
  return null;
}

/** "The unemployment rate was", "Unemployment fell to", "the jobless rate of": what a percentage is the level of. */
const MEASURED = /(?:^|[,(]\s*|\b(?:the|its|their|his|her|our)\s+)((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+(?:was|is|stood at|stands at|remained at|remains at|of|fell to|dropped to|declined to|eased to|slipped to|rose to|climbed to|increased to|decreased to|jumped to|edged (?:up|down) to|reached|hit)\s+(?:about|around|nearly|almost|roughly|just over|just under)?\s*$/iu;
const MEASURE_STOP = new Set(['rate', 'level', 'figure', 'share', 'ratio', 'index', 'percentage', 'number', 'total', 'official', 'overall', 'national', 'annual', 'monthly', 'new', 'latest', 'current']);
const PREPOSITIONS = new Set(['of', 'in', 'for', 'among', 'at', 'on', 'by', 'from', 'with', 'to', 'and', 'or', 'than', 'that', 'which']);

const measures = new WeakMap<Quantity, string[] | null>();

/** The words naming what a percentage is the level of ("unemployment"), or null when its clause does not say. */
function measuredOf(q: Quantity, text: string): string[] | null {
  return cached(measures, q, () => {
    const before = text.slice(Math.max(0, q.start - 60), q.start).split(/[.;:!?]\s/).at(-1)!;
    const m = MEASURED.exec(before);
    if (!m) return null;
    const words = m[1]!.trim().split(/\s+/);
    // ("the unemployment rate among young people was": among whom is told, so the phrase is not the whole measure)
    if (words.some((w) => PREPOSITIONS.has(w.toLowerCase()))) return null;
    const at = before.length - m[0].length + m[0].indexOf(m[1]!);
    // (an owner or a name in the phrase, "Spain's unemployment rate", keeps it to that owner: left to the names rule)
    if (words.some((w, i) => /^\p{Lu}/u.test(w) && (i > 0 || (at > 0 && !/^\s*$/.test(before.slice(0, at)) && !/(?:^|[.!?]\s*)(?:the|its|their|his|her|our)?\s*$/i.test(before.slice(0, at)))))) return null;
    const out = words.map((w) => singular(w.toLowerCase())).filter((w) => !MEASURE_STOP.has(w) && w.length > 3);
    return out.length > 0 ? out : null;
  });
}

/** A crude stem: "unemployment" and "unemployed" share "unemploy". */
function stemOf(w: string): string {
  return w.replace(/(?:ment|ed|ness|ity|ation|ing|s)$/, '');
}

const measureWords = new Map<string, string[]>();
/** A word and its adjective near-synonyms ("jobless" -> idle, unemployed; WordNet's similar-to '&'). */
function measureForms(w: string): string[] {
  let forms = measureWords.get(w);
  if (forms) return forms;
  const wn = wordnet();
  const out = new Set([w]);
  if (wn) {
    const adj = wn.synsets(w, 'a').slice(0, 3);
    for (const s of [...adj, ...wn.reach(adj, ['&'], 1)]) for (const x of s.words) if (!x.includes('_')) out.add(x);
  }
  measureWords.set(w, (forms = [...out]));
  return forms;
}

/** Two percentages are levels of one measure: "the unemployment rate" / "the jobless rate" / "unemployment". */
function sameMeasure(a: Quantity, b: Quantity, text: string): boolean {
  const ma = measuredOf(a, text);
  const mb = measuredOf(b, text);
  if (!ma || !mb) return false;
  const match = (x: string, y: string) =>
    x === y || (x.length > 3 && y.length > 3 && sameKind(x, y)) ||
    measureForms(x).some((f) => measureForms(y).some((g) => f === g || (stemOf(f).length >= 6 && stemOf(f) === stemOf(g))));
  // every word of each phrase names one of the other's: "core inflation" is not "inflation"
  return ma.every((x) => mb.some((y) => match(x, y))) && mb.every((y) => ma.some((x) => match(x, y)));
}

/** Measures are held in their dimension's base unit. */
function show(q: Quantity): string {
  if (q.kind === 'duration') return `${approxWord(q)}${hours(q.value)}`;
  if (q.kind === 'percent') return `${approxWord(q)}${fmt(q.value)}${q.unit === '%' ? ' percent' : ' points'}`;
  if (q.unit === 'magnitude') return `${approxWord(q)}magnitude ${fmt(q.value)}`;
  if (q.kind === 'amount') return `${approxWord(q)}${fmt(q.value)} ${unitLabel(q.unit)}`;
  return `${approxWord(q)}${fmt(q.value)}`;
}

const WHAT: Record<string, string> = { count: 'number of', amount: 'amount of', percent: 'share of', duration: 'length of' };

/**
 * Restated figures that disagree, beyond what findConflicts already reported (`known`: the
 * "start:start" keys of its pairs). `apart`, when given, names pairs not to compare at all (the
 * cross-document rules skip two figures of one document with it); it changes nothing else.
 */
export function findRestatements(qs: readonly Quantity[], text: string, known: ReadonlySet<string>, apart?: (a: Quantity, b: Quantity) => boolean): Conflict[] {
  const out: Conflict[] = [];
  const byKey = new Map<string, Quantity[]>();
  const bySentence = new Map<number, Quantity[]>();
  for (const q of qs) {
    const list = bySentence.get(q.sentence) ?? [];
    list.push(q);
    bySentence.set(q.sentence, list);
  }
  const echoes = (a: Quantity, b: Quantity) =>
    (bySentence.get(b.sentence) ?? []).some((q) => q !== b && q.kind === a.kind && q.unit === a.unit && Math.abs(q.value - a.value) <= 1e-9 * Math.max(1, a.value));
  // A figure and the others of its kind in its sentence add up to the other figure.
  // ("approved the $6.5 million purchase. Roads and drainage will cost a further $2.3 million" ... "The
  // full cost of the project, $8.8 million": a figure told as more, "a further", in the next sentence
  // is a part too)
  const further = (q: Quantity) => FURTHER_BEFORE.test(text.slice(Math.max(0, q.start - 24), q.start));
  const sumOfParts = (part: Quantity, whole: Quantity) => {
    const alike = (q: Quantity) => q.kind === part.kind && q.unit === part.unit && q.value < whole.value && q !== whole;
    const siblings = [...(bySentence.get(part.sentence) ?? []).filter(alike), ...(bySentence.get(part.sentence + 1) ?? []).filter((q) => alike(q) && further(q))];
    if (siblings.length < 2) return false;
    const sum = siblings.reduce((n, q) => n + q.value, 0);
    return Math.abs(sum - whole.value) <= 0.02 * whole.value;
  };
  // (figures by kind and unit, sorted by size: which one other figure is near a figure's size, found
  // by two binary searches, built only when a pair gets that far)
  let bySize: SizeIndex | undefined;
  const sizes = () => (bySize ??= new SizeIndex(qs));
  // (sums of money by currency and rate, "EUR kilogram": how many a text gives at each, counted once)
  const perSame = (q: Quantity) => sameRate(reading(q, text).rate);
  let rated: Map<string, number> | undefined;
  const atRate = () => {
    if (!rated) {
      rated = new Map();
      for (const q of qs) {
        const r = q.kind === 'amount' && /^[A-Z]{3}$/.test(q.unit) ? perSame(q) : null;
        if (r !== null) rated.set(`${q.unit} ${r}`, (rated.get(`${q.unit} ${r}`) ?? 0) + 1);
      }
    }
    return rated;
  };
  // (the things one deed is done to: one kind of thing, or people both, not opposites)
  const sameThing = (p: string, q: string) => sameKind(p, q) || (peopleNoun(p) === 'person' && peopleNoun(q) === 'person' && !opposites(p, q));
  for (const b of qs) {
    if (b.kind === 'ordinal') continue;
    const key = `${b.kind}:${b.unit}`;
    const earlier = byKey.get(key) ?? [];
    // The figure a restatement of b points back at, worked out once for b.
    let nearest: number | undefined;
    const nearestX = () => (nearest ??= nearestOfSize(earlier, b, text));
    // (whether b has exactly one earlier figure of its kind and unit to point back at, worked out once for b)
    let sole: boolean | undefined;
    const soleEarlier = () => (sole ??= earlier.filter((q) => q.sentence !== b.sentence && !isProspective(q, text)).length === 1);
    // Whether b has one other figure of its kind and unit near its size in the whole text (1.5x),
    // and which: the only figure a definite mention could be told again of.
    let lone: Quantity | null | undefined;
    const loneOther = () => (lone !== undefined ? lone : (lone = sizes().lone(b)));
    // "Delgado's 53 percent showing": a percentage a name owns points back at the last one told
    // of that name (the same measure, when it names one), worked out once for b.
    let owned: Quantity | null | undefined;
    const ownedEarlier = () => {
      if (owned !== undefined) return owned;
      const owner = b.kind === 'percent' && b.definite ? POSSESSIVE_NAME.exec(text.slice(b.start, b.end))?.[1]?.toLowerCase() : undefined;
      owned = owner === undefined ? null : (earlier.filter((q) => q.sentence !== b.sentence && q.names.includes(owner) && !polled(q, text) && reading(q, text).change === null).at(-1) ?? null);
      // (what b names, not who said it: "analyst@praise" is no measure)
      const measures = b.keys.filter((k) => !k.includes('@'));
      if (owned && measures.length > 0 && !measures.some((k) => owned!.keys.includes(k))) owned = null;
      return owned;
    };
    // (a count done by one deed as an earlier one, "arrested nine suspects" / "Of the seven men
    // detained", is that one's, not a nearer count's of the same noun done otherwise, "eight armed men")
    let deedOf: Quantity | null | undefined;
    const deedPartner = () => {
      if (deedOf !== undefined) return deedOf;
      const found = b.kind === 'count' && b.head !== null ? earlier.slice(Math.max(0, earlier.length - WINDOW)).filter((q) => q.kind === 'count' && q.sentence !== b.sentence && Math.max(q.value, b.value) / Math.min(q.value, b.value) <= 1.5 && sameDeed(q, b, text, sameThing, apart === undefined)) : [];
      return (deedOf = found.length === 1 ? found[0]! : null);
    };
    for (let x = earlier.length - 1; x >= 0 && x >= earlier.length - WINDOW; x--) {
      const a = earlier[x]!;
      if (apart?.(a, b)) continue;
      if (apart === undefined && a.kind === 'count' && deedPartner() !== null && deedPartner() !== a) continue;
      // ("evacuated 3,400 people" / "4,100 evacuees": the other's noun names who the verb acted on)
      const actedOn = (x: Quantity, y: Quantity) => x.frame.verb !== null && y.head !== null && x.head !== null && peopleNoun(x.head) !== null && derivedFrom(y.head, x.frame.verb);
      // (the cheap tests first: most pairs part on their values)
      const lo = Math.min(a.value, b.value);
      // (one and two of a thing are too common to be one count told twice: "one lever" / "the two levers")
      if (a.kind === 'count' && Math.max(a.value, b.value) <= 2) continue;
      // (what was done during a sitting cannot outlast it, however far apart: both lengths within half a day)
      const sitting = a.kind === 'duration' && b.value > a.value && b.value <= 12 && a.value > 0;
      if (lo <= 0 || (Math.max(a.value, b.value) / lo > MAX_RATIO && !sitting) || agree(a, b, a.paragraph !== b.paragraph) || boundKept(a, b)) continue;
      const event =
        a.kind === 'count' && !pointsBackAt(b) && a.head !== null && b.head !== null &&
        x === nearestX() && (a.head === b.head || sameKind(a.head, b.head) || actedOn(a, b) || actedOn(b, a));
      // "arrested 14 protesters" / "17 protesters were arrested": one deed done to one kind of thing.
      // (of the earlier counts of that deed, the closest in size: "the seven men detained" points back at
      // "arrested nine suspects", not at "eight armed men" who did something else)
      const ratioTo = (q: Quantity) => Math.max(q.value, b.value) / Math.max(1e-9, Math.min(q.value, b.value));
      const deed =
        a.kind === 'count' && Math.max(a.value, b.value) / lo <= 1.5 &&
        sameDeed(a, b, text, sameThing, apart === undefined) &&
        !earlier.slice(Math.max(0, earlier.length - WINDOW)).some((q) => q !== a && q.kind === 'count' && q.sentence !== b.sentence && ratioTo(q) < ratioTo(a) && sameDeed(q, b, text, sameThing, apart === undefined));
      // "The hearing lasted about 40 minutes" ... "The judges questioned counsel for more than an hour":
      // what people did during it cannot outlast it.
      const overrun = a.kind === 'duration' && interval(b)[0] > interval(a)[1] && activityWithin(a, b, text, qs);
      if (!overrun && Math.max(a.value, b.value) / lo > MAX_RATIO) continue;
      const why = whyApart(a, b, text, echoes, { event, deed }, sumOfParts);
      if ((why !== null && !(overrun && (why === 'a comparison' || why === 'too far apart in size'))) || known.has(`${a.start}:${b.start}`)) continue;
      const common = shared(a, b, text, reading(a, text).change !== null);
      const informative = (n: string | null): n is string => n !== null && !UNINFORMATIVE.has(n);
      // The same thing named twice, or named once and done once: "sold for $18.4 million" / "the $21.4 million sale".
      // (not the doers of a deed against a count of other things it was done in or to: "who played in six
      // finals" / "The 11 players")
      const doersOfOther = (x: Quantity, y: Quantity) => x.kind === 'count' && informative(x.head) && peopleNoun(x.head) === null && y.head !== null && peopleNoun(y.head) === 'person';
      const heads =
        (informative(a.head) && informative(b.head) && sameKind(a.head, b.head)) ||
        (informative(b.head) && a.frame.verb !== null && !doersOfOther(a, b) && namesDeed(b.head, a.frame.verb)) ||
        (informative(a.head) && b.frame.verb !== null && !doersOfOther(b, a) && namesDeed(a.head, b.frame.verb));
      const pointsBack = pointsBackAt(b);
      // "the 90-minute disruption" after "the outage lasted about three hours": a length named as a
      // compound points back at the length just given, when nothing else was timed in between.
      const lengthRestated =
        a.kind === 'duration' && pointsBack && COMPOUND_LENGTH.test(text.slice(b.start, b.end)) && isLengthOf(a, text) &&
        !qs.some((q) => q.kind === 'duration' && q.start > a.end && q.end < b.start);
      // "The 2.9 million euro penalty" after "fined ... 2.4 million euros": a definite amount named
      // with its noun points back at the nearest earlier amount in that currency when the two are
      // close in size and no other amount near that size came between.
      const amountRestated =
        a.kind === 'amount' && b.definite && !MULTIPLIER_WORD.test(/\S+$/.exec(text.slice(b.start, b.end))?.[0] ?? '') && COMPOUND_AMOUNT.test(text.slice(b.start, b.end)) && x === nearestX() &&
        Math.max(a.value, b.value) / Math.min(a.value, b.value) <= 1.5;
      // "the 50-microgram shot" after "a single 30-microgram dose": a definite physical measure named
      // with its unit points back at the one earlier measure of that dimension (no currency: an
      // article gives many sums of money).
      const measureRestated =
        a.kind === 'amount' && a.unit !== '' && !/^[A-Z]{3}$/.test(a.unit) && b.definite && COMPOUND_AMOUNT.test(text.slice(b.start, b.end)) &&
        soleEarlier();
      // "the 4,100 evacuees" after "forced 3,400 people from their homes": a definite count of the
      // same kind of thing (people included), close in size, nothing nearer between.
      // "the confirmed toll stood at nine" after "killing at least 11 people": a number noun with
      // nothing after it points back at the nearest count of its size.
      const countRestated =
        a.kind === 'count' && (pointsBackAt(b) || allOfBody(a, b)) && a.head !== null && b.head !== null && x === nearestX() &&
        Math.max(a.value, b.value) / Math.min(a.value, b.value) <= 1.5 &&
        (a.head === b.head || sameKind(a.head, b.head) || b.shell || a.shell || samePeople(a.head, b.head) || namedByModifier(a, b) || namedByModifier(b, a) ||
          // ("sickened 241 passengers" / "the 226 passenger cases": the other's modifier names whom it
          // counts, and its noun what befell them, not what they have: "the 226 passenger cabins")
          (peopleNoun(a.head) === 'person' && b.mods.includes(a.head) && befalls(b.head)) ||
          // ("its crew of 23" / "All 25 seafarers": a body and its members)
          (bodyOfPeople(a.head) && peopleNoun(b.head) === 'person') || (bodyOfPeople(b.head) && peopleNoun(a.head) === 'person') ||
          // ("31 of the council's 55 members" / "the 57-seat chamber": a body's members are its seats)
          seatsOfBody(a, b, text) || seatsOfBody(b, a, text));
      // "About 2,000 people attended the rally" / "the crowd of 3,500": a gathering and its people, told
      // twice further apart than any rounding (within 2x), with no count nearer in size between.
      const gatheringRestated =
        !countRestated && a.kind === 'count' && pointsBackAt(b) && a.head !== null && b.head !== null && samePeople(a.head, b.head) &&
        Math.max(a.value, b.value) / lo <= 2 && !earlier.slice(x + 1).some((q) => q.kind === 'count' && q.head !== null && peopleNoun(q.head) !== null && Math.abs(Math.log(q.value / b.value)) <= Math.abs(Math.log(a.value / b.value)));
      const happening = event && sameHappening(a, b) && Math.max(a.value, b.value) / Math.min(a.value, b.value) <= 1.5;
      // "The unemployment rate was 4.1 percent in June" / "The jobless rate of 4.4 percent": two levels of one measure.
      const levelRestated =
        a.kind === 'percent' && a.unit === '%' && Math.max(a.value, b.value) / lo <= 1.5 && reading(a, text).change === null && sameMeasure(a, b, text);
      // "the 58 percent drop" after "cut admissions by 62 percent": a change named as a definite noun
      // points back at the nearest earlier change of the same sense, close in size, when no other
      // change came between.
      const changeRestated =
        a.kind === 'percent' && b.definite && reading(b, text).change !== null && reading(b, text).change === reading(a, text).change &&
        // (the change noun after the figure, or the figure's own head: "The 14 percent increase in members")
        (NOMINAL_CHANGE.test(text.slice(b.end, b.end + 40)) || (b.head !== null && NOMINAL_CHANGE.test(b.head))) && x === nearestX() && Math.max(a.value, b.value) / lo <= 1.5 &&
        !earlier.slice(x + 1).some((q) => reading(q, text).change !== null);
      // "the 84 percent" after "87 percent", "the 155-minute epic" after "runs 2 hours and 48 minutes",
      // "the three labourers killed" after "killed two scaffolders": a definite figure and the one
      // other figure of its kind and unit near its size in the text, nothing keeping them apart, are
      // one figure told twice (counts: of one kind of thing, or of people both).
      const soleRestated =
        apart === undefined && (DEFINITE_FIGURE.test(text.slice(a.start, a.end)) || DEFINITE_FIGURE.test(text.slice(b.start, b.end))) && a === loneOther() && Math.max(a.value, b.value) / lo <= SOLE_RATIO &&
        // (a change with another change told between them may name either: "cut delays by 30 percent.
        // Fares rose 12 percent. ... the 45 percent fall")
        !(reading(b, text).change !== null && qs.some((q) => q.kind === b.kind && q.start > a.end && q.end < b.start && reading(q, text).change !== null)) &&
        // (people named by different nouns: the same act, or figures within a quarter: "forced 800 residents
        // from their homes" is not "the 1,100 evacuees")
        (a.kind !== 'count' || (a.head !== null && b.head !== null && (sameKind(a.head, b.head) || (peopleNoun(a.head) !== null && peopleNoun(b.head) !== null && (Math.max(a.value, b.value) / lo <= 1.25 || (a.frame.verb !== null && a.frame.verb === b.frame.verb))))));
      // "The 31-kilometre route" ... "The 12-mile hop": a physical measure written again in another unit
      // of its dimension, when each is the other's one measure of that dimension near its size (a
      // conversion written beside either is a second measure near it).
      const unitSwitched =
        apart === undefined && a.kind === 'amount' && a.written !== undefined && b.written !== undefined && a.written.unit !== b.written.unit &&
        a.sentence !== b.sentence && a === loneOther() && sizes().lone(a) === b;
      // "The 31-kilometre route to Westray" ... "The 12-mile hop to Westray": a physical measure written
      // again in another unit of its dimension, pointing back, named by the same name
      const namedAgain =
        apart === undefined && a.kind === 'amount' && a.unit !== '' && !/^[A-Z]{3}$/.test(a.unit) && a.written !== undefined && b.written !== undefined && a.written.unit !== b.written.unit &&
        a.sentence !== b.sentence && pointsBack && a.names.some((n) => b.names.includes(n));
      const nameRestated = a.kind === 'percent' && a === ownedEarlier() && reading(b, text).change === null;
      // "About 60 percent of tours sighted a humpback" / "barely one in four trips saw a humpback",
      // "a fifth of connections come from visitors" / "Visitors, who account for roughly 45 percent of
      // connections": one share of one whole, held by one party, told twice.
      const share = a.kind === 'percent' ? sameShare(a, b, text) : null;
      // ("five bone tools" / "these two different sites", "one pellet" / "the two levers": counts of
      // things of different kinds are two counts, whatever words their sentences share)
      const otherThings =
        a.kind === 'count' && informative(a.head) && informative(b.head) && !sameKind(a.head, b.head) && !(peopleNoun(a.head) !== null && peopleNoun(b.head) !== null) && !namedByModifier(a, b) && !namedByModifier(b, a);
      const byContext = !otherThings && ((common.length >= 1 && pointsBack) || common.length >= 2);
      // "sells for €18 a kilo to restaurants" / "at €24 per kilogram", "costs about CHF 120,000 each
      // summer" / "which costs CHF 90,000 a season": the two sums in one currency at one rate, and no
      // other at that rate, are one price told twice.
      const rate = a.kind === 'amount' && /^[A-Z]{3}$/.test(a.unit) ? perSame(a) : null;
      const rateRestated = apart === undefined && rate !== null && a.sentence !== b.sentence && rate === perSame(b) && Math.max(a.value, b.value) / lo <= SOLE_RATIO && atRate().get(`${a.unit} ${rate}`) === 2;
      if (share === null && !rateRestated && !soleRestated && !nameRestated && !lengthRestated && !amountRestated && !measureRestated && !unitSwitched && !namedAgain && !changeRestated && !countRestated && !gatheringRestated && !overrun && !happening && !deed && !levelRestated && !(heads && (pointsBack || common.length > 0)) && !byContext) continue;
      let what = heads ? (b.head ?? a.head!) : levelRestated ? `${measuredOf(a, text)!.join(' ')} rate` : (common[0] ?? b.head ?? a.head ?? 'figure');
      if (gatheringRestated) what = 'person';
      // ("a crew of 12" / "the 14-strong crew": the size of one body, not a number of crews)
      const body = b.kind === 'count' && a.head === b.head && b.head !== null && /-strong\b/.test(text.slice(b.start, b.end));
      if (b.kind === 'count' && !body) what = plural(what);
      const kind = b.kind as Conflict['kind'];
      out.push({
        kind,
        a,
        b,
        explanation: share !== null && !heads && !levelRestated && !soleRestated
          ? `Both give the share of ${plural(share.whole)} that is ${share.party}'s: "${text.slice(a.start, a.end)}" (${show(a)}) vs "${text.slice(b.start, b.end)}" (${show(b)}).`
          : changeRestated && common.length === 0 && !heads
          ? `"${text.slice(b.start, b.end)}" names the ${reading(b, text).change === 'up' ? 'rise' : 'fall'} given just before as "${text.slice(a.start, a.end)}": ${show(a)} vs ${show(b)}, with no other change between.`
          : rateRestated && !heads
          ? `Both give the price a ${rate}, the only two sums in ${a.unit} at that rate: "${text.slice(a.start, a.end)}" (${show(a)}) vs "${text.slice(b.start, b.end)}" (${show(b)}).`
          : unitSwitched && !heads && common.length === 0
          ? `"${text.slice(b.start, b.end)}" gives again, in another unit, the one ${a.unit} near its size told before: "${text.slice(a.start, a.end)}" (${show(a)}) vs ${show(b)}.`
          : namedAgain && !heads && common.length === 0
          ? `Both give, in two units, the ${a.head ?? 'measure'} named with ${titleCase(a.names.find((n) => b.names.includes(n))!)}: "${text.slice(a.start, a.end)}" (${show(a)}) vs "${text.slice(b.start, b.end)}" (${show(b)}).`
          : overrun
          ? `What was done during the ${a.head} cannot outlast it: the ${a.head} lasted "${text.slice(a.start, a.end)}" (${show(a)}), but "${text.slice(b.start, b.end)}" (${show(b)}) is given for what happened in it.`
          : `Both give the ${body ? 'size of the' : (WHAT[kind] ?? '')} ${what}: "${text.slice(a.start, a.end)}" (${show(a)}) vs "${text.slice(b.start, b.end)}" (${show(b)}).`,
      });
      break;
    }
    earlier.push(b);
    byKey.set(key, earlier);
  }
  return out;
}

/** A noun whose commonest sense is an attribute (WordNet's noun.attribute): "age", "height". */
function attributeNoun(noun: string | null): boolean {
  return noun !== null && wordnet()?.synsets(noun, 'n')[0]?.lexfile === 7;
}

/** "westray" -> "Westray", "new york" -> "New York". */
function titleCase(name: string): string {
  return name.replace(/(^|\s)(\p{Ll})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());
}

// (for derived.ts: what a figure is about, and how it reads)
export { about as figureAbout, reading as percentReading, show as showFigure };
