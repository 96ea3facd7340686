// In HTML, a script element ends at the first "</script" in any case, and "<!--" inside one can
// swallow the rest of the page; U+2028 and U+2029 end a line in older JavaScript. None of them may
// appear raw in JSON that is, or may be pasted, inside a page. Outside strings JSON never uses them,
// so escaping them as \uXXXX keeps the JSON valid and its value the same.
const UNSAFE_IN_HTML = /[<>&\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * JSON.stringify, with "<", ">", "&", U+2028 and U+2029 written as \u escapes: safe inside
 * `<script type="application/ld+json">` and parsed back to the same value.
 */
export function jsonForHtml(value: unknown, space?: number): string {
  const json = JSON.stringify(value, null, space);
  if (json === undefined) throw new TypeError('jsonForHtml: the value has no JSON form');
  return json.replace(UNSAFE_IN_HTML, (c) => ESCAPES[c]!);
}

/** A `<script type="application/ld+json">` element holding the value, which nothing in it can leave. */
export function ldJsonScript(value: unknown): string {
  return `<script type="application/ld+json">${jsonForHtml(value)}</script>`;
}
