// Re-anchoring annotations on a text that may have changed, as the Hypothesis client does:
//  1. position: the stored offsets still hold the quote;
//  2. exact: occurrences of the quote, scored by how well the text around them matches the stored
//     prefix and suffix and by how close they are to where the annotation was;
//  3. fuzzy: approximate matches of the quote (bounded edit distance, Myers' bit-parallel search
//     from approx-string-match), scored quote 50, prefix 20, suffix 20, position 2, kept only above
//     a quality threshold.
// What passes none of these is an orphan (null): kept by the caller, never deleted.
//
// Speed: the position and exact paths cost a string comparison or an indexOf. The fuzzy path never
// scans the whole text: it searches near the expected position, then only in regions where words
// of the quote occur (a word index of the text, built once per text and reused).
import approxSearch from 'approx-string-match';

export interface Selector {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export type AnchorHow = 'position' | 'exact' | 'fuzzy';

export interface Anchored {
  start: number;
  end: number;
  how: AnchorHow;
}

export interface AnchorOptions {
  /** Where the quote is expected in `text` (default: the selector's start). */
  hint?: number;
}

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Share of the quote's characters that may differ in a fuzzy match. */
export const MAX_ERROR_RATE = 0.3;
/** Normalised score (0..1) a fuzzy match needs. */
export const MIN_FUZZY_SCORE = 0.75;
/** ...unless the quote is long and itself this similar: its own evidence is then enough. */
const LONG_QUOTE = 30;
const LONG_QUOTE_SIMILARITY = 0.85;
/** Quotes shorter than this need their context to agree before an exact match elsewhere is trusted. */
const DISTINCTIVE_QUOTE = 20;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

interface Scored extends Candidate {
  score: number;
  quoteScore: number;
  prefixScore: number;
  suffixScore: number;
}

/** 1 - (edit distance of `expected` to its best match in `actual`) / length: Hypothesis' text match score. */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual === expected) return 1;
  const matches = approxSearch(actual, expected, expected.length);
  const errors = matches.length ? Math.min(...matches.map((m) => m.errors)) : expected.length;
  return 1 - errors / expected.length;
}

function scoreCandidate(text: string, sel: Selector, hint: number, c: Candidate): Scored {
  const quoteScore = 1 - c.errors / Math.max(1, sel.exact.length);
  const prefixScore = sel.prefix ? similarity(text.slice(Math.max(0, c.start - sel.prefix.length), c.start), sel.prefix) : 1;
  const suffixScore = sel.suffix ? similarity(text.slice(c.end, c.end + sel.suffix.length), sel.suffix) : 1;
  const posScore = 1 - Math.min(1, Math.abs(c.start - hint) / Math.max(1, text.length));
  const raw = QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * posScore;
  return { ...c, score: raw / MAX_SCORE, quoteScore, prefixScore, suffixScore };
}

function contextMatches(text: string, sel: Selector, start: number, end: number): boolean {
  return (sel.prefix === '' || text.endsWith(sel.prefix, start)) && (sel.suffix === '' || text.startsWith(sel.suffix, end));
}

function clampHint(hint: number, text: string): number {
  return Math.max(0, Math.min(text.length, Math.round(hint)));
}

// ------------------------------------------------------------------ exact

/** How far around the hint the exact path first looks for an occurrence with matching context. */
const EXACT_WINDOW = 8192;
/** At most this many occurrences (the nearest to the hint) are scored. */
const MAX_SCORED_OCCURRENCES = 400;

/** Occurrences of `quote` within text[from, to). indexOf runs on the window only (a cheap sliced string). */
function occurrences(text: string, quote: string, from: number, to: number): number[] {
  const out: number[] = [];
  const window = from === 0 && to >= text.length ? text : text.slice(from, to);
  for (let i = window.indexOf(quote); i !== -1; i = window.indexOf(quote, i + 1)) out.push(from + i);
  return out;
}

