const HTML_SPECIALS = /[&<>"']/g;
const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIALS, (c) => HTML_ENTITIES[c]!);
}

// Characters that start Markdown syntax inline (emphasis, code, links, HTML, tables, strikethrough,
// entities, headings, math) or ping people on GitHub-like hosts (@).
const MD_INLINE = /[\\`*_{}[\]<>|~&#$@!]/g;
// Syntax that only counts at the start of a line: lists, block quotes, setext underlines.
const MD_LINE_START = /^(\s*)(?:([-+=>])|(\d+)([.)]))/;

/**
 * Escapes text for one line of Markdown (a table cell, a list item, a quote): whitespace collapses
 * to single spaces, so line breaks in the text never end the construct.
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat
    .replace(MD_INLINE, '\\$&')
    .replace(MD_LINE_START, (_m, space: string, mark?: string, digits?: string, dot?: string) =>
      mark ? `${space}\\${mark}` : `${space}${digits}\\${dot}`,
    );
}
