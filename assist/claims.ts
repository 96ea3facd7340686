// Check-worthy sentences: those that state numbers, comparisons, causes or events. Each feature
// adds evidence (combined as independent probabilities); questions, headlines, hedged and
// first-person quoted sentences are discounted. The score is in 0..1.

import type { AssistDoc } from './document';
import { lexiconTags, type Tok } from './nlp';

export interface Claim {
  start: number;
  end: number;
  score: number;
  sentence: number;
}

export interface ClaimEvidence {
  /** Quantity mentions in the sentence (counts, ranks, durations). */
  quantities: number;
  /** Percentages and amounts in the sentence. */
  measures: number;
  /** The sentence holds a calendar date. */
  dated: boolean;
  /** The sentence holds an attribution. */
  attributed: boolean;
}

const COMPARISON_WORDS = new Set(['than', 'compared', 'versus', 'record', 'doubled', 'tripled', 'halved', 'rose', 'fell', 'risen', 'fallen', 'increased', 'decreased', 'declined', 'grew', 'dropped', 'jumped', 'surged', 'slumped', 'outnumber', 'exceeded', 'exceed', 'most', 'least', 'fewer', 'highest', 'lowest', 'largest', 'biggest', 'smallest', 'oldest', 'newest', 'worst', 'best', 'first', 'only']);
const CAUSAL_WORDS = new Set(['because', 'due', 'caused', 'cause', 'causes', 'causing', 'led', 'leads', 'result', 'resulted', 'resulting', 'owing', 'thanks', 'blamed', 'triggered', 'prompted', 'sparked', 'fuelled', 'fueled', 'therefore', 'consequently', 'hence', 'attributed']);
const MODALS = new Set(['may', 'might', 'could', 'would', 'should', 'perhaps', 'possibly', 'probably']);
const REPORTING = new Set(['said', 'told', 'reported', 'noted', 'added', 'stated', 'announced', 'claimed', 'argued', 'warned', 'cautioned', 'explained', 'wrote']);
const FIRST_PERSON = new Set(['i', 'we', 'our', 'my', 'us', 'me']);

const WORD = /\p{L}[\p{L}'’-]*/gu;

function combine(weights: number[]): number {
  let p = 1;
  for (const w of weights) p *= 1 - w;
  return 1 - p;
}

/** Check-worthiness of sentence i, 0..1 (uses its tokens if they are already tagged). */
export function claimScore(doc: AssistDoc, i: number, ev: ClaimEvidence): number {
  const text = doc.sentenceText(i);
  const toks: readonly Tok[] | null = doc.isTagged(i) ? doc.tokens(i) : null;
  const words = toks ? toks.map((t) => t.norm) : (text.toLowerCase().match(WORD) ?? []);
  if (words.length === 0) return 0;
  const weights: number[] = [];
  const q = ev.quantities;
  const m = ev.measures;
  if (q + m > 0) weights.push(0.45);
  if (m > 0) weights.push(0.15);
  if (q + m > 1) weights.push(0.1);
  if (q + m === 0 && /\d/.test(text)) weights.push(0.15);
  if (ev.dated) weights.push(0.1);
  if (ev.attributed) weights.push(0.1);
  let comparison = false;
  let causal = false;
  let event = false;
  let modal = false;
  let firstPerson = false;
  for (let x = 0; x < words.length; x++) {
    const w = words[x]!;
    if (COMPARISON_WORDS.has(w)) comparison = true;
    if (CAUSAL_WORDS.has(w)) causal = true;
    if (MODALS.has(w)) modal = true;
    if (FIRST_PERSON.has(w)) firstPerson = true;
    const t = toks?.[x];
    if (t && t.tags.size > 0) {
      if (t.tags.has('Comparative') || t.tags.has('Superlative')) comparison = true;
      if (t.tags.has('PastTense') && !REPORTING.has(w) && !t.tags.has('Auxiliary') && !t.tags.has('Copula')) event = true;
    } else if (!REPORTING.has(w) && w.length > 3 && (lexiconTags(w).includes('PastTense') || (w.endsWith('ed') && lexiconTags(w).length === 0))) {
      event = true;
    }
  }
  if (comparison) weights.push(0.25);
  if (causal) weights.push(0.25);
  if (event) weights.push(0.2);
  if (toks) {
    let names = false;
    for (let x = 1; x < toks.length && !names; x++) if (toks[x]!.tags.has('ProperNoun')) names = true;
    if (names) weights.push(0.1);
  } else if (/\s\p{Lu}\p{Ll}/u.test(text)) weights.push(0.05);
  let score = combine(weights);
  const trimmed = text.trimEnd();
  if (trimmed.endsWith('?')) score *= 0.3;
  const terminal = /[.!?]["”’)]*$/.test(trimmed);
  if (!terminal && words.length < 14) score *= 0.5;
  if (words.length < 5) score *= 0.5;
  if (modal) score *= 0.8;
  const quoted = /^["“]/.test(trimmed);
  if (quoted && firstPerson) score *= 0.7;
  return Math.round(score * 100) / 100;
}

/** Sentences scoring at least this are suggested as claims. */
export const CLAIM_THRESHOLD = 0.35;

/** Claims ranked by score (highest first, then in text order). */
export function rankClaims(claims: Claim[]): Claim[] {
  return claims.sort((a, b) => b.score - a.score || a.start - b.start);
}
