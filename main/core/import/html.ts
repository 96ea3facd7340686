// HTML: the article and only the article. Readability (Mozilla's reader view, over linkedom's DOM;
// no script runs, nothing loads) picks the article out of the page; its markup is then parsed again
// with parse5 and walked like any page, writing plain text through TextBuilder, so nothing of the
// file is ever passed on as markup: no scripts, styles, handlers, frames, forms, embedded objects or
// remote resources survive, only text and block ranges. When Readability finds no article, the
// page's <article> or <main> is taken, else its body. The whole page (comments, boxes and all) is
// one import option away (`wholePage`). Byline, date, outlet and canonical address come from
// JSON-LD, OpenGraph and meta tags, then from Readability's reading of the page.
import type * as ReadabilityModule from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import type * as Parse5 from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { lazy } from '../lazy';
import type { Metadata } from '../../../common/domain';
import { TextBuilder, type BlockKind } from './builder';
import { badFile } from './sniff';
import { bomEncoding, decodeText, emptyFile, encodingMetadata, normaliseLabel, type Decoded } from './text';
import { guessTitle } from './title';
import type { ImportedDocument } from './types';

const linkedom = lazy<typeof Linkedom>('linkedom');
const parse5 = lazy<typeof Parse5>('parse5');
const readability = lazy<typeof ReadabilityModule>('@mozilla/readability');

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** Elements whose whole subtree is dropped. */
const SKIP = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'annotation', 'annotation-xml', 'canvas', 'video', 'audio', 'img', 'map', 'area', 'source', 'track',
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

/** Alternative texts that say nothing: a generic word or a file name. */
const MEANINGLESS_ALT = /\blogo\b|^(?:image|img|photo|picture|pic|icon|logo|graphic|spacer|banner|thumbnail|placeholder|null|undefined)(?:[\s_-]*\d+)?$|\.(?:jpe?g|png|gif|webp|svg|avif|bmp)$/i;

const BOLD = new Set(['b', 'strong']);
const ITALIC = new Set(['i', 'em', 'cite', 'dfn', 'var']);
const HEADING = /^h([1-6])$/;

