import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { TextSelection, type Transaction } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import type { DocumentRecord } from '../../../common/domain';
import { sentenceAt, type Span } from '../../../common/segment';
import { AnnotationDecorations, annotationPluginKey, type AnnotationAction, type AnnotationView } from './annotationPlugin';
import { ReadOnlyText } from './readOnly';
import { buildDoc, textMapFor, type TextMap } from './textMap';

export interface DocumentEditorHandle {
  /** The range a tag key should cover: the selection, or the sentence around the caret. */
  rangeForTag(): Span | null;
  dispatch(action: AnnotationAction): void;
  /** Scrolls an annotation into view and flashes it. */
  reveal(id: number): void;
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
  ReadOnlyText,
];

function trimRange(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** The DOM selection inside the editor as editor positions, or null when it lies elsewhere. */
function domSelection(editor: Editor): { anchor: number; head: number } | null {
  const view = editor.view;
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return null;
  if (!view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return null;
  return { anchor: view.posAtDOM(sel.anchorNode, sel.anchorOffset), head: view.posAtDOM(sel.focusNode, sel.focusOffset) };
}

/**
 * A transaction that keeps what the analyst sees selected: ProseMirror reads the DOM selection
 * asynchronously, and dispatching before it has would put the old selection back.
 */
function transaction(editor: Editor): Transaction {
  const tr = editor.state.tr;
  const dom = domSelection(editor);
  if (dom && (dom.anchor !== tr.selection.anchor || dom.head !== tr.selection.head)) {
    tr.setSelection(TextSelection.create(tr.doc, dom.anchor, dom.head));
  }
  return tr;
}

/** The read-only document: the text never changes here, so a stray key cannot alter evidence. */
export const DocumentEditor = forwardRef<DocumentEditorHandle, Props>(function DocumentEditor(
  { document, annotations, onClickOffset },
  ref,
) {
  const content = useMemo(() => buildDoc(document.text, document.blocks), [document]);
  const mapRef = useRef<TextMap | null>(null);
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
    if (!mapRef.current) mapRef.current = textMapFor(ed.state.doc, document.blocks);
    return mapRef.current;
  };

  useEffect(() => {
    mapRef.current = null;
  }, [editor]);

  // The full set of annotations: on open, and after undo/redo replaced the state.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const map = textMap(editor);
    editor.view.dispatch(transaction(editor).setMeta(annotationPluginKey, { type: 'set', annotations, map }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, annotations]);

  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom as HTMLElement;
    const onClick = (event: MouseEvent) => {
      const dom = domSelection(editor);
      if (dom && dom.anchor !== dom.head) return;
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
        const dom = domSelection(editor);
        const from = dom ? Math.min(dom.anchor, dom.head) : editor.state.selection.from;
        const to = dom ? Math.max(dom.anchor, dom.head) : editor.state.selection.to;
        if (from === to) return sentenceAt(document.text, map.toOffset(from));
        return trimRange(document.text, map.toOffset(from), map.toOffset(to));
      },
      dispatch(action) {
        if (!editor || editor.isDestroyed) return;
        editor.view.dispatch(transaction(editor).setMeta(annotationPluginKey, action));
      },
      reveal(id) {
        if (!editor) return;
        const el = editor.view.dom.querySelector(`.cs-id-${id}`);
        el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor, document],
  );

  return <EditorContent editor={editor} className="cs-editor" />;
});
