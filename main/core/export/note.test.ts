import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { noteToHtml } from './note';

/** Every element name in an HTML fragment, and every attribute. */
function shape(html: string): { tags: string[]; attrs: string[] } {
  const tags: string[] = [];
  const attrs: string[] = [];
  const walk = (node: any) => {
    if (node.tagName) {
      tags.push(node.tagName);
      for (const a of node.attrs ?? []) attrs.push(`${node.tagName}.${a.name}`);
    }
    for (const c of node.childNodes ?? []) walk(c);
  };
  walk(parseFragment(html));
  return { tags, attrs };
}

describe('a note in the report', () => {
  it('shows bold, italic, code and lists as they were written', () => {
    const html = noteToHtml('**Check** the *Kremlin* readouts, `v2`.\n\n- first\n- second\n\n1. one\n2. two');
    expect(html).toBe('<p><strong>Check</strong> the <em>Kremlin</em> readouts, <code>v2</code>.</p><ul><li>first</li><li>second</li></ul><ol><li>one</li><li>two</li></ol>');
  });

  it('lets nothing else through: no HTML, no live link, no heading, no attribute', () => {
    const hostile = '# Heading\n<img src=x onerror=alert(1)> <script>alert(2)</script>\n[click](javascript:alert(3)) [site](https://a.example/<b>)\n**<i>x</i>**';
    const html = noteToHtml(hostile);
    const { tags, attrs } = shape(html);
    expect(new Set(tags)).toEqual(new Set(['p', 'br', 'span', 'strong']));
    expect(attrs).toEqual(['span.class', 'span.class']);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // An address is shown, never followed: "click (javascript:alert(3" stays text.
    expect(html).toContain('click <span class="note-url">(javascript:alert(3)</span>');
    expect(html).not.toContain('<a');
  });
});
