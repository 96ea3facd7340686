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

/** True when `offset` falls between the two halves of a surrogate pair (inside one character). */
export function splitsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

/**
 * The form of a name two names are compared in: NFKC (full-width and compatibility forms folded),
 * invisible and format characters (zero-width spaces, direction marks and overrides) removed,
 * spaces collapsed, case folded. "Ｙｕｒｙ  Ushakov" and "Yury\u200b Ushakov" are "yury ushakov".
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\p{Cf}/gu, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}