function anchorExact(text: string, sel: Selector, hint: number): Anchored | null {
  const quote = sel.exact;
  const len = quote.length;
  // Where it is expected, with its context: nothing can score better.
  if (text.startsWith(quote, hint) && contextMatches(text, sel, hint, hint + len)) return { start: hint, end: hint + len, how: 'exact' };
  // Nearby, with its context.
  const near = occurrences(text, quote, Math.max(0, hint - EXACT_WINDOW), Math.min(text.length, hint + len + EXACT_WINDOW));
  let best: number | null = null;
  for (const at of near) {
    if (contextMatches(text, sel, at, at + len) && (best === null || Math.abs(at - hint) < Math.abs(best - hint))) best = at;
  }
  if (best !== null) return { start: best, end: best + len, how: 'exact' };
  // Anywhere.
  let all = allOccurrences(text, quote);
  if (all.length === 0) return null;
  for (const at of all) {
    if (contextMatches(text, sel, at, at + len) && (best === null || Math.abs(at - hint) < Math.abs(best - hint))) best = at;
  }
  if (best !== null) return { start: best, end: best + len, how: 'exact' };
  if (all.length > MAX_SCORED_OCCURRENCES) {
    all = all.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, MAX_SCORED_OCCURRENCES);
  }
  let top: Scored | null = null;
  for (const at of all) {
    const s = scoreCandidate(text, sel, hint, { start: at, end: at + len, errors: 0 });
    if (!top || s.score > top.score) top = s;
  }
  if (!top) return null;
  // A distinctive quote found verbatim is the passage, moved; a short one needs its context to agree.
  const distinctive = len >= DISTINCTIVE_QUOTE || (all.length === 1 && len >= 8);
  if (!distinctive && !contextAgrees(top)) return null;
  return { start: top.start, end: top.end, how: 'exact' };
}

// ------------------------------------------------------------------ fuzzy

interface WordIndex {
  text: string;
  words: Map<string, number[]>;
}

let cachedIndex: WordIndex | null = null;

const WORD = /[\p{L}\p{N}]{3,}/gu;

/** Positions of every word (3+ letters or digits, lower-cased) in `text`; cached for the last text. */
function wordIndex(text: string): WordIndex {
  if (cachedIndex && cachedIndex.text === text) return cachedIndex;
  const words = new Map<string, number[]>();
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const w = m[0].toLowerCase();
    const list = words.get(w);
    if (list) list.push(m.index);
    else words.set(w, [m.index]);
  }
  cachedIndex = { text, words };
  return cachedIndex;
}

/**
 * Every occurrence of `quote` in `text`. A complete word inside the quote (not cut by its edges)
 * occurs, as a word, wherever the quote does: only the places of its rarest such word are checked,
 * so the cost is that word's count, not the text's length.
 */
function allOccurrences(text: string, quote: string): number[] {
  const index = wordIndex(text);
  let rarest: { offset: number; positions: number[] } | null = null;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(quote); m; m = WORD.exec(quote)) {
    if (m.index === 0 || m.index + m[0].length === quote.length) continue;
    const positions = index.words.get(m[0].toLowerCase());
    if (!positions) return [];
    if (!rarest || positions.length < rarest.positions.length) rarest = { offset: m.index, positions };
  }
  if (!rarest) return occurrences(text, quote, 0, text.length);
  const out: number[] = [];
  for (const p of rarest.positions) {
    const at = p - rarest.offset;
    if (at >= 0 && text.startsWith(quote, at)) out.push(at);
  }
  return out;
}

/** Words skipped as seeds when they occur more often than this (they point everywhere). */
const MAX_SEED_OCCURRENCES = 500;
const MAX_SEED_WORDS = 8;
const MAX_REGIONS = 6;
const BUCKET = 64;

/** Where the quote may be: expected starts voted for by the quote's rarest words found in the text. */
function candidateRegions(text: string, quote: string): number[] {
  const index = wordIndex(text);
  const seeds: Array<{ offset: number; positions: number[] }> = [];
  WORD.lastIndex = 0;
  const seen = new Set<string>();
  for (let m = WORD.exec(quote); m; m = WORD.exec(quote)) {
    const w = m[0].toLowerCase();
    if (seen.has(w)) continue;
    seen.add(w);
    const positions = index.words.get(w);
    if (positions && positions.length <= MAX_SEED_OCCURRENCES) seeds.push({ offset: m.index, positions });
  }
  if (seeds.length === 0) return [];
  seeds.sort((a, b) => a.positions.length - b.positions.length);
  const votes = new Map<number, number>();
  for (const seed of seeds.slice(0, MAX_SEED_WORDS)) {
    for (const p of seed.positions) {
      const b = Math.floor((p - seed.offset) / BUCKET);
      votes.set(b, (votes.get(b) ?? 0) + 1);
    }
  }
  // Merge neighbouring buckets (an edit before a word shifts its diagonal a little).
  const scored: Array<{ bucket: number; votes: number }> = [];
  for (const [b, v] of votes) scored.push({ bucket: b, votes: v + (votes.get(b - 1) ?? 0) + (votes.get(b + 1) ?? 0) });
  scored.sort((a, b) => b.votes - a.votes);
  const regions: number[] = [];
  for (const s of scored) {
    if (regions.length >= MAX_REGIONS) break;
    if (regions.some((r) => Math.abs(r - s.bucket * BUCKET) < BUCKET * 2)) continue;
    regions.push(s.bucket * BUCKET);
  }
  return regions;
}

