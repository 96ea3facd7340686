import type { DocState } from '../store/documentStore';
import type { AnnotationAction, AnnotationView } from './annotationState';

// The editor shows exactly the store's annotations: drawn in full when a document opens, then
// brought forward by what each change redrew (the store lists those ids), and the selection.

/** What the editor draws for one annotation; null when it draws nothing (gone, or an orphan). */
export function viewOf(state: Pick<DocState, 'ix'>, id: number): AnnotationView | null {
  const a = state.ix.byId.get(id);
  // Orphans (their text left with an earlier version) are listed, not drawn.
  if (!a || a.orphan) return null;
  return { id: a.id, kind: a.kind, start: a.start, end: a.end, flagged: state.ix.flagsOf.has(a.id), status: a.status };
}

/** What the editor draws for the whole document: flagged claims carry the flag marker. */
export function editorViews(state: Pick<DocState, 'annotations' | 'ix'>): AnnotationView[] {
  const views: AnnotationView[] = [];
  for (const a of state.annotations) {
    const v = viewOf(state, a.id);
    if (v) views.push(v);
  }
  return views;
}

/** An action for the annotation plugin, or 'reset': draw `editorViews` of the new state afresh. */
export type EditorUpdate = Exclude<AnnotationAction, { type: 'set' }> | { type: 'reset' };

/** How the editor goes from showing `prev` to showing `next`. */
export function editorUpdates(prev: DocState, next: DocState): EditorUpdate[] {
  if (prev === next) return [];
  const out: EditorUpdate[] = [];
  if (next.document !== prev.document || (next.redraw !== prev.redraw && next.redraw.rev !== prev.redraw.rev + 1)) {
    // Listeners see one change at a time; anything else is drawn afresh.
    out.push({ type: 'reset' });
  } else if (next.redraw !== prev.redraw) {
    for (const id of next.redraw.ids) {
      const view = viewOf(next, id);
      out.push(view ? { type: 'add', annotation: view } : { type: 'remove', id });
    }
  }
  if (next.selection.primary !== prev.selection.primary) out.push({ type: 'select', id: next.selection.primary });
  return out;
}
