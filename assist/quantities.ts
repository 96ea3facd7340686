// Quantity mentions in a sentence: counts ("at least five phone conversations"), ranks ("the
// sixth conversation"), amounts ("4.2 million pounds", "a 6.5-kilometre extension"), percentages
// and durations ("a debate that lasted nearly five hours", "the three-hour session"), each with
// what it is about (referent), the clause around it, its time scope and the words that make it a
// comparison, a plan or a subset rather than a plain statement of fact.

import currencyCodes from 'currency-codes';
import type { AssistDoc } from './document';
import {
  COMPARISON,
  COPULA_LIKE,
  CURRENCY_SYMBOLS,
  currencyOfWord,
  DAY_PARTS,
  DEFINITE,
  HEDGES,
  MEASURE_UNITS,
  RATE_ADJECTIVES,
  MONTHS,
  NATIONAL_CURRENCIES,
  QUALIFIERS,
  QUALIFIED_UNITS,
  referentClass,
  SHELL_NOUNS,
  SUBSET,
  TIME_UNITS,
  TOTALITY,
  WEEKDAYS,
  type Approx,
} from './lexicon';
import { isPlaceName, singular, wordNumberValue, type Tok } from './nlp';
import { FRACTION_NUMERATORS, FRACTIONS, fractionOfMultiplier, numberValueAt, orAfter, type NumberAt } from './numerals';
import { chunkBounds, frameOf, nounLemma, nounPhraseAfter, nounPhraseBefore, pluralOfNoun, subjectBefore, verbLemma, type Frame, type NounPhrase } from './referents';
import { findScopes, scopeFor, type Scope } from './scope';
import { wordnet } from './wordnet';
import { breaksAfter, chunkIds, has, hyphenJoined, isAdverbLike, isAuxiliary, isCopula, isDeterminer, isNounLike, isNounTok, isNumberTok, isPronoun, isVerbTok } from './tokens';

export type QuantityKind = 'count' | 'ordinal' | 'amount' | 'percent' | 'duration';

export interface Quantity {
  kind: QuantityKind;
  /** Durations in hours, measures in the dimension's base unit, money in currency units. */
  value: number;
  /** '' for counts and ranks, '%' or 'pp', a currency code, 'h', or a measure's dimension. */
  unit: string;
  approx: Approx;
  /** The low end of a range the figure closes ("between 3,500 and 4,500 residents": 3,500). */
  floor?: number;
  /** Document offsets of the phrase ("at least five phone conversations"). */
  start: number;
  end: number;
  sentence: number;
  paragraph: number;
  chunk: number;
  /** Head noun lemma and its class (near-synonyms share a class), and modifier lemmas. */
  head: string | null;
  cls: string | null;
  mods: string[];
  /** For each modifier, its verb lemma if it is a participle ("completed homes" -> complete), else ''. */
  modVerbs: string[];
  /** Nouns the number is about, for percentages and amounts (head, object, "of X"); a subject as "noun@verb". */
  keys: string[];
  definite: boolean;
  /** Definite by an owner's possessive after a determiner ("the factory's 48 employees"): within one
   *  text it points back as "the 48 employees" would; across documents it names no mention told before. */
  owned?: true;
  totality: boolean;
  subset: boolean;
  /** "a day", "per year" */
  rate: string | null;
  /** Votes in favour or against. */
  polarity: 'for' | 'against' | null;
  /** "the 72 percent figure": refers back to a number given before. */
  shell: boolean;
  frame: Frame;
  hedged: boolean;
  /** Hedged by a modal alone ("will", "would", "may"), not by a word of planning, forecasting or wanting. */
  modal?: boolean;
  compared: boolean;
  scope: Scope | null;
  /** Day-level time anchors of the sentence (weekdays, dates, parts of the day). */
  anchors: string[];
  /** Names in the mention's clause ("in France", "support for Smith"): different names, different things. */
  names: string[];
  /** Common-noun lemmas of the mention's clause besides its number: what a restatement must share. */
  context: string[];
  /** One of three or more figures of its kind in its sentence: a list of results, shares, tallies. */
  listed: boolean;
  /** For a count glued to its noun ("the 45-seat council"): what it is the size of (council). */
  whole: string | null;
  /** The whole of a part given with it: the 39 in "won 11 of the 39 seats". */
  ofWhole: boolean;
  /** A figure required or needed ("the 20 seats needed for a majority"): a threshold, not a count of what is. */
  required: boolean;
  /** The place a sentence opens with ("In neighbouring Westbury, ..."), lower case, if any. */
  place: string | null;
  /** For a measure, the unit it was written in and half the step of its last written digit, in the
   *  dimension's base unit ("160 hectares": hectare, 50,000 m²): how far a conversion may round. */
  written?: { unit: string; grain: number; spelled?: true };
}

/** Half the place value of the last significant digit a number was written with: "160" 5, "1,850" 5, "66.90" 0.005, "9" 0.5. */
function writtenGrain(text: string, value: number): number {
  const digits = /\d[\d,]*(?:\.\d+)?/.exec(text)?.[0]?.replace(/,/g, '');
  if (!digits) {
    // (in words: "thirty" steps by ten, "nine" by one)
    let step = 1;
    while (value >= step * 10 && value % (step * 10) === 0) step *= 10;
    return step / 2;
  }
  const dot = digits.indexOf('.');
  if (dot >= 0) return 0.5 * 10 ** -(digits.length - dot - 1);
  const zeros = /0*$/.exec(digits)![0].length;
  return zeros === digits.length ? 0.5 : 0.5 * 10 ** zeros;
}

export interface SentenceContext {
  /** Reference month: year * 12 + month - 1. */
  refMonth: number;
  /** Document ranges of dates (numbers inside are not quantities). */
  dateRanges: ReadonlyArray<readonly [number, number]>;
  /** Document ranges of header dates (not anchors). */
  headerRanges: ReadonlyArray<readonly [number, number]>;
}

const TALLY_VERBS = new Set(['vote', 'pass', 'approve', 'adopt', 'reject', 'defeat', 'carry', 'back', 'endorse', 'overturn', 'uphold', 'ratify', 'elect', 'confirm']);
const AGAINST_FIRST = new Set(['reject', 'defeat', 'overturn']);
const DURATION_VERBS = new Set(['last', 'take', 'spend', 'run', 'stretch', 'continue', 'drag']);
const NOT_REFERENTS = new Set(['time', 'point', 'per', 'percent', 'cent', 'th', 'st', 'nd', 'rd', 'to', 'of', 'other', 'more', 'way', 'thing', 'lot', 'bit', 'part', 'half']);
const CHANGE_VERBS = new Set(['rise', 'fall', 'increase', 'decrease', 'climb', 'drop', 'grow', 'jump', 'decline', 'surge', 'slump', 'soar', 'plunge', 'raise', 'cut', 'reduce', 'lower', 'boost', 'shrink', 'swell', 'double', 'halve']);
/** Words that open a new clause inside a chunk (for the reach of a hedge). */
const CLAUSE_STARTS = new Set(['that', 'which', 'who', 'after', 'before', 'because', 'since', 'when', 'while', 'although', 'though', 'until', 'as', 'and', 'but', 'or']);
/** Verbs that with "for" ask for a figure rather than report it. */
const DEMAND_VERBS = new Set(['call', 'push', 'press', 'lobby', 'campaign', 'argue', 'ask', 'appeal']);
const MODALS = new Set(['will', 'would', 'could', 'might', 'may']);
/** "stood at nine", "was put at 40": a level given with "at". */
const LEVEL_AT_VERBS = new Set(['stand', 'put', 'peg', 'place', 'set', 'estimate', 'remain', 'hold', 'sit']);
/** "the toll reached 12", "the total was 30": a level given directly. */
const LEVEL_VERBS = new Set(['reach', 'total', 'hit', 'top', 'number', 'be', 'exceed']);
const ISO_CODES: ReadonlySet<string> = new Set(currencyCodes.codes());
/** An ISO 4217 code at token i ("DKK", "EUR", "GEL"), in a sentence not set in capitals; else null. */
function isoCurrency(toks: readonly Tok[], i: number): string | null {
  const t = toks[i];
  if (!t || !/^[A-Z]{3}$/.test(t.text) || !ISO_CODES.has(t.text)) return null;
  const near = toks.slice(Math.max(0, i - 4), i + 5).filter((x) => /\p{L}/u.test(x.text));
  return near.some((x) => /\p{Ll}/u.test(x.text)) ? t.text : null;
}

const POUND_WEIGHT: readonly [string, number] = ['mass', 0.45359237];
const WEIGHING = /\b(?:weigh(?:s|ed|ing|t|ts)?|weigh-in|tip(?:s|ped)? the scales|lbs?)\b[^.!?]{0,60}?\d[\d,.]*[\s-]*pounds?\b|\d[\d,.]*[\s-]*pounds?\s+(?:heavy|in weight)\b/i;
const STERLING = /£|\bpounds?\s+sterling\b|\bGBP\b|\bpence\b|\bpounds?\s+(?:a|per)\s+(?:week|month|year|hour|head)\b/i;
/** "weighed 500 pounds", "tipped the scales at 2,312 pounds": a weight, whatever else the text gives. */
const WEIGHED_BEFORE = /\b(?:weigh(?:s|ed|ing)?|tip(?:s|ped)? the scales at|weighed in at)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|just\s+(?:over|under)\s+|more than\s+)?$/i;
/** WordNet's lexicographer files of things weighed: animals, artifacts, food, objects, plants, substances. */
const WEIGHED_STUFF: ReadonlySet<number> = new Set([5, 6, 13, 17, 20, 27]);
/**
 * "620 pounds of syrup", "40 pounds of scrap copper": pounds of a thing WordNet files as food, a
 * substance, a plant, an animal or an object are a weight, in a text with no sign of sterling.
 */
function poundsOfStuff(toks: readonly Tok[], j: number, text: string): boolean {
  if (toks[j + 1]?.norm !== 'of' || STERLING.test(text)) return false;
  for (let x = j + 2; x <= j + 4 && x < toks.length; x++) {
    const t = toks[x]!;
    if (isDeterminer(t) || !isNounTok(t) || (isNounTok(toks[x + 1]) && !breaksAfter(t))) continue;
    const first = wordnet()?.synsets(nounLemma(t), 'n')[0];
    return first !== undefined && WEIGHED_STUFF.has(first.lexfile);
  }
  return false;
}

const LABEL_NOUNS = new Map<string, boolean>();
/** A singular noun a number before it names rather than counts: its commonest sense is no group, animal or person (WordNet). */
function labelNoun(lemma: string): boolean {
  let known = LABEL_NOUNS.get(lemma);
  if (known === undefined) {
    const first = wordnet()?.synsets(lemma, 'n')[0];
    known = first !== undefined && ![5, 14, 18].includes(first.lexfile);
    LABEL_NOUNS.set(lemma, known);
  }
  return known;
}

/** A noun whose commonest WordNet sense is an act, a talk, an event or a gathering (noun files 4, 10, 11, 14): "call", "hearing", "match", "meeting". */
function actLike(t: Tok | undefined): boolean {
  if (!t || !isNounTok(t)) return false;
  const first = wordnet()?.synsets(nounLemma(t), 'n')[0];
  return first !== undefined && [4, 10, 11, 14].includes(first.lexfile);
}

/** A person or an animal: a people's name, or a noun one of whose two commonest WordNet senses is ("baby", "bear"). */
function poundsOfBeing(t: Tok | undefined): boolean {
  if (!t || !isNounTok(t)) return false;
  // (a people's name: "the 262-pound Estonian")
  if (has(t, 'Demonym')) return true;
  return (wordnet()?.synsets(nounLemma(t), 'n').slice(0, 2) ?? []).some((x) => x.lexfile === 5 || x.lexfile === 18);
}

const poundTexts = new Map<string, boolean>();
/** Whether a text's pounds are weights: it weighs something in pounds and gives no sign of sterling (one sense per text). */
function poundsWeigh(text: string): boolean {
  let r = poundTexts.get(text);
  if (r === undefined) {
    r = WEIGHING.test(text) && !STERLING.test(text);
    if (poundTexts.size > 64) poundTexts.clear();
    poundTexts.set(text, r);
  }
  return r;
}

const CURRENCIES = new Map<string, string | null>();
/**
 * A currency CURRENCY_WORDS lacks, from WordNet: a noun whose commonest sense is a monetary unit
 * ("80 lari", "2,000 kwacha", "a fine of 500 birr"), its code the word itself. Not a fraction of
 * one ("cents", "pence").
 */
function worldCurrency(lemma: string): string | null {
  let code = CURRENCIES.get(lemma);
  if (code === undefined) {
    code = null;
    const wn = wordnet();
    const first = wn && /^\p{Ll}{3,}$/u.test(lemma) ? wn.synsets(lemma, 'n')[0] : undefined;
    if (wn && first) {
      const up = wn.reach([first], ['@', '@i'], 6).flatMap((s) => s.words);
      if (up.includes('monetary_unit') && !up.includes('fractional_monetary_unit')) code = lemma.toUpperCase();
    }
    CURRENCIES.set(lemma, code);
  }
  return code;
}

const RELATIVE_TIME = new Set(['ago', 'later', 'earlier', 'before', 'after', 'old', 'since', 'hence', 'prior']);

function inRanges(ranges: ReadonlyArray<readonly [number, number]>, a: number, b: number): boolean {
  for (const [s, e] of ranges) if (a < e && b > s) return true;
  return false;
}

