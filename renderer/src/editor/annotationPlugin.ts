import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Annotation } from '../../../common/domain';
import type { TextMap } from './textMap';

// Annotations from the database, shown as inline decorations over the read-only text. The
// database stays the truth: the plugin only draws what it is given.

export type AnnotationView = Pick<Annotation, 'id' | 'kind' | 'start' | 'end'> & { pending?: boolean; flagged?: boolean };

export type AnnotationAction =
  | { type: 'set'; annotations: readonly AnnotationView[]; map: TextMap }
  | { type: 'add'; annotation: AnnotationView }
  | { type: 'remove'; id: number }
  | { type: 'select'; id: number | null };

interface PluginState {
  decorations: DecorationSet;
  map: TextMap | null;
  byId: Map<number, AnnotationView>;
  selectedId: number | null;
}

export const annotationPluginKey = new PluginKey<PluginState>('claimscopeAnnotations');

function classFor(a: AnnotationView, selected: boolean): string {
  // ProseMirror merges overlapping decorations into one span, concatenating classes: the id is a
  // class so every piece of an annotation can be found, overlaps included.
  let cls = `cs-ann cs-${a.kind} cs-id-${a.id}`;
  if (a.pending) cls += ' cs-pending';
  if (a.flagged) cls += ' cs-flagged';
  if (selected) cls += ' cs-selected';
  return cls;
}

function decorationFor(a: AnnotationView, map: TextMap, selected: boolean): Decoration | null {
  const from = map.toPos(a.start, 1);
  const to = map.toPos(a.end, -1);
  if (to <= from) return null;
  return Decoration.inline(
    from,
    to,
    { class: classFor(a, selected) },
    { id: a.id },
  );
}

function rebuild(state: EditorState, map: TextMap, byId: Map<number, AnnotationView>, selectedId: number | null): DecorationSet {
  const decos: Decoration[] = [];
  for (const a of byId.values()) {
    const d = decorationFor(a, map, a.id === selectedId);
    if (d) decos.push(d);
  }
  return DecorationSet.create(state.doc, decos);
}

function replaceOne(state: EditorState, ps: PluginState, id: number, next: AnnotationView | null): DecorationSet {
  const old = ps.decorations.find(undefined, undefined, (spec) => spec.id === id);
  let set = old.length ? ps.decorations.remove(old) : ps.decorations;
  if (next && ps.map) {
    const d = decorationFor(next, ps.map, next.id === ps.selectedId);
    if (d) set = set.add(state.doc, [d]);
  }
  return set;
}

function apply(tr: Transaction, ps: PluginState, _old: EditorState, state: EditorState): PluginState {
  const action = tr.getMeta(annotationPluginKey) as AnnotationAction | undefined;
  if (!action) return tr.docChanged ? { ...ps, decorations: ps.decorations.map(tr.mapping, tr.doc) } : ps;
  switch (action.type) {
    case 'set': {
      const byId = new Map(action.annotations.map((a) => [a.id, a]));
      return { ...ps, map: action.map, byId, decorations: rebuild(state, action.map, byId, ps.selectedId) };
    }
    case 'add': {
      const byId = new Map(ps.byId);
      byId.set(action.annotation.id, action.annotation);
      return { ...ps, byId, decorations: replaceOne(state, ps, action.annotation.id, action.annotation) };
    }
    case 'remove': {
      if (!ps.byId.has(action.id)) return ps;
      const byId = new Map(ps.byId);
      byId.delete(action.id);
      return { ...ps, byId, decorations: replaceOne(state, ps, action.id, null) };
    }
    case 'select': {
      if (action.id === ps.selectedId) return ps;
      let decorations = ps.decorations;
      const next = { ...ps, selectedId: action.id };
      for (const id of [ps.selectedId, action.id]) {
        if (id === null) continue;
        const a = ps.byId.get(id);
        decorations = replaceOne(state, { ...next, decorations }, id, a ?? null);
      }
      return { ...next, decorations };
    }
  }
}

export const AnnotationDecorations = Extension.create({
  name: 'claimscopeAnnotations',
  addProseMirrorPlugins() {
    return [
      new Plugin<PluginState>({
        key: annotationPluginKey,
        state: {
          init: (_config, state) => ({ decorations: DecorationSet.empty, map: null, byId: new Map(), selectedId: null }),
          apply,
        },
        props: {
          decorations: (state) => annotationPluginKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
