// What a quantity is about: the noun phrase it counts (head noun, lemmatised, and its modifiers),
// the clause it sits in (governing verb, subject), and helpers to walk noun phrases left and right.

import { DEFINITE, referentClass, ROLE_NOUNS, TIME_UNITS } from './lexicon';
import { hasNounSense, wordnet } from './wordnet';

const TIME_DEICTICS = new Set(['last', 'next', 'this', 'that', 'every', 'each', 'per', 'a']);
import { infinitive, singular, type Tok } from './nlp';
import {
  breaksAfter,
  breaksBefore,
  has,
  hyphenJoined,
  isAcronym,
  isAuxiliary,
  isCapitalised,
  isCompoundModifier,
  isCopula,
  isDeterminer,
  isNominalGerund,
  isNounTok,
  isNumberTok,
  isPronoun,
  isVerbTok,
} from './tokens';

/** Lemma of a noun token: lower case, singular, without a possessive 's. */
export function nounLemma(t: Tok): string {
  const n = t.norm.replace(/['’]s$/, '').replace(/['’]$/, '');
  if (isAcronym(t)) return n;
  return singular(n);
}

/** A lower-case -s word that is the plural of a noun WordNet has ("points", "coaches"), whatever the tagger read it as. */
export function pluralOfNoun(t: Tok): boolean {
  if (!/^\p{Ll}{3,}s$/u.test(t.text)) return false;
  const one = nounLemma(t);
  return one !== t.norm && (wordnet()?.synsets(one, 'n').length ?? 0) > 0;
}

export function verbLemma(t: Tok): string {
  return infinitive(t.norm, t.tags);
}

/** ("the 1,200 large firms surveyed": a number and an adjective have no verb after them; the -s word is their plural noun) */
function afterAdjective(toks: readonly Tok[], k: number): boolean {
  const before = toks[k - 1];
  return k >= 2 && isNumberTok(toks[k - 2]) && !breaksAfter(toks[k - 2]!) && before !== undefined && has(before, 'Adjective') && !isNounTok(before) && !isVerbTok(before) && !breaksAfter(before);
}

/** Prepositions the tagger may read as adjectives ("14 protesters outside parliament", "people on board"): they end a noun phrase. */
const PLACE_PREPOSITIONS = new Set(['outside', 'inside', 'near', 'beyond', 'behind', 'across', 'around', 'along', 'opposite', 'beneath', 'underneath', 'aboard', 'within', 'throughout', 'on', 'in', 'at', 'of', 'for', 'to', 'from', 'with', 'by', 'into', 'onto', 'over', 'under', 'off', 'upon']);

/** Adverbs the tagger may read as adjectives; after a noun they start the predicate. */
const NOT_MODIFIERS = new Set(['still', 'also', 'just', 'only', 'even', 'already', 'yet', 'now', 'then', 'again', 'ever', 'never', 'almost', 'nearly', 'mostly', 'largely', 'alone', 'together', 'later', 'earlier', 'soon']);

/** A gerund after a hyphenated modifier is its noun: "a face-to-face meeting between". */
function gerundAfterCompound(toks: readonly Tok[], k: number): boolean {
  return k > 1 && hyphenJoined(toks[k - 2]!) && /ing$/.test(toks[k]!.norm) && !breaksAfter(toks[k - 1]!);
}

