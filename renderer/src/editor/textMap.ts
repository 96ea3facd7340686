import type { Block } from '../../../common/domain';

// The editor shows the document's blocks; annotations live in plain-text offsets. A block's
// characters map one to one onto editor positions (a line break inside a block is a hard break,
// one position wide), so mapping is a binary search over block starts.

export interface JSONNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JSONNode[];
  text?: string;
  marks?: Array<{ type: string }>;
}

/** Control characters would render as nothing or as breaks; show a space instead, same length. */
const CONTROL = /[^\t\n\P{Cc}]/gu;

function inlineContent(text: string, block: Block): JSONNode[] {
  const out: JSONNode[] = [];
  const styles = block.styles ?? [];
  // Boundaries where the set of styles changes, plus line breaks.
  const cuts = new Set<number>([block.start, block.end]);
  for (const s of styles) {
    cuts.add(Math.max(block.start, Math.min(block.end, s.start)));
    cuts.add(Math.max(block.start, Math.min(block.end, s.end)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length - 1; i++) {
    const from = sorted[i]!;
    const to = sorted[i + 1]!;
    if (from >= to) continue;
    const marks = styles.filter((s) => s.start <= from && s.end >= to).map((s) => ({ type: s.type }));
    const piece = text.slice(from, to);
    const lines = piece.split('\n');
    lines.forEach((line, j) => {
      if (j > 0) out.push({ type: 'hardBreak' });
      if (line) out.push({ type: 'text', text: line.replace(CONTROL, ' '), ...(marks.length ? { marks } : {}) });
    });
  }
  return out;
}

function textblock(text: string, block: Block): JSONNode {
  const content = inlineContent(text, block);
  if (block.type === 'heading') return { type: 'heading', attrs: { level: Math.min(block.level ?? 2, 6) }, content };
  // The length lets a paragraph that is not drawn yet take about its height (see offscreen.ts).
  return { type: 'paragraph', attrs: { chars: block.end - block.start }, content };
}

/**
 * A table block's cells, row by row: each cell a range of the text (its text has neither a tab nor
 * a line break), rows padded to the widest with empty cells at the row's end (the editor needs a
 * rectangle; padding cells hold no text).
 */
export function tableCells(text: string, block: Block): Block[][] {
  const rows: Block[][] = [];
  let rowStart = block.start;
  while (rowStart <= block.end) {
    let rowEnd = text.indexOf('\n', rowStart);
    if (rowEnd === -1 || rowEnd > block.end) rowEnd = block.end;
    const cells: Block[] = [];
    let cellStart = rowStart;
    for (;;) {
      let cellEnd = text.indexOf('\t', cellStart);
      if (cellEnd === -1 || cellEnd > rowEnd) cellEnd = rowEnd;
      const styles = (block.styles ?? []).filter((st) => st.start < cellEnd && st.end > cellStart).map((st) => ({ ...st, start: Math.max(st.start, cellStart), end: Math.min(st.end, cellEnd) }));
      cells.push({ type: 'paragraph', start: cellStart, end: cellEnd, ...(styles.length ? { styles } : {}) });
      if (cellEnd >= rowEnd) break;
      cellStart = cellEnd + 1;
    }
    rows.push(cells);
    if (rowEnd >= block.end) break;
    rowStart = rowEnd + 1;
  }
  const width = Math.max(...rows.map((r) => r.length));
  for (const r of rows) {
    const end = r[r.length - 1]!.end;
    while (r.length < width) r.push({ type: 'paragraph', start: end, end });
  }
  return rows;
}

/** The text ranges the editor shows as text blocks, in document order: a table's are its cells. */
export function editorBlocks(text: string, blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.type === 'table') for (const row of tableCells(text, b)) out.push(...row);
    else out.push(b);
  }
  return out;
}

