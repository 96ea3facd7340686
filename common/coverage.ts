import { segmentSentences, sentenceAt, type Span } from './segment';

// Attributions cover claims. By default an attribution covers the claims of its own sentence, or,
// when that sentence holds none, those of the next sentence ("X said. The claim." reads both ways,
// but a sentence that carries its own claim is the common case in reporting). This is the one
// statement of that rule: the service's tagging and the assistant's accepted attributions use it.

/** How far to look for the next sentence or a preceding attribution, in characters. */
export const COVERAGE_REACH = 4000;

/** The sentences a span lies in, as one range. */
export function sentenceRange(text: string, start: number, end: number): Span {
  const first = sentenceAt(text, start);
  const last = sentenceAt(text, Math.max(start, end - 1));
  return { start: Math.min(first?.start ?? start, start), end: Math.max(last?.end ?? end, end) };
}

function nextSentence(text: string, after: number): Span | null {
  return segmentSentences(text, after, Math.min(text.length, after + COVERAGE_REACH))[0] ?? null;
}

/**
 * The claims an attribution over [start, end) covers by default: those of its sentence, else those
 * of the next one. `claimsIn` lists the claim ids overlapping a range, in text order.
 */
export function defaultCoverage(text: string, start: number, end: number, claimsIn: (span: Span) => number[]): number[] {
  const own = sentenceRange(text, start, end);
  const same = claimsIn(own);
  if (same.length > 0) return same;
  const next = nextSentence(text, own.end);
  return next ? claimsIn(next) : [];
}

/** Where attributions that may cover a claim over [start, end) can lie: its sentence or the reach before it. */
export function coveringReach(text: string, start: number, end: number): Span {
  const own = sentenceRange(text, start, end);
  return { start: Math.max(0, own.start - COVERAGE_REACH), end: own.end };
}
