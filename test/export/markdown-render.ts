import { Marked } from 'marked';
import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

/** A CommonMark + GFM renderer (tables, strikethrough, autolinks) set up as wikis and ticket systems use it. */
const renderer = new Marked({ gfm: true, breaks: false, async: false });

export function renderMarkdown(md: string): string {
  return renderer.parse(md, { async: false });
}

export interface RenderedElement {
  tag: string;
  attrs: Record<string, string>;
  /** The element's text as a reader sees it: character references decoded, whitespace collapsed. */
  text: string;
}

/** Parses rendered HTML as a browser would: every element with its attributes and text, in order. */
export function elementsOf(html: string): RenderedElement[] {
  const out: RenderedElement[] = [];
  const visit = (node: DefaultTreeAdapterTypes.ChildNode) => {
    if (!('tagName' in node)) return;
    out.push({ tag: node.tagName, attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])), text: collapse(textOf(node)) });
    const children = node.tagName === 'template' ? (node as DefaultTreeAdapterTypes.Template).content.childNodes : node.childNodes;
    for (const child of children) visit(child);
  };
  for (const node of parseFragment(html).childNodes) visit(node);
  return out;
}

/** All the text of rendered HTML, references decoded, whitespace collapsed. */
export function renderedText(html: string): string {
  return collapse(parseFragment(html).childNodes.map(textOf).join(' '));
}

function textOf(node: DefaultTreeAdapterTypes.ChildNode): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (!('childNodes' in node)) return '';
  const inner = node.childNodes.map(textOf).join('');
  // Block elements read as separate words, as they do on screen.
  return BLOCK.has(node.nodeName) ? ` ${inner} ` : inner;
}

const BLOCK = new Set(['p', 'li', 'ul', 'ol', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'div']);

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