export interface HtmlOptions {
  /** Whole pages: read <head> metadata and keep the article. Fragments (from Word): the body as is. */
  page: boolean;
  /** How to treat the file in messages and the document format. */
  format: string;
  /** Keep every readable part of the page (comments, related boxes), not only the article. */
  wholePage?: boolean;
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

/** An image drawn a pixel or two wide or high: a tracking pixel or a spacer, whatever its alternative text. */
function tiny(el: Element): boolean {
  const size = (name: string) => parseFloat(attr(el, name) ?? '');
  return size('width') <= 2 || size('height') <= 2;
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

/**
 * A MathML formula as one line of text: its tokens in order, "/" in a fraction, "^" and "_" before
 * superscripts and subscripts, "√" before a root; TeX or other annotations left out.
 */
export function mathText(root: Element, depth = 0): string {
  const kids = children(root);
  if (depth > 100) return textContent(root).replace(/\s+/g, '');
  // Each child's text once (computing it again per use would be exponential in the nesting).
  const els: string[] = [];
  const parts: string[] = [];
  for (const k of kids) {
    if (isElement(k)) {
      const t = k.tagName === 'annotation' || k.tagName === 'annotation-xml' ? '' : mathText(k, depth + 1);
      els.push(t);
      parts.push(t);
    } else if (k.nodeName === '#text') parts.push((k as DefaultTreeAdapterMap['textNode']).value.trim());
  }
  const part = (i: number) => els[i] ?? '';
  const group = (t: string) => (t.length > 1 && !/^[\p{L}\p{N}.]+$/u.test(t) ? `(${t})` : t);
  switch (root.tagName) {
    case 'mfrac':
      return `${group(part(0))}/${group(part(1))}`;
    case 'msup':
      return `${part(0)}^${group(part(1))}`;
    case 'msub':
      return `${part(0)}_${group(part(1))}`;
    case 'msubsup':
      return `${part(0)}_${group(part(1))}^${group(part(2))}`;
    case 'msqrt':
      return `√${group(parts.join(''))}`;
    case 'mroot':
      return `√${group(part(0))}`;
    default:
      return parts.join('');
  }
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

/** Rows of a table element (in its own thead, tbody and tfoot), not of tables nested in it. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const k of children(table)) {
    if (!isElement(k)) continue;
    if (k.tagName === 'tr') rows.push(k);
    else if (k.tagName === 'thead' || k.tagName === 'tbody' || k.tagName === 'tfoot') for (const r of children(k)) if (isElement(r) && r.tagName === 'tr') rows.push(r);
  }
  return rows;
}

function cellsOf(row: Element): Element[] {
  return children(row).filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));
}

/** A table with a cell longer than this (in characters) is a layout table: its cells are read as paragraphs. */
const MAX_DATA_CELL = 600;

/** A merged cell spans at most this many columns (a hostile colspan cannot blow the grid up). */
const MAX_SPAN = 50;

function span(el: Element, name: string): number {
  const n = parseInt(attr(el, name) ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * Whether a <table> holds data (kept as a table block) or lays a page out (its cells read as
 * paragraphs): a data table has a row of two cells or more, no table inside it, no cell longer
 * than MAX_DATA_CELL characters, and no role="presentation". Returns whether its first row is a header (in <thead>, or all <th>).
 */
function dataTable(table: Element): { header: boolean } | null {
  const role = attr(table, 'role');
  if (role === 'presentation' || role === 'none') return null;
  const rows = tableRows(table);
  if (rows.length === 0 || !rows.some((r) => cellsOf(r).length >= 2)) return null;
  for (const el of elements(table)) if (el.tagName === 'table') return null;
  // A cell holding an article's worth of text lays the page out; data cells are short.
  for (const r of rows) for (const c of cellsOf(r)) if (textLength(c) > MAX_DATA_CELL) return null;
  const first = rows[0]!;
  const firstCells = cellsOf(first);
  const header = first.parentNode?.nodeName === 'thead' || (firstCells.length > 0 && firstCells.every((c) => c.tagName === 'th'));
  return { header };
}

/** The grid of the data table being written: the column the next cell takes, and rows still covered by merged cells above. */
interface Grid {
  header: boolean;
  col: number;
  covered: number[];
}

interface Frame {
  el: Element;
  /** A data table written as one table block. */
  table?: boolean;
  link?: boolean;
  captioned?: boolean;
  /** A cell of that table: the columns it spans. */
  colspan?: number;
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
  let grid: Grid | null = null;
  const alts = new Set<string>();
  // Images inside a link (thumbnails, badges) or a figure with its own caption: their descriptions add nothing.
  let links = 0;
  let captioned = 0;

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
        if (pre > 0 && !b.inTable) b.preformatted(value, kind, flags);
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
      if (f.link) links--;
      if (f.captioned) captioned--;
      if (f.list) lists.pop();
      if (f.kind) {
        kinds.pop();
        kind = kinds[kinds.length - 1] ?? { type: 'paragraph' };
      }
      if (f.table) {
        b.endTable();
        grid = null;
        continue;
      }
      if (f.colspan) for (let k = 1; k < f.colspan; k++) b.tableCell();
      if (tag === 'tr' && grid) {
        // Columns past the row's last cell still covered from above: one row less each.
        for (let c = grid.col; c < grid.covered.length; c++) if (grid.covered[c]! > 0) grid.covered[c]!--;
      }
      if (tag === 'caption' && grid) b.beginTable(grid.header);
      if (tag === 'tr') rowCells.pop();
      if (BLOCK.has(tag)) b.endBlock();
      continue;
    }
    if (tag === 'img' && links === 0 && captioned === 0 && !hidden(el) && !tiny(el)) {
      // An image is its alternative text, in brackets ("[Chart: sales by year]"); decorative ones say nothing.
      const alt = clean(attr(el, 'alt'));
      if (alt && /[\p{L}\p{N}]/u.test(alt) && !MEANINGLESS_ALT.test(alt) && !alts.has(alt)) {
        // The same picture again (an icon, a repeated banner) says nothing new.
        alts.add(alt);
        b.text(`[${alt.length > 300 ? `${alt.slice(0, 299)}…` : alt}]`, kind, { bold: bold > 0, italic: italic > 0 });
      }
      continue;
    }
    if (SKIP.has(tag) || hidden(el) || (tag === 'a' && backLink(el))) continue;
    if (tag === 'math') {
      const formula = mathText(el);
      if (formula) b.text(formula, kind, { bold: bold > 0, italic: italic > 0 });
      continue;
    }
    if (tag === 'footer' && options.dropFooters) continue;
    if (tag === 'form' && !formHoldsContent(el)) continue;
    if (tag === 'br') {
      b.lineBreak();
      continue;
    }
    if (tag === 'wbr') continue;
    const f: Frame = { el };
    if (tag === 'table' && !grid) {
      const data = dataTable(el);
      if (data) {
        b.beginTable(data.header);
        grid = { header: data.header, col: 0, covered: [] };
        f.table = true;
        frames.push(f);
        steps.push({ node: el, exit: true });
        const tableKids = children(el);
        for (let i = tableKids.length - 1; i >= 0; i--) steps.push({ node: tableKids[i]!, exit: false });
        continue;
      }
    }
    if (grid) {
      if (tag === 'caption') b.endTable();
      else if (tag === 'tr') {
        b.tableRow();
        grid.col = 0;
      } else if (tag === 'td' || tag === 'th') {
        // Columns covered by a merged cell from a row above stay empty here.
        while (grid.covered[grid.col]! > 0) {
          grid.covered[grid.col]!--;
          b.tableCell();
          grid.col++;
        }
        b.tableCell();
        const cols = span(el, 'colspan');
        const rows = span(el, 'rowspan');
        for (let k = 0; k < cols; k++) grid.covered[grid.col + k] = rows - 1;
        grid.col += cols;
        if (cols > 1) f.colspan = cols;
      }
    }
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
    if (tag === 'a' && attr(el, 'href') !== undefined) {
      f.link = true;
      links++;
    }
    if (tag === 'figure' && children(el).some((k) => isElement(k) && k.tagName === 'figcaption')) {
      f.captioned = true;
      captioned++;
    }
    if (tag === 'pre' || tag === 'listing') {
      f.pre = true;
      pre++;
    }
    if (tag === 'tr') rowCells.push(0);
    if ((tag === 'td' || tag === 'th') && !grid) {
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

interface LdMeta {
  author?: string;
  published?: string;
  headline?: string;
  publisher?: string;
  url?: string;
}

function jsonLd(raw: string, meta: LdMeta): void {
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
    if (!meta.url && typeof o.url === 'string' && /Article|Posting|Report/i.test(type)) meta.url = o.url;
    if (!meta.publisher) {
      const pub = Array.isArray(o.publisher) ? o.publisher[0] : o.publisher;
      const pubName = typeof pub === 'string' ? pub : pub && typeof pub === 'object' ? (pub as Record<string, unknown>).name : undefined;
      if (typeof pubName === 'string' && pubName.trim()) meta.publisher = pubName;
    }
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
  const ld: LdMeta = {};
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
  const url = httpUrl(canonical) ?? httpUrl(found['og:url']) ?? httpUrl(ld.url);
  if (url) metadata.url = url;
  const description = found['description'] ?? found['og:description'];
  if (description) metadata.description = description;
  // The outlet: OpenGraph's site name, the JSON-LD publisher, the web app's name.
  const site = found['og:site_name'] ?? clean(ld.publisher) ?? found['application-name'] ?? found['twitter:site']?.replace(/^@/, '');
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

/** Decodes a page: the analyst's choice, else a BOM, else the bytes checked against the declared charset, else detection. */
export function decodeHtml(name: string, bytes: Uint8Array, chosen?: string): Decoded {
  if (chosen !== undefined) return decodeText(name, bytes, { chosen });
  if (bomEncoding(bytes)) return decodeText(name, bytes);
  const declared = declaredCharset(bytes);
  return decodeText(name, bytes, declared && normaliseLabel(declared) ? { declared } : {});
}

// ---------------------------------------------------------------- import

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame']);
/** Elements a following sibling closes implicitly: they never nest deeply on their own. */
const IMPLIED_CLOSE = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rtc', 'rp']);
/** Browsers stop nesting at 512 levels; the HTML parser slows quadratically with depth. */
export const MAX_NESTING = 4000;

/**
 * The parser checks scopes by walking its stack of open elements, so its work is about the sum,
 * over tags, of the depth they sit at. Beyond a fixed allowance, the average depth per tag may not
 * pass this (real pages stay well under 100), which keeps the parse linear in the file's size.
 */
const MAX_AVERAGE_DEPTH = 256;
const DEPTH_WORK_ALLOWANCE = 50_000_000;

export interface Nesting {
  /** An upper estimate of how deeply the elements nest. */
  depth: number;
  /** The sum of the depth of every tag: the parser's scope-walking work. */
  work: number;
  tags: number;
}

/**
 * How the elements of `html` nest, in one linear scan of its tags (an upper estimate).
 * A self-closing slash means nothing on an HTML element (`<div/>` opens a div that stays open, as
 * in a browser), so it counts as an opening; only inside <svg> and <math> does it close the element.
 */
export function nesting(html: string): Nesting {
  const tag = /<(\/?)([A-Za-z][^\s/>]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  let foreign = 0;
  let work = 0;
  let tags = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    tags++;
    work += depth;
    const name = m[2]!.toLowerCase();
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/';
    if (name === 'svg' || name === 'math') {
      if (closing) foreign = Math.max(0, foreign - 1);
      else if (!selfClosing) foreign++;
    }
    if (VOID.has(name) || IMPLIED_CLOSE.has(name) || (selfClosing && foreign > 0)) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return { depth: max, work, tags };
}

export function nestingDepth(html: string): number {
  return nesting(html).depth;
}

/** Readability gives up on pages with more elements than this (its passes are not all linear); the page's own structure is used then. */
const MAX_READABILITY_ELEMENTS = 60_000;
/** Readability's passes walk ancestors and subtrees: past the depth where browsers stop nesting (512), the page's own structure is used. */
const MAX_READABILITY_DEPTH = 512;
/** Fewer words than this is not an article found (short pages keep their own <article>, <main> or body). */
const MIN_ARTICLE_WORDS = 50;

interface Article {
  content: string;
  title?: string;
  byline?: string;
  siteName?: string;
  published?: string;
}

/**
 * Readability's article, or null when it finds none (or fails on the markup). It reads parse5's
 * tree written out again: every element closed explicitly, so linkedom's simpler parser builds the
 * same tree a browser would (left to itself it nests unclosed elements that a browser closes).
 */
function readArticle(doc: DefaultTreeAdapterMap['document']): Article | null {
  try {
    const { document } = linkedom().parseHTML(parse5().serialize(doc));
    const article = new (readability().Readability)(document as unknown as Document, { maxElemsToParse: MAX_READABILITY_ELEMENTS, keepClasses: false }).parse();
    if (!article?.content) return null;
    const out: Article = { content: article.content };
    if (article.title) out.title = article.title;
    if (article.byline) out.byline = article.byline;
    if (article.siteName) out.siteName = article.siteName;
    if (article.publishedTime) out.published = article.publishedTime;
    return out;
  } catch {
    return null;
  }
}

/** A byline as written on the page ("By Ann Smith | May 3, 2024"), reduced to the names. */
export function cleanByline(raw: string | undefined): string | undefined {
  let t = clean(raw);
  if (!t) return undefined;
  t = t.replace(/^(?:written\s+)?by[:\s]+/i, '');
  t = t.split(/\s+[|•·–—]\s+|\s+-\s+/)[0]!.trim();
  // Names are short; anything long is a sentence, not a byline.
  if (!t || t.length > 100 || !/\p{L}/u.test(t) || t.split(/\s+/).length > 12 || httpUrl(t)) return undefined;
  return t;
}

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/**
 * Whole blocks that are a web page's interface, not the article: advert labels, share and sign-in
 * buttons, comment counters, "related" headings, photo credit lines. General labels of the web's
 * chrome (English), matched only when they are the whole block.
 */
const INTERFACE_LABEL = new RegExp(
  '^(?:' +
    [
      'advertisement', 'advertising', 'advert', 'ad', 'sponsored(?: content)?', 'paid content', 'skip advert(?:isement)?',
      '(?:story|article) continues below(?: this)? advert(?:isement)?', 'continue reading(?: below| the main story)?',
      'scroll to continue(?: with content)?', 'share(?: this)?(?: article| story| page| post)?', 'share on \\w+', 'tweet', 'email', 'print', 'close',
      'sign (?:in|up)', 'log ?in', 'subscribe(?: now)?', 'caption', 'comments?', '\\d+ comments?', 'view comments',
      '(?:you (?:may|might) also like|related(?: articles| stories| content| posts)?|more (?:on|from) this|read more|see also|recommended(?: for you)?|most (?:read|popular))',
      'view author archive', 'follow us(?: on \\w+)?', 'cookie settings', 'accept cookies',
      '(?:image|photo|picture|video)(?: copyright| credit|:) .{0,60}',
    ].join('|') +
    ')[.:!]?(?: \\(\\d+\\))?$',
  'i',
);

/** Drops the blocks `keep` refuses, closing the gaps: offsets and styles move with their text. */
function keepBlocks(text: string, blocks: ImportedDocument['blocks'], keep: (content: string) => boolean): { text: string; blocks: ImportedDocument['blocks'] } {
  const parts: string[] = [];
  const out: ImportedDocument['blocks'] = [];
  let length = 0;
  for (const b of blocks) {
    const content = text.slice(b.start, b.end);
    if (!keep(content)) continue;
    if (parts.length) {
      parts.push('\n\n');
      length += 2;
    }
    const shift = length - b.start;
    const moved = { ...b, start: b.start + shift, end: b.end + shift };
    if (b.styles) moved.styles = b.styles.map((st) => ({ ...st, start: st.start + shift, end: st.end + shift }));
    out.push(moved);
    parts.push(content);
    length += content.length;
  }
  return { text: parts.join(''), blocks: out };
}

function notInterface(content: string): boolean {
  const t = content.replace(/\s+/g, ' ').trim();
  return t.length > 80 || !INTERFACE_LABEL.test(t);
}

function written(root: ParentNode, dropFooters: boolean): { text: string; blocks: ImportedDocument['blocks'] } {
  const builder = new TextBuilder();
  writeHtml(root, builder, { dropFooters });
  return builder.finish();
}

/** Builds a document from HTML markup: text, blocks, styles and (for whole pages) metadata. */
export function htmlToDocument(name: string, html: string, options: HtmlOptions): ImportedDocument {
  const shape = nesting(html);
  if (shape.depth > MAX_NESTING) {
    throw badFile(name, `its elements are nested more than ${MAX_NESTING} levels deep (damaged or machine-made HTML)`, 'open it in a browser and save it as PDF or text, then import that');
  }
  if (shape.work > DEPTH_WORK_ALLOWANCE + MAX_AVERAGE_DEPTH * shape.tags) {
    throw badFile(name, `most of its ${shape.tags.toLocaleString('en')} elements sit hundreds of levels deep (damaged or machine-made HTML)`, 'open it in a browser and save it as PDF or text, then import that');
  }
  const doc = parse5().parse(html);
  const meta = options.page ? pageMetadata(doc) : { metadata: {} as Metadata };
  let result: { text: string; blocks: ImportedDocument['blocks'] };
  if (!options.page) {
    result = written(doc, false);
  } else if (options.wholePage) {
    result = written(doc, false);
    meta.metadata.content = 'whole page';
  } else {
    const { root, isPage } = contentRoot(doc);
    const fallback = written(root, isPage);
    const article = shape.depth <= MAX_READABILITY_DEPTH && shape.tags <= 2 * MAX_READABILITY_ELEMENTS ? readArticle(doc) : null;
    const fromArticle = article ? written(parse5().parseFragment(article.content), false) : null;
    const words = fromArticle ? wordCount(fromArticle.text) : 0;
    if (fromArticle && words >= MIN_ARTICLE_WORDS) {
      result = keepBlocks(fromArticle.text, fromArticle.blocks, notInterface);
      meta.metadata.content = 'article';
    } else {
      result = fallback;
      meta.metadata.content = isPage ? 'page' : 'article';
    }
    if (article) {
      const byline = cleanByline(article.byline);
      if (!meta.metadata.author && byline) meta.metadata.author = byline;
      if (!meta.metadata.site && clean(article.siteName)) meta.metadata.site = clean(article.siteName)!;
      const published = isoDate(article.published);
      if (!meta.metadata.published && published) meta.metadata.published = published;
    }
  }
  const { text, blocks } = result;
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

export function importHtml(name: string, bytes: Uint8Array, options: { wholePage?: boolean; encoding?: string } = {}): ImportedDocument {
  const decoded = decodeHtml(name, bytes, options.encoding);
  if (decoded.text.trim() === '') throw emptyFile(name);
  const doc = htmlToDocument(name, decoded.text, { page: true, format: 'html', wholePage: options.wholePage === true });
  return { ...doc, metadata: { ...doc.metadata, ...encodingMetadata(decoded) } };
}