function lemmas(toks: readonly Tok[], idxs: readonly number[]): string[] {
  return idxs.map((x) => nounLemma(toks[x]!)).filter((w) => w.length > 0);
}

/** Qualifier ("at least", "nearly") and determiner ("the", "all") before token `first`. */
/** Words that put an act ahead of the text's time ("will run the course in", "is due to leave in"). */
const AHEAD_WORDS: ReadonlySet<string> = new Set(['will', 'would', 'shall', 'could', 'can', 'to', 'expected', 'due']);

function leftContext(toks: readonly Tok[], first: number): { approx: Approx; definite: boolean; owned?: true; totality: boolean; subset: boolean; start: number; before: number; floor?: number } {
  let b = first - 1;
  let start = first;
  let approx: Approx = 'exact';
  let definite = false;
  let totality = false;
  let subset = false;
  const norm = (k: number): string => toks[k]?.norm ?? '';
  // ("every one of", "each of", "all of" before the owner: all of them)
  const allOf = (k: number) => norm(k) === 'each' || norm(k) === 'all' || (norm(k) === 'one' && norm(k - 1) === 'every');
  for (const [words, a] of QUALIFIERS) {
    const n = words.length;
    let ok = b - n + 1 >= 0;
    for (let x = 0; ok && x < n; x++) if (norm(b - n + 1 + x) !== words[x]) ok = false;
    if (ok) {
      // "an estimated 40 million" - the qualifier may itself follow a determiner.
      approx = a;
      start = b - n + 1;
      b = start - 1;
      break;
    }
  }
  // ("that" before a number is usually a complementizer: "adding that seven trucks ...")
  // ("Aamodt's 66.90-metre winning mark", "Delgado's 53 percent showing": a name's possessive is a determiner too)
  const possessiveName = b >= 0 && /^\p{Lu}/u.test(toks[b]!.text) && /['’]s$/.test(toks[b]!.text) && has(toks[b], 'Possessive');
  // ("the factory's 48 employees", "the arena's 4,800 seats": a definite owner's possessive too; not a
  // period's, "this year's 18 new works", which says when, not whose)
  const ownerPossessive =
    !possessiveName && b >= 1 && /['’]s$/.test(toks[b]!.text) && has(toks[b], 'Possessive') && DEFINITE.has(norm(b - 1)) && norm(b - 1) !== 'that' && !TIME_UNITS.has(singular(norm(b).replace(/['’]s$/, ''))) &&
    // (nor the whole of a share, "31 of the council's 55 members", read with the share; but "every one
    // of the arena's 4,800 seats", "each of the club's 80 members" are all of them)
    (norm(b - 2) !== 'of' || allOf(b - 3));
  if (ownerPossessive) {
    definite = true;
    start = b - 1;
    b -= 2;
    if (norm(b) === 'of' && allOf(b - 1)) totality = true;
  } else if (norm(b) === 'the' || (DEFINITE.has(norm(b)) && norm(b) !== 'that') || possessiveName) {
    definite = true;
    start = b;
    b--;
  }
  // "the new 35-minute journey": one adjective between the determiner and the number.
  if (!definite && DEFINITE.has(norm(b - 1)) && norm(b - 1) !== 'that' && has(toks[b], 'Adjective') && !has(toks[b], 'Ordinal') && !isNumberTok(toks[b]) && !SUBSET.has(norm(b)) && !TOTALITY.has(norm(b)) && !['same', 'top', 'next', 'final', 'past'].includes(norm(b)) && approx === 'exact') {
    definite = true;
    start = b - 1;
    b -= 2;
  }
  // ("In all, 65 homes": a comma ends "in all"; it is no "all 65")
  if (TOTALITY.has(norm(b)) && !breaksAfter(toks[b]!)) {
    totality = true;
    start = b;
    b--;
  } else if (norm(b) === 'of' && norm(b - 1) === 'total' && (norm(b - 2) === 'a' || norm(b - 2) === 'the')) {
    totality = true;
    start = b - 2;
    b -= 3;
  } else if (SUBSET.has(norm(b)) && !definite) {
    subset = true;
  } else if (norm(b) === 'a' || norm(b) === 'an') {
    start = b;
    b--;
  }
  if (definite && SUBSET.has(norm(first - 1)) && !toks[first - 1]?.tags.has('Value')) subset = true;
  // "between 3,500 and 4,500 residents": the figure closes a range (its low end read as written)
  if (approx === 'exact' && !definite && norm(b) === 'and' && norm(b - 2) === 'between' && toks[b - 1] && isNumberTok(toks[b - 1]!)) {
    const low = /^\d[\d,]*(?:\.\d+)?$/.test(toks[b - 1]!.text) ? Number(toks[b - 1]!.text.replace(/,/g, '')) : wordNumberValue(norm(b - 1));
    if (low !== null && Number.isFinite(low)) return { approx, definite, ...(ownerPossessive ? { owned: true as const } : {}), totality, subset, start: b - 2, before: b - 3, floor: low };
  }
  return { approx, definite, ...(ownerPossessive ? { owned: true as const } : {}), totality, subset, start, before: b };
}

/** Day-level anchors of a sentence: weekdays, parts of the day, dates (outside header dates). */
function sentenceAnchors(toks: readonly Tok[], ctx: SentenceContext): string[] {
  const out: string[] = [];
  for (const t of toks) {
    if (inRanges(ctx.headerRanges, t.start, t.end)) continue;
    if (WEEKDAYS.includes(t.norm) || DAY_PARTS.has(t.norm)) out.push(t.norm);
  }
  // "on its first day", "in the second week": an ordinal day of a run of them.
  for (let x = 0; x + 1 < toks.length; x++) {
    const u = nounLemma(toks[x + 1]!);
    if (has(toks[x], 'Ordinal') && (u === 'day' || u === 'night' || u === 'week') && toks[x + 1]!.norm === u) out.push(`${toks[x]!.norm} ${u}`);
  }
  for (const [s, e] of ctx.dateRanges) {
    if (inRanges(ctx.headerRanges, s, e)) continue;
    if (toks.length && s >= toks[0]!.start && e <= toks[toks.length - 1]!.end) out.push(`date:${s}`);
  }
  return out;
}

/** The noun phrase a duration or amount describes when the unit is attached to it: "three-hour session", "week-long walkout". */
function attachedPhrase(toks: readonly Tok[], unitIdx: number): NounPhrase | null {
  let j = unitIdx + 1;
  if (toks[j]?.norm === 'long' && (hyphenJoined(toks[unitIdx]!) || toks[unitIdx]!.post === ' ')) j++;
  else if (!hyphenJoined(toks[unitIdx - 1] ?? toks[unitIdx]!) && !hyphenJoined(toks[unitIdx]!)) return null;
  // "the 3.6-tonne-per-hectare average yield": a rate glued into the compound; the noun follows it.
  if (hyphenJoined(toks[unitIdx]!) && toks[j]?.norm === 'per' && hyphenJoined(toks[j]!) && toks[j + 1]) j += 2;
  const np = nounPhraseAfter(toks, j);
  if (np) return np;
  // "the 90-minute hearing had been": an -ing word the tagger read as a verb names the event.
  const t = toks[j];
  if (t && /^\p{Ll}+ing$/u.test(t.text) && !breaksAfter(toks[j - 1]!)) return { first: j, last: j, head: j, mods: [] };
  // "the 50-microgram shot used in ...", "a 40-minute drive": after a determiner and a hyphenated
  // figure only a noun can follow, so a word the tagger read as a verb is the head when WordNet has it as a noun.
  if (t && /^\p{Ll}{3,}$/u.test(t.text) && isVerbTok(t) && !breaksAfter(toks[j - 1]!) && hyphenJoined(toks[j - 2] ?? toks[j - 1]!) && determinedCompound(toks, j - 1) && (wordnet()?.synsets(t.norm, 'n').length ?? 0) > 0) {
    return { first: j, last: j, head: j, mods: [] };
  }
  return null;
}

/** The compound ending at `last` ("50-microgram", "3.6-tonne-per-hectare") opens with a determiner before its number. */
function determinedCompound(toks: readonly Tok[], last: number): boolean {
  let x = last;
  while (x > 0 && hyphenJoined(toks[x - 1]!)) x--;
  return isNumberTok(toks[x]) && isDeterminer(toks[x - 1]);
}

/** "N hours of negotiation": the phrase after "of". */
function ofPhrase(toks: readonly Tok[], unitIdx: number): NounPhrase | null {
  if (toks[unitIdx + 1]?.norm !== 'of') return null;
  let j = unitIdx + 2;
  while (isDeterminer(toks[j])) j++;
  return nounPhraseAfter(toks, j);
}

/** Nouns that name a part or point of something ("the end of a session"). */
const POSITION_NOUNS = new Set(['end', 'start', 'beginning', 'middle', 'close', 'part', 'rest', 'half', 'remainder', 'height', 'peak', 'course']);

/** The subject of a verb like "lasted": "a debate that lasted", "the call lasted". */
function subjectOfVerb(toks: readonly Tok[], v: number): NounPhrase | null {
  let k = v;
  while (k > 0 && (has(toks[k - 1], 'Auxiliary') || isAdverbLike(toks[k - 1]))) k--;
  // ("The parade is expected to last four hours": past "expected to", "set to", "due to")
  if (k > 1 && toks[k - 1]!.norm === 'to' && SCHEDULED_TO.has(toks[k - 2]!.norm)) {
    k -= 2;
    while (k > 0 && (has(toks[k - 1], 'Auxiliary') || verbLemma(toks[k - 1]!) === 'be' || isAdverbLike(toks[k - 1]))) k--;
  }
  if (k > 0 && ['that', 'which', 'who'].includes(toks[k - 1]!.norm)) {
    const np = nounPhraseBefore(toks, k - 1, { crossComma: true });
    // ("the end of a session which lasted": what lasted is the session, not its end)
    if (np && POSITION_NOUNS.has(toks[np.head]!.norm) && toks[np.head + 1]?.norm === 'of' && np.last > np.head + 1) {
      let x = np.head + 2;
      while (x < np.last && isDeterminer(toks[x])) x++;
      return { first: x, last: np.last, head: np.last, mods: [] };
    }
    return np;
  }
  return subjectBefore(toks, k);
}

/** "hourly", "monthly", "annual": an adjective of a rate and the unit it is per. */

/**
 * A rate told by an adjective: right after the figure ("the new €14.05 hourly minimum", "€120
 * monthly") or in the phrase of the noun the figure is "of" ("a monthly hazard allowance of €120").
 */
function rateWordNear(toks: readonly Tok[], first: number, last: number): string | null {
  const next = toks[last + 1];
  if (next && RATE_ADJECTIVES.has(next.norm)) return RATE_ADJECTIVES.get(next.norm)!;
  let x = first - 1;
  // (past a currency's code: "the monthly fee of DKK 2,750")
  while (x >= 0 && (isDeterminer(toks[x]) || /^(?:about|around|some|nearly|almost|just|only|over|under)$/.test(toks[x]!.norm) || /^[A-Z]{3}$/.test(toks[x]!.text))) x--;
  if (toks[x]?.norm !== 'of') return null;
  for (let y = x - 1; y >= 0 && y >= x - 4; y--) {
    const t = toks[y]!;
    if (breaksAfter(t)) break;
    const per = RATE_ADJECTIVES.get(t.norm);
    if (per) return per;
    if (isDeterminer(t)) break;
  }
  return null;
}

function rateAfter(toks: readonly Tok[], k: number): string | null {
  const a = toks[k];
  const b = toks[k + 1];
  if (!a || !b) return null;
  if (['a', 'an', 'per', 'each', 'every'].includes(a.norm) && TIME_UNITS.has(nounLemma(b))) return nounLemma(b);
  return null;
}

export interface QuantityOptions {
  ctx: SentenceContext;
}

/** "€1.2 million of the cost": the determiners of a whole a sum is taken out of. */
const PARTITIVE_DETERMINERS = new Set(['the', 'its', 'their', 'this', 'that', 'our', 'his', 'her']);

