import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Client } from '../../../common/api';
import type { SuggestionBody } from '../../../common/domain';
import { errorMessage } from '../api/client';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { DocumentStore } from '../store/documentStore';
import { useDocState } from '../store/useDocState';
import type { Toast, Write } from '../workflow/useWriter';

interface Options {
  store: DocumentStore;
  client: Client;
  editorRef: RefObject<DocumentEditorHandle | null>;
  write: Write;
  toast: Toast;
}

/** The assistant's run: whether it reads, how far, what went wrong. */
export interface AssistantJob {
  running: boolean;
  progress: number;
  error: string | null;
}

/** How long after asking the app looks for the assistant's answer, then how often while it reads:
 *  a short article is answered within tens of milliseconds, a long one in batches over seconds. */
const POLL_FIRST_MS = [40, 80, 150];
const POLL_MS = 300;

function spansOf(s: SuggestionBody): Array<{ start: number; end: number }> {
  return s.type === 'inconsistency' ? s.spans : [s.span];
}

/**
 * The assistant in the app: runs it off the UI thread, shows what it proposes, accepts and rejects.
 * The pending suggestions and the selected one live in the store: accepting, rejecting, undo and
 * redo change them through their change sets like any write.
 */
export function useSuggestions({ store, client, editorRef, write, toast }: Options) {
  const documentId = useDocState(store, (s) => s.document?.id ?? null);
  const suggestions = useDocState(store, (s) => s.suggestions);
  const selectedId = useDocState(store, (s) => s.suggestionId);
  const [job, setJob] = useState<AssistantJob>({ running: false, progress: 1, error: null });

  const load = useCallback(async () => {
    if (documentId === null) return;
    try {
      const r = await client.listSuggestions({ documentId });
      if (store.getState().document?.id !== documentId) return;
      store.dispatch({ type: 'suggestionsLoaded', documentId, suggestions: r.suggestions });
      setJob({ running: r.running, progress: r.progress, error: r.error });
    } catch (err) {
      setJob((j) => ({ ...j, error: errorMessage(err) }));
    }
  }, [client, documentId, store]);

  const run = useCallback(async () => {
    const id = store.getState().document?.id;
    if (id === undefined) return;
    try {
      await client.runSuggestions({ documentId: id });
      setJob({ running: true, progress: 0, error: null });
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  }, [client, store, toast]);

  // On open: what is stored. The assistant reads only when asked (Suggest, Ctrl+Shift+S): it is
  // the analyst's call, and a long document keeps the CPU for the editor.
  useEffect(() => {
    void load();
  }, [load]);

  // While the assistant reads, suggestions appear as each part is done.
  useEffect(() => {
    if (!job.running) return;
    let polls = 0;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      if (stopped) return;
      timer = setTimeout(() => void load().then(next), POLL_FIRST_MS[polls++] ?? POLL_MS);
    };
    next();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load, job.running]);

  useEffect(() => {
    editorRef.current?.showSuggestions(suggestions, selectedId);
  }, [editorRef, suggestions, selectedId]);

  const selectSuggestion = useCallback(
    (id: number | null) => {
      store.dispatch({ type: 'selectSuggestion', id });
      const s = store.getState().suggestions.find((x) => x.id === id);
      if (s) editorRef.current?.revealOffset(spansOf(s.suggestion)[0]!.start);
    },
    [editorRef, store],
  );

  const accept = useCallback(
    async (ids: number[], type?: SuggestionBody['type']) => {
      const id = store.getState().document?.id;
      if (id === undefined) return;
      const r = await write(() => client.acceptSuggestions({ documentId: id, ...(type ? { type } : { ids }) }));
      if (!r) return;
      store.dispatch({ type: 'selectSuggestion', id: null });
      const c = r.created;
      toast(`Accepted ${r.accepted}: ${c.claims} claims, ${c.attributions} attributions, ${c.sources} new sources, ${c.flags} flags`, 'info');
    },
    [client, store, toast, write],
  );

  const reject = useCallback(
    async (ids: number[]) => {
      const id = store.getState().document?.id;
      if (id === undefined) return;
      if (await write(() => client.rejectSuggestions({ documentId: id, ids }))) store.dispatch({ type: 'selectSuggestion', id: null });
    },
    [client, store, write],
  );

  const deselect = useCallback(() => store.dispatch({ type: 'selectSuggestion', id: null }), [store]);

  /** A click in the text on an underlined suggestion selects it (innermost first); elsewhere, none. */
  const selectAt = useCallback(
    (offset: number): boolean => {
      const length = (s: SuggestionBody) => spansOf(s)[0]!.end - spansOf(s)[0]!.start;
      const hits = store
        .getState()
        .suggestions.filter((s) => spansOf(s.suggestion).some((x) => x.start <= offset && offset < x.end))
        .sort((a, b) => length(a.suggestion) - length(b.suggestion));
      const first = hits[0];
      store.dispatch({ type: 'selectSuggestion', id: first ? first.id : null });
      return first !== undefined;
    },
    [store],
  );

  return { documentId, suggestions, selectedId, job, run, accept, reject, select: selectSuggestion, selectAt, deselect };
}
