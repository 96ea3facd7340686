import type { Block } from '../../../common/domain';
import { paragraphBlocks } from '../import/text';
import { escapeHtmlText } from './escape';

/** A range of the text shown as an element: an annotation, a flagged passage, bold or italic. */
export interface Mark {
  start: number;
  end: number;
  /** Among marks over the same range, lower ranks wrap higher ones. */
  rank: number;
  open: string;
  close: string;
  /** HTML put inside the element where the range begins (an opening bracket). */
  lead?: string;
  /** HTML put after the element where the range ends (a marker such as C1). */
  trail?: string;
}

/** Elements open at once, at most; deeper marks show only their markers. */
export const MAX_OPEN = 12;

interface Segment {
  type: Block['type'];
  start: number;
  end: number;
  level?: number;
  ordered?: boolean;
  /** A cell of a table block: each cell is a segment of its own, the tabs and line breaks between them are not shown. */
  cell?: Cell;
}

interface Cell {
  row: number;
  col: number;
  header: boolean;
  /** Empty cells to add after this one to fill its row (on a row's last cell). */
  pad?: number;
  rowEnd: boolean;
  tableEnd: boolean;
}

interface Piece {
  mark: Mark;
  start: number;
  end: number;
  first: boolean;
  last: boolean;
  seq: number;
}

/**
 * Renders the text as HTML blocks with every mark as nested elements. Marks may overlap in any way
 * and cross blocks: the text is cut at every boundary, and an element that must end while an inner
 * one continues is closed around it and reopened, so the output is always well formed.
 * Sorting the boundaries makes this O(n log n) in the number of marks (times the nesting depth).
 */
export function renderText(text: string, blocks: readonly Block[], marks: readonly Mark[]): string {
  const segments = segmentsOf(text, blocks);
  const buckets: Piece[][] = segments.map(() => []);
  let seq = 0;
  for (const mark of marks) {
    const start = Math.max(0, mark.start);
    const end = Math.min(text.length, mark.end);
    if (end <= start) continue;
    const pieces: Piece[] = [];
    for (let i = firstSegmentEndingAfter(segments, start); i < segments.length; i++) {
      const seg = segments[i]!;
      if (seg.start >= end) break;
      const pieceStart = Math.max(start, seg.start);
      const pieceEnd = Math.min(end, seg.end);
      if (pieceEnd <= pieceStart) continue;
      const piece: Piece = { mark, start: pieceStart, end: pieceEnd, first: pieces.length === 0, last: false, seq: seq++ };
      pieces.push(piece);
      buckets[i]!.push(piece);
    }
    const last = pieces[pieces.length - 1];
    if (last) last.last = true;
  }

  const out: string[] = [];
  let openList: 'ul' | 'ol' | null = null;
  segments.forEach((seg, i) => {
    const list = seg.type === 'listItem' ? (seg.ordered ? 'ol' : 'ul') : null;
    if (openList && openList !== list) {
      out.push(`</${openList}>`);
      openList = null;
    }
    if (list && !openList) {
      out.push(`<${list}>`);
      openList = list;
    }
    if (seg.cell) {
      const c = seg.cell;
      if (c.row === 0 && c.col === 0) out.push(c.header ? '<table class="dt"><thead>' : '<table class="dt"><tbody>');
      if (c.col === 0) out.push('<tr>');
      const tag = c.header && c.row === 0 ? 'th' : 'td';
      out.push(`<${tag}>`);
      renderSegment(out, text, seg, buckets[i]!);
      out.push(`</${tag}>`);
      if (c.rowEnd) out.push(`<${tag}></${tag}>`.repeat(c.pad ?? 0), '</tr>');
      if (c.rowEnd && c.header && c.row === 0) out.push(c.tableEnd ? '</thead>' : '</thead><tbody>');
      if (c.tableEnd) out.push(c.header && c.row === 0 ? '</table>' : '</tbody></table>');
      return;
    }
    const [before, after] = wrapperOf(seg);
    out.push(before);
    renderSegment(out, text, seg, buckets[i]!);
    out.push(after);
  });
  if (openList) out.push(`</${openList}>`);
  return out.join('');
}