/** Every quantity mention in sentence i. */
export function sentenceQuantities(doc: AssistDoc, i: number, ctx: SentenceContext): Quantity[] {
  const toks = doc.tokens(i);
  if (toks.length === 0) return [];
  const sentence = doc.sentences[i]!;
  const chunks = chunkIds(toks);
  const scopes = findScopes(toks, ctx.refMonth);
  const inScope = new Set<number>();
  for (const s of scopes) for (let x = s.first; x <= s.last; x++) inScope.add(x);
  const anchors = sentenceAnchors(toks, ctx);
  // "At the previous election, turnout was 57 percent": the sentence is about an earlier instance.
  // ("the last election" is the one before; "the last villages" are the final ones, no earlier instance)
  // (in the mention's own chunk, or in a fronted chunk that opens the sentence)
  const pastChunks = new Set<number>();
  /** Where the words that put a chunk in the past stand (one per chunk, the first). */
  const pastAt = new Map<number, number>();
  for (let x = 0; x < toks.length; x++) {
    const n = toks[x]!.norm;
    const next = toks[x + 1]?.norm ?? '';
    const past = n === 'previous' || n === 'previously' || n === 'prior' || (n === 'earlier' && next !== 'this') || (n === 'last' && next !== '' && isNounTok(toks[x + 1]) && !has(toks[x + 1], 'Plural') && !TIME_UNITS.has(nounLemma(toks[x + 1]!)) && x > 0 && ['the', 'at', 'in'].includes(toks[x - 1]!.norm));
    if (past) {
      pastChunks.add(chunks[x]!);
      if (!pastAt.has(chunks[x]!)) pastAt.set(chunks[x]!, x);
    }
  }
  const out: Quantity[] = [];
  const norm = (k: number): string => toks[k]?.norm ?? '';
  // ("lasted about 40 minutes, after which the group withdrew": a clause about what followed the
  // figure at k, not an offset of it)
  const whichClauseAfter = (k: number): boolean => breaksAfter(toks[k]!) && norm(k + 2) === 'which';
  // "In neighbouring Westbury, Labour held 22 of the 40 seats": a place the sentence opens with
  // holds for every figure in it.
  let frontedPlace: string | null = null;
  if (['in', 'at', 'across', 'for'].includes(norm(0))) {
    for (let x = 1; x < Math.min(toks.length, 6); x++) {
      const tk = toks[x]!;
      if (/^\p{Lu}/u.test(tk.text) && !MONTHS.includes(tk.norm) && !WEEKDAYS.includes(tk.norm) && !isNumberTok(tk)) frontedPlace = tk.norm;
      if (breaksAfter(tk)) {
        if (!/^,/.test(tk.post.trim())) frontedPlace = null;
        break;
      }
      if (x === Math.min(toks.length, 6) - 1) frontedPlace = null;
    }
  }

  const floorOf = (low: number, value: number, numFirst: number): number => {
    const raw = numberValueAt(toks, numFirst)?.value ?? value;
    const unit = raw > 0 ? value / raw : 1;
    return low * (raw / low >= 1000 ? 10 ** (3 * Math.floor(Math.log10(raw / low) / 3)) : 1) * unit;
  };
  const base = (kind: QuantityKind, first: number, last: number, value: number, unit: string, left: ReturnType<typeof leftContext>, numFirst: number): Quantity => {
    const frame = frameOf(toks, chunks, numFirst);
    const [cs, ce] = chunkBounds(chunks, numFirst);
    let hedged = false;
    let compared = false;
    // A hedge counts within the clause of the mention: "it would close all 12 branches" is a plan,
    // "it would close ... after the third cyberattack" does not make the attack one.
    let hs = first;
    while (hs > cs && !CLAUSE_STARTS.has(toks[hs - 1]!.norm)) hs--;
    let he = last;
    while (he < ce && !CLAUSE_STARTS.has(toks[he + 1]!.norm)) he++;
    // ("in May", "on 3 May": the month, not the modal)
    const month = (x: number) => toks[x]!.norm === 'may' && /^M/.test(toks[x]!.text) && x > 0 && ['in', 'on', 'of', 'since', 'until', 'by', 'from', 'to', 'early', 'late', 'mid', 'last', 'next', 'this'].includes(toks[x - 1]!.norm);
    const monthAfterDay = (x: number) => toks[x]!.norm === 'may' && /^M/.test(toks[x]!.text) && x > 0 && /^\d{1,2}$/.test(toks[x - 1]!.text);
    // ("will begin serving the 30-month term": a modal puts the act ahead, while the definite phrase
    // names a thing that exists)
    const definiteFigure = numFirst > 0 && ['the', 'this', 'that', 'its', 'his', 'her', 'their'].includes(toks[numFirst - 1]!.norm);
    const modalOnly = (x: number) => definiteFigure && MODALS.has(toks[x]!.norm) && x < numFirst;
    // ("a higher-than-expected profit of 182 billion yen", "better than forecast": the figure is
    // the outcome, set against an expectation)
    const outcome = (x: number) => x > 0 && toks[x - 1]!.norm === 'than';
    // ("The national budget covers 45% of the cost": a budget that does something is who pays, not a plan)
    const payer = (x: number) => toks[x]!.norm === 'budget' && isVerbTok(toks[x + 1]) && !isCopula(toks[x + 1]) && !isAuxiliary(toks[x + 1]);
    // (and whether only a modal hedges it, "will rely on eighteen cameras": what is decided, told ahead)
    let planned = false;
    for (let x = hs; x <= he; x++) {
      if (HEDGES.has(toks[x]!.norm) && !month(x) && !monthAfterDay(x) && !modalOnly(x) && !outcome(x) && !payer(x)) {
        hedged = true;
        if (!MODALS.has(toks[x]!.norm)) planned = true;
      }
    }
    // "called for a 100% immunization rate", "pushed for a 5 percent rise": a demand, not a fact.
    for (let x = Math.max(cs, first - 4); x < first; x++) if (toks[x]!.norm === 'for' && x > 0 && isVerbTok(toks[x - 1]) && DEMAND_VERBS.has(verbLemma(toks[x - 1]!))) hedged = planned = true;
    // "The 53 percent yes vote was far stronger than the margin of an earlier measure": what follows
    // "than" is the other side of the comparison; the figure before it is told as it is.
    let than = ce + 1;
    for (let x = last + 1; x <= ce; x++) {
      if (toks[x]!.norm === 'than') {
        than = x;
        break;
      }
    }
    for (let x = cs; x <= ce && x < than; x++) {
      const n = toks[x]!.norm;
      // ("the £82,000 spent on planting the maze compared well with the cost of a tower": the figure is
      // what compares, the other side follows)
      if (n === 'compared' && x > last && /^(?:well|favourably|favorably|poorly|badly|unfavourably|unfavorably)$/.test(norm(x + 1))) continue;
      if (['compared', 'previous', 'previously', 'earlier', 'prior', 'versus', 'vs', 'whereas', 'instead'].includes(n)) compared = true;
    }
    const before = norm(left.before);
    // ("up 5 percent" is a change; "making up 41 percent", "Sunflowers take up 44 percent of the
    // land" say what share the part is)
    const madeUp = before === 'up' && /^(?:make|makes|made|making|take|takes|took|taken|taking)$/.test(norm(left.before - 1));
    // ("heard from nine witnesses", "letters from 40 parents": "from" after a verb that is no change,
    // with no "to" and a figure after, is where something came from, not the start of a comparison)
    const fromWhom = before === 'from' && isVerbTok(toks[left.before - 1]) && !CHANGE_VERBS.has(verbLemma(toks[left.before - 1]!)) && !toks.slice(last + 1, last + 8).some((t, i, r) => t.norm === 'to' && isNumberTok(r[i + 1]));
    if ((COMPARISON.has(before) && !fromWhom) || (before === 'up' && !madeUp) || before === 'down') compared = true;
    // ("The course record of 1 minute 19.6 seconds, set in 2019", "the world record for a sanctioned
    // race, of 2 hours": the standing best time, set beside this event's times; not "a new record of".
    // Times only: for amounts it cost a held-out split a false proposal.)
    if (before === 'of' && kind === 'duration') {
      for (let x = left.before - 1; x >= Math.max(0, left.before - 8) && !/[.!?]$/.test(toks[x]!.text); x--) {
        if (toks[x]!.norm !== 'record') continue;
        if (toks[x - 1]?.norm !== 'new' && toks[x - 2]?.norm !== 'new') compared = true;
        break;
      }
    }
    // ("a fine such as the €35 penalty for drinking in public": an example of a kind, set beside the figure)
    if ((before === 'as' && norm(left.before - 1) === 'such') || (before === 'example' && norm(left.before - 1) === 'for')) compared = true;
    // "rose from 3 to 5", "fell to 4 percent": a change, not a level.
    if (before === 'to') {
      // (a "from" that opens the other end of the range: "from 3 to 5", "from about $4m to"; not
      // "took money from clients ... was sentenced to six years")
      const fromFigure = (x: number) => toks[x]!.norm === 'from' && toks.slice(x + 1, x + 4).some((t) => isNumberTok(t));
      for (let x = cs; x < left.before; x++) if (fromFigure(x) || (isVerbTok(toks[x]) && CHANGE_VERBS.has(verbLemma(toks[x]!)))) compared = true;
    }
    // ("to pay a couple 64,000 zloty after it let the hall to another party": "after" opening a clause
    // with its own subject and verb is a conjunction, not "two days after the vote")
    const clauseAfter = ['after', 'before'].includes(norm(last + 1)) && (isPronoun(toks[last + 2]) || isDeterminer(toks[last + 2])) && toks.slice(last + 3, last + 6).some((t) => isVerbTok(t) && (has(t, 'PastTense') || has(t, 'PresentTense')) && !has(t, 'Gerund'));
    if (RELATIVE_TIME.has(norm(last + 1)) && norm(last + 1) !== 'since' && !whichClauseAfter(last) && !clauseAfter) compared = true;
    // ("leaving four fewer teams": a difference, not a level)
    for (let x = numFirst + 1; x <= last && x <= numFirst + 4; x++) {
      if (isNumberTok(toks[x])) continue;
      if (DIFFERENCE_AFTER.has(norm(x))) compared = true;
      break;
    }
    const c = chunks[numFirst] ?? 0;
    if ((pastChunks.has(c) && (pastAt.get(c) ?? 0) < than) || (pastChunks.has(0) && c > 0)) compared = true;
    const names: string[] = [];
    for (let x = cs; x <= ce; x++) {
      const tk = toks[x]!;
      // (a number word opening a clause is no name: "... (Northline Wire) - Three directors of")
      if (x === 0 || !/^\p{Lu}/u.test(tk.text) || isNumberTok(tk) || wordNumberValue(tk.norm) !== null) continue;
      if (MONTHS.includes(tk.norm) || WEEKDAYS.includes(tk.norm) || inRanges(ctx.dateRanges, tk.start, tk.end)) continue;
      // (nor is a currency's code: "DKK 75,000")
      if (isoCurrency(toks, x) !== null && (isNumberTok(toks[x + 1]) || isNumberTok(toks[x - 1]))) continue;
      if (has(tk, 'ProperNoun') || has(tk, 'Place') || has(tk, 'Person') || has(tk, 'Organization') || !has(tk, 'Determiner')) names.push(nounLemma(tk));
    }
    const context: string[] = [];
    const addContext = (tk: Tok) => {
      const lemma = nounLemma(tk);
      if (lemma.length > 2 && !TIME_UNITS.has(lemma) && !context.includes(lemma)) context.push(lemma);
    };
    for (let x = hs; x <= he; x++) {
      if (x >= first && x <= last) continue;
      const tk = toks[x]!;
      if (isNumberTok(tk) || !isNounLike(toks, x) || (x > 0 && /^\p{Lu}/u.test(tk.text))) continue;
      addContext(tk);
    }
    // ("The train, carrying 61 passengers, was waiting": a participle's phrase set off by a comma is
    // told of the noun before it)
    const lead = toks[cs - 1];
    if (cs > 0 && hs === cs && /^,\s*$/.test(lead!.post) && /ing$/.test(toks[cs]!.norm) && isVerbTok(toks[cs]) && isNounLike(toks, cs - 1) && !/^\p{Lu}/u.test(lead!.text)) addContext(lead!);
    return {
      kind,
      value,
      unit,
      approx: left.approx,
      // ("between 3 and 4 million": the low end takes the high end's multiplier; "between 40 and 70
      // minutes": and its unit)
      ...(left.floor !== undefined && left.floor > 0 ? { floor: floorOf(left.floor, value, numFirst) } : {}),
      // (with a currency sign the tokenizer left before the number: "€120 a concert")
      start: toks[first]!.start - (/[$£€¥]$/u.test(toks[first]!.pre) ? 1 : 0),
      end: toks[last]!.end,
      sentence: i,
      paragraph: sentence.paragraph,
      chunk: chunks[numFirst] ?? 0,
      head: null,
      cls: null,
      mods: [],
      modVerbs: [],
      keys: [],
      definite: left.definite,
      ...(left.owned ? { owned: true as const } : {}),
      totality: left.totality,
      // (a sum of money out of a whole one, "€1.2 million of the cost comes from European funds",
      // is a part of it, as "Three of the victims" is; not a measure, "2,500 square metres of the building")
      subset: left.subset || (kind === 'amount' && /^[A-Z]{3}$/.test(unit) && norm(last + 1) === 'of' && PARTITIVE_DETERMINERS.has(norm(last + 2))),
      rate: null,
      polarity: null,
      shell: false,
      frame,
      hedged,
      modal: hedged && !planned,
      compared,
      // (past the figure's chunk only for a scope trailing it, ", last year in Berlin", with no "than" between)
      scope: ((sc) => (sc && ((sc.first > than && !(than === ce + 1 && chunks[sc.first] === chunks[ce]! + 1)) || subordinateBetween(last, sc.first)) ? null : sc))(scopeFor(scopes, chunks, numFirst)),
      anchors,
      names,
      context,
      listed: false,
      whole: null,
      ofWhole: norm(left.start - 1) === 'of' && (isNumberTok(toks[left.start - 2]) || ['all', 'most', 'some', 'none', 'each', 'any', 'many', 'half'].includes(norm(left.start - 2))),
      required:
        /^(?:needed|required|necessary)$/.test(norm(last + 1)) || (/^(?:needed|required)$/.test(norm(last + 2)) && !isVerbTok(toks[last + 1])) ||
        // ("1,276 delegates are required", "candidates must receive at least 15 percent": what must be
        // reached, a bound on what must be got or won; not what must be done, "must remove at least 90
        // percent of the carbon dioxide")
        ((/^(?:is|are|was|were|be)$/.test(norm(last + 1)) && /^(?:needed|required|necessary)$/.test(norm(last + 2)))) ||
        ((left.approx === 'atLeast' || left.approx === 'moreThan') && /\b(?:must|needs?\s+to|have\s+to|has\s+to)\s+(?:get|receive|win|reach|score|gain|obtain|secure|collect|attract|clear|pass)\s+$/u.test(toks.slice(Math.max(0, numFirst - 5), left.start).map((t) => t.norm).join(' ') + ' ')) ||
        // a capacity, not a count of what is there: "built to hold 950 prisoners", "designed for 400
        // patients", "room for 200 guests", "can hold 50" (not "a capacity of 800 megawatts": a rating)
        CAPACITY_BEFORE.test(toks.slice(Math.max(0, numFirst - 4), numFirst).map((t) => t.norm).join(' ')),
      place: frontedPlace,
    };
  };

  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    // "nearly an hour", "lasted a day": a/an as one, only before a time unit in a duration reading.
    // ("for more than an hour before adjourning": "for" makes it a length, whatever follows)
    const forLength = norm(k - 1) === 'for' || (norm(k - 2) === 'for' && ['over', 'under', 'about', 'around', 'nearly', 'almost', 'roughly'].includes(norm(k - 1))) || (norm(k - 3) === 'for' && ['than', 'over', 'under'].includes(norm(k - 1)));
    // ("a second-hand bookshop", "a day-to-day job": a unit glued to a word other than "long" or "and" is no length)
    const unitGlued = toks[k + 1] !== undefined && hyphenJoined(toks[k + 1]!) && !['long', 'and'].includes(norm(k + 2));
    // ("before a second machine was driven over": "second" before a noun is an ordinal)
    const ordinalSecond = norm(k + 1) === 'second' && isNounTok(toks[k + 2]) && !isVerbTok(toks[k + 2]) && !breaksAfter(toks[k + 1]!);
    if ((t.norm === 'a' || t.norm === 'an') && TIME_UNITS.has(nounLemma(toks[k + 1] ?? t)) && !unitGlued && !ordinalSecond && (!RELATIVE_TIME.has(norm(k + 2)) || forLength)) {
      const left = leftContext(toks, k);
      const frame = frameOf(toks, chunks, k);
      // "an hour and a half", "a year-and-a-half": one and a half of the unit, a figure whatever governs it
      const half = norm(k + 2) === 'and' && norm(k + 3) === 'a' && norm(k + 4) === 'half';
      if (half || left.approx !== 'exact' || (frame.verb !== null && DURATION_VERBS.has(frame.verb) && frame.verbIdx < k)) {
        const unit = nounLemma(toks[k + 1]!);
        const last = half ? k + 4 : k + 1;
        const q = base('duration', left.start, last, TIME_UNITS.get(unit)! * (half ? 1.5 : 1), 'h', left, k);
        describeDuration(q, last);
        out.push(q);
        k = last;
      }
      continue;
    }
    // "the hour-and-a-half call": one and a half units, named as a compound.
    if (TIME_UNITS.has(t.norm) && hyphenJoined(t) && norm(k + 1) === 'and' && norm(k + 2) === 'a' && norm(k + 3) === 'half' && k > 0 && isDeterminer(toks[k - 1]) && nounPhraseAfter(toks, k + 4)) {
      const left = leftContext(toks, k);
      const q = base('duration', left.start, k + 3, TIME_UNITS.get(t.norm)! * 1.5, 'h', left, k);
      describeDuration(q, k + 3);
      out.push(q);
      k = Math.max(k + 3, toks.findIndex((x) => x.end === q.end));
      continue;
    }
    // "the hour-long meeting", "a week-long strike": one unit, named as a compound.
    if (TIME_UNITS.has(t.norm) && hyphenJoined(t) && norm(k + 1) === 'long' && k > 0 && isDeterminer(toks[k - 1]) && nounPhraseAfter(toks, k + 2)) {
      const left = leftContext(toks, k);
      const q = base('duration', left.start, k + 1, TIME_UNITS.get(t.norm)!, 'h', left, k);
      describeDuration(q, k);
      out.push(q);
      k = Math.max(k + 1, toks.findIndex((x) => x.end === q.end));
      continue;
    }
    // "half an hour", "a quarter of an hour", "three quarters of an hour": a part of one unit of time
    {
      // (at the numerator when there is one: "three quarters")
      const f = FRACTION_NUMERATORS.has(t.norm) && FRACTIONS.has(norm(k + 1)) ? k + 1 : k;
      const fr = FRACTIONS.get(norm(f));
      const of = norm(f + 1) === 'of' ? 1 : 0;
      const unit = toks[f + 2 + of] ? nounLemma(toks[f + 2 + of]!) : '';
      const p = toks[f - 1];
      const numerator = p && (p.norm === 'a' || p.norm === 'one') ? 1 : p && FRACTION_NUMERATORS.has(p.norm) ? FRACTION_NUMERATORS.get(p.norm)! : norm(f) === 'half' ? 1 : 0;
      if (fr !== undefined && numerator > 0 && (norm(f + 1 + of) === 'a' || norm(f + 1 + of) === 'an') && TIME_UNITS.has(unit) && (of === 1 || norm(f) === 'half') && !inScope.has(k)) {
        const first = p && (p.norm === 'a' || p.norm === 'one' || FRACTION_NUMERATORS.has(p.norm)) ? f - 1 : f;
        const left = leftContext(toks, first);
        const q = base('duration', left.start, f + 2 + of, numerator * fr * TIME_UNITS.get(unit)!, 'h', left, first);
        describeDuration(q, f + 2 + of);
        out.push(q);
        k = f + 2 + of;
        continue;
      }
    }
    // "a third of the budget", "two-thirds of voters", "half of the staff": a share (about)
    const fraction = FRACTIONS.get(t.norm);
    // ("about a third of a mile": a part of one unit, no share)
    const ofUnit = (norm(k + 2) === 'a' || norm(k + 2) === 'an') && toks[k + 3] !== undefined && MEASURE_UNITS.has(nounLemma(toks[k + 3]!));
    // ("Of the patients given the drugs, nearly two-thirds received them within an hour", "a third
    // voted for it": a fraction with no "of" as the subject of a plural or past verb is a share of
    // those told of; "A third was held in May" is an ordinal's)
    const subject = fraction !== undefined && toks[k + 1] !== undefined && !breaksAfter(t) && isVerbTok(toks[k + 1]) && !has(toks[k + 1], 'Gerund') && !has(toks[k + 1], 'Infinitive') && (has(toks[k + 1], 'PastTense') || isCopula(toks[k + 1]) || isAuxiliary(toks[k + 1])) && !['was', 'is', 'has', 'does'].includes(norm(k + 1));
    if (fraction !== undefined && (norm(k + 1) === 'of' || subject) && !inScope.has(k) && !ofUnit) {
      const p = toks[k - 1];
      // (not "the first half of 2025", "the second quarter of the year": a part of a period)
      const ofPeriod = p !== undefined && (isDeterminer(p) || has(p, 'Ordinal') || ['first', 'second', 'third', 'fourth', 'last', 'final', 'latter', 'former'].includes(p.norm));
      // ("two-thirds of", and "two thirds of" with a plural fraction)
      const numerator = p && (hyphenJoined(p) || /s$/.test(t.norm)) ? (FRACTION_NUMERATORS.get(p.norm) ?? 0) : p && (p.norm === 'a' || p.norm === 'one') ? 1 : t.norm === 'half' && !ofPeriod ? 1 : 0;
      if (numerator > 0 && numerator * fraction < 1) {
        const first = p && (hyphenJoined(p) || p.norm === 'a' || p.norm === 'one' || FRACTION_NUMERATORS.has(p.norm)) ? k - 1 : k;
        const num: NumberAt = { value: 100 * numerator * fraction, first, last: k, ordinal: false, percent: true, currency: null, suffix: null, rangeTo: null, words: true };
        const left = leftContext(toks, first);
        const q = base('percent', left.start, k, num.value, '%', left, first);
        if (q.approx === 'exact') q.approx = 'about';
        describeMeasure(q, num, k);
        out.push(q);
        continue;
      }
    }
    const dozen = (t.norm === 'a' && (norm(k + 1) === 'dozen' || (norm(k + 1) === 'couple' && norm(k + 2) === 'of'))) || (t.norm === 'half' && norm(k + 1) === 'a' && norm(k + 2) === 'dozen') || fractionOfMultiplier(toks, k) !== null;
    if ((!isNumberTok(t) && !dozen) || inScope.has(k) || inRanges(ctx.dateRanges, t.start, t.end)) continue;
    const num = numberValueAt(toks, k);
    if (!num) continue;
    k = num.last;
    // ("Nearly three quarters of the nights": a numerator before a plural fraction and "of" is the
    // fraction's, read at the fraction below, not a count of quarters)
    if (num.words && FRACTION_NUMERATORS.has(toks[num.last]!.norm) && /s$/.test(norm(num.last + 1)) && FRACTIONS.has(norm(num.last + 1)) && norm(num.last + 2) === 'of') continue;
    // ("fined the club DKK 75,000", "EUR 3.2 billion": an ISO currency code before the figure)
    const isoBefore = isoCurrency(toks, num.first - 1);
    if (isoBefore === null && isDateOrCode(toks, num)) continue;
    const left = leftContext(toks, isoBefore !== null ? num.first - 1 : num.first);
    if (num.after !== undefined && left.approx === 'exact') left.approx = num.after;
    if (norm(left.before) === 'aged' || norm(left.before) === 'no.' || norm(left.before) === 'number') continue;
    // ("the women's under-63kg category", "the over-100kg class", "the under-21 team": a bound glued to
    // the number names a class, not a figure)
    const bound = toks[num.first - 1];
    if (bound && (bound.norm === 'under' || bound.norm === 'over' || bound.norm === 'u') && hyphenJoined(bound)) continue;
    // ("The women's 540-kilogram final", "the men's 15-kilometre race": a measure glued to its noun after
    // a group's possessive names the group's class or event, not a figure)
    if (bound && GROUP_POSSESSIVE.test(bound.norm) && hyphenJoined(toks[num.last]!)) continue;
    if (num.words && num.value === 1 && (norm(num.last + 1) === 'of' || ['no', 'any', 'every', 'which', 'this', 'that'].includes(norm(num.first - 1)))) continue;

    let j = num.last + 1;
    const nt = toks[j];
    const nextLemma = nt ? nounLemma(nt) : '';
    const suffix = num.suffix;

    // Multiples: "12 times the legal limit", "four times the national average" (of what is named after)
    if (nt?.norm === 'times' && !num.ordinal && !num.percent && ['the', 'its', 'their', 'that'].includes(norm(j + 1))) {
      const np = nounPhraseAfter(toks, j + 2);
      if (np) {
        const q = base('amount', left.start, np.last, num.value, 'times', left, num.first);
        q.keys = [nounLemma(toks[np.head]!)];
        out.push(q);
        k = np.last;
        continue;
      }
    }
    // "nine out of ten residents", "49 out of the 61 firms": a share
    if (nt?.norm === 'out' && norm(j + 1) === 'of' && !num.ordinal && !num.percent) {
      const d = isDeterminer(toks[j + 2]) ? j + 3 : j + 2;
      const m = numberValueAt(toks, d);
      if (m && !m.ordinal && !m.percent && m.value > num.value && !TIME_UNITS.has(nounLemma(toks[m.last + 1] ?? toks[m.last]!))) {
        const q = base('percent', left.start, m.last, (100 * num.value) / m.value, '%', left, num.first);
        describeMeasure(q, m, m.last);
        out.push(q);
        k = m.last;
        continue;
      }
    }
    // "One in five adults", "one in every four": a share, not a count of five; and with the noun
    // between the two, "one flight in five", "one euro in eight of the sponsorship money"
    const between = nt !== undefined && isNounTok(nt) && !isVerbTok(nt) && norm(j + 1) === 'in' && /^\p{Ll}+$/u.test(nt.text) && !TIME_UNITS.has(nounLemma(nt));
    if ((nt?.norm === 'in' || between) && !num.ordinal && !num.percent) {
      const at = between ? j + 1 : j;
      const m = numberValueAt(toks, norm(at + 1) === 'every' ? at + 2 : at + 1);
      // (one in M, or both spelled out: "three in four"; not "3 in 10 minutes", "scored 2 in 5 games",
      // "one goal in five games")
      const ends = (x: NumberAt) => (between ? !isNounTok(toks[x.last + 1]) : !TIME_UNITS.has(nounLemma(toks[x.last + 1] ?? toks[x.last]!)));
      const share = m && !m.ordinal && !m.percent && m.value > num.value && m.value <= 1000 && (num.value === 1 || (num.words && m.words)) && ends(m);
      if (m && share) {
        const q = base('percent', left.start, m.last, (100 * num.value) / m.value, '%', left, num.first);
        describeMeasure(q, m, m.last);
        if (between) {
          const noun = nounLemma(nt!);
          q.head = noun;
          q.cls = referentClass(noun);
          if (!q.keys.includes(noun)) q.keys = [...q.keys, noun];
        }
        out.push(q);
        k = m.last;
        continue;
      }
    }
    // Percentages
    if (num.percent || nt?.norm === 'percent' || nt?.norm === 'pct' || nt?.norm === 'pc' || (nt?.norm === 'per' && norm(j + 1) === 'cent') || (nt?.norm === 'percentage' && nounLemma(toks[j + 1] ?? nt) === 'point')) {
      let last = num.last;
      let unit = '%';
      if (!num.percent) {
        last = nt!.norm === 'per' || nt!.norm === 'percentage' ? j + 1 : j;
        if (nt!.norm === 'percentage') unit = 'pp';
      }
      const q = base('percent', left.start, last, num.value, unit, left, num.first);
      describeMeasure(q, num, last);
      out.push(q);
      k = last;
      continue;
    }
    // Magnitudes: "a magnitude 6.1 earthquake", "a 5.2-magnitude tremor", "a 7.0 magnitude quake"
    if (!num.ordinal && (norm(left.before) === 'magnitude' || suffix === 'magnitude' || (nt?.norm === 'magnitude' && !suffix))) {
      const fromWord = norm(left.before) === 'magnitude';
      const l = fromWord ? leftContext(toks, left.before) : left;
      const last = nt?.norm === 'magnitude' && !suffix ? j : num.last;
      const q = base('amount', fromWord ? l.start : left.start, last, num.value, 'magnitude', l, num.first);
      const np = nounPhraseAfter(toks, last + 1);
      if (np) {
        setHead(q, toks, np);
        q.end = toks[np.last]!.end;
      }
      q.keys = q.head ? [q.head] : [];
      out.push(q);
      k = np ? np.last : last;
      continue;
    }
    // Money: "$5bn", "4.2 million pounds", "1.9 billion Australian dollars", "A$2.3 billion"
    const symbol = num.currency ?? currencyBefore(t) ?? isoBefore;
    const national = nationalCurrency(toks, j);
    // ("tipped the scales at 2,312 pounds" / "the 2,190-pound champion": in a text that weighs in
    // pounds and gives no sterling, a pound is a weight)
    // ("The 262-pound Estonian", "a 12-pound baby", "a 300-pound bear": glued to a person or an animal)
    const weightPounds = nextLemma === 'pound' && !symbol && (poundsWeigh(doc.text) || WEIGHED_BEFORE.test(doc.text.slice(Math.max(0, t.start - 40), t.start)) || poundsOfStuff(toks, j, doc.text) || (hyphenJoined(toks[num.last]!) && poundsOfBeing(toks[j + 1])));
    const currencyWord = weightPounds ? undefined : national?.[0] ?? currencyOfWord(nextLemma) ?? isoCurrency(toks, j) ?? (suffix ? currencyOfWord(suffix) : undefined) ?? (nt && /^\p{Ll}/u.test(nt.text) ? worldCurrency(nextLemma) : null) ?? undefined;
    if (symbol || currencyWord) {
      const last = national && !suffix ? national[1] : currencyWord && !suffix ? j : num.last;
      const q = base('amount', left.start, last, num.value, symbol ?? currencyWord ?? '', left, num.first);
      describeMeasure(q, num, last);
      out.push(q);
      k = last;
      continue;
    }
    // Durations
    // ("stayed shut for three full days", "two whole weeks": a word that only stresses the unit)
    // (or a compound adjective of what the time was, two words joined by a hyphen: "the nine car-free
    // hours", "two rain-soaked days")
    const described = has(nt, 'Hyphenated') && /^\p{Ll}/u.test(nt!.text) && has(toks[j + 1], 'Hyphenated') && has(toks[j + 1], 'Adjective') && toks[j + 2] !== undefined && TIME_UNITS.has(nounLemma(toks[j + 2]!)) && !hyphenJoined(toks[num.last]!);
    const padded = described ? 2 : ['full', 'whole', 'entire', 'straight', 'solid'].includes(nextLemma) && toks[j + 1] !== undefined && !hyphenJoined(nt!) && TIME_UNITS.has(nounLemma(toks[j + 1]!)) ? 1 : 0;
    const timeUnit = TIME_UNITS.has(nextLemma) ? nextLemma : padded ? nounLemma(toks[j + padded]!) : suffix && TIME_UNITS.has(suffix) ? suffix : null;
    if (timeUnit && !num.ordinal) {
      const unitIdx = suffix && TIME_UNITS.has(suffix) ? num.last : j + padded;
      const after = whichClauseAfter(unitIdx) ? '' : norm(unitIdx + 1) === 'long' ? norm(unitIdx + 2) : norm(unitIdx + 1);
      // "for six years" is a scope or a sentence, not a length, unless a verb of lasting governs it:
      // "the session running for nearly nine hours", "mills run around the clock for 10 weeks".
      // ("questioned counsel for three hours": hours and minutes are no prison term, so any verb's length;
      // with no verb before them too, "Homes were without water for 38 hours", unless a comparison's)
      // ("will be closed for five months", "will orbit the Moon for 18 months": how long a state or an
      // activity goes on, unless a superlative or a first makes it the period of a comparison: "the
      // first time for six years", "its lowest level for a decade")
      const forLength = norm(left.before) === 'for' && (lastingVerbBefore(left.before) || (verbBefore(left.before) && (['hour', 'minute'].includes(timeUnit) || !comparisonBefore(left.before))) || (['hour', 'minute', 'second'].includes(timeUnit) && !comparisonBefore(left.before)));
      // ("running the course in one hour and 38 minutes", "completed the puzzle in 41 minutes": the time
      // an act done took; "back in two hours" is a time from now)
      const doneIn = norm(left.before) === 'in' && ['hour', 'minute', 'second'].includes(timeUnit) && doneBefore(left.before);
      // ("in a four-week consultation": a length glued to the noun it measures, whatever the preposition)
      // (after "in a", not "within the 90-day deadline", a bound; after "in the" when the noun is an
      // act, an event, a talk or a gathering by its commonest sense: "In the 90-minute call, ...")
      const gluedToNoun = norm(left.before) === 'in' && (['a', 'an'].includes(norm(left.start)) || (norm(left.start) === 'the' && actLike(toks[unitIdx + 1]))) && hyphenJoined(toks[num.last]!) && isNounTok(toks[unitIdx + 1]) && !isVerbTok(toks[unitIdx + 1]);
      // ("the delay ran to 45 minutes before a second machine was driven over", "lasted 40 minutes
      // before": a verb of lasting right before it makes it a length, not an offset)
      const lasted = (norm(left.before) === 'to' && lastingVerbBefore(left.before)) || (left.before >= 0 && isVerbTok(toks[left.before]) && lastingVerbBefore(left.before + 1));
      const lengthThen = (forLength || lasted) && (after === 'before' || after === 'after');
      if ((RELATIVE_TIME.has(after) && !lengthThen) || rateAfter(toks, unitIdx + 1) || ['old', 'olds'].includes(norm(unitIdx + 1)) || (['in', 'within', 'for'].includes(norm(left.before)) && !forLength && !doneIn && !gluedToNoun)) {
        k = unitIdx;
        continue;
      }
      const q = base('duration', left.start, unitIdx, num.value * TIME_UNITS.get(timeUnit)!, 'h', left, num.first);
      // "runs 2 hours and 48 minutes", "a winning time of 41 minutes 12 seconds", "2 hours 1 minute 39
      // seconds": each smaller unit after it (with "and", or right after it and fewer than make the
      // larger one) adds to it
      let lastIdx = unitIdx;
      for (let larger = timeUnit; ; ) {
        const joined = norm(lastIdx + 1) === 'and';
        const more = joined ? numberValueAt(toks, lastIdx + 2) : /^\d/.test(toks[lastIdx + 1]?.text ?? '') ? numberValueAt(toks, lastIdx + 1) : null;
        const smaller = more ? nounLemma(toks[more.last + 1] ?? toks[lastIdx]!) : '';
        if (!more || more.ordinal || !TIME_UNITS.has(smaller) || TIME_UNITS.get(smaller)! >= TIME_UNITS.get(larger)!) break;
        if (!joined && more.value * TIME_UNITS.get(smaller)! >= TIME_UNITS.get(larger)!) break;
        lastIdx = more.last + 1;
        q.value += more.value * TIME_UNITS.get(smaller)!;
        q.end = toks[lastIdx]!.end;
        larger = smaller;
      }
      if (left.approx === 'moreThan' && norm(left.start) === 'over') q.approx = 'exact'; // "over six months" = during
      // "extended the strike for another 72 hours": the extension's own length, not a further part
      if (q.subset && q.frame.verb !== null && ['extend', 'prolong', 'lengthen'].includes(q.frame.verb)) q.subset = false;
      // "running for nine hours before the chair adjourned": "before" opens a clause, not an offset.
      if (lengthThen) q.compared = false;
      // ("lasted three hours or less")
      const bound = orAfter(toks, lastIdx);
      if (bound && q.approx === 'exact') q.approx = bound.approx;
      describeDuration(q, lastIdx);
      out.push(q);
      k = bound ? bound.last : lastIdx;
      continue;
    }
    // Measures
    let measure = (weightPounds ? POUND_WEIGHT : undefined) ?? MEASURE_UNITS.get(nextLemma) ?? (suffix ? MEASURE_UNITS.get(suffix) : undefined);
    // "12 square kilometres", "a million cubic metres": a length unit squared or cubed
    const power = nextLemma === 'square' || nextLemma === 'sq' ? 2 : nextLemma === 'cubic' ? 3 : 0;
    const raised = power > 0 && toks[j + 1] ? MEASURE_UNITS.get(nounLemma(toks[j + 1]!)) : undefined;
    if (raised && raised[0] === 'length') measure = power === 2 ? ['area', raised[1] ** 2] : ['volume', raised[1] ** 3 * 1000];
    // ("18 nautical miles", "9,500 metric tons")
    const qualified = !measure && toks[j + 1] ? QUALIFIED_UNITS.get(`${nextLemma} ${nounLemma(toks[j + 1]!)}`) : undefined;
    if (qualified) measure = qualified;
    if (measure && !num.ordinal) {
      let unitIdx = (raised && raised[0] === 'length') || qualified ? j + 1 : suffix && MEASURE_UNITS.has(suffix) ? num.last : j;
      // "151 kilometres an hour", "40 miles per hour": a speed, in km/h
      if (measure[0] === 'length' && ['an', 'a', 'per'].includes(norm(unitIdx + 1)) && norm(unitIdx + 2) === 'hour') {
        measure = ['speed', measure[1] / 1000];
        unitIdx += 2;
      }
      // ("3.5 kilowatt-hours", "600 megawatt hours": a power unit times an hour is energy, in MWh)
      if (measure[0] === 'power' && (norm(unitIdx + 1) === 'hour' || norm(unitIdx + 1) === 'hours')) {
        measure = ['energy', measure[1]];
        unitIdx += 1;
      }
      // ("98 degrees Fahrenheit": another scale; "degrees Celsius" the unit's own)
      if (measure[0] === 'temperature' && ['celsius', 'centigrade', 'fahrenheit', 'f', 'c'].includes(norm(unitIdx + 1))) {
        if (['fahrenheit', 'f'].includes(norm(unitIdx + 1))) measure = ['temperature °F', 1];
        unitIdx++;
      }
      const q = base('amount', left.start, unitIdx, num.value * measure[1], measure[0], left, num.first);
      q.written = { unit: qualified || raised ? `${nextLemma} ${nounLemma(toks[j + 1]!)}` : suffix && MEASURE_UNITS.has(suffix) ? suffix : nextLemma, grain: writtenGrain(toks[num.first]!.text, num.value) * measure[1], ...(/\d/.test(toks[num.first]!.text) ? {} : { spelled: true as const }) };
      // ("a drop of 40 metres or more")
      const bound = orAfter(toks, unitIdx);
      if (bound && q.approx === 'exact') q.approx = bound.approx;
      // (a unit glued to the number, "160km/h hit", names no noun after it; "the 50-microgram shot" does)
      const glued = unitIdx === num.last && !/[-‐]\p{L}+$/u.test(toks[unitIdx]!.text);
      // ("a 27kg truckle", "the 45lb cheese", "a 3,200 square metre glasshouse": after a determiner, a
      // unit glued, abbreviated or in the singular is a modifier of the noun that follows it)
      const determined = left.definite || norm(num.first - 1) === 'a' || norm(num.first - 1) === 'an';
      const modifierUnit = determined && (glued || !/s$/.test(toks[unitIdx]!.norm)) && isNounTok(toks[unitIdx + 1]) && !isVerbTok(toks[unitIdx + 1]);
      const np = attachedPhrase(toks, unitIdx) ?? ((unitIdx === num.last && !glued) || modifierUnit ? nounPhraseAfter(toks, unitIdx + 1) : null);
      if (np) setHead(q, toks, np);
      q.keys = q.head ? [q.head] : [];
      out.push(q);
      k = unitIdx;
      continue;
    }
    // Ranks: "X is the sixth Y"
    if (num.ordinal) {
      const q = rank(toks, chunks, num, left, base, (idx) => scopeFor(scopes, chunks, idx));
      if (q) out.push(q);
      continue;
    }
    // Vote tallies: "voted 31 to 14", "passed 20-10"
    // ("by 9 votes to 3": skip the noun)
    if (nt && nounLemma(nt) === 'vote' && toks[j + 1]?.norm === 'to' && isNumberTok(toks[j + 2])) j++;
    const nt2 = toks[j];
    const tallyTo = num.rangeTo ?? (nt2?.norm === 'to' && isNumberTok(toks[j + 1]) ? (numberValueAt(toks, j + 1)?.value ?? null) : null);
    if (tallyTo !== null) {
      const frame = frameOf(toks, chunks, num.first);
      const voteWord = toks.slice(Math.max(0, num.first - 6), num.last + 6).some((x) => ['vote', 'ballot'].includes(nounLemma(x)));
      if ((frame.verb && TALLY_VERBS.has(frame.verb) && frame.verbIdx < num.first) || voteWord) {
        const lastTok = num.rangeTo !== null ? num.last : (numberValueAt(toks, j + 1)?.last ?? j + 1);
        const againstFirst = frame.verb !== null && AGAINST_FIRST.has(frame.verb);
        for (const [value, polarity] of [
          [num.value, againstFirst ? 'against' : 'for'],
          [tallyTo, againstFirst ? 'for' : 'against'],
        ] as const) {
          const q = base('count', left.start, lastTok, value, '', left, num.first);
          q.head = 'vote';
          q.cls = 'vote';
          q.polarity = polarity;
          out.push(q);
        }
        k = lastTok;
      }
      continue;
    }
    // A count glued to its noun: "the 45-seat council", "a 12-member panel" (the whole's size).
    const glued = suffix ?? (hyphenJoined(toks[num.last]!) && nt && /^\p{Ll}{3,}$/u.test(nt.text) ? nt.norm : null);
    const wholeAt = suffix ? num.last + 1 : num.last + 2;
    if (glued && !num.ordinal && num.rangeTo === null && /^\p{Ll}{3,}$/u.test(glued) && !NOT_REFERENTS.has(glued) && isNounTok(toks[wholeAt]) && !isNumberTok(toks[wholeAt])) {
      const whole = nounPhraseAfter(toks, wholeAt);
      // ("the 14-strong crew", "a 300-strong crowd": a count of the body itself, as "a crew of 12" is)
      if (whole && glued === 'strong') {
        const q = base('count', left.start, whole.last, num.value, '', left, num.first);
        setHead(q, toks, whole);
        out.push(q);
        k = whole.last;
        continue;
      }
      if (whole) {
        const q = base('count', left.start, whole.last, num.value, '', left, num.first);
        q.head = singularOf(glued);
        // (no referent class: the size of a whole is compared only as a restatement, never as a count of the same set)
        q.cls = null;
        q.keys = [nounLemma(toks[whole.head]!)];
        q.whole = q.keys[0]!;
        out.push(q);
        k = whole.last;
        continue;
      }
    }
    // Counts: "at least five phone conversations", "all three terminals"
    let np: NounPhrase | null = null;
    let partitive = false;
    if (nt?.norm === 'of' && isDeterminer(toks[j + 1])) {
      partitive = true;
      let x = j + 1;
      while (isDeterminer(toks[x])) x++;
      np = nounPhraseAfter(toks, x);
    } else if (nt && !hyphenJoined(toks[num.last]!)) {
      np = nounPhraseAfter(toks, j);
    }
    if (!np) {
      const q = allOfThoseTold(num, left) ?? bareCount(num, left);
      if (q) out.push(q);
      continue;
    }
    // ("412 head of cattle": animals are counted by the head; the count is of the animals)
    if (np.head === np.last && nounLemma(toks[np.head]!) === 'head' && norm(np.head + 1) === 'of') {
      const animals = nounPhraseAfter(toks, np.head + 2);
      if (animals && !isDeterminer(toks[np.head + 2])) np = { first: np.first, last: animals.last, head: animals.head, mods: animals.mods };
    }
    const headLemma = nounLemma(toks[np.head]!);
    if (NOT_REFERENTS.has(headLemma) || TIME_UNITS.has(headLemma) || headLemma.length < 2) continue;
    // ("hotels with more than 50 rooms", "a family hotel with twenty rooms": what a kind of thing has,
    // no count of anything the text speaks of)
    if (norm(left.before) === 'with' && kindBefore(left.before - 1)) continue;
    if (has(toks[np.head], 'Date') && !has(toks[np.head], 'Plural')) continue;
    // ("the 112 emergency number", "the regional 112 emergency centre": a number before a singular
    // thing names it; not a group, an animal or a person, which may be counted in the singular, "500
    // staff", "20 deer")
    // (unless a plural the tagger read as a verb goes on the phrase: "148 public charge points in towns")
    if (!partitive && num.value !== 1 && np.head === np.last && !toks.slice(np.first, np.last + 1).some((t) => has(t, 'Hyphenated') || has(t, 'Possessive')) && !(toks[np.last + 1] !== undefined && pluralOfNoun(toks[np.last + 1]!)) && has(toks[np.head], 'Singular') && !has(toks[np.head], 'Plural') && !has(toks[np.head], 'Uncountable') && labelNoun(headLemma)) continue;
    const q = base('count', left.start, np.last, num.value, '', left, num.first);
    setHead(q, toks, np);
    if (partitive && !q.totality) q.subset = true;
    // ("All 19 of the newly discovered species": all of a set the text has named, pointing back at it;
    // "all 5 of its seats" is an owner's)
    if (partitive && q.totality && ['the', 'these', 'those'].includes(norm(j + 1))) q.definite = true;
    // ("These 1,450 additional beds", "The 140 extra plates": the added set itself, told again, is no part)
    const partOf = (m: string) => SUBSET.has(m) && !(q.definite && ADDED.has(m));
    if (partOf(norm(num.last + 1)) || q.mods.some(partOf)) q.subset = true;
    if (norm(np.last + 1) === 'of' && ['them', 'whom', 'those', 'these'].includes(norm(np.last + 2))) q.subset = true;
    const [cs] = chunkBounds(chunks, num.first);
    // ("Among the 1,200 survey participants, ...": right after "among" the figure is the whole a part is told of)
    for (let x = cs; x < num.first; x++) if (['including', 'among', 'included'].includes(toks[x]!.norm) && !(toks[x]!.norm === 'among' && toks.slice(x + 1, num.first).every(isDeterminer))) q.subset = true;
    q.rate = rateAfter(toks, np.last + 1);
    if (headLemma === 'vote') {
      const a = norm(np.last + 1);
      const b = norm(np.last + 2);
      if (a === 'for' || (a === 'in' && (b === 'favour' || b === 'favor'))) q.polarity = 'for';
      else if (a === 'against' || a === 'opposed') q.polarity = 'against';
    }
    out.push(q);
    k = np.last;
  }
  // A sentence listing results ("Biden won 48%, Sanders 20%, Steyer 11%") gives figures of different things.
  // The two ends of a range ("an estimate of $12 million to $15 million") are one item of a list.
  const ends = out.filter((o) => !o.compared && o.approx !== 'upTo' && !/(?:\d\s*(?:million|billion|m|bn)?\s*(?:to|-|–)\s*[$£€¥]?\s*)$/i.test(doc.text.slice(Math.max(0, o.start - 24), o.start)));
  // (counts of different things are not a list of results: "the 51,000 spectators included 9,000 fans ... two clubs")
  // (nor is a figure named with its own noun: "the $21.4 million sale brought the total to $96 million")
  // (nor are counts of things of kinds no other count there names: "412 head of cattle across 23
  // breed classes, alongside about 1,100 sheep and 90 goats")
  // (nor is a measure given again in another unit right after it: "22 metres across, about 72 feet")
  const converted = (o: Quantity) => o.written !== undefined && out.some((p) => p !== o && p.end <= o.start && o.start - p.end <= 16 && p.written !== undefined && p.unit === o.unit && p.written.unit !== o.written!.unit && Math.abs(p.value - o.value) <= 0.06 * Math.max(p.value, o.value));
  for (const q of out) {
    const kin = ends.filter((o) => o.kind === q.kind && !converted(o));
    q.listed = !(q.definite && q.head !== null && q.kind !== 'count') && kin.length >= 3 && !(q.kind === 'count' && q.head !== null && q.whole === null && !kin.some((o) => o !== q && (o.head === null || o.head === q.head)));
  }
  return out;

  /**
   * "Each of the 56 that competed", "All of the 1,420 will carry": all of a set the text counted
   * before, its noun left out (elided.ts). Read as a count of the noun of the last count told before
   * within 1.5x of it ("brought 48 school teams"), all of them told again, so the rules that compare
   * counts weigh it with the rest.
   */
  function allOfThoseTold(num: NumberAt, left: ReturnType<typeof leftContext>): Quantity | null {
    const b = left.start;
    const all = norm(b - 2) === 'each' || norm(b - 2) === 'all' || (norm(b - 2) === 'one' && norm(b - 3) === 'every');
    if (num.ordinal || num.words || norm(b) !== 'the' || norm(b - 1) !== 'of' || !all || num.value < 3) return null;
    const after = toks[num.last + 1];
    if (after !== undefined && !breaksAfter(toks[num.last]!) && !isVerbTok(after) && !['that', 'who', 'which'].includes(after.norm)) return null;
    const at = toks[b]!.start;
    let told: RegExpMatchArray | undefined;
    for (const m of doc.text.slice(Math.max(0, at - 3000), at).matchAll(COUNT_TOLD)) {
      const v = Number(m[1]!.replace(/,/g, ''));
      if (v > 0 && Math.max(v, num.value) / Math.min(v, num.value) <= 1.5) told = m;
    }
    if (told === undefined) return null;
    const q = base('count', b - 2, num.last, num.value, '', left, num.first);
    q.head = singular(told[3]!);
    q.cls = referentClass(q.head);
    q.mods = told[2]!.trim().split(/\s+/).filter((w) => w !== '').map(singular);
    q.definite = true;
    q.totality = true;
    return q;
  }

  /**
   * A number standing alone as what its subject amounts to: "the confirmed toll stood at nine",
   * "the number of injured, initially put at 40", "the toll reached 12", "a crowd of 48,200". The
   * count is of the subject's noun ("the number of injured": injured); a number noun with nothing
   * after it ("the toll", "the total") is a shell that points back at a count given before.
   */
  function bareCount(num: NumberAt, left: ReturnType<typeof leftContext>): Quantity | null {
    if (num.ordinal || num.words && num.value === 1) return null;
    const after = toks[num.last + 1];
    // (a verb the tagger read as an adjective, "A crowd of 31,450 watched", or a place word, "inside")
    if (after && !breaksAfter(toks[num.last]!) && !has(after, 'Preposition') && !isVerbTok(after) && !['by', 'as', 'in', 'on', 'after', 'before', 'when', 'and', 'inside', 'outside', 'across', 'packed', 'crammed'].includes(after.norm) && !(/^\p{Ll}{3,}ed$/u.test(after.text) && !has(after, 'Noun'))) return null;
    const b = left.before;
    let subject: NounPhrase | null = null;
    const prev = toks[b];
    if (!prev) return null;
    if (prev.norm === 'of' && !left.definite) {
      // "a crowd of 48,200", "a death toll of 12"
      const np = nounPhraseBefore(toks, b);
      const opener = (x: number) => toks[x] !== undefined && (toks[x]!.norm === 'a' || toks[x]!.norm === 'an' || DEFINITE.has(toks[x]!.norm));
      // (the determiner in the phrase, or just before it: "A crowd of 31,450 watched")
      if (np && (opener(np.first) || (opener(np.first - 1) && !breaksAfter(toks[np.first - 1]!)))) subject = np;
    } else {
      let v = b;
      // ("Births went from 46,100 in 2024 to 45,600": the first level of a change, of the verb's subject)
      const fromLevel = prev.norm === 'from' && toks.slice(num.last + 1, num.last + 6).some((t) => t.norm === 'to');
      if (prev.norm === 'at' || prev.norm === 'to' || fromLevel) v = b - 1;
      // "put the number of fatalities at 11", "estimated the toll at 40": the object is what the figure counts.
      if (prev.norm === 'at' && toks[v] && !isVerbTok(toks[v])) {
        const object = nounPhraseBefore(toks, b);
        const verb = object ? toks[object.first - 1] : undefined;
        if (!object || !verb || !isVerbTok(verb) || !LEVEL_AT_VERBS.has(verbLemma(verb))) return null;
        subject = object;
      }
      const verb = toks[v];
      if (!subject && (!verb || !isVerbTok(verb))) return null;
      if (!subject) {
        const lemma = verbLemma(verb!);
        const ok = prev.norm === 'at' ? LEVEL_AT_VERBS.has(lemma) : prev.norm === 'to' ? CHANGE_VERBS.has(lemma) : fromLevel ? CHANGE_VERBS.has(lemma) || lemma === 'go' : LEVEL_VERBS.has(lemma);
        if (!ok) return null;
        subject = subjectOfVerb(toks, v);
      }
    }
    if (!subject || isPronoun(toks[subject.head])) return null;
    // ("the region's licensed strippers are over 50", "a third of the injured were under 25": people
    // who are over or under a number are of an age, not that many)
    const aged = ['over', 'under', 'above', 'below'].includes(norm(num.first - 1)) && toks[num.first - 2] !== undefined && verbLemma(toks[num.first - 2]!) === 'be';
    if (aged && (wordnet()?.synsets(nounLemma(toks[subject.head]!), 'n').slice(0, 2).some((x) => x.lexfile === 18) ?? false)) return null;
    // ("the confirmed toll": the determiner may stand before a participle the phrase left out)
    let det = subject.first;
    while (det > subject.first - 3 && det > 0 && !DEFINITE.has(toks[det]!.norm) && !isDeterminer(toks[det]) && !breaksAfter(toks[det - 1]!)) det--;
    const q = base('count', left.start, num.last, num.value, '', left, num.first);
    setHead(q, toks, subject);
    // (compared only as a restatement that points back, not bucketed with counts of things)
    q.cls = null;
    q.definite = DEFINITE.has(toks[det]?.norm ?? '');
    // The span runs from the subject: "the confirmed toll stood at nine".
    if (num.first - subject.first <= 8) q.start = toks[q.definite ? det : subject.first]!.start;
    // "the number of injured": what is counted follows "of".
    if (SHELL_NOUNS.has(q.head!) || q.head === 'toll') {
      const of = toks[subject.head + 1]?.norm === 'of' ? nounPhraseAfter(toks, subject.head + 2) : null;
      if (of && of.last <= subject.last + 2) setHead(q, toks, of);
      else q.shell = q.definite;
    }
    return q;
  }

  /** A clause of its own opens between the figure and a later time phrase ("fell 18 percent in the
   *  year after the levy took effect in January 2024"): the time phrase dates that clause. */
  function subordinateBetween(last: number, scopeFirst: number): boolean {
    for (let x = last + 1; x < scopeFirst; x++) if (['after', 'before', 'since', 'when', 'until', 'while', 'because'].includes(toks[x]!.norm) && isVerbTokAhead(x, scopeFirst)) return true;
    return false;
  }
  function isVerbTokAhead(from: number, to: number): boolean {
    for (let x = from + 1; x < to; x++) if (isVerbTok(toks[x]) && !has(toks[x], 'Preposition')) return true;
    return false;
  }

  /** A verb within four words before token `at`, in its clause (eight, past the nouns and prepositions of its object and places). */
  function verbBefore(at: number): boolean {
    // ("had worked for Crustworks Bakery in Avonmouth for nine years": past the places and names the
    // verb's object and place phrases give; a past form the tagger left untagged is a verb too)
    for (let x = at - 1; x >= 0 && x >= at - 8; x--) {
      const t = toks[x]!;
      if (breaksAfter(t)) return false;
      if (isVerbTok(t) && !has(t, 'Noun') && !has(t, 'Auxiliary') && !has(t, 'Copula')) return true;
      if (t.tags.size === 0 && /^[a-z]{3,}ed$/.test(t.text)) return true;
      if (x < at - 4 && !isNounTok(t) && !has(t, 'Preposition') && !isDeterminer(t)) return false;
    }
    return false;
  }

  /** A noun at `k` naming a kind, not a thing: a bare plural ("hotels"), or a singular after "a", "any" or "every" ("a family hotel"). */
  function kindBefore(k: number): boolean {
    const noun = toks[k];
    if (!noun || !isNounTok(noun) || has(noun, 'ProperNoun') || has(noun, 'Possessive') || breaksAfter(noun) || TIME_UNITS.has(nounLemma(noun))) return false;
    let d = k - 1;
    while (d >= 0 && d >= k - 3 && (isNounTok(toks[d]) || has(toks[d], 'Adjective')) && !has(toks[d], 'Possessive') && !breaksAfter(toks[d]!)) d--;
    const det = norm(d);
    if (has(noun, 'Plural')) return !isDeterminer(toks[d]) && !isNumberTok(toks[d]) && !has(toks[d], 'Possessive') && !has(toks[d], 'Value');
    return ['a', 'an', 'any', 'every', 'each'].includes(det);
  }

  /** A past act or one under way, with nothing ahead, in the clause before `at`: "ran the course", "running the 14-kilometre course". */
  function doneBefore(at: number): boolean {
    for (let x = at - 1; x >= 0 && x >= at - 8; x--) {
      const t = toks[x]!;
      if ((breaksAfter(t) && x < at - 1) || AHEAD_WORDS.has(t.norm)) return false;
      // (and none just before the verb: "will have run the course in")
      if (isVerbTok(t) && !has(t, 'Auxiliary') && !has(t, 'Copula') && (has(t, 'PastTense') || has(t, 'Gerund'))) return !toks.slice(Math.max(0, x - 3), x).some((y) => AHEAD_WORDS.has(y.norm));
    }
    return false;
  }

  /** A superlative, a first or a "time" in the clause before: "for N years" is then the period compared over. */
  function comparisonBefore(at: number): boolean {
    for (let x = at - 1; x >= 0 && x >= at - 8; x--) {
      const t = toks[x]!;
      if (x < at - 1 && breaksAfter(t)) return false;
      if (has(t, 'Superlative') || /^(?:first|last|only|time|times|ever|never|since|ago)$/.test(t.norm) || (has(t, 'Adjective') && /est$/.test(t.norm))) return true;
    }
    return false;
  }

  function lastingVerbBefore(at: number): boolean {
    for (let x = at - 1; x >= 0 && x >= at - 4; x--) {
      const t = toks[x]!;
      if (breaksAfter(t)) return false;
      if (isVerbTok(t) && DURATION_VERBS.has(verbLemma(t))) return true;
      // "talks went on for 14 hours"
      if (isVerbTok(t) && verbLemma(t) === 'go' && toks[x + 1]?.norm === 'on') return true;
    }
    return false;
  }

  function describeDuration(q: Quantity, unitIdx: number): void {
    const attached = attachedPhrase(toks, unitIdx);
    if (attached) {
      setHead(q, toks, attached);
      q.end = Math.max(q.end, toks[attached.last]!.end);
      return;
    }
    const of = ofPhrase(toks, unitIdx);
    if (of) {
      setHead(q, toks, of);
      q.definite = false;
      return;
    }
    // ("The stoppage of barely six minutes", "a delay of two hours": the noun before "of" is what lasted)
    const first = toks.findIndex((t) => t.start === q.start);
    const owner = first > 1 && toks[first - 1]!.norm === 'of' ? toks[first - 2]! : undefined;
    if (owner && isNounTok(owner) && !isVerbTok(owner) && /^\p{Ll}+$/u.test(owner.text) && !POSITION_NOUNS.has(owner.norm) && !TIME_UNITS.has(nounLemma(owner))) {
      setHead(q, toks, { first: first - 2, last: first - 2, head: first - 2, mods: [] });
      q.definite = DEFINITE.has(toks[first - 3]?.norm ?? '');
      return;
    }
    // ("a ban lasting 23 days": the noun the participle follows is what lasted)
    const lasting = toks[first - 1];
    if (first > 1 && lasting && /ing$/.test(lasting.norm) && DURATION_VERBS.has(verbLemma(lasting)) && isNounTok(toks[first - 2]) && !isVerbTok(toks[first - 2]) && /^\p{Ll}+$/u.test(toks[first - 2]!.text)) {
      setHead(q, toks, { first: first - 2, last: first - 2, head: first - 2, mods: [] });
      q.definite = DEFINITE.has(toks[first - 3]?.norm ?? '');
      return;
    }
    if (q.frame.verb !== null && DURATION_VERBS.has(q.frame.verb) && q.frame.verbIdx >= 0) {
      const subj = subjectOfVerb(toks, q.frame.verbIdx);
      if (subj && !isPronoun(toks[subj.head])) {
        setHead(q, toks, subj);
        q.definite = DEFINITE.has(toks[subj.first]!.norm);
      }
    }
  }

  function describeMeasure(q: Quantity, num: NumberAt, last: number): void {
    const keys = new Set<string>();
    const after = untilPeriod(toks, nounPhraseAfter(toks, last + 1));
    if (after && norm(last + 1) !== 'of') {
      const head = nounLemma(toks[after.head]!);
      for (const m of lemmas(toks, after.mods)) keys.add(m);
      if (SHELL_NOUNS.has(head)) q.shell = q.definite;
      else keys.add(head);
      q.end = Math.max(q.end, toks[after.last]!.end);
      q.head = head;
      q.cls = referentClass(head);
      // "a 35 percent rise in complaints"
      const p = norm(after.last + 1);
      if (p === 'in' || p === 'of') {
        let x = after.last + 2;
        while (isDeterminer(toks[x])) x++;
        const np2 = untilPeriod(toks, nounPhraseAfter(toks, x));
        if (np2) keys.add(nounLemma(toks[np2.head]!));
      }
    }
    const of = ofPhrase(toks, last);
    if (of) keys.add(nounLemma(toks[of.head]!));
    // ("spent €18.5 million on advertising", "invested £4 million in fire safety": what a sum spent goes on)
    if (q.kind === 'amount' && /^[A-Z]{3}$/.test(q.unit) && SPEND_VERBS.has(q.frame.verb ?? '') && (norm(last + 1) === 'on' || (norm(last + 1) === 'in' && q.frame.verb === 'invest'))) {
      let x = last + 2;
      while (isDeterminer(toks[x])) x++;
      const np = untilPeriod(toks, nounPhraseAfter(toks, x));
      if (np && !isPronoun(toks[np.head])) keys.add(nounLemma(toks[np.head]!));
    }
    // ("Of the seized eels, 92 percent were still alive": the whole told first, in front of the share)
    else if (q.kind === 'percent') {
      const whole = frontedWhole(toks, num.first);
      if (whole !== null) keys.add(whole);
    }
    // ("charges 45,000 zloty for a Saturday in June", "€90 for a night": a price for each)
    const priceFor = q.kind === 'amount' && norm(last + 1) === 'for' && ['a', 'an', 'each', 'every'].includes(norm(last + 2)) && toks[last + 3] !== undefined && (WEEKDAYS.includes(norm(last + 3)) || TIME_UNITS.has(nounLemma(toks[last + 3]!))) ? nounLemma(toks[last + 3]!) : null;
    q.rate = rateAfter(toks, last + 1) ?? priceFor ?? rateWordNear(toks, num.first, last);
    // "reduced clinical cases by 68 percent": the object before "by"; "losses of around 2 million euros": the noun before "of".
    const lb = leftContext(toks, num.first);
    // ("a grant of HUF 4.5 million": past a currency code written before the number)
    let before = /^(?:[A-Z]{3}|[$£€¥])$/.test(toks[lb.before]?.text ?? '') ? leftContext(toks, lb.before).before : lb.before;
    // ("an indexation of just 3 percent": past a word that only stresses the figure)
    while (before > 0 && STRESS.has(norm(before))) before--;
    const prep = norm(before);
    if (prep === 'by' || prep === 'of' || prep === 'at') {
      const np = nounPhraseBefore(toks, before);
      if (np && !isPronoun(toks[np.head])) keys.add(nounLemma(toks[np.head]!));
    }
    // ("paying bribes totalling €320,000", "fines amounting to £2 million": the noun a participle of
    // costing follows is what the sum is of)
    if (q.kind === 'amount' && /^[A-Z]{3}$/.test(q.unit) && !q.frame.subject && COST_VERBS.has(q.frame.verb ?? '') && q.frame.verbIdx > 0 && /ing$/.test(norm(q.frame.verbIdx))) {
      const n = toks[q.frame.verbIdx - 1]!;
      if (isNounTok(n) && !isVerbTok(n) && /^\p{Ll}/u.test(n.text) && !breaksAfter(n)) keys.add(nounLemma(n));
    }
    if (q.frame.subject && !q.frame.isSubject) {
      // A subject is weaker evidence than the phrase itself: it must come with the same verb.
      keys.add(`${q.frame.subject}@${q.frame.verb ?? ''}`);
      // (unless the verb says the sum is what the subject costs: "The cameras cost €260,000", "the
      // park, which carries a €45 million price tag")
      if (q.kind === 'amount' && /^[A-Z]{3}$/.test(q.unit) && COST_VERBS.has(q.frame.verb ?? '')) keys.add(q.frame.subject);
      // "The first phase cost ..." / "The second phase will cost ...": the subject's modifiers tell them apart.
      const subj = q.frame.subjectIdx;
      for (let x = subj - 1; x >= 0 && x >= subj - 3; x--) {
        const t = toks[x]!;
        if (isDeterminer(t) || breaksAfter(t)) break;
        if (has(t, 'Adjective') || has(t, 'Ordinal') || isNounTok(t)) q.names.push(`mod:${nounLemma(t)}`);
      }
    }
    for (const k of [...keys]) if (SHELL_NOUNS.has(k.split('@')[0]!)) keys.delete(k);
    q.keys = [...keys];
  }
}

