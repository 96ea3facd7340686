import { INVISIBLE, invisibleName, invisibleToken, showInvisibles } from './invisible';

const HTML_SPECIALS = /[&<>"']/g;
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIALS, (c) => HTML_ENTITIES[c]!);
}

/**
 * Escapes text for HTML element content (not attributes) and shows each invisible character as a
 * marked token, ⟨U+202E⟩ in a span styled `.cf`, isolated so nothing around it reorders it.
 */
export function escapeHtmlText(text: string): string {
  return escapeHtml(text).replace(INVISIBLE, (c) => `<span class="cf" title="${escapeHtml(invisibleName(c))}">${invisibleToken(c)}</span>`);
}

/** Escapes text for an attribute value or an element that holds only text (`<title>`): tokens without markup. */
export function escapeHtmlPlain(text: string): string {
  return escapeHtml(showInvisibles(text));
}

// Characters that start Markdown syntax inline (emphasis, code, links, HTML, tables, strikethrough,
// entities, headings, math) or ping people on GitHub-like hosts (@).
const MD_INLINE = /[\\`*_{}[\]<>|~&#$@!]/g;
// Syntax that only counts at the start of a line: lists, block quotes, setext underlines.
const MD_LINE_START = /^(\s*)(?:([-+=>])|(\d+)([.)]))/;
// GFM's extended autolinks (marked, GitHub) run from "http://", "https://", "ftp://" or "www." to
// the next space or "<", backslashes included: in "https://a.example/\<img>" the link would take the
// backslash that escapes the "<", and the tag would be live. No autolink may start, so their
// triggers are written as character references, which every renderer shows as the character.
const MD_AUTOLINK_COLON = /:(?=\/\/)/g;
const MD_AUTOLINK_WWW = /(www)\./gi;

/**
 * Escapes text for one line of Markdown (a table cell, a list item, a quote): invisible characters
 * become visible tokens, whitespace collapses to single spaces so line breaks in the text never end
 * the construct, and nothing can become HTML, a link, a heading, a list or a table column.
 */
export function escapeMarkdown(text: string): string {
  const flat = showInvisibles(text).replace(/\s+/g, ' ');
  return flat
    .replace(MD_INLINE, '\\$&')
    .replace(MD_AUTOLINK_COLON, '&#58;')
    .replace(MD_AUTOLINK_WWW, '$1&#46;')
    .replace(MD_LINE_START, (_m, space: string, mark?: string, digits?: string, dot?: string) =>
      mark ? `${space}\\${mark}` : `${space}${digits}\\${dot}`,
    );
}
