import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../common/domain';
import { OffscreenBlocks } from './offscreen';
import { TABLE_NODES } from './tableNodes';
import { buildDoc, editorBlocks, tableCells, textMapFor } from './textMap';

// A table block in the editor: a real table whose cells map back to the text's own offsets, so
// tags, clicks and suggestions land in the right cell.

const schema = getSchema([...TABLE_NODES, StarterKit, OffscreenBlocks]);
const intro = 'Casualties by district:';
const grid = 'District\tDead\tInjured\nNorth\t12\t40\nSouth\t3';
const text = `${intro}\n\n${grid}\n\nThe toll may rise.`;
const gridStart = intro.length + 2;
const blocks: Block[] = [
  { type: 'paragraph', start: 0, end: intro.length },
  { type: 'table', start: gridStart, end: gridStart + grid.length, header: true, styles: [{ type: 'bold', start: gridStart, end: gridStart + 8 }] },
  { type: 'paragraph', start: gridStart + grid.length + 2, end: text.length },
];

describe('tables in the editor', () => {
  it('splits a table block into rows of cells, padding short rows with empty cells', () => {
    const rows = tableCells(text, blocks[1]!).map((r) => r.map((c) => text.slice(c.start, c.end)));
    expect(rows).toEqual([
      ['District', 'Dead', 'Injured'],
      ['North', '12', '40'],
      ['South', '3', ''],
    ]);
    // A style is clipped to its cell.
    expect(tableCells(text, blocks[1]!)[0]![0]!.styles).toEqual([{ type: 'bold', start: gridStart, end: gridStart + 8 }]);
  });

  it('builds a table (header row first) whose every cell maps to its text, and back', () => {
    const doc = schema.nodeFromJSON(buildDoc(text, blocks));
    const names: string[] = [];
    doc.descendants((n) => void names.push(n.type.name));
    expect(names.filter((n) => n === 'tableHeader')).toHaveLength(3);
    expect(names.filter((n) => n === 'tableCell')).toHaveLength(6);
    const mapped = editorBlocks(text, blocks);
    const map = textMapFor(doc, mapped);
    for (const cell of ['District', 'Injured', 'North', '40', '3']) {
      const start = text.indexOf(cell, gridStart);
      const from = map.toPos(start, 1);
      expect(doc.textBetween(from, from + cell.length), cell).toBe(cell);
      expect(map.toOffset(from + 1)).toBe(start + 1);
    }
    // The cell holding an offset bounds the sentence the caret is in; at a short row's end, its last cell.
    const south3 = text.indexOf('3', text.indexOf('South'));
    expect(map.blockAt(south3 + 1)).toMatchObject({ start: south3, end: south3 + 1 });
    expect(map.blockAt(text.indexOf('North') + 2)).toMatchObject({ start: text.indexOf('North'), end: text.indexOf('North') + 5 });
    // The paragraph after the table keeps its place.
    const after = text.indexOf('The toll');
    expect(doc.textBetween(map.toPos(after), map.toPos(after) + 8)).toBe('The toll');
  });
});