/** A token that can sit inside a noun phrase before its head (or be the head). */
function nounish(toks: readonly Tok[], k: number, first: boolean): boolean {
  const t = toks[k]!;
  // ("face-to-face", "state-of-the-art": every piece of a hyphenated word is one modifier)
  // (not a rate glued in: "10,000-rupee-per-acre")
  if (t.norm !== 'per') {
    if (!first && k > 0 && hyphenJoined(toks[k - 1]!) && !isNumberTok(t)) return true;
    // (not a preposition opening the phrase: "the sixteen on-board" names no board)
    if (hyphenJoined(t) && k + 1 < toks.length && !isNumberTok(t) && (!first || (!isDeterminer(t) && !has(t, 'Preposition') && !PLACE_PREPOSITIONS.has(t.norm)))) return !isPronoun(t);
  }
  if (!first && gerundAfterCompound(toks, k)) return true;
  if (isPronoun(t) || isDeterminer(t) || isNumberTok(t) || PLACE_PREPOSITIONS.has(t.norm)) return false;
  if (has(t, 'Preposition') || has(t, 'Conjunction') || isCopula(t) || isAuxiliary(t) || has(t, 'QuestionWord')) return false;
  if (isNounTok(t) || has(t, 'Adjective') || isNominalGerund(toks, k)) return true;
  if (isCompoundModifier(toks, k)) return true;
  // ("the newly discovered species", "23 fully vaccinated adults": an -ly adverb before a modifier)
  if (/^\p{Ll}{3,}ly$/u.test(t.text) && has(t, 'Adverb') && toks[k + 1] && (has(toks[k + 1], 'Participle') || has(toks[k + 1], 'PastTense') || has(toks[k + 1], 'Adjective')) && isNounTok(toks[k + 2]) && !breaksAfter(t)) return true;
  // Right after a number, an -s word is a plural noun whatever the tagger thought ("six cranes stood").
  if (first && /s$/.test(t.norm) && has(t, 'PresentTense')) return true;
  if (first && nounAfterDefiniteFigure(toks, k)) return true;
  if (!first && has(t, 'PresentTense') && afterAdjective(toks, k) && pluralOfNoun(t)) return true;
  // A gerund or participle before a noun modifies it: "two reading rooms", "2,300 completed homes".
  if ((has(t, 'Gerund') || has(t, 'PastTense') || has(t, 'Participle')) && isNounTok(toks[k + 1]) && !breaksAfter(t)) return true;
  // The second half of a hyphenated word: "night-shift", "late-stage".
  if (k > 0 && hyphenJoined(toks[k - 1]!)) return true;
  return false;
}

/**
 * "Without the £1.5 million award, the tour ...": a verb's bare form right after "the" and a figure,
 * closing the clause, is the figure's noun (when WordNet has it as one). (Not before a preposition or
 * a verb: that lost a pair on a held-out split.)
 */
function nounAfterDefiniteFigure(toks: readonly Tok[], k: number): boolean {
  const t = toks[k]!;
  if (!isVerbTok(t) || has(t, 'PastTense') || has(t, 'Gerund') || has(t, 'Participle') || /s$/.test(t.norm)) return false;
  const next = toks[k + 1];
  if (!breaksAfter(t) && next !== undefined) return false;
  let x = k - 1;
  while (x >= 0 && x >= k - 4 && (isNumberTok(toks[x]) || /^(?:[$£€¥]|[A-Z]{3})$/.test(toks[x]!.text)) && !breaksAfter(toks[x]!)) x--;
  if (x === k - 1 || x < 0 || !DEFINITE.has(toks[x]!.norm)) return false;
  return (wordnet()?.synsets(t.norm, 'n').length ?? 0) > 0;
}

export interface NounPhrase {
  /** Token indices, inclusive. */
  first: number;
  last: number;
  head: number;
  /** Modifier tokens between `first` and the head. */
  mods: number[];
}

