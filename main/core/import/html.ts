// HTML: the readable content only. parse5 builds the tree (as a browser would); we walk it and
// write plain text through TextBuilder, so nothing of the file is ever passed on as markup: no
// scripts, styles, handlers, frames, forms, embedded objects or remote resources survive, only
// text and block ranges. <article> or <main> is preferred over the whole page when present.
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { Metadata } from '../../../common/domain';
import { TextBuilder, type BlockKind } from './builder';
import { badFile } from './sniff';
import { bomEncoding, decodeText, emptyFile, normaliseLabel } from './text';
import { guessTitle } from './title';
import type { ImportedDocument } from './types';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** Elements whose whole subtree is dropped. */
const SKIP = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'math', 'canvas', 'video', 'audio', 'picture', 'img', 'map', 'area', 'source', 'track',
  'link', 'meta', 'base', 'input', 'button', 'select', 'option', 'optgroup', 'textarea', 'datalist',
  'output', 'label', 'progress', 'meter', 'nav', 'aside', 'dialog', 'menu', 'portal', 'slot', 'param',
  'title', 'xmp', 'plaintext', 'noembed', 'noframes',
]);

/** Elements that start and end a block. */
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'tfoot', 'thead', 'tr', 'ul', 'listing',
]);

const BOLD = new Set(['b', 'strong']);
const ITALIC = new Set(['i', 'em', 'cite', 'dfn', 'var']);
const HEADING = /^h([1-6])$/;

export interface HtmlOptions {
  /** Whole pages: read <head> metadata and prefer <article>/<main>. Fragments (from Word): the body as is. */
  page: boolean;
  /** How to treat the file in messages and the document format. */
  format: string;
}

