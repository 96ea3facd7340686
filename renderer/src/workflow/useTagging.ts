import { useCallback, type RefObject } from 'react';
import type { Client } from '../../../common/api';
import type { Annotation, AnnotationKind } from '../../../common/domain';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import { afterNextPaint, markTagDrawn } from '../perf';
import { select, type DocumentStore } from '../store/documentStore';
import { KeyQueue } from '../ui/keyQueue';
import type { Toast, Write } from './useWriter';

const promptKeys = new KeyQueue();
/** Ids of tags drawn before the database answers: negative, never reused. */
let lastTempId = 0;

interface Deps {
  store: DocumentStore;
  client: Client;
  editorRef: RefObject<DocumentEditorHandle | null>;
  write: Write;
  toast: Toast;
  askSourceOfNew(pendingId: number, phrase: string, created: Promise<Annotation | undefined>): void;
}

/**
 * Tagging (C, A): the sentence at the caret, or the selection. The highlight is drawn at once, as
 * pending, and replaced by the stored annotation when the database's answer is applied.
 */
export function useTagging({ store, client, editorRef, write, toast, askSourceOfNew }: Deps): (kind: AnnotationKind) => Promise<void> {
  return useCallback(
    async (kind: AnnotationKind) => {
      const { document: current, annotations } = store.getState();
      const editor = editorRef.current;
      if (!current || !editor) return;
      const range = editor.rangeForTag();
      if (!range) {
        toast('Click in a sentence or select some text first', 'info');
        return;
      }
      const same = annotations.find((a) => a.kind === kind && a.start === range.start && a.end === range.end);
      if (same) {
        store.dispatch(select(same.id));
        return;
      }
      const tempId = --lastTempId;
      editor.dispatch({ type: 'add', annotation: { id: tempId, kind, ...range, pending: true } });
      const acknowledged = markTagDrawn();
      const creating = write(() => client.createAnnotation({ documentId: current.id, kind, ...range }));
      const stored = creating.then((c) => c?.annotation);
      const phrase = current.text.slice(range.start, range.end);
      // The source prompt, a positioned popover, takes a few frames to mount: it opens once the
      // highlight has painted. Keys typed meanwhile (Enter, a grade) are held and replayed into it.
      let drawnId: number | null = tempId;
      if (kind === 'attribution') {
        promptKeys.hold();
        // After the highlight's frame and the database's answer (50 ms at most), so neither waits
        // for the popover.
        afterNextPaint(() => {
          void Promise.race([stored, new Promise((wait) => setTimeout(wait, 50))]).then(() => {
            if (drawnId === null) return promptKeys.drop();
            askSourceOfNew(drawnId, phrase, stored);
            void promptKeys.replayInto(() => document.querySelector('[aria-label="Source of this attribution"]'));
          });
        });
      }
      // Applied by `write` already: the stored annotation is drawn; the pending one goes.
      const created = await creating;
      acknowledged(created !== undefined);
      drawnId = created ? created.annotation.id : null;
      editor.dispatch({ type: 'remove', id: tempId });
      if (created && store.getState().document?.id === current.id) store.dispatch(select(created.annotation.id));
    },
    [store, client, editorRef, write, toast, askSourceOfNew],
  );
}
