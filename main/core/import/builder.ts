// Builds the plain text of a document from structured content (HTML, Word, PDF), one block at a
// time, with the block ranges and inline styles pointing into it. Blocks are separated by a blank
// line, so the text reads well on its own (the CLI, exports) and sentence segmentation never runs
// across two blocks. Appends are amortised O(1): the text is joined once at the end.
import type { Block } from '../../../common/domain';

export type BlockKind =
  | { type: 'paragraph' }
  | { type: 'heading'; level: number }
  | { type: 'listItem'; ordered: boolean }
  | { type: 'blockquote' }
  | { type: 'table'; header?: boolean };

export interface InlineFlags {
  bold?: boolean;
  italic?: boolean;
}

type StyleType = 'bold' | 'italic';
interface OpenStyle {
  type: StyleType;
  start: number;
  end: number;
}

const BLOCK_SEPARATOR = '\n\n';

/**
 * Characters a reader never sees as text: soft hyphens (U+00AD, shown only where a line breaks) and
 * private-use code points (icon fonts draw their pictures there: Font Awesome's U+F095 is a phone).
 */
const UNSEEN = /[\u00ad\ue000-\uf8ff]|[\udb80-\udbff][\udc00-\udfff]/g;

/** The text without soft hyphens and private-use (icon font) characters. */
export function withoutUnseen(s: string): string {
  return s.replace(UNSEEN, '');
}

export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly blocks: Block[] = [];
  private current: { kind: BlockKind; start: number; styles: OpenStyle[] } | null = null;
  /** White space seen since the last text, written only if more text follows in the same block. */
  private pending = '';
  /** Line breaks (<br>) since the last text; two in a row end the block. */
  private breaks = 0;
  /** While a table is written: its kind, and the cell and row separators owed before the next text. */
  private table: { kind: BlockKind; rows: number; cells: number; owed: string } | null = null;

  get offset(): number {
    return this.length;
  }

  get inBlock(): boolean {
    return this.current !== null;
  }

  /** Appends inline text whose white space collapses (HTML rules); opens a block of `kind` if none is open. */
  text(input: string, kind: BlockKind, flags: InlineFlags = {}): void {
    const raw = withoutUnseen(input);
    const re = /[^\s\u00a0]+/g;
    let last = 0;
    for (let m = re.exec(raw); m; m = re.exec(raw)) {
      if (m.index > last) this.space();
      this.write(m[0], kind, flags);
      last = m.index + m[0].length;
    }
    if (last < raw.length) this.space();
  }

  /** Appends text whose white space is kept (preformatted); trailing white space waits like a space. */
  preformatted(raw: string, kind: BlockKind, flags: InlineFlags = {}): void {
    const body = withoutUnseen(raw).replace(/\r\n?/g, '\n');
    const trimmed = body.replace(/\s+$/, '');
    const trailing = body.slice(trimmed.length);
    if (trimmed) {
      if (!this.current) {
        // Leading white space of a block is dropped.
        const lead = trimmed.length - trimmed.replace(/^\s+/, '').length;
        this.write(trimmed.slice(lead), kind, flags);
      } else {
        this.write(trimmed, kind, flags);
      }
    }
    if (trailing && this.current) this.pending += trailing;
  }

  /** A collapsible space between words. */
  space(): void {
    if (this.current && this.pending === '') this.pending = ' ';
  }

  /** A separator that replaces pending white space (e.g. a tab between table cells). */
  separator(s: string): void {
    if (this.current) this.pending = s;
  }

  /** Starts a table: until endTable, text goes into one 'table' block, whatever kind is asked for. */
  beginTable(header: boolean): void {
    this.endBlock();
    this.table = { kind: header ? { type: 'table', header: true } : { type: 'table' }, rows: 0, cells: 0, owed: '' };
  }

  get inTable(): boolean {
    return this.table !== null;
  }

  /** A new row of the open table. */
  tableRow(): void {
    const t = this.table;
    if (!t) return;
    if (t.rows > 0) t.owed = t.owed.replace(/\t+$/, '') + '\n';
    t.rows++;
    t.cells = 0;
  }

  /** A new cell of the open row. Empty cells keep their place (their tab is owed until text comes). */
  tableCell(): void {
    const t = this.table;
    if (!t) return;
    if (t.cells > 0) t.owed += '\t';
    t.cells++;
  }

  endTable(): void {
    this.table = null;
    this.endBlock();
  }

  /** A hard line break (<br>). Two in a row end the block; the next text starts a new one. */
  lineBreak(): void {
    if (this.table) return this.space();
    if (!this.current) return;
    this.breaks++;
    if (this.breaks >= 2) this.endBlock();
    else this.pending = '\n';
  }

  /** Ends the open block, if any. Trailing white space is never part of a block. Inside a table: a space. */
  endBlock(): void {
    if (this.table && this.current) return this.space();
    const cur = this.current;
    if (!cur) return;
    this.current = null;
    this.pending = '';
    this.breaks = 0;
    const end = this.length;
    if (end <= cur.start) return;
    const block: Block = { type: cur.kind.type, start: cur.start, end };
    if (cur.kind.type === 'heading') block.level = Math.min(6, Math.max(1, cur.kind.level));
    if (cur.kind.type === 'listItem') block.ordered = cur.kind.ordered;
    if (cur.kind.type === 'table' && cur.kind.header) block.header = true;
    const styles = cur.styles.filter((s) => s.end > s.start && s.start >= cur.start && s.end <= end);
    if (styles.length) block.styles = styles.map((s) => ({ type: s.type, start: s.start, end: s.end }));
    this.blocks.push(block);
  }

  /** Adds a whole block of already-normalised text (PDF paragraphs). Returns its range, or null if blank. */
  block(content: string, kind: BlockKind): { start: number; end: number } | null {
    this.endBlock();
    const trimmed = withoutUnseen(content).trim();
    if (!trimmed) return null;
    this.write(trimmed, kind, {});
    const start = this.current!.start;
    this.endBlock();
    return { start, end: this.length };
  }

  finish(): { text: string; blocks: Block[] } {
    this.endTable();
    return { text: this.parts.join(''), blocks: this.blocks };
  }

  private append(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }

  private write(s: string, asked: BlockKind, flags: InlineFlags): void {
    if (!s) return;
    const table = this.table;
    const kind = table ? table.kind : asked;
    let gapStart: number;
    if (!this.current) {
      if (this.length > 0) this.append(BLOCK_SEPARATOR);
      this.current = { kind, start: this.length, styles: [] };
      gapStart = this.length;
      // Empty cells and rows before the table's first text keep their places.
      if (table?.owed) this.append(table.owed);
    } else {
      gapStart = this.length;
      if (table?.owed) this.append(table.owed);
      else if (this.pending) this.append(this.pending);
    }
    if (table) table.owed = '';
    this.pending = '';
    this.breaks = 0;
    const start = this.length;
    this.append(s);
    if (flags.bold) this.style('bold', gapStart, start, this.length);
    if (flags.italic) this.style('italic', gapStart, start, this.length);
  }

  /** Extends the last style of this type if it ended where the white space before this text began. */
  private style(type: StyleType, gapStart: number, start: number, end: number): void {
    const styles = this.current!.styles;
    for (let i = styles.length - 1; i >= 0 && i >= styles.length - 4; i--) {
      const s = styles[i]!;
      if (s.type === type && (s.end === gapStart || s.end === start)) {
        s.end = end;
        return;
      }
    }
    styles.push({ type, start, end });
  }
}