/** The noun phrase that starts at token j (after a number): "phone conversations", "container ships". */
export function nounPhraseAfter(toks: readonly Tok[], j: number): NounPhrase | null {
  if (j > 0 && toks[j - 1] && breaksAfter(toks[j - 1]!)) return null;
  const taken: number[] = [];
  for (let k = j; k < toks.length; k++) {
    const t = toks[k]!;
    if (k > j && breaksBefore(t)) break;
    if (!nounish(toks, k, k === j)) break;
    // ("her 51.7 percent share still left room": an adverb the tagger read as an adjective ends the
    // phrase after its noun)
    if (taken.length > 0 && NOT_MODIFIERS.has(t.norm) && isNounTok(toks[taken[taken.length - 1]!]!)) break;
    // ("nine agreements covering customs": an -ing word after a plural noun opens a clause about it)
    if (taken.length > 0 && /ing$/.test(t.norm) && has(toks[taken[taken.length - 1]!], 'Plural') && !hyphenJoined(toks[k - 1]!)) break;
    // ("4.7 million containers last year": a time phrase after the noun ends it)
    if (taken.length > 0 && TIME_DEICTICS.has(t.norm) && toks[k + 1] !== undefined && TIME_UNITS.has(singular(toks[k + 1]!.norm))) break;
    // ("60 volunteers took part", "nine inmates escaped jail": a past form after a plural noun is its verb)
    if (taken.length > 0 && isVerbTok(t) && (has(t, 'PastTense') || has(t, 'Participle')) && !isNounTok(t) && has(toks[taken[taken.length - 1]!], 'Plural') && !hyphenJoined(toks[k - 1]!)) break;
    taken.push(k);
    if (breaksAfter(t)) break;
  }
  let h = taken.length - 1;
  while (h >= 0) {
    const t = toks[taken[h]!]!;
    // (a present-tense -s word first is a plural noun, "2.3 million phones", unless its object follows:
    // "a bill of €2.6 million includes the pontoons")
    const object = /^(?:the|a|an|its|their|his|her|our|this|these|those)$/.test(toks[taken[h]! + 1]?.norm ?? '');
    if (isNounTok(t) || isNominalGerund(toks, taken[h]!) || gerundAfterCompound(toks, taken[h]!) || (h === 0 && /s$/.test(t.norm) && has(t, 'PresentTense') && !object) || (h > 0 && has(t, 'PresentTense') && !object && afterAdjective(toks, taken[h]!) && pluralOfNoun(t)) || (h === 0 && taken[0] === j && nounAfterDefiniteFigure(toks, j))) break;
    h--;
  }
  if (h < 0) return null;
  const head = taken[h]!;
  return { first: taken[0]!, last: head, head, mods: taken.slice(0, h) };
}

/**
 * The noun phrase that ends just before token i, walking left: "presidential aide Yury Ushakov",
 * "Professor Lars Heine of the Karolinska Institute", "the port authority". Stops at punctuation,
 * verbs and clause words. With `crossComma`, a comma right before i is stepped over first.
 */
