import { innermostFirst } from '../../../common/selectors';
import { useEffect } from 'react';
import type { Annotation } from '../../../common/domain';
import { select, type DocumentStore } from '../store/documentStore';
import { idsOfElement } from './dom';

const MOVES = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

/** The annotations of a highlight, known to the store. */
function annotationsOf(store: DocumentStore, el: Element): Annotation[] {
  const { ix } = store.getState();
  return idsOfElement(el)
    .map((id) => ix.byId.get(id))
    .filter((a): a is Annotation => !!a);
}

/**
 * Selecting in the text besides a plain click: Ctrl+click (or Shift+click) on a tag adds it to the
 * selection; moving the caret with the keyboard selects the tag it lands in (as a click would), so
 * the panel highlights its entry. A caret outside every tag keeps the selection.
 */
export function useSelectionGestures(store: DocumentStore): void {
  useEffect(() => {
    const target = (e: MouseEvent): Element | null => {
      if (!(e.ctrlKey || e.metaKey || e.shiftKey) || e.button !== 0) return null;
      const el = (e.target as Element | null)?.closest?.('.cs-document .cs-ann');
      if (!el) return null;
      // Shift+click extends a text selection that is already there.
      if (e.shiftKey && !(e.ctrlKey || e.metaKey)) {
        const sel = window.getSelection();
        if (sel && !sel.isCollapsed) return null;
      }
      return idsOfElement(el).some((id) => id > 0) ? el : null;
    };
    const down = (e: MouseEvent) => {
      if (!target(e)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    const click = (e: MouseEvent) => {
      const el = target(e);
      if (!el) return;
      e.preventDefault();
      e.stopPropagation();
      // The innermost tag under the pointer, claims before attributions.
      const inner = innermostFirst(annotationsOf(store, el));
      const hits = [...inner.filter((a) => a.kind === 'claim'), ...inner.filter((a) => a.kind !== 'claim')];
      if (hits[0]) store.dispatch(select(hits[0].id, true));
    };
    window.addEventListener('mousedown', down, true);
    window.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('mousedown', down, true);
      window.removeEventListener('click', click, true);
    };
  }, [store]);

  useEffect(() => {
    const onKeyUp = (e: KeyboardEvent) => {
      if (!MOVES.has(e.key) || e.shiftKey || !(e.target as Element | null)?.closest?.('.cs-document')) return;
      const sel = window.getSelection();
      if (!sel || !sel.isCollapsed || !sel.anchorNode) return;
      const node = sel.anchorNode.nodeType === Node.TEXT_NODE ? sel.anchorNode.parentElement : (sel.anchorNode as Element);
      const el = node?.closest('.cs-ann');
      if (!el) return;
      const hits = innermostFirst(annotationsOf(store, el));
      if (hits[0] && hits[0].id !== store.getState().selection.primary) store.dispatch(select(hits[0].id));
    };
    window.addEventListener('keyup', onKeyUp);
    return () => window.removeEventListener('keyup', onKeyUp);
  }, [store]);
}