function renderSegment(out: string[], text: string, seg: Segment, pieces: Piece[]) {
  pieces.sort((a, b) => a.start - b.start || b.end - a.end || a.mark.rank - b.mark.rank || a.seq - b.seq);
  const stack: Piece[] = [];
  // Pieces beyond MAX_OPEN deep are not drawn, only their markers: pathological overlaps would
  // otherwise reopen hundreds of elements at every boundary (output O(n * depth)).
  let hidden: Piece[] = [];
  let pos = seg.start;
  let i = 0;
  for (;;) {
    const trails: string[] = [];
    let lowest = -1;
    for (let k = 0; k < stack.length; k++) {
      if (stack[k]!.end <= pos) {
        lowest = k;
        break;
      }
    }
    const popped = lowest >= 0 ? stack.splice(lowest) : [];
    for (let k = popped.length - 1; k >= 0; k--) {
      const p = popped[k]!;
      out.push(p.mark.close);
      if (p.end <= pos && p.last && p.mark.trail) trails.push(p.mark.trail);
    }
    if (hidden.length > 0 && hidden.some((p) => p.end <= pos)) {
      for (const p of hidden) if (p.end <= pos && p.last && p.mark.trail) trails.push(p.mark.trail);
      hidden = hidden.filter((p) => p.end > pos);
    }
    for (const t of trails) out.push(t);
    for (const p of popped) {
      if (p.end > pos) {
        out.push(p.mark.open);
        stack.push(p);
      }
    }
    if (pos >= seg.end) break;
    while (i < pieces.length && pieces[i]!.start === pos) {
      const p = pieces[i++]!;
      if (stack.length >= MAX_OPEN) {
        if (p.first && p.mark.lead) out.push(p.mark.lead);
        hidden.push(p);
        continue;
      }
      out.push(p.mark.open);
      if (p.first && p.mark.lead) out.push(p.mark.lead);
      stack.push(p);
    }
    let next = seg.end;
    if (i < pieces.length && pieces[i]!.start < next) next = pieces[i]!.start;
    for (const p of stack) if (p.end < next) next = p.end;
    for (const p of hidden) if (p.end < next) next = p.end;
    out.push(escapeHtmlText(text.slice(pos, next)));
    pos = next;
  }
}

/** The blocks in order, without overlaps, plus paragraphs for any text no block covers. */
function segmentsOf(text: string, blocks: readonly Block[]): Segment[] {
  const len = text.length;
  const sorted = blocks
    .map((b) => ({ ...b, start: clamp(b.start, len), end: clamp(b.end, len) }))
    .filter((b) => b.end > b.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  // Text no block covers is still shown, as paragraphs split at blank lines.
  const gap = (from: number, to: number) => {
    for (const p of paragraphBlocks(text, from, to)) out.push({ type: 'paragraph', start: p.start, end: p.end });
  };
  let pos = 0;
  for (const b of sorted) {
    const start = Math.max(b.start, pos);
    if (start >= b.end) continue;
    if (start > pos) gap(pos, start);
    if (b.type === 'table') cells(text, start, b.end, b.header === true, out);
    else out.push({ type: b.type, start, end: b.end, level: b.level, ordered: b.ordered });
    pos = b.end;
  }
  if (pos < len) gap(pos, len);
  return out;
}

/** A table block's cells (a tab between cells, a line break between rows), each row padded to the widest. */
function cells(text: string, start: number, end: number, header: boolean, out: Segment[]): void {
  const rows: Segment[][] = [];
  let row: Segment[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    const ch = i < end ? text[i] : '\n';
    if (ch !== '\t' && ch !== '\n') continue;
    row.push({ type: 'table', start: from, end: i, cell: { row: rows.length, col: row.length, header, rowEnd: false, tableEnd: false } });
    from = i + 1;
    if (ch === '\n') {
      rows.push(row);
      row = [];
    }
  }
  let width = 0;
  for (const r of rows) width = Math.max(width, r.length);
  for (const r of rows) {
    const last = r[r.length - 1]!.cell!;
    last.rowEnd = true;
    last.pad = width - r.length;
    out.push(...r);
  }
  out[out.length - 1]!.cell!.tableEnd = true;
}

function wrapperOf(seg: Segment): [string, string] {
  switch (seg.type) {
    case 'heading': {
      // h1 is the report's title and h2 its sections: the document's headings start at h3.
      const level = Math.min(6, (seg.level ?? 1) + 2);
      return [`<h${level} class="dh">`, `</h${level}>`];
    }
    case 'listItem':
      return ['<li>', '</li>'];
    case 'blockquote':
      return ['<blockquote><p>', '</p></blockquote>'];
    default:
      return ['<p>', '</p>'];
  }
}

function firstSegmentEndingAfter(segments: Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clamp(n: number, len: number): number {
  return Math.max(0, Math.min(len, n));
}
