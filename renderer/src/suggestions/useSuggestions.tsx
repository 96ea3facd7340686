import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Client } from '../../../common/api';
import type { StoredSuggestion, SuggestionBody } from '../../../common/domain';
import { errorMessage } from '../api/client';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import { SuggestionPanel } from './SuggestionPanel';

interface Options {
  client: Client;
  documentId: number | null;
  editorRef: RefObject<DocumentEditorHandle | null>;
  /** Changes whenever the document's annotations change (accept, undo...): suggestions are re-read. */
  annotationsVersion: unknown;
  /** After an accept: the document's state changed. */
  onAccepted(): Promise<void>;
  toast(message: string, tone: 'info' | 'error'): void;
}

const POLL_MS = 300;

function spansOf(s: SuggestionBody): Array<{ start: number; end: number }> {
  return s.type === 'inconsistency' ? s.spans : [s.span];
}

/** The assistant in the app: runs it off the UI thread, shows what it proposes, accepts and rejects. */
export function useSuggestions({ client, documentId, editorRef, annotationsVersion, onAccepted, toast }: Options) {
  const [suggestions, setSuggestions] = useState<StoredSuggestion[]>([]);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const live = useRef({ suggestions, selectedId, documentId });
  live.current = { suggestions, selectedId, documentId };

  const load = useCallback(async () => {
    if (documentId === null) return null;
    try {
      const r = await client.listSuggestions({ documentId });
      if (live.current.documentId !== documentId) return null;
      setSuggestions(r.suggestions);
      setRunning(r.running);
      setProgress(r.progress);
      setError(r.error);
      return r;
    } catch (err) {
      setError(errorMessage(err));
      return null;
    }
  }, [client, documentId]);

  const run = useCallback(async () => {
    if (documentId === null) return;
    try {
      await client.runSuggestions({ documentId });
      setRunning(true);
      setProgress(0);
      setError(null);
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  }, [client, documentId, toast]);

  // On open: what is stored. The assistant reads only when asked (Suggest, Ctrl+Shift+S): it is
  // the analyst's call, and a long document keeps the CPU for the editor.
  useEffect(() => {
    setSuggestions([]);
    setSelectedId(null);
    if (documentId !== null) void load();
  }, [documentId, load]);

  // While the assistant reads, suggestions appear as each part is done.
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load, running]);

  useEffect(() => {
    void load();
  }, [annotationsVersion, load]);

  useEffect(() => {
    editorRef.current?.showSuggestions(suggestions, selectedId);
  }, [editorRef, suggestions, selectedId]);

  const select = useCallback(
    (id: number | null) => {
      setSelectedId(id);
      const s = live.current.suggestions.find((x) => x.id === id);
      if (s) editorRef.current?.revealOffset(spansOf(s.suggestion)[0]!.start);
    },
    [editorRef],
  );

  const accept = useCallback(
    async (ids: number[], type?: SuggestionBody['type']) => {
      if (documentId === null) return;
      try {
        const r = await client.acceptSuggestions({ documentId, ...(type ? { type } : { ids }) });
        setSelectedId(null);
        await onAccepted();
        const c = r.created;
        toast(`Accepted ${r.accepted}: ${c.claims} claims, ${c.attributions} attributions, ${c.sources} new sources, ${c.flags} flags`, 'info');
      } catch (err) {
        toast(errorMessage(err), 'error');
      }
    },
    [client, documentId, onAccepted, toast],
  );

  const reject = useCallback(
    async (ids: number[]) => {
      if (documentId === null) return;
      try {
        await client.rejectSuggestions({ documentId, ids });
        setSelectedId(null);
        await onAccepted();
      } catch (err) {
        toast(errorMessage(err), 'error');
      }
    },
    [client, documentId, onAccepted, toast],
  );

  /** Enter accepts the selected suggestion, Delete rejects it; Ctrl+Shift+S runs the assistant. */
  const handleKey = useCallback(
    (e: KeyboardEvent): boolean => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void run();
        return true;
      }
      const id = live.current.selectedId;
      if (id === null || e.ctrlKey || e.metaKey || e.altKey) return false;
      if (e.key === 'Enter') {
        e.preventDefault();
        void accept([id]);
        return true;
      }
      if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        void reject([id]);
        return true;
      }
      if (e.key === 'Escape') {
        setSelectedId(null);
        return true;
      }
      return false;
    },
    [accept, reject, run],
  );

  /** A click in the text on an underlined suggestion selects it (innermost first). */
  const selectAt = useCallback((offset: number): boolean => {
    const hits = live.current.suggestions
      .filter((s) => spansOf(s.suggestion).some((x) => x.start <= offset && offset < x.end))
      .sort((a, b) => spansOf(a.suggestion)[0]!.end - spansOf(a.suggestion)[0]!.start - (spansOf(b.suggestion)[0]!.end - spansOf(b.suggestion)[0]!.start));
    const first = hits[0];
    setSelectedId(first ? first.id : null);
    return first !== undefined;
  }, []);

  const panel =
    documentId === null ? null : (
      <SuggestionPanel
        suggestions={suggestions}
        running={running}
        progress={progress}
        error={error}
        selectedId={selectedId}
        onRun={() => void run()}
        onSelect={select}
        onAccept={(ids) => void accept(ids)}
        onReject={(ids) => void reject(ids)}
        onAcceptAll={(type) => void accept([], type)}
      />
    );

  return { panel, handleKey, selectAt, clearSelection: () => setSelectedId(null) };
}
