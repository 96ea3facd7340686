import { getSchema } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../common/domain';
import { annotationPlugin } from './annotationPlugin';
import { annotationPluginKey, annotationRange, changesNothing, withWindow, type AnnotationAction, type AnnotationView } from './annotationState';
import { OffscreenBlocks } from './offscreen';
import { buildDoc, SECTION_SIZE, textMapFor, type TextMap } from './textMap';

// The plugin on a bare editor state (no view): what it decorates for a window, and how add,
// remove and select keep the window's decorations right.

const schema = getSchema([StarterKit, OffscreenBlocks]);

/** `n` paragraphs of "Paragraph i says something." separated by blank lines. */
function document(n: number): { text: string; blocks: Block[] } {
  const parts: string[] = [];
  const blocks: Block[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const p = `Paragraph ${i} says something.`;
    blocks.push({ type: 'paragraph', start: at, end: at + p.length });
    parts.push(p);
    at += p.length + 2;
  }
  return { text: parts.join('\n\n'), blocks };
}

function setup(n = 200) {
  const { text, blocks } = document(n);
  const doc = schema.nodeFromJSON(buildDoc(text, blocks));
  const map = textMapFor(doc, blocks);
  let state = EditorState.create({ schema, doc, plugins: [annotationPlugin()] });
  const act = (action: AnnotationAction) => {
    state = state.apply(state.tr.setMeta(annotationPluginKey, action));
  };
  const windowTo = (fromBlock: number, toBlock: number) => {
    state = state.apply(withWindow(state.tr, { from: map.toPos(blocks[fromBlock]!.start), to: map.toPos(blocks[toBlock]!.end) }));
  };
  const all = () =>
    annotationPluginKey
      .getState(state)!
      .decorations.find()
      .map((d) => ({ id: (d.spec as { id: number }).id, from: d.from, to: d.to, cls: (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class }))
      .sort((a, b) => a.id - b.id || a.from - b.from || b.to - a.to);
  /** Each annotation's own span (without its end marks). */
  const drawn = () => all().filter((d) => d.cls.startsWith('cs-ann ')).map(({ id, cls }) => ({ id, cls }));
  return { text, blocks, map, act, windowTo, drawn, all, get state() { return state; } };
}

const claimOn = (id: number, blocks: Block[], i: number, j = i): AnnotationView => ({ id, kind: 'claim', start: blocks[i]!.start, end: blocks[j]!.end });

describe('annotation decorations', () => {
  it('draws nothing before the window is known, then only what meets the window', () => {
    const t = setup();
    t.act({ type: 'set', annotations: [claimOn(1, t.blocks, 10), claimOn(2, t.blocks, 50), claimOn(3, t.blocks, 150)], map: t.map as TextMap });
    expect(t.drawn()).toEqual([]);
    t.windowTo(40, 60);
    expect(t.drawn().map((d) => d.id)).toEqual([2]);
    t.windowTo(0, 199);
    expect(t.drawn().map((d) => d.id)).toEqual([1, 2, 3]);
  });

  it('finds a long annotation that starts far before the window', () => {
    const t = setup();
    t.act({ type: 'set', annotations: [claimOn(1, t.blocks, 5, 120), claimOn(2, t.blocks, 30)], map: t.map });
    t.windowTo(100, 110);
    expect(t.drawn().map((d) => d.id)).toEqual([1]);
  });

  it('adds, replaces, removes and selects inside and outside the window', () => {
    const t = setup();
    t.act({ type: 'set', annotations: [claimOn(1, t.blocks, 10)], map: t.map });
    t.windowTo(0, 20);
    t.act({ type: 'add', annotation: { ...claimOn(-1, t.blocks, 12), pending: true } });
    t.act({ type: 'add', annotation: claimOn(2, t.blocks, 90) });
    expect(t.drawn()).toEqual([
      { id: -1, cls: 'cs-ann cs-claim cs-id--1 cs-pending' },
      { id: 1, cls: 'cs-ann cs-claim cs-id-1' },
    ]);
    t.act({ type: 'remove', id: -1 });
    t.act({ type: 'select', id: 1 });
    t.act({ type: 'add', annotation: { ...claimOn(1, t.blocks, 10), flagged: true } });
    expect(t.drawn()).toEqual([{ id: 1, cls: 'cs-ann cs-claim cs-id-1 cs-flagged cs-selected' }]);
    // Outside the window it is kept, and drawn when the window gets there.
    t.act({ type: 'select', id: 2 });
    t.windowTo(85, 95);
    expect(t.drawn()).toEqual([{ id: 2, cls: 'cs-ann cs-claim cs-id-2 cs-selected' }]);
    expect(annotationRange(t.state, 2)).toEqual({ from: t.map.toPos(t.blocks[90]!.start), to: t.map.toPos(t.blocks[90]!.end) });
  });

  it('marks where each tag starts, where the selected one ends, and a claim\'s verdict at its end', () => {
    const t = setup();
    t.act({ type: 'set', annotations: [{ ...claimOn(1, t.blocks, 10), status: 'disputed' }, { ...claimOn(2, t.blocks, 11), status: 'unverified' }], map: t.map });
    t.windowTo(0, 20);
    const from = t.map.toPos(t.blocks[10]!.start);
    const to = t.map.toPos(t.blocks[10]!.end, -1);
    expect(t.all().filter((d) => d.id === 1)).toEqual([
      { id: 1, from, to, cls: 'cs-ann cs-claim cs-id-1' },
      { id: 1, from, to: from + 1, cls: 'cs-start-claim' },
      { id: 1, from: to - 1, to, cls: 'cs-verdict cs-verdict-disputed' },
    ]);
    // An unverified claim has no verdict mark; selecting draws the outline's two ends.
    expect(t.all().filter((d) => d.id === 2).map((d) => d.cls)).toEqual(['cs-ann cs-claim cs-id-2', 'cs-start-claim']);
    t.act({ type: 'select', id: 2 });
    expect(t.all().filter((d) => d.id === 2).map((d) => d.cls)).toEqual(['cs-ann cs-claim cs-id-2 cs-selected', 'cs-start-claim cs-sel-start', 'cs-sel-end']);
    // A new verdict redraws the claim; deselecting takes the outline's ends away.
    t.act({ type: 'add', annotation: { ...claimOn(2, t.blocks, 11), status: 'refuted' } });
    t.act({ type: 'select', id: null });
    expect(t.all().filter((d) => d.id === 2).map((d) => d.cls)).toEqual(['cs-ann cs-claim cs-id-2', 'cs-start-claim', 'cs-verdict cs-verdict-refuted']);
  });

  it('keeps annotations sorted whatever order they arrive in', () => {
    const t = setup();
    const all = [7, 3, 9, 1, 5].map((i) => claimOn(i, t.blocks, i * 10));
    t.act({ type: 'set', annotations: all, map: t.map });
    t.act({ type: 'add', annotation: claimOn(4, t.blocks, 40) });
    t.act({ type: 'remove', id: 9 });
    t.windowTo(25, 75);
    expect(t.drawn().map((d) => d.id)).toEqual([3, 4, 5, 7]);
  });

  it('says which actions change nothing, so the editor dispatches no transaction for them', () => {
    const t = setup();
    t.act({ type: 'set', annotations: [claimOn(1, t.blocks, 10)], map: t.map });
    expect(changesNothing(t.state, { type: 'add', annotation: claimOn(1, t.blocks, 10) })).toBe(true);
    expect(changesNothing(t.state, { type: 'add', annotation: { ...claimOn(1, t.blocks, 10), flagged: true } })).toBe(false);
    expect(changesNothing(t.state, { type: 'remove', id: 2 })).toBe(true);
    expect(changesNothing(t.state, { type: 'select', id: null })).toBe(true);
    expect(changesNothing(t.state, { type: 'select', id: 1 })).toBe(false);
  });
});

describe('sections of a long document', () => {
  it('groups top-level blocks and still maps every text offset to its character', () => {
    const { text, blocks } = document(3 * SECTION_SIZE + 5);
    const json = buildDoc(text, blocks);
    expect(json.content!.map((n) => n.type)).toEqual(['csSection', 'csSection', 'csSection', 'csSection']);
    expect(json.content![0]!.attrs).toEqual({ chars: blocks.slice(0, SECTION_SIZE).reduce((n, b) => n + b.end - b.start, 0), blocks: SECTION_SIZE });
    const doc = schema.nodeFromJSON(json);
    const map = textMapFor(doc, blocks);
    for (const b of blocks) {
      for (const offset of [b.start, b.start + 3, b.end - 1]) {
        const pos = map.toPos(offset);
        expect(doc.textBetween(pos, pos + 1)).toBe(text[offset]);
        expect(map.toOffset(pos)).toBe(offset);
      }
    }
  });

  it('leaves a short document without sections', () => {
    const { text, blocks } = document(SECTION_SIZE);
    expect(buildDoc(text, blocks).content!.every((n) => n.type === 'paragraph')).toBe(true);
  });
});