function searchWindow(text: string, quote: string, maxErrors: number, from: number, to: number): Candidate[] {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  if (end - start < quote.length - maxErrors) return [];
  return approxSearch(text.slice(start, end), quote, maxErrors).map((m) => ({ start: m.start + start, end: m.end + start, errors: m.errors }));
}

function contextAgrees(s: Scored): boolean {
  return Math.max(s.prefixScore, s.suffixScore) >= 0.7 || (s.prefixScore + s.suffixScore) / 2 >= 0.6;
}

function acceptable(s: Scored, quoteLength: number): boolean {
  if (quoteLength < DISTINCTIVE_QUOTE) return s.score >= MIN_FUZZY_SCORE && contextAgrees(s);
  return s.score >= MIN_FUZZY_SCORE || (quoteLength >= LONG_QUOTE && s.quoteScore >= LONG_QUOTE_SIMILARITY);
}

function anchorFuzzy(text: string, sel: Selector, hint: number): Anchored | null {
  const quote = sel.exact;
  const maxErrors = Math.min(256, Math.floor(quote.length * MAX_ERROR_RATE));
  if (maxErrors < 1) return null;
  const slack = maxErrors + BUCKET;
  let best: Scored | null = null;
  const consider = (cands: Candidate[]) => {
    for (const c of cands) {
      const s = scoreCandidate(text, sel, hint, c);
      if (!best || s.score > best.score) best = s;
    }
  };
  // Near where it was: the common case of a local edit.
  const radius = Math.max(2048, quote.length * 4);
  consider(searchWindow(text, quote, maxErrors, hint - radius, hint + quote.length + radius));
  const near = best as Scored | null;
  if (near && acceptable(near, quote.length) && near.score >= 0.9) return { start: near.start, end: near.end, how: 'fuzzy' };
  // Elsewhere: only where words of the quote occur.
  for (const r of candidateRegions(text, quote)) {
    if (Math.abs(r - hint) < radius) continue;
    consider(searchWindow(text, quote, maxErrors, r - slack, r + quote.length + slack));
  }
  const found = best as Scored | null;
  if (!found || !acceptable(found, quote.length)) return null;
  return { start: found.start, end: found.end, how: 'fuzzy' };
}

// ------------------------------------------------------------------ public

/**
 * Finds `sel` in `text`: by position if the offsets still hold the quote, else by the quote
 * verbatim, else approximately. Returns null when the passage is gone (an orphan).
 */
export function anchor(text: string, sel: Selector, options: AnchorOptions = {}): Anchored | null {
  const { start, end, exact } = sel;
  if (exact.length === 0) return null;
  if (start >= 0 && end <= text.length && start < end && end - start === exact.length && text.startsWith(exact, start)) {
    return { start, end, how: 'position' };
  }
  const hint = clampHint(options.hint ?? start, text);
  return anchorExact(text, sel, hint) ?? anchorFuzzy(text, sel, hint);
}

/**
 * Anchors many selectors on one text. Selectors are visited in the order of their old positions and
 * each one's expected position is shifted by how far the previous anchored one moved, so the
 * exact and fuzzy searches start where the passage most likely went. Results are in input order.
 */
export function anchorAll(text: string, selectors: readonly Selector[]): Array<Anchored | null> {
  const order = selectors.map((_, i) => i).sort((a, b) => selectors[a]!.start - selectors[b]!.start);
  const out: Array<Anchored | null> = new Array(selectors.length).fill(null);
  let delta = 0;
  for (const i of order) {
    const sel = selectors[i]!;
    const result = anchor(text, sel, { hint: sel.start + delta });
    out[i] = result;
    if (result) delta = result.start - sel.start;
  }
  return out;
}
