// Markdown: the text is the decoded file as it is (markers included), so a quote taken from the
// file still matches; blocks point at the content of headings, list items, quotes and paragraphs,
// leaving the markers out where they lead a line. Bold and italic become styles. One pass, linear.
import type { Block, Metadata } from '../../../common/domain';
import { httpUrl, isoDate } from './html';
import { badFile } from './sniff';
import { decodeText, emptyFile, encodingMetadata } from './text';
import { guessTitle } from './title';
import type { ImportedDocument } from './types';

type Kind = 'paragraph' | 'listItem' | 'blockquote';

interface Open {
  kind: Kind;
  ordered: boolean;
  start: number;
  end: number;
}

const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const QUOTE = /^ {0,3}>[ \t]?/;

/** Blocks of a Markdown text; offsets are into `text` itself. */
export function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const fenced = new Set<Block>();
  const pushFenced = (start: number, end: number) => {
    if (end <= start) return;
    const b: Block = { type: 'paragraph', start, end };
    fenced.add(b);
    blocks.push(b);
  };
  let open: Open | null = null;
  let fence: { marker: string; start: number; end: number } | null = null;

  const flush = () => {
    if (open && open.end > open.start) {
      const b: Block = { type: open.kind, start: open.start, end: open.end };
      if (open.kind === 'listItem') b.ordered = open.ordered;
      blocks.push(b);
    }
    open = null;
  };
  /** [start, end) of `line` without surrounding white space, offset by `base`, from `from`. */
  const content = (line: string, base: number, from: number): [number, number] => {
    let s = from;
    let e = line.length;
    while (s < e && (line[s] === ' ' || line[s] === '\t')) s++;
    while (e > s && /\s/.test(line[e - 1]!)) e--;
    return [base + s, base + e];
  };

  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    const lineStart = pos;
    const line = text.slice(lineStart, nl).replace(/\r$/, '');
    pos = nl + 1;

    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence.marker[0] && close[1]!.length >= fence.marker.length && line.trim() === close[1]) {
        pushFenced(fence.start, fence.end);
        fence = null;
      } else if (line.trim()) {
        const [s, e] = content(line, lineStart, 0);
        if (fence.start < 0) fence.start = s;
        fence.end = e;
      }
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen) {
      flush();
      fence = { marker: fenceOpen[1]!, start: -1, end: -1 };
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      flush();
      let body = line.slice(atx[0].length);
      body = body.replace(/[ \t]+#+[ \t]*$/, '').replace(/^[ \t]*#+[ \t]*$/, '');
      const [s, e] = content(body, lineStart + atx[0].length, 0);
      if (e > s) blocks.push({ type: 'heading', level: atx[1]!.length, start: s, end: e });
      continue;
    }
    const current = open as Open | null;
    if (current && current.kind === 'paragraph' && SETEXT.test(line)) {
      blocks.push({ type: 'heading', level: line.trim()[0] === '=' ? 1 : 2, start: current.start, end: current.end });
      open = null;
      continue;
    }
    if (THEMATIC.test(line)) {
      flush();
      continue;
    }
    const item = LIST.exec(line);
    if (item && item[3] !== '') {
      flush();
      const [s, e] = content(line, lineStart, item[0].length);
      if (e > s) open = { kind: 'listItem', ordered: /\d/.test(item[2]!), start: s, end: e };
      continue;
    }
    const quote = QUOTE.exec(line);
    if (quote) {
      const [s, e] = content(line, lineStart, quote[0].length);
      if (e <= s) {
        flush();
        continue;
      }
      if (current && current.kind === 'blockquote') current.end = e;
      else {
        flush();
        open = { kind: 'blockquote', ordered: false, start: s, end: e };
      }
      continue;
    }
    const [s, e] = content(line, lineStart, 0);
    if (current) current.end = e;
    else open = { kind: 'paragraph', ordered: false, start: s, end: e };
  }
  if (fence) pushFenced(fence.start, fence.end);
  flush();
  for (const b of blocks) {
    if (!fenced.has(b)) {
      const styles = inlineStyles(text, b.start, b.end);
      if (styles.length) b.styles = styles;
    }
  }
  return blocks;
}

/** **bold**, __bold__, *italic*, _italic_ (not inside words for _), outside `code` spans. */
export function inlineStyles(text: string, start: number, end: number): NonNullable<Block['styles']> {
  const styles: NonNullable<Block['styles']> = [];
  let s = text.slice(start, end);
  if (!/[*_]/.test(s)) return styles;
  // Mask code spans so markers inside them are ignored; lengths stay the same.
  s = s.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length));
  const bold = /(\*\*|__)(?=\S)([^]*?\S)\1/g;
  for (let m = bold.exec(s); m; m = bold.exec(s)) {
    if (m[1] === '__' && !wordBoundary(s, m.index, m.index + m[0].length)) continue;
    styles.push({ type: 'bold', start: start + m.index + 2, end: start + m.index + m[0].length - 2 });
  }
  // Italic on a copy with bold markers blanked out.
  const masked = s.replace(/\*\*|__/g, '  ');
  const italic = /(\*|_)(?=\S)([^*_]*?[^\s*_])\1/g;
  for (let m = italic.exec(masked); m; m = italic.exec(masked)) {
    if (m[1] === '_' && !wordBoundary(masked, m.index, m.index + m[0].length)) continue;
    styles.push({ type: 'italic', start: start + m.index + 1, end: start + m.index + m[0].length - 1 });
  }
  return styles.filter((st) => st.end > st.start).sort((a, b) => a.start - b.start);
}