/** The possessive of a group a sport divides into classes: "women's", "men's", "boys'", "juniors'". */
const GROUP_POSSESSIVE = /^(?:men|women|boys?|girls?|juniors?|seniors?|veterans?|masters?)['’]s?$/;

/** Right after a number, words that make it a difference: "four fewer teams", "200 more beds". */
const DIFFERENCE_AFTER = new Set(['fewer', 'more', 'less']);

/** Verbs that say a sum is what their subject costs. */
const COST_VERBS = new Set(['cost', 'carry', 'total', 'come', 'amount']);
/** Verbs of spending a sum on something. */
const SPEND_VERBS = new Set(['spend', 'invest', 'allocate', 'earmark', 'devote', 'pour']);

/** "expected to", "set to", "due to" before the verb of an act still to come. */
const SCHEDULED_TO = new Set(['expected', 'set', 'due', 'scheduled', 'likely', 'planned']);
/** Words that only stress a figure ("just 3 percent", "only €90"). */
const STRESS = new Set(['just', 'only', 'merely', 'barely', 'mere']);
/** Modifiers of a set added to others ("an additional 40 staff"); after "the" or "these" they name that set. */
const ADDED = new Set(['additional', 'extra', 'further', 'more']);
const QUALIFIERS_BEFORE = new Set(['about', 'around', 'some', 'nearly', 'almost', 'just', 'only', 'roughly', 'barely', 'over', 'under']);
/** "Of the seized eels, 92 percent ...": the noun of an "of" phrase opening the sentence, a comma and at most a qualifier before the figure at `first`. */
function frontedWhole(toks: readonly Tok[], first: number): string | null {
  if (toks[0]?.norm !== 'of') return null;
  let x = 1;
  while (x < first && isDeterminer(toks[x])) x++;
  const np = nounPhraseAfter(toks, x);
  if (!np || !toks[np.last]!.post.includes(',') || np.last >= first) return null;
  for (let k = np.last + 1; k < first; k++) if (!QUALIFIERS_BEFORE.has(toks[k]!.norm)) return null;
  const t = toks[np.head]!;
  return isNounTok(t) && !isPronoun(t) ? nounLemma(t) : null;
}

function singularOf(word: string): string {
  return singular(word);
}

function setHead(q: Quantity, toks: readonly Tok[], np: NounPhrase): void {
  q.head = nounLemma(toks[np.head]!);
  q.cls = referentClass(q.head);
  // (not an -ly adverb before a modifier: "newly discovered")
  const mods = np.mods.filter((m) => !isNumberTok(toks[m]) && !isDeterminer(toks[m]) && !(has(toks[m], 'Adverb') && /ly$/.test(toks[m]!.norm)));
  q.mods = lemmas(toks, mods);
  q.modVerbs = mods.map((m) => (has(toks[m], 'PastTense') || has(toks[m], 'Participle') ? verbLemma(toks[m]!) : ''));
  // ("a 30-day consultation period", "a six-week notice period": a length's period is of its modifier)
  if (q.kind === 'duration' && STRETCH_NOUNS.has(q.head) && q.mods.length > 0 && q.modVerbs.at(-1) === '') {
    q.head = q.mods.at(-1)!;
    q.cls = referentClass(q.head);
    q.mods = q.mods.slice(0, -1);
    q.modVerbs = q.modVerbs.slice(0, -1);
  }
}

/** A count told with its noun: "48 school teams", "1,240 direction signs" (a number, up to two modifiers, a plural). */
const COUNT_TOLD = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\s+((?:[\p{Ll}-]+\s+){0,2}?)(\p{Ll}{3,}s)\b/gu;

/** Nouns that name a stretch of time and nothing of their own. */
const STRETCH_NOUNS: ReadonlySet<string> = new Set(['period', 'spell', 'stretch', 'span', 'window', 'phase', 'interval']);

/** "Australian dollars", "Swiss francs", "New Zealand dollars" at token j: the currency's code and its last token. */
function nationalCurrency(toks: readonly Tok[], j: number): [string, number] | null {
  const adj = toks[j];
  if (!adj || !/^\p{Lu}/u.test(adj.text)) return null;
  // "New Zealand", "Hong Kong", "Sri Lankan": the country's last word decides.
  const at = /^\p{Lu}/u.test(toks[j + 1]?.text ?? '') && currencyOfWord(nounLemma(toks[j + 2] ?? adj)) !== undefined ? j + 1 : j;
  const word = toks[at + 1];
  const code = word ? currencyOfWord(nounLemma(word)) : undefined;
  if (!code) return null;
  const national = NATIONAL_CURRENCIES.get(`${toks[at]!.norm.replace(/\./g, '')} ${code}`);
  return national ? [national, at + 1] : null;
}

function currencyBefore(t: Tok): string | null {
  const p = t.pre.trim();
  const c = p ? p[p.length - 1]! : '';
  return CURRENCY_SYMBOLS.get(c) ?? null;
}

/** Years, dates, times and codes that chrono did not already take. */
/**
 * A whole figure right after a name, or after a singular noun that opens its phrase, names a thing:
 * "a Category 1 hurricane", "a category 1 hurricane", "Flight 370", "Sakhalin 5", "a level 4 alert"
 * (a label, not a count). Not "fined TixSwap 2.4 million euros", "in total 5 people", "The company
 * cut 300 jobs", "In Paris 300 people marched".
 */
function isLabel(toks: readonly Tok[], num: NumberAt): boolean {
  const t = toks[num.first]!;
  const prev = toks[num.first - 1];
  const next = toks[num.last + 1];
  if (num.words || !prev || num.first < 2 || !/^\s+$/.test(prev.post) || !/^\d{1,4}$/.test(t.text)) return false;
  if (next && (MULTIPLIERS.has(next.norm) || /^(?:percent|per|pct|%)$/.test(next.norm))) return false;
  // ("a record 115 tonnes", "the statutory 14 days": a unit after the figure measures; no label takes one)
  if (next && (MEASURE_UNITS.has(nounLemma(next)) || TIME_UNITS.has(nounLemma(next)) || currencyOfWord(nounLemma(next)) !== undefined)) return false;
  if (isNumberTok(prev) || has(prev, 'Possessive') || WEEKDAYS.includes(prev.norm) || NOT_LABELS.has(prev.norm)) return false;
  if (/^\p{Lu}/u.test(prev.text)) return !isPlaceAfterPreposition(toks, num.first - 1);
  // (a common noun: singular, no other reading, opening its phrase after a determiner or a comma)
  const opener = toks[num.first - 2]!;
  const singularNoun = /^\p{Ll}+$/u.test(prev.text) && isNounTok(prev) && !has(prev, 'Plural') && !isVerbTok(prev) && !has(prev, 'Adjective') && !has(prev, 'Preposition') && !isDeterminer(prev);
  return singularNoun && (isDeterminer(opener) || /,\s*$/.test(opener.post));
}

/** "In Paris 300 people marched", "in Ohio 40 were hurt": a place set before a count, not its label. */
function isPlaceAfterPreposition(toks: readonly Tok[], k: number): boolean {
  let j = k;
  while (j > 0 && /^\p{Lu}/u.test(toks[j - 1]!.text) && /^\s+$/.test(toks[j - 1]!.post)) j--;
  return (j > 0 && has(toks[j - 1], 'Preposition')) || isPlaceName(toks[k]!.norm);
}

/** "last year", "this quarter", "next month": a time, not words of the phrase a share or a sum is of. */
const PERIOD_OPENERS = new Set(['last', 'this', 'next', 'previous', 'past', 'coming']);
const PERIOD_NOUNS = new Set(['year', 'month', 'week', 'quarter', 'season', 'decade', 'day', 'night', 'weekend', 'summer', 'winter', 'spring', 'autumn', 'term', 'half', 'century']);

/**
 * The noun phrase cut where a time begins ("fell by 31 percent last year": no phrase; "a slump in
 * European orders last year": "European orders"), null when nothing is left of it.
 */
function untilPeriod(toks: readonly Tok[], np: NounPhrase | null): NounPhrase | null {
  if (!np) return null;
  for (let k = np.first; k <= np.last; k++) {
    if (!PERIOD_OPENERS.has(toks[k]!.norm) || !PERIOD_NOUNS.has(toks[k + 1]?.norm.replace(/s$/, '') ?? '')) continue;
    const kept = [...np.mods, np.head].filter((x) => x < k).sort((x, y) => x - y);
    const head = [...kept].reverse().find((x) => isNounTok(toks[x]));
    if (head === undefined) return null;
    return { first: np.first, last: head, head, mods: kept.filter((x) => x < head) };
  }
  return np;
}

/** Words right before a figure that make it a capacity ("built to hold", "designed for", "room for", "can hold"). */
const CAPACITY_BEFORE = /(?:^|\s)(?:(?:built|designed|meant|intended|planned)\s+(?:to\s+(?:hold|house|seat|accommodate|take|carry)|for)|room\s+for|(?:can|could)\s+(?:hold|house|seat|accommodate|take|carry)|(?:able|enough)\s+to\s+(?:hold|house|seat|accommodate|carry))(?:\s+(?:up\s+to|about|around|some|nearly|almost|more\s+than|over|just))?$/;

/** Words a bare figure may follow and still count: "About 40 people", "in total 5 people". */
const NOT_LABELS = new Set(['us', 'uk', 'eu', 'a', 'an', 'the', 'about', 'some', 'nearly', 'almost', 'over', 'under', 'more', 'less', 'fewer', 'only', 'just', 'all', 'around', 'roughly', 'approximately', 'at', 'by', 'to', 'of', 'in', 'on', 'for', 'total', 'than', 'top', 'number', 'no.', 'aged', 'age', 'record']);
const MULTIPLIERS = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'm', 'bn', 'k']);

