import { TextSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * The DOM selection inside the editor as editor positions, or null when it lies elsewhere. Only
 * read while the editor has focus: reading the selection makes Chromium lay out a changed document
 * first, and a document that was just drawn has no selection of the analyst's to keep.
 */
export function domSelection(view: EditorView): { anchor: number; head: number } | null {
  if (!view.hasFocus()) return null;
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return null;
  if (!view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return null;
  return { anchor: view.posAtDOM(sel.anchorNode, sel.anchorOffset), head: view.posAtDOM(sel.focusNode, sel.focusOffset) };
}

/**
 * A transaction that keeps what the analyst sees selected: ProseMirror reads the DOM selection
 * asynchronously, and dispatching before it has would put the old selection back.
 */
export function freshTransaction(view: EditorView): Transaction {
  const tr = view.state.tr;
  const dom = domSelection(view);
  if (dom && (dom.anchor !== tr.selection.anchor || dom.head !== tr.selection.head)) {
    tr.setSelection(TextSelection.create(tr.doc, dom.anchor, dom.head));
  }
  return tr;
}
