import { escapeHtmlText } from './escape';

// A note's Markdown (what the note editor writes: bold, italic, code, bullet and numbered lists,
// links) as HTML for the report, built from escaped text only: nothing in a note can become any
// other element, attribute or link. A link is shown as its text and address, not followed.

const INLINE = /\*\*([^*\n]+?)\*\*|__([^_\n]+?)__|\*([^*\n]+?)\*|(?<![\p{L}\p{N}])_([^_\n]+?)_(?![\p{L}\p{N}])|`([^`\n]+?)`|\[([^\]\n]+?)\]\(([^)\s]+)\)/gu;

function inline(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    out += escapeHtmlText(text.slice(last, m.index));
    if (m[1] !== undefined || m[2] !== undefined) out += `<strong>${inline(m[1] ?? m[2]!)}</strong>`;
    else if (m[3] !== undefined || m[4] !== undefined) out += `<em>${inline(m[3] ?? m[4]!)}</em>`;
    else if (m[5] !== undefined) out += `<code>${escapeHtmlText(m[5])}</code>`;
    else out += `${inline(m[6]!)} <span class="note-url">(${escapeHtmlText(m[7]!)})</span>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtmlText(text.slice(last));
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

/** A note's Markdown as safe HTML: paragraphs, lists, emphasis, code; line breaks kept. */
export function noteToHtml(markdown: string): string {
  const blocks: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length) blocks.push(`<p>${paragraph.map(inline).join('<br>')}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    list = null;
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flushParagraph();
      const tag = bullet ? 'ul' : 'ol';
      if (list && list.tag !== tag) flushList();
      list ??= { tag, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
    } else if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else {
      flushList();
      paragraph.push(line.replace(/^#{1,6}\s+/, ''));
    }
  }
  flushParagraph();
  flushList();
  return blocks.join('');
}