function isDateOrCode(toks: readonly Tok[], num: NumberAt): boolean {
  const t = toks[num.first]!;
  const prev = toks[num.first - 1];
  const next = toks[num.last + 1];
  if (!num.words && /^\d{4}$/.test(t.text) && num.value >= 1800 && num.value <= 2200) {
    // A year, unless it counts something: "2000 people".
    if (!(next && has(next, 'Plural') && !hyphenJoined(t))) return true;
  }
  // ("17 May, nine inmates escaped": a comma ends the date)
  const monthBefore = prev !== undefined && !/,/.test(prev.post) && (has(prev, 'Month') || (MONTHS.includes(prev.norm) && (prev.norm !== 'may' || prev.text === 'May')));
  if (monthBefore || has(next, 'Month') || (next && MONTHS.includes(next.norm.replace(/\.$/, '')))) return true;
  if (prev && hyphenJoined(prev) && /^\d/.test(prev.text)) return true;
  if (next && /^(am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet)$/i.test(next.text)) return true;
  if (prev?.norm === 'mid' && hyphenJoined(prev)) return true;
  if (isLabel(toks, num)) return true;
  // "the age of 19": an age, not a count.
  if (prev?.norm === 'of' && toks[num.first - 2] !== undefined && nounLemma(toks[num.first - 2]!) === 'age') return true;
  // "three-dimensional", "two-sided": a figure joined to a word with no noun sense makes an adjective.
  // ("a 30-strong crew" counts its members)
  if (next && hyphenJoined(toks[num.last]!) && /^\p{Ll}+$/u.test(next.text) && next.norm !== 'strong' && (wordnet()?.synsets(next.norm, 'n').length ?? 1) === 0 && (wordnet()?.synsets(next.norm, 'a').length ?? 0) > 0) return true;
  return false;
}

