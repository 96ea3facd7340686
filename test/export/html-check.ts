const VOID = new Set(['meta', 'br', 'col', 'img', 'hr', 'input', 'link', 'wbr']);

/** Checks that every tag closes in order. Returns the first problem, or null. */
export function nestingProblem(html: string): string | null {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<!DOCTYPE html>/i, '');
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name)) continue;
    if (m[1]) {
      const top = stack.pop();
      if (top !== name) return `</${name}> at ${m.index} closes <${top ?? 'nothing'}>`;
    } else stack.push(name);
  }
  if (stack.length > 0) return `unclosed: ${stack.join(' > ')}`;
  if (/<(?![a-zA-Z/!])/.test(body)) return 'a bare "<" outside a tag';
  return null;
}

/** The article's text as a reader sees it: markers and brackets removed, tags dropped, entities decoded. */
export function articleText(html: string): string {
  const article = /<article class="doc">([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
  return decode(
    article
      .replace(/<sup class="mk[^"]*"[^>]*>[\s\S]*?<\/sup>/g, '')
      .replace(/<span class="br"[^>]*>[⟦⟧]<\/span>/g, '')
      .replace(/<\/(p|li|h\d|blockquote)>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

export function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