/** The editor document for text + blocks. Consecutive list items share a list; quotes wrap their paragraph. */
export function buildDoc(text: string, blocks: readonly Block[]): JSONNode {
  const content: JSONNode[] = [];
  let list: JSONNode | null = null;
  for (const block of blocks) {
    if (block.type === 'listItem') {
      const listType = block.ordered ? 'orderedList' : 'bulletList';
      if (!list || list.type !== listType) {
        list = { type: listType, content: [] };
        content.push(list);
      }
      list.content!.push({ type: 'listItem', content: [textblock(text, block)] });
      continue;
    }
    list = null;
    if (block.type === 'table') {
      const rows = tableCells(text, block).map((cells, r) => ({
        type: 'tableRow',
        content: cells.map((cell) => ({ type: block.header && r === 0 ? 'tableHeader' : 'tableCell', content: [textblock(text, cell)] })),
      }));
      content.push({ type: 'table', content: rows });
      continue;
    }
    if (block.type === 'blockquote') content.push({ type: 'blockquote', content: [textblock(text, block)] });
    else content.push(textblock(text, block));
  }
  if (content.length === 0) content.push({ type: 'paragraph' });
  return { type: 'doc', content: content.length > SECTION_SIZE ? sections(content) : content };
}

/** Top-level blocks per section: about the square root of a long document's 2,000 paragraphs. */
export const SECTION_SIZE = 32;

/**
 * A long document is grouped into sections of SECTION_SIZE blocks (lists and quotes stay whole).
 * Off screen, a whole section is skipped by the browser (see offscreen.ts), and a change inside one
 * re-lays out and re-checks one section, not the whole document's blocks.
 */
function sections(blocks: JSONNode[]): JSONNode[] {
  const out: JSONNode[] = [];
  for (let i = 0; i < blocks.length; i += SECTION_SIZE) {
    const content = blocks.slice(i, i + SECTION_SIZE);
    let chars = 0;
    let textblocks = 0;
    const count = (n: JSONNode) => {
      if (n.type === 'paragraph' || n.type === 'heading') {
        textblocks++;
        for (const c of n.content ?? []) chars += c.text?.length ?? 1;
      } else n.content?.forEach(count);
    };
    content.forEach(count);
    out.push({ type: 'csSection', attrs: { chars, blocks: textblocks }, content });
  }
  return out;
}

export class TextMap {
  /** Editor position where each block's content starts, in block order. */
  constructor(
    readonly blocks: readonly Block[],
    readonly pmStarts: readonly number[],
  ) {}

  private blockIndexForOffset(offset: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    let ans = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.blocks[mid]!.start <= offset) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  /** The text block (a paragraph, a heading, a table's cell) holding an offset, or undefined. */
  blockAt(offset: number): Block | undefined {
    if (this.blocks.length === 0) return undefined;
    let i = this.blockIndexForOffset(offset);
    // An empty cell padding a row sits at the end of the cell before it: that cell holds the offset.
    while (i > 0 && this.blocks[i]!.start === this.blocks[i]!.end && this.blocks[i - 1]!.end >= offset) i--;
    const b = this.blocks[i]!;
    return offset >= b.start && offset <= b.end ? b : undefined;
  }

  /** Editor position of a text offset; offsets between blocks snap forward (side 1) or back (side -1). */
  toPos(offset: number, side: 1 | -1 = 1): number {
    if (this.blocks.length === 0) return 1;
    const i = this.blockIndexForOffset(offset);
    const b = this.blocks[i]!;
    if (offset < b.start) return this.pmStarts[i]!;
    if (offset <= b.end) return this.pmStarts[i]! + (offset - b.start);
    // In the gap after block i.
    if (side === -1 || i === this.blocks.length - 1) return this.pmStarts[i]! + (b.end - b.start);
    return this.pmStarts[i + 1]!;
  }

  /** Text offset of an editor position (inside a block's content). */
  toOffset(pos: number): number {
    if (this.blocks.length === 0) return 0;
    let lo = 0;
    let hi = this.pmStarts.length - 1;
    let ans = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.pmStarts[mid]! <= pos) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const b = this.blocks[ans]!;
    return b.start + Math.max(0, Math.min(b.end - b.start, pos - this.pmStarts[ans]!));
  }
}

/** Reads each textblock's content start from the built editor document. */
export function textMapFor(doc: { descendants(f: (node: { isTextblock: boolean }, pos: number) => boolean | void): void }, blocks: readonly Block[]): TextMap {
  const starts: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      starts.push(pos + 1);
      return false;
    }
    return true;
  });
  return new TextMap(blocks, starts.slice(0, blocks.length));
}
