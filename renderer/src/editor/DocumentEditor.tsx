import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { forwardRef, memo, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef } from 'react';
import type { DocumentRecord } from '../../../common/domain';
import { sentenceAt, type Span } from '../../../common/segment';
import { afterNextPaint, markDecorated, markEditorCreated, markOpened } from '../perf';
import {
  AnnotationDecorations,
  annotationPluginKey,
  annotationRange,
  changesNothing,
  decorateAround,
  scrollParent,
  type AnnotationAction,
  type AnnotationView,
} from './annotationPlugin';
import { domSelection, freshTransaction } from './domSelection';
import { OffscreenBlocks } from './offscreen';
import { ReadOnlyText } from './readOnly';
import { SuggestionDecorations, suggestionPluginKey } from './suggestionPlugin';
import type { StoredSuggestion } from '../../../common/domain';
import { buildDoc, textMapFor, type TextMap } from './textMap';

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
  annotations: readonly AnnotationView[];
  /** Called with the text offset the analyst clicked at. */
  onClickOffset(offset: number, event: MouseEvent): void;
}

const EXTENSIONS = [
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

const LoadedDocument = forwardRef<DocumentEditorHandle, Props>(function LoadedDocument({ document, annotations, onClickOffset }, ref) {
  const content = useMemo(() => buildDoc(document.text, document.blocks), [document]);
  const mapRef = useRef<{ editor: Editor; map: TextMap } | null>(null);
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
          'aria-readonly': 'true',
          role: 'document',
          tabindex: '0',
          spellcheck: 'false',
        },
      },
    },
    [content],
  );

  const textMap = (ed: Editor): TextMap => {
    if (mapRef.current?.editor !== ed) mapRef.current = { editor: ed, map: textMapFor(ed.state.doc, document.blocks) };
    return mapRef.current.map;
  };

  // The full set of annotations: on open, and after undo/redo replaced the state. Before the
  // browser paints, so the first frame of a document already has its highlights: the plugin
  // measures what is on screen in the next animation frame, ahead of the paint.
  const firstSet = useRef(true);
  useLayoutEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const id = document.id;
    if (firstSet.current) {
      markEditorCreated(id);
      // A document opens at its beginning, whatever the previous one was scrolled to.
      const scroller = scrollParent(editor.view.dom);
      if (scroller) scroller.scrollTop = 0;
    }
    editor.view.dispatch(freshTransaction(editor.view).setMeta(annotationPluginKey, { type: 'set', annotations, map: textMap(editor) }));
    if (!firstSet.current) return;
    firstSet.current = false;
    afterNextPaint((t) => markOpened(id, t), () => markDecorated(id));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, annotations]);

  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom as HTMLElement;
    const onClick = (event: MouseEvent) => {
      const sel = domSelection(editor.view);
      if (sel && sel.anchor !== sel.head) return;
      const hit = editor.view.posAtCoords({ left: event.clientX, top: event.clientY });
      if (!hit) return;
      onClickOffset(textMap(editor).toOffset(hit.pos), event);
    };
    dom.addEventListener('click', onClick);
    return () => dom.removeEventListener('click', onClick);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, onClickOffset]);

  useImperativeHandle(
    ref,
    () => ({
      rangeForTag() {
        if (!editor) return null;
        const map = textMap(editor);
        const sel = domSelection(editor.view);
        const from = sel ? Math.min(sel.anchor, sel.head) : editor.state.selection.from;
        const to = sel ? Math.max(sel.anchor, sel.head) : editor.state.selection.to;
        if (from === to) return sentenceAt(document.text, map.toOffset(from));
        return trimRange(document.text, map.toOffset(from), map.toOffset(to));
      },
      dispatch(action) {
        // No transaction for what changes nothing (the app re-sends flags and selections freely).
        if (!editor || editor.isDestroyed || changesNothing(editor.state, action)) return;
        editor.view.dispatch(freshTransaction(editor.view).setMeta(annotationPluginKey, action));
      },
      showSuggestions(suggestions, selectedId) {
        if (!editor || editor.isDestroyed) return;
        editor.view.dispatch(freshTransaction(editor.view).setMeta(suggestionPluginKey, { type: 'set', suggestions, map: textMap(editor), selectedId }));
      },
      revealOffset(offset) {
        if (!editor || editor.isDestroyed) return;
        const view = editor.view;
        const at = view.coordsAtPos(textMap(editor).toPos(offset, 1));
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor, document],
  );

  return <EditorContent editor={editor} className="cs-editor" />;
});