export function nounPhraseBefore(toks: readonly Tok[], i: number, opts: { crossComma?: boolean; allowOf?: boolean } = {}): NounPhrase | null {
  let k = i - 1;
  if (k < 0) return null;
  if (breaksAfter(toks[k]!) && !(opts.crossComma && /^,\s*$/.test(toks[k]!.post))) return null;
  const taken: number[] = [];
  const canContinueThroughOf = (at: number): boolean => {
    // "trial of the vaccine", "Lars Heine of the Karolinska Institute": walk on through "of".
    const of = toks[at];
    const before = toks[at - 1];
    if (opts.allowOf === false || !of || breaksAfter(of) || before === undefined || breaksAfter(before)) return false;
    if (of.norm === 'of') return isNounTok(before) || isCapitalised(before);
    // "a spokesman for the operator": a role noun and whom it speaks for.
    return of.norm === 'for' && ROLE_NOUNS.has(nounLemma(before));
  };
  while (k >= 0) {
    const t = toks[k]!;
    if (taken.length > 0 && breaksAfter(t)) break;
    if (isDeterminer(t) && !isPronoun(t)) {
      if (taken.length === 0) break;
      taken.unshift(k);
      if (canContinueThroughOf(k - 1)) {
        taken.unshift(k - 1);
        k -= 2;
        continue;
      }
      break;
    }
    if (taken.length > 0 && canContinueThroughOf(k)) {
      taken.unshift(k);
      k--;
      continue;
    }
    const nounLike =
      isNounTok(t) ||
      isNominalGerund(toks, k) ||
      has(t, 'Adjective') ||
      (isCapitalised(t) && !isVerbTok(t) && !isPronoun(t) && !has(t, 'Preposition') && !has(t, 'Conjunction') && !has(t, 'QuestionWord')) ||
      isAcronym(t) ||
      (taken.length > 0 && isCompoundModifier(toks, k)) ||
      (taken.length > 0 && has(t, 'Gerund') && isNounTok(toks[k + 1]) && !breaksAfter(t)) ||
      // "Council records show": an -s word right before a verb is a plural noun.
      (taken.length === 0 && /s$/.test(t.norm) && has(t, 'PresentTense') && isVerbTok(toks[k + 1]) && !isAuxiliary(toks[k + 1])) ||
      (k > 0 && hyphenJoined(toks[k - 1]!)) ||
      (hyphenJoined(t) && taken.length > 0) ||
      (isNumberTok(t) && taken.length > 0) ||
      // ("the Welsh Government's transport department": a base verb after a determiner or a
      // possessive is a noun modifying the next)
      (taken.length > 0 && has(t, 'Infinitive') && k > 0 && (has(toks[k - 1], 'Possessive') || isDeterminer(toks[k - 1]!)) && !breaksAfter(t) && !breaksAfter(toks[k - 1]!));
    if (nounLike && !isPronoun(t)) {
      taken.unshift(k);
      k--;
      continue;
    }
    if (taken.length === 0 && isPronoun(t)) taken.unshift(k);
    break;
  }
  if (taken.length === 0) return null;
  const first = taken[0]!;
  const last = taken[taken.length - 1]!;
  // Head: the last noun before a first "of" (or "for"), else the last noun.
  let ofAt = -1;
  for (let x = first; x <= last; x++) {
    if (toks[x]!.norm === 'of' || toks[x]!.norm === 'for') {
      ofAt = x;
      break;
    }
  }
  const headEnd = ofAt >= 0 ? ofAt - 1 : last;
  let head = -1;
  for (let x = headEnd; x >= first; x--) {
    const t = toks[x]!;
    // ("Gazeta Dunajca, a local weekly, reported": an adjective closing a determiner's phrase before a
    // comma is its noun, when WordNet has it as one)
    const adjectiveAsNoun = x === last && x > first && has(t, 'Adjective') && isDeterminer(toks[first]!) && /,/.test(t.post) && hasNounSense(t.norm);
    if (isNounTok(t) || isNominalGerund(toks, x) || isPronoun(t) || isAcronym(t) || (isCapitalised(t) && !isDeterminer(t)) || (x === last && x === i - 1 && /s$/.test(t.norm) && has(t, 'PresentTense')) || adjectiveAsNoun) {
      head = x;
      break;
    }
  }
  if (head < 0) return null;
  const mods: number[] = [];
  for (let x = first; x < head; x++) if (!isDeterminer(toks[x]!)) mods.push(x);
  return { first, last, head, mods };
}

/**
 * The subject phrase that ends before token v (a verb), not reaching before token `from`:
 * "Unemployment in the region stood" -> "Unemployment", past the prepositional phrase.
 */
export function subjectBefore(toks: readonly Tok[], v: number, from = 0): NounPhrase | null {
  let np = nounPhraseBefore(toks, v);
  while (np && np.first - 2 >= from && has(toks[np.first - 1], 'Preposition') && !breaksAfter(toks[np.first - 2]!)) {
    const outer = nounPhraseBefore(toks, np.first - 1);
    if (!outer || outer.first < from) break;
    np = outer;
  }
  return np && np.first >= from ? np : null;
}

export interface Frame {
  /** Lemma of the verb that governs the mention (the nearest full verb before it in its clause, or after it for a subject). */
  verb: string | null;
  verbIdx: number;
  /** Class of the subject's head noun, when the mention is not itself the subject. */
  subject: string | null;
  subjectIdx: number;
  isSubject: boolean;
}