type BaseFn = (kind: QuantityKind, first: number, last: number, value: number, unit: string, left: ReturnType<typeof leftContext>, numFirst: number) => Quantity;

/** "This marks the sixth conversation", "The strike is the first at Valmora since 2019". */
function rank(toks: readonly Tok[], chunks: readonly number[], num: NumberAt, left: ReturnType<typeof leftContext>, base: BaseFn, scopeOf: (idx: number) => Scope | null): Quantity | null {
  const det = num.first - 1;
  // ("the Chancellor's fourth meeting", "Kohi's fifth final": a name's possessive is a determiner)
  const possessive = toks[det] !== undefined && has(toks[det], 'Possessive') && /^\p{Lu}/u.test(toks[det]!.text);
  if (!possessive && !['the', 'its', 'their', 'his', 'her', 'our'].includes(toks[det]?.norm ?? '')) return null;
  // ("the third-largest supplier", "the second most visited site": a rank by size, not a place in a series)
  const next = toks[num.last + 1];
  if (next && (has(next, 'Superlative') || next.norm === 'most' || next.norm === 'least' || (/^\p{Ll}{3,}est$/u.test(next.norm) && hyphenJoined(toks[num.last]!)))) return null;
  let v = possessive && toks[det - 1]?.norm === 'the' ? det - 2 : det - 1;
  while (v >= 0 && (isAdverbLike(toks[v]) || ['also', 'only', 'just', 'now', 'already', 'still', 'not', 'officially'].includes(toks[v]!.norm))) v--;
  const verb = toks[v];
  const after = nounPhraseAfter(toks, num.last + 1);
  // "Storm Corwen, the third named storm of the season, made landfall": an appositive names what the name is
  const appositive = det > 0 && /^,\s*$/.test(toks[det - 1]!.post) && /^\p{Lu}/u.test(toks[det - 1]!.text) && after !== null;
  const predicative = appositive || (verb !== undefined && (isVerbTok(verb) || verb.norm === "'s") && COPULA_LIKE.has(verb.norm === "'s" ? 'be' : verbLemma(verb)) && chunks[v] === chunks[num.first]);
  if (!predicative) {
    // "after the third cyberattack on its systems this year": a rank with its own scope.
    const sc = scopeOf(num.first);
    if (!after || !sc || chunks[sc.first] !== chunks[num.first] || sc.first < num.first) return null;
  }
  let np = after;
  if (!np) {
    let s = v;
    while (s > 0 && (has(toks[s - 1], 'Auxiliary') || has(toks[s - 1], 'Adverb'))) s--;
    np = nounPhraseBefore(toks, s);
    if (!np || isPronoun(toks[np.head])) return null;
  }
  if (NOT_REFERENTS.has(nounLemma(toks[np.head]!)) || TIME_UNITS.has(nounLemma(toks[np.head]!))) return null;
  const last = after ? after.last : num.last;
  const q = base('ordinal', det, last, num.value, '', { ...left, start: det }, num.first);
  setHead(q, toks, np);
  q.definite = true;
  // "the first at Valmora since 2019": the span runs on to the scope that bounds the rank.
  const sc = q.scope;
  if (sc && sc.first > last && sc.first - last <= 6 && chunks[sc.first] === chunks[num.first]) q.end = toks[sc.last]!.end;
  return q;
}