function attr(el: Element, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function children(node: ParentNode): Node[] {
  return node.childNodes as Node[];
}

function hidden(el: Element): boolean {
  if (attr(el, 'hidden') !== undefined) return true;
  if (attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

/** Footnote back-links written by mammoth ("↑"), which are not part of the text. */
function backLink(el: Element): boolean {
  const href = attr(el, 'href');
  return !!href && /^#(?:footnote|endnote|comment)-ref-/.test(href);
}

/** Depth-first elements of a subtree, without recursion (pages can be nested very deeply). */
function* elements(root: ParentNode): Generator<Element> {
  const stack: Node[] = [...children(root)].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    yield node;
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** Text length of a subtree as it would be imported (for choosing the main content). */
function textLength(root: Element): number {
  let n = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') n += (node as DefaultTreeAdapterMap['textNode']).value.replace(/\s+/g, ' ').trim().length;
    else if (isElement(node) && !SKIP.has(node.tagName) && !hidden(node)) for (const k of children(node)) stack.push(k);
  }
  return n;
}

function textContent(root: Element): string {
  let out = '';
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') out += (node as DefaultTreeAdapterMap['textNode']).value;
    else if (isElement(node)) {
      const kids = children(node);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return out;
}

/** The element holding the readable content: the largest <article>, else <main>, else <body>. */
function contentRoot(doc: DefaultTreeAdapterMap['document']): { root: ParentNode; isPage: boolean } {
  let body: Element | undefined;
  let main: Element | undefined;
  let best: { el: Element; len: number } | undefined;
  for (const el of elements(doc)) {
    if (el.tagName === 'body' && !body) body = el;
    else if ((el.tagName === 'main' || attr(el, 'role') === 'main') && !main) main = el;
    else if (el.tagName === 'article') {
      const len = textLength(el);
      if (!best || len > best.len) best = { el, len };
    }
  }
  const mainLen = main ? textLength(main) : 0;
  // An article much smaller than <main> is a teaser inside it; the main content is <main>.
  if (best && best.len > 0 && !(main && mainLen > best.len * 3)) return { root: best.el, isPage: false };
  if (main && mainLen > 0) return { root: main, isPage: false };
  return { root: body ?? doc, isPage: true };
}

/** A <form> is dropped unless it wraps the page's content (as ASP.NET pages do). */
function formHoldsContent(form: Element): boolean {
  for (const el of elements(form)) if (el.tagName === 'p' || el.tagName === 'article' || el.tagName === 'main' || HEADING.test(el.tagName)) return true;
  return false;
}

interface Frame {
  el: Element;
  /** Block kind this element imposes on text inside it (li, blockquote, h1-h6), if any. */
  kind?: BlockKind;
  list?: boolean;
  bold?: boolean;
  italic?: boolean;
  pre?: boolean;
  cell?: boolean;
}

/** Writes the readable text of `root` into `b`. Iterative: a stack of enter/exit steps. */
export function writeHtml(root: ParentNode, b: TextBuilder, options: { dropFooters: boolean }): void {
  const frames: Frame[] = [];
  let kind: BlockKind = { type: 'paragraph' };
  let bold = 0;
  let italic = 0;
  let pre = 0;
  const lists: boolean[] = [];
  const kinds: BlockKind[] = [];
  const rowCells: number[] = [];

  type Step = { node: Node; exit: boolean };
  const steps: Step[] = [];
  const kids = children(root);
  for (let i = kids.length - 1; i >= 0; i--) steps.push({ node: kids[i]!, exit: false });

  while (steps.length) {
    const { node, exit } = steps.pop()!;
    if (!isElement(node)) {
      if (node.nodeName === '#text') {
        const value = (node as DefaultTreeAdapterMap['textNode']).value;
        const flags = { bold: bold > 0, italic: italic > 0 };
        if (pre > 0) b.preformatted(value, kind, flags);
        else b.text(value, kind, flags);
      }
      continue;
    }
    const el = node;
    const tag = el.tagName;
    if (exit) {
      const f = frames.pop()!;
      if (f.bold) bold--;
      if (f.italic) italic--;
      if (f.pre) pre--;
      if (f.list) lists.pop();
      if (f.kind) {
        kinds.pop();
        kind = kinds[kinds.length - 1] ?? { type: 'paragraph' };
      }
      if (tag === 'tr') rowCells.pop();
      if (BLOCK.has(tag)) b.endBlock();
      continue;
    }
    if (SKIP.has(tag) || hidden(el) || (tag === 'a' && backLink(el))) continue;
    if (tag === 'footer' && options.dropFooters) continue;
    if (tag === 'form' && !formHoldsContent(el)) continue;
    if (tag === 'br') {
      b.lineBreak();
      continue;
    }
    if (tag === 'wbr') continue;
    const f: Frame = { el };
    if (BLOCK.has(tag)) b.endBlock();
    if (tag === 'ul' || tag === 'ol' || tag === 'menu' || tag === 'dir') {
      lists.push(tag === 'ol');
      f.list = true;
    }
    const h = HEADING.exec(tag);
    if (h) f.kind = { type: 'heading', level: Number(h[1]) };
    else if (tag === 'li') f.kind = { type: 'listItem', ordered: lists[lists.length - 1] ?? false };
    else if (tag === 'blockquote') f.kind = { type: 'blockquote' };
    if (f.kind) {
      kinds.push(f.kind);
      kind = f.kind;
    }
    if (BOLD.has(tag) || tag === 'th') {
      f.bold = true;
      bold++;
    }
    if (ITALIC.has(tag)) {
      f.italic = true;
      italic++;
    }
    if (tag === 'pre' || tag === 'listing') {
      f.pre = true;
      pre++;
    }
    if (tag === 'tr') rowCells.push(0);
    if (tag === 'td' || tag === 'th') {
      const n = rowCells.length;
      if (n > 0) {
        if (rowCells[n - 1]! > 0) b.separator('\t');
        rowCells[n - 1]!++;
      }
    }
    frames.push(f);
    steps.push({ node: el, exit: true });
    const elKids = children(el);
    for (let i = elKids.length - 1; i >= 0; i--) steps.push({ node: elKids[i]!, exit: false });
  }
  b.endBlock();
}

// ---------------------------------------------------------------- metadata

function clean(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const t = s.replace(/\p{Cc}+/gu, ' ').replace(/\s+/g, ' ').trim();
  return t || undefined;
}

/** An http(s) URL, resolved against nothing (relative URLs are useless outside the page). */
export function httpUrl(s: string | undefined): string | undefined {
  const t = clean(s);
  if (!t) return undefined;
  try {
    const u = new URL(t);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** An ISO 8601 date: a bare date stays a date (YYYY-MM-DD), a time becomes UTC. */
export function isoDate(s: string | undefined): string | undefined {
  const t = clean(s);
  if (!t) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString();
}

interface PageMeta {
  title?: string;
  metadata: Metadata;
}

function jsonLd(raw: string, meta: { author?: string; published?: string; headline?: string }): void {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return;
  }
  const queue: unknown[] = [data];
  let guard = 0;
  while (queue.length && guard++ < 200) {
    const item = queue.shift();
    if (Array.isArray(item)) {
      queue.push(...item);
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    if (Array.isArray(o['@graph'])) queue.push(...o['@graph']);
    const type = String(o['@type'] ?? '');
    if (!/Article|Posting|Report|NewsArticle|BlogPosting|WebPage|CreativeWork/i.test(type)) continue;
    if (!meta.published && typeof o.datePublished === 'string') meta.published = o.datePublished;
    if (!meta.headline && typeof o.headline === 'string') meta.headline = o.headline;
    if (!meta.author) {
      const authors = Array.isArray(o.author) ? o.author : o.author ? [o.author] : [];
      const names = authors
        .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? (a as Record<string, unknown>).name : undefined))
        .filter((n): n is string => typeof n === 'string' && n.trim() !== '');
      if (names.length) meta.author = names.join(', ');
    }
  }
}

function pageMetadata(doc: DefaultTreeAdapterMap['document']): PageMeta {
  const found: Record<string, string> = {};
  const ld: { author?: string; published?: string; headline?: string } = {};
  let title: string | undefined;
  let h1: string | undefined;
  let lang: string | undefined;
  let canonical: string | undefined;
  const setOnce = (key: string, value: string | undefined) => {
    const v = clean(value);
    if (v && !(key in found)) found[key] = v;
  };
  for (const el of elements(doc)) {
    switch (el.tagName) {
      case 'html':
        lang = clean(attr(el, 'lang'));
        break;
      case 'title':
        if (title === undefined) title = clean(textContent(el));
        break;
      case 'h1':
        if (h1 === undefined) h1 = clean(textContent(el));
        break;
      case 'meta': {
        const key = (attr(el, 'name') ?? attr(el, 'property') ?? attr(el, 'itemprop') ?? '').toLowerCase();
        if (key) setOnce(key, attr(el, 'content'));
        break;
      }
      case 'link': {
        const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
        if (rel.includes('canonical') && canonical === undefined) canonical = attr(el, 'href');
        break;
      }
      case 'script':
        if ((attr(el, 'type') ?? '').toLowerCase() === 'application/ld+json') jsonLd(textContent(el), ld);
        break;
      case 'time':
        if (attr(el, 'pubdate') !== undefined || attr(el, 'itemprop') === 'datePublished') setOnce('time', attr(el, 'datetime'));
        break;
    }
  }
  const metadata: Metadata = {};
  const authorMeta = found['author'] ?? found['article:author'] ?? found['dc.creator'] ?? found['dc:creator'] ?? found['sailthru.author'] ?? ld.author;
  const author = authorMeta && !httpUrl(authorMeta) ? authorMeta : ld.author;
  if (author) metadata.author = author;
  const published = isoDate(
    found['article:published_time'] ?? ld.published ?? found['date'] ?? found['dc.date'] ?? found['dc.date.issued'] ?? found['pubdate'] ?? found['publishdate'] ?? found['datepublished'] ?? found['time'],
  );
  if (published) metadata.published = published;
  const url = httpUrl(canonical) ?? httpUrl(found['og:url']);
  if (url) metadata.url = url;
  const description = found['description'] ?? found['og:description'];
  if (description) metadata.description = description;
  const site = found['og:site_name'];
  if (site) metadata.site = site;
  if (lang) metadata.language = lang;
  return { title: title ?? clean(found['og:title']) ?? clean(ld.headline) ?? h1, metadata };
}

// ---------------------------------------------------------------- decoding

/** The charset an HTML file declares in its first 1024 bytes (<meta charset> or http-equiv). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  const m =
    /<meta[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.()-]+)/i.exec(head) ??
    /<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.-]+)/i.exec(head);
  return m?.[1];
}

export function decodeHtml(name: string, bytes: Uint8Array): string {
  if (bomEncoding(bytes)) return decodeText(name, bytes).text;
  const declared = declaredCharset(bytes);
  return decodeText(name, bytes, declared && normaliseLabel(declared) ? declared : undefined).text;
}

// ---------------------------------------------------------------- import

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame']);
/** Elements a following sibling closes implicitly: they never nest deeply on their own. */
const IMPLIED_CLOSE = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rtc', 'rp']);
/** Browsers stop nesting at 512 levels; the HTML parser slows quadratically with depth. */
export const MAX_NESTING = 4000;

/** An upper estimate of how deeply the elements of `html` nest, in one linear scan of its tags. */
export function nestingDepth(html: string): number {
  const tag = /<(\/?)([A-Za-z][^\s/>]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name) || IMPLIED_CLOSE.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

/** Builds a document from HTML markup: text, blocks, styles and (for whole pages) metadata. */
export function htmlToDocument(name: string, html: string, options: HtmlOptions): ImportedDocument {
  if (nestingDepth(html) > MAX_NESTING) {
    throw badFile(name, `its elements are nested more than ${MAX_NESTING} levels deep (damaged or machine-made HTML)`, 'open it in a browser and save it as PDF or text, then import that');
  }
  const doc = parse(html);
  const meta = options.page ? pageMetadata(doc) : { metadata: {} as Metadata };
  const { root, isPage } = options.page ? contentRoot(doc) : { root: doc as ParentNode, isPage: false };
  const builder = new TextBuilder();
  writeHtml(root, builder, { dropFooters: isPage });
  const { text, blocks } = builder.finish();
  if (text.trim() === '') {
    throw badFile(name, options.format === 'docx' ? 'the document has no text' : 'the page has no readable text', 'check that it is the right file');
  }
  const title = meta.title ? clip(meta.title) : guessTitle(text, blocks, baseName(name));
  return { title, format: options.format, text, blocks, metadata: meta.metadata };
}

function baseName(name: string): string {
  return name.replace(/^.*[\\/]/, '');
}

function clip(s: string): string {
  return s.length > 200 ? s.slice(0, 199) + '…' : s;
}

export function importHtml(name: string, bytes: Uint8Array): ImportedDocument {
  const html = decodeHtml(name, bytes);
  if (html.trim() === '') throw emptyFile(name);
  return htmlToDocument(name, html, { page: true, format: 'html' });
}