function wordBoundary(s: string, from: number, to: number): boolean {
  const before = from > 0 ? s[from - 1]! : ' ';
  const after = to < s.length ? s[to]! : ' ';
  return !/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after);
}

/** Front matter is looked for in this many characters at the start of the file, no more. */
const FRONT_MATTER_MAX = 64 * 1024;

export interface FrontMatter {
  /** Where the text after the front matter (and the blank lines after it) starts. */
  bodyStart: number;
  title?: string;
  metadata: Metadata;
}

/** A YAML scalar as written: quotes removed, a trailing comment dropped. */
function scalar(raw: string): string {
  const t = raw.trim();
  const quoted = /^(["'])([\s\S]*)\1$/.exec(t);
  if (quoted) return quoted[1] === "'" ? quoted[2]!.replace(/''/g, "'") : quoted[2]!.replace(/\\"/g, '"');
  return t.replace(/\s+#.*$/, '').trim();
}

/**
 * YAML front matter (`---` on the first line, `key: value` lines, `---` or `...`): the title,
 * author(s), date, address and description it gives, read as the document's metadata, not its text.
 * Only plain `key: value` pairs and lists of scalars (`[a, b]` or `- a` lines) are read; nested
 * maps are skipped. Without a closing line, or without a single `key:` line, it is not front matter.
 */
export function frontMatter(text: string): FrontMatter | null {
  const first = /^---[ \t]*\r?\n/.exec(text);
  if (!first) return null;
  const head = text.slice(0, FRONT_MATTER_MAX);
  const close = /^(?:---|\.\.\.)[ \t]*\r?$/m;
  const rest = head.slice(first[0].length);
  const end = close.exec(rest);
  if (!end) return null;
  const yaml = rest.slice(0, end.index);
  const values = new Map<string, string[]>();
  let listKey: string | null = null;
  for (const line of yaml.split(/\r?\n/)) {
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const v = scalar(item[1]!);
      if (v) values.get(listKey)!.push(v);
      continue;
    }
    const pair = /^([A-Za-z_][\w.-]*)\s*:(?:\s+(.*))?$/.exec(line);
    if (!pair) {
      listKey = null;
      continue;
    }
    const key = pair[1]!.toLowerCase();
    const value = (pair[2] ?? '').trim();
    listKey = null;
    if (value === '') {
      listKey = key;
      values.set(key, []);
    } else if (/^\[.*\]$/.test(value)) {
      values.set(key, (value.slice(1, -1).match(/\s*(?:"[^"]*"|'[^']*'|[^,]+)/g) ?? []).map(scalar).filter((v) => v !== ''));
    } else if (!/^[|>{]/.test(value)) {
      values.set(key, [scalar(value)]);
    }
  }
  if (values.size === 0) return null;
  const one = (...keys: string[]) => {
    for (const k of keys) {
      const v = values.get(k)?.find((x) => x.trim() !== '');
      if (v) return v.replace(/\s+/g, ' ').trim();
    }
    return undefined;
  };
  const metadata: Metadata = {};
  const authors = values.get('author') ?? values.get('authors') ?? values.get('creator') ?? [];
  if (authors.length) metadata.author = authors.join(', ');
  const published = isoDate(one('date', 'published', 'pubdate', 'publishdate', 'date_published', 'created'));
  if (published) metadata.published = published;
  const url = httpUrl(one('url', 'canonical_url', 'canonical', 'link', 'permalink', 'source'));
  if (url) metadata.url = url;
  const description = one('description', 'summary', 'excerpt', 'subtitle');
  if (description) metadata.description = description;
  const language = one('lang', 'language');
  if (language) metadata.language = language;
  const rawTitle = one('title');
  const title = rawTitle && rawTitle.length > 200 ? `${rawTitle.slice(0, 199)}…` : rawTitle;
  let bodyStart = first[0].length + end.index + end[0].length;
  const blank = /^(?:[ \t]*\r?\n)*/.exec(text.slice(bodyStart))!;
  bodyStart += blank[0].length;
  return title ? { bodyStart, title, metadata } : { bodyStart, metadata };
}

export function importMarkdown(name: string, bytes: Uint8Array, options: { encoding?: string } = {}): ImportedDocument {
  const decoded = decodeText(name, bytes, options.encoding !== undefined ? { chosen: options.encoding } : {});
  let { text } = decoded;
  if (text.trim() === '') throw emptyFile(name);
  const front = frontMatter(text);
  if (front) {
    text = text.slice(front.bodyStart);
    if (text.trim() === '') throw badFile(name, 'the file has front matter but no text after it', 'check that it is the right file');
  }
  const blocks = markdownBlocks(text);
  const metadata: ImportedDocument['metadata'] = { ...front?.metadata };
  Object.assign(metadata, encodingMetadata(decoded));
  const title = front?.title ?? guessTitle(text, blocks, name);
  return { title, format: 'md', text, blocks, metadata };
}
