import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { forwardRef, memo, useEffect, useEffectEvent, useImperativeHandle, useLayoutEffect, useMemo } from 'react';
import type { Block, DocumentRecord, StoredSuggestion } from '../../../common/domain';
import { sentenceAt, type Span } from '../../../common/segment';
import { afterNextPaint, markDecorated, markEditorCreated, markOpened } from '../perf';
import type { DocState, DocumentStore } from '../store/documentStore';
import { AnnotationDecorations } from './annotationPlugin';
import { annotationPluginKey, annotationRange, changesNothing, type AnnotationAction } from './annotationState';
import { domSelection, freshTransaction } from './domSelection';
import { editorUpdates, editorViews } from './followStore';
import { OffscreenBlocks } from './offscreen';
import { ReadOnlyText } from './readOnly';
import { SuggestionDecorations, suggestionPluginKey } from './suggestionPlugin';
import { buildDoc, editorBlocks, textMapFor, type TextMap } from './textMap';
import { TABLE_NODES } from './tableNodes';
import { decorateAround, scrollParent } from './viewport';

export interface DocumentEditorHandle {
  /** The range a tag key should cover: the selection, or the sentence around the caret. */
  rangeForTag(): Span | null;
  dispatch(action: AnnotationAction): void;
  /** Scrolls an annotation into view and flashes it. */
  reveal(id: number): void;
  /** Draws the assistant's pending suggestions (dotted underlines); `selectedId` is emphasised. */
  showSuggestions(suggestions: readonly StoredSuggestion[], selectedId: number | null): void;
  /** Scrolls to a text offset. */
  revealOffset(offset: number): void;
}

interface Props {
  document: DocumentRecord;
  /** Whose annotations and selection the editor shows: drawn on open, then followed change by change. */
  store: Pick<DocumentStore, 'getState' | 'subscribe'>;
  /** Called with the text offset the analyst clicked at. */
  onClickOffset(offset: number, event: MouseEvent): void;
}

const EXTENSIONS = [
  ...TABLE_NODES,
  StarterKit.configure({
    undoRedo: false,
    dropcursor: false,
    gapcursor: false,
    codeBlock: false,
    code: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: false,
    trailingNode: false,
  }),
  AnnotationDecorations,
  SuggestionDecorations,
  OffscreenBlocks,
  ReadOnlyText,
];