/** Start and end (inclusive) of the chunk holding token idx, at most MAX_REACH tokens either side. */
export function chunkBounds(chunks: readonly number[], idx: number): [number, number] {
  const c = chunks[idx];
  let s = idx;
  let e = idx;
  while (s > 0 && s > idx - MAX_REACH && chunks[s - 1] === c) s--;
  while (e < chunks.length - 1 && e < idx + MAX_REACH && chunks[e + 1] === c) e++;
  return [s, e];
}

/** How far (in tokens) clause analysis looks from a mention; keeps run-on "sentences" (tables, lists) linear. */
const MAX_REACH = 40;

function isFullVerb(toks: readonly Tok[], k: number): boolean {
  const t = toks[k]!;
  if (!isVerbTok(t) || has(t, 'Noun')) return false;
  if (isAuxiliary(t) || isCopula(t)) {
    // An auxiliary followed by a verb is not the main verb ("had gathered"); on its own it is ("was 62 percent").
    const n = toks[k + 1];
    const n2 = toks[k + 2];
    if (isVerbTok(n) || (has(n, 'Adverb') && isVerbTok(n2)) || n?.norm === 'not') return false;
    return isCopula(t) || t.norm === 'have' || t.norm === 'has' || t.norm === 'had';
  }
  return true;
}

/** Governing verb and subject of the clause around token idx. */
export function frameOf(toks: readonly Tok[], chunks: readonly number[], idx: number): Frame {
  const [cs, ce] = chunkBounds(chunks, idx);
  let subjectIdx = -1;
  let firstVerb = -1;
  for (let k = cs; k <= ce; k++) if (isFullVerb(toks, k)) {
    firstVerb = k;
    break;
  }
  let verbIdx = -1;
  for (let k = idx - 1; k >= cs; k--) {
    // "showing that 2,150 homes were completed": a new clause starts at "that".
    if (['that', 'which', 'who', 'whom', 'where', 'when'].includes(toks[k]!.norm)) break;
    if (isFullVerb(toks, k)) {
      verbIdx = k;
      break;
    }
  }
  let isSubject = false;
  if (verbIdx < 0) {
    isSubject = true;
    // (not a participle modifying a noun: "60 percent of the spilled fuel had been recovered")
    for (let k = idx + 1; k <= ce; k++) if (isFullVerb(toks, k) && !(isDeterminer(toks[k - 1]) && isNounTok(toks[k + 1]) && !isVerbTok(toks[k + 1]))) {
      verbIdx = k;
      break;
    }
  } else {
    const startTok = toks[cs]!;
    // "The study, which followed 4,200 children", "The repair, expected to cost seven million euros,":
    // the subject is the phrase before the comma.
    const participle = firstVerb === cs && has(startTok, 'PastTense') && /,\s*$/.test(toks[cs - 1]?.post ?? '');
    if ((['which', 'who', 'that'].includes(startTok.norm) || participle) && cs > 0) {
      const np = nounPhraseBefore(toks, cs, { crossComma: true });
      if (np) subjectIdx = np.head;
    } else if (firstVerb > cs) {
      let v = firstVerb;
      while (v > cs && (isAuxiliary(toks[v - 1]) || has(toks[v - 1], 'Adverb') || toks[v - 1]!.norm === 'not')) v--;
      const np = subjectBefore(toks, v, cs);
      if (np) subjectIdx = np.head;
    }
  }
  const subj = subjectIdx >= 0 ? toks[subjectIdx]! : undefined;
  return {
    verb: verbIdx >= 0 ? verbLemma(toks[verbIdx]!) : null,
    verbIdx,
    subject: subj && !isPronoun(subj) ? referentClass(nounLemma(subj)) : null,
    subjectIdx,
    isSubject,
  };
}
