// Predicates over tagged tokens, and clause chunks (runs of tokens between punctuation).

import { DETERMINERS } from './lexicon';
import { lexiconTags, type Tok } from './nlp';

export function has(t: Tok | undefined, tag: string): boolean {
  return t !== undefined && t.tags.has(tag);
}

export function isCapitalised(t: Tok): boolean {
  return /^\p{Lu}/u.test(t.text);
}

/** All-caps word of two or more letters: WHO, NATO, US. compromise sometimes reads these as words. */
export function isAcronym(t: Tok): boolean {
  return t.text.length >= 2 && /^\p{Lu}[\p{Lu}\d&.]*$/u.test(t.text) && /\p{Lu}.*\p{Lu}/u.test(t.text);
}

export function isPronoun(t: Tok | undefined): boolean {
  if (t !== undefined && isAcronym(t)) return false;
  return t !== undefined && (t.tags.has('Pronoun') || ['it', 'they', 'he', 'she', 'we', 'i', 'you', 'this', 'that', 'which', 'who'].includes(t.norm));
}

export function isDeterminer(t: Tok | undefined): boolean {
  return t !== undefined && (DETERMINERS.has(t.norm) || (t.tags.has('Determiner') && !t.tags.has('Value')) || (t.tags.has('Possessive') && t.tags.has('Pronoun')));
}

/** A number written with digits: 4,800  6.5  $5bn  68%  3rd. */
export function isDigitNumber(t: Tok): boolean {
  return /^(?:[$€£¥₹₽₩]|[A-Z]{1,3}\$)?\d/.test(t.text);
}

const NUMBER_TAGS = ['Cardinal', 'Ordinal', 'Multiple', 'TextValue', 'NumericValue'];
/** A number: digits or a number word compromise knows ("five", "sixth", "million"). */
export function isNumberTok(t: Tok | undefined): boolean {
  if (!t) return false;
  if (isDigitNumber(t)) return true;
  if (!NUMBER_TAGS.some((x) => t.tags.has(x))) return false;
  if (t.norm === 'a' || t.norm === 'an') return false;
  return lexiconTags(t.norm).some((x) => x === 'Cardinal' || x === 'Ordinal' || x === 'Multiple');
}

export function isOrdinalTok(t: Tok | undefined): boolean {
  if (!t) return false;
  if (/^\d+(st|nd|rd|th)$/i.test(t.text)) return true;
  return t.tags.has('Ordinal') && lexiconTags(t.norm).includes('Ordinal');
}

export function isNounTok(t: Tok | undefined): boolean {
  if (!t) return false;
  if (isPronoun(t) || isDeterminer(t) || isNumberTok(t)) return false;
  if (t.tags.has('Noun') && !t.tags.has('Pronoun')) return true;
  return isAcronym(t);
}

export function isVerbTok(t: Tok | undefined): boolean {
  return t !== undefined && t.tags.has('Verb');
}

export function isAuxiliary(t: Tok | undefined): boolean {
  return t !== undefined && (t.tags.has('Auxiliary') || t.tags.has('Modal') || ['will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must', 'do', 'does', 'did', 'has', 'have', 'had', 'having'].includes(t.norm));
}

export function isCopula(t: Tok | undefined): boolean {
  return t !== undefined && (t.tags.has('Copula') || ['is', 'was', 'are', 'were', 'be', 'been', 'being', "'s", 'am'].includes(t.norm));
}

const STOP_PUNCT = /[,;:()[\]"“”‘«»—–!?]|\s-\s|\s-$|^-\s/;
/** Punctuation after the token ends a chunk (a comma, a dash, a quote, a bracket ...). */
export function breaksAfter(t: Tok): boolean {
  return t.post !== '' && t.post !== ' ' && STOP_PUNCT.test(t.post);
}
/** Punctuation before the token (an opening quote or bracket) starts a chunk. */
export function breaksBefore(t: Tok): boolean {
  return t.pre !== '' && /["“‘(«[]/.test(t.pre);
}
export function hyphenJoined(t: Tok): boolean {
  return t.post === '-' || t.post === '‐';
}

/** Chunk number of every token: a new chunk begins after punctuation that breaks a clause. */
export function chunkIds(toks: readonly Tok[]): number[] {
  const out: number[] = [];
  let c = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (i > 0 && breaksBefore(t)) c++;
    out.push(c);
    if (breaksAfter(t)) c++;
  }
  return out;
}

/** Quotation marks anywhere in the range. */
export function hasQuote(text: string): boolean {
  return /["“”«»]/.test(text);
}

/** An adverb, or a word compromise tags as one ("nearly", "also"). */
export function isAdverbLike(t: Tok | undefined): boolean {
  return t !== undefined && t.tags.has('Adverb');
}

/**
 * A word tagged as a verb that is really the first half of a compound noun: "the transport
 * department", "Council records show". It follows a determiner, adjective or the start of the
 * phrase and is followed, without punctuation, by a noun (or, for an -s form, by a verb).
 */
export function isCompoundModifier(toks: readonly Tok[], k: number): boolean {
  const t = toks[k];
  const n = toks[k + 1];
  if (!t || !n || !t.tags.has('Verb') || breaksAfter(t)) return false;
  if (t.tags.has('PastTense') || t.tags.has('Gerund') || t.tags.has('Modal') || t.tags.has('Auxiliary') || t.tags.has('Copula')) return false;
  return n.tags.has('Noun') && !n.tags.has('Pronoun');
}

/** A gerund used as a noun: "a hearing", "the meeting", "their opening". */
export function isNominalGerund(toks: readonly Tok[], k: number): boolean {
  const t = toks[k];
  if (!t || !t.tags.has('Gerund')) return false;
  const prev = toks[k - 1];
  if (!prev || breaksAfter(prev)) return false;
  return isDeterminer(prev) || prev.tags.has('Adjective') || prev.tags.has('Possessive');
}

/** A noun, or a gerund used as one. */
export function isNounLike(toks: readonly Tok[], k: number): boolean {
  return isNounTok(toks[k]) || isNominalGerund(toks, k);
}
