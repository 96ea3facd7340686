import { useCallback, useMemo, useState, type ReactNode, type RefObject } from 'react';
import type { Client } from '../../../common/api';
import type { Annotation, NewSource } from '../../../common/domain';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { DocumentStore } from '../store/documentStore';
import { createWorkflowActions, deleteAnnotationNow, type PromptState, type WorkflowActions } from './actions';
import { annotationElement, focusDocument } from './dom';
import type { Toast, Write } from './useWriter';
import { WorkflowDialogs, type WorkflowDialogState } from './WorkflowDialogs';

interface Deps {
  store: DocumentStore;
  client: Client;
  editorRef: RefObject<DocumentEditorHandle | null>;
  write: Write;
  toast: Toast;
  /** Opens a document on the desk (the App's, which knows the library and the open case). */
  openDocument(id: number): Promise<void>;
}

/** The workflow's actions (stable) and the dialogs they open. */
export function useWorkflow({ store, client, editorRef, write, toast, openDocument }: Deps): {
  actions: WorkflowActions;
  /** A new attribution was drawn (pending, id < 0): its source prompt opens before the database answers. */
  askSourceOfNew(pendingId: number, phrase: string, created: Promise<Annotation | undefined>): void;
  dialogs: ReactNode;
} {
  const [prompt, setPrompt] = useState<PromptState | null>(null);
  const [flagDraft, setFlagDraft] = useState<number[] | null>(null);
  const [confirm, setConfirm] = useState<WorkflowDialogState['confirm']>(null);

  const actions = useMemo(
    () =>
      createWorkflowActions({
        store,
        client,
        editorRef,
        write,
        toast,
        askSource: setPrompt,
        draftFlag: setFlagDraft,
        confirmDelete: (id, dissolves) => setConfirm({ id, dissolves }),
        openDocument,
      }),
    [store, client, editorRef, write, toast, openDocument],
  );

  const askSourceOfNew = useCallback((pendingId: number, phrase: string, created: Promise<Annotation | undefined>) => {
    const anchor = annotationElement(pendingId)?.getBoundingClientRect() ?? null;
    setPrompt({ annotation: created, annotationId: null, phrase, anchor });
    void created.then((a) => {
      // Stored: note its id; not stored (the error is shown): nothing to ask about.
      setPrompt((p) => (p?.annotation !== created ? p : a ? { ...p, annotationId: a.id } : null));
    });
  }, []);

  const cite = async (pending: Promise<Annotation | undefined>, source: { id: number } | { create: NewSource }) => {
    setPrompt(null);
    focusDocument();
    const annotationId = (await pending)?.id;
    if (annotationId !== undefined) await write(() => client.setAnnotationSource({ annotationId, source }));
  };
  const flag = (memberIds: number[], explanation: string) => {
    setFlagDraft(null);
    focusDocument();
    const documentId = store.getState().document?.id;
    if (documentId !== undefined) void write(() => client.createFlag({ documentId, memberIds, explanation }));
  };
  const closing = (close: () => void) => () => {
    close();
    focusDocument();
  };

  const dialogs = (
    <WorkflowDialogs
      store={store}
      prompt={prompt}
      flagDraft={flagDraft}
      confirm={confirm}
      onCite={(pending, source) => void cite(pending, source)}
      onUpdateSource={(id, patch) => actions.updateSource(id, patch)}
      onClosePrompt={closing(() => setPrompt(null))}
      onFlag={flag}
      onCloseFlag={closing(() => setFlagDraft(null))}
      onConfirmDelete={(id) => {
        closing(() => setConfirm(null))();
        void deleteAnnotationNow({ store, client, write }, id);
      }}
      onCancelDelete={closing(() => setConfirm(null))}
    />
  );
  return { actions, askSourceOfNew, dialogs };
}