function trimRange(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** The map between text offsets and editor positions, made on first use (the text never changes). */
const textMaps = new WeakMap<Editor, TextMap>();
function textMapOf(editor: Editor, text: string, blocks: readonly Block[]): TextMap {
  let map = textMaps.get(editor);
  if (!map) textMaps.set(editor, (map = textMapFor(editor.state.doc, editorBlocks(text, blocks))));
  return map;
}

/** One key per document object: a document opened again gets a fresh editor too. */
const documentKeys = new WeakMap<DocumentRecord, number>();
let lastKey = 0;
function keyOf(document: DocumentRecord): number {
  let key = documentKeys.get(document);
  if (key === undefined) documentKeys.set(document, (key = ++lastKey));
  return key;
}

/**
 * The read-only document: the text never changes here, so a stray key cannot alter evidence.
 * Each document gets its own editor, created while rendering, so no frame shows the previous text
 * or this text without its highlights. Memoised: the app's own state changes (saving, selection)
 * do not re-render the editor.
 */
export const DocumentEditor = memo(
  forwardRef<DocumentEditorHandle, Props>(function DocumentEditor(props, ref) {
    return <LoadedDocument key={keyOf(props.document)} ref={ref} {...props} />;
  }),
);

const LoadedDocument = forwardRef<DocumentEditorHandle, Props>(function LoadedDocument({ document, store, onClickOffset }, ref) {
  const content = useMemo(() => buildDoc(document.text, document.blocks), [document]);
  const editor = useEditor(
    {
      extensions: EXTENSIONS,
      content,
      editable: true,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'cs-document',
          'aria-label': `Document: ${document.title}`,
          // A read-only text with a caret (arrows, Shift+arrows select): a read-only text box.
          'aria-readonly': 'true',
          'aria-multiline': 'true',
          role: 'textbox',
          tabindex: '0',
          spellcheck: 'false',
        },
      },
    },
    [content],
  );

  // The store's annotations: all of them once the editor exists, before the browser paints (so
  // the first frame of a document already has its highlights: the plugin measures what is on
  // screen in the next animation frame, ahead of the paint); then each change as it is applied.
  useLayoutEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const id = document.id;
    markEditorCreated(id);
    // A document opens at its beginning, whatever the previous one was scrolled to.
    const scroller = scrollParent(editor.view.dom);
    if (scroller) scroller.scrollTop = 0;
    const send = (action: AnnotationAction) => {
      if (editor.isDestroyed || changesNothing(editor.state, action)) return;
      editor.view.dispatch(freshTransaction(editor.view).setMeta(annotationPluginKey, action));
    };
    const drawAll = (state: DocState) => send({ type: 'set', annotations: editorViews(state), map: textMapOf(editor, document.text, document.blocks) });
    let shown = store.getState();
    drawAll(shown);
    send({ type: 'select', id: shown.selection.primary });
    afterNextPaint((t) => markOpened(id, t), () => markDecorated(id));
    return store.subscribe(() => {
      const next = store.getState();
      // Another document is opening: this editor is on its way out.
      if (next.document !== document) return;
      for (const update of editorUpdates(shown, next)) {
        if (update.type === 'reset') drawAll(next);
        else send(update);
      }
      shown = next;
    });
  }, [editor, document, store]);

  const onClick = useEffectEvent((event: MouseEvent) => {
    if (!editor) return;
    const sel = domSelection(editor.view);
    if (sel && sel.anchor !== sel.head) return;
    const hit = editor.view.posAtCoords({ left: event.clientX, top: event.clientY });
    if (!hit) return;
    onClickOffset(textMapOf(editor, document.text, document.blocks).toOffset(hit.pos), event);
  });
  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom as HTMLElement;
    const listener = (event: MouseEvent) => onClick(event);
    dom.addEventListener('click', listener);
    return () => dom.removeEventListener('click', listener);
  }, [editor]);

  useImperativeHandle(
    ref,
    () => ({
      rangeForTag() {
        if (!editor) return null;
        const map = textMapOf(editor, document.text, document.blocks);
        const sel = domSelection(editor.view);
        const from = sel ? Math.min(sel.anchor, sel.head) : editor.state.selection.from;
        const to = sel ? Math.max(sel.anchor, sel.head) : editor.state.selection.to;
        if (from === to) {
          const offset = map.toOffset(from);
          // Bounded by the text block (a table's cell) the caret is in.
          return sentenceAt(document.text, offset, map.blockAt(offset));
        }
        return trimRange(document.text, map.toOffset(from), map.toOffset(to));
      },
      dispatch(action) {
        // No transaction for what changes nothing.
        if (!editor || editor.isDestroyed || changesNothing(editor.state, action)) return;
        editor.view.dispatch(freshTransaction(editor.view).setMeta(annotationPluginKey, action));
      },
      showSuggestions(suggestions, selectedId) {
        if (!editor || editor.isDestroyed) return;
        editor.view.dispatch(freshTransaction(editor.view).setMeta(suggestionPluginKey, { type: 'set', suggestions, map: textMapOf(editor, document.text, document.blocks), selectedId }));
      },
      revealOffset(offset) {
        if (!editor || editor.isDestroyed) return;
        const view = editor.view;
        const at = view.coordsAtPos(textMapOf(editor, document.text, document.blocks).toPos(offset, 1));
        const scroller = scrollParent(view.dom);
        const box = scroller ? scroller.getBoundingClientRect() : { top: 0, height: window.innerHeight };
        (scroller ?? window).scrollBy({ top: (at.top + at.bottom) / 2 - (box.top + box.height / 2), behavior: 'smooth' });
      },
      reveal(id) {
        if (!editor || editor.isDestroyed) return;
        const view = editor.view;
        const range = annotationRange(view.state, id);
        if (!range) return;
        // Highlights are drawn only around the viewport: draw the target's now, then scroll there
        // (the viewport tracker follows the scroll). Far jumps are instant, near ones smooth.
        decorateAround(view, range);
        const at = view.coordsAtPos(range.from);
        const scroller = scrollParent(view.dom);
        const box = scroller ? scroller.getBoundingClientRect() : { top: 0, height: window.innerHeight };
        const delta = (at.top + at.bottom) / 2 - (box.top + box.height / 2);
        const behavior = Math.abs(delta) > box.height * 2 ? 'auto' : 'smooth';
        (scroller ?? window).scrollBy({ top: delta, behavior });
      },
    }),
    [editor, document],
  );

  return <EditorContent editor={editor} className="cs-editor" />;
});
