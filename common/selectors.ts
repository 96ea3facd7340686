import type { TextQuoteSelector } from './domain';

/** Characters of context kept on each side of a quote, as the Hypothesis client does. */
export const QUOTE_CONTEXT = 32;

/** The W3C TextQuoteSelector for text[start, end). */
export function quoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  };
}

/**
 * Overlapping tags, innermost (shortest) first: the order a click cycles through and the tag an
 * accepted suggestion attaches to. Ties keep their order.
 */
export function innermostFirst<T extends { start: number; end: number }>(tags: readonly T[]): T[] {
  return [...tags].sort((a, b) => a.end - a.start - (b.end - b.start));
}
