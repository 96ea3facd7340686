import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { DecorationSet } from '@tiptap/pm/view';
import { annotationPluginKey, apply, type PluginState } from './annotationState';
import { ViewportTracker } from './viewport';

// Annotations from the database, shown as inline decorations over the read-only text. The
// database stays the truth: the plugin only draws what it is given.
//
// Only what is on screen is drawn. The plugin keeps every annotation, sorted by start, but builds
// decorations for those that intersect a window around the visible part of the document (one
// screen above and below). Scrolling moves the window (measured once a frame at most); add,
// remove and select touch only the window. So a 1 MB text with 5,000 annotations costs a few dozen
// spans, not 5,000, and ProseMirror's per-transaction walk over the blocks stays cheap.

/** The plugin itself (the extension below puts it in the editor; tests use it on a bare state). */
export function annotationPlugin(): Plugin<PluginState> {
  return new Plugin<PluginState>({
    key: annotationPluginKey,
    state: {
      init: () => ({
        map: null,
        entries: [],
        byId: new Map(),
        maxSpan: 0,
        selectedId: null,
        window: null,
        decorations: DecorationSet.empty,
        drawn: new Map(),
      }),
      apply,
    },
    view: (view) => new ViewportTracker(view),
    props: {
      decorations: (state) => annotationPluginKey.getState(state)?.decorations,
    },
  });
}

export const AnnotationDecorations = Extension.create({
  name: 'claimscopeAnnotations',
  addProseMirrorPlugins() {
    return [annotationPlugin()];
  },
});
