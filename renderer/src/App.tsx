import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, AnnotationKind, DocumentRecord, DocumentState, DocumentSummary } from '../../common/domain';
import { createClient, errorMessage, isElectron } from './api/client';
import { DocumentEditor, type DocumentEditorHandle } from './editor/DocumentEditor';
import type { AnnotationView } from './editor/annotationPlugin';
import { Library } from './library/Library';
import { AnnotationPanel, type PanelHandle } from './panel/AnnotationPanel';
import { buildIndexes, NO_RELATIONS, type Relations } from './panel/model';
import { afterNextPaint, markDocumentReceived, markOpenRequested, markTagDrawn, timedTagKey } from './perf';
import { isTypingTarget } from './shortcuts';
import { fileToBase64 } from './ui/base64';
import { KeyQueue } from './ui/keyQueue';
import { ExportDialog } from './export/ExportDialog';
import { useSuggestions } from './suggestions/useSuggestions';
import { VersionChanges } from './versions/VersionChanges';
import { ShortcutsDialog } from './ui/ShortcutsDialog';
import { Toasts, useToasts } from './ui/Toasts';
import { HighlightStyles } from './workflow/HighlightStyles';
import { editorViews, nextSelection, relationsOf, useWorkflow } from './workflow/useWorkflow';

const client = createClient();
const promptKeys = new KeyQueue();
const LAST_DOC_KEY = 'claimscope.lastDocument';
const ACCEPT = '.txt,.md,.markdown,.html,.htm,.docx,.pdf';

interface Open {
  document: DocumentRecord;
  /** What the editor draws from scratch: changes on open, undo and redo only. */
  baseline: readonly AnnotationView[];
}

export function App() {
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [open, setOpen] = useState<Open | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [history, setHistory] = useState({ canUndo: false, canRedo: false });
  const [selectedId, setSelectedId] = useState<number | null>(null);
  /** The rest of a multi-selection (Ctrl+click): claims to flag, claims to link. */
  const [alsoSelected, setAlsoSelected] = useState<number[]>([]);
  const [relations, setRelations] = useState<Relations>(NO_RELATIONS);
  const [pendingWrites, setPendingWrites] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [showLibrary, setShowLibrary] = useState(true);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showExport, setShowExport] = useState(false);
  const [showChanges, setShowChanges] = useState(false);
  const [dragging, setDragging] = useState(false);
  const { toasts, toast, dismiss } = useToasts();
  const editorRef = useRef<DocumentEditorHandle>(null);
  const panelRef = useRef<PanelHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const tempIds = useRef(0);

  // The latest values for the key handler, which is installed once.
  const live = useRef({ open, annotations, selectedId, alsoSelected });
  live.current = { open, annotations, selectedId, alsoSelected };

  const refreshLibrary = useCallback(async () => {
    try {
      setDocuments((await client.listDocuments({})).documents);
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  }, [toast]);

  const applyState = useCallback((document: DocumentRecord, state: DocumentState) => {
    setAnnotations(state.annotations);
    setRelations(relationsOf(state));
    setHistory({ canUndo: state.canUndo, canRedo: state.canRedo });
    setOpen({ document, baseline: editorViews(state.annotations, state.flags) });
  }, []);

  const openDocument = useCallback(
    async (id: number) => {
      setBusy('Opening…');
      markOpenRequested(id);
      try {
        const { document, state } = await client.getDocument({ id });
        markDocumentReceived(id);
        setSelectedId(null);
        applyState(document, state);
        localStorage.setItem(LAST_DOC_KEY, String(id));
        window.document.title = `${document.title} — Claimscope`;
      } catch (err) {
        toast(errorMessage(err), 'error');
      } finally {
        setBusy(null);
      }
    },
    [applyState, toast],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      for (const file of files) {
        setBusy(`Importing ${file.name}…`);
        try {
          const path = isElectron ? window.claimscope!.pathForFile(file) : '';
          const result = path
            ? await client.importFile({ path })
            : await client.importBytes({ name: file.name, dataBase64: await fileToBase64(file) });
          if (result.existing) toast(`${file.name} is already in the library; opened it`, 'info');
          await refreshLibrary();
          await openDocument(result.document.id);
        } catch (err) {
          toast(errorMessage(err), 'error');
        } finally {
          setBusy(null);
        }
      }
    },
    [openDocument, refreshLibrary, toast],
  );

  const chooseFile = useCallback(() => fileInput.current?.click(), []);

  const select = useCallback((id: number | null, add = false) => {
    const next = nextSelection(live.current.selectedId, live.current.alsoSelected, id, add);
    live.current = { ...live.current, selectedId: next.primary, alsoSelected: next.also };
    setSelectedId(next.primary);
    setAlsoSelected(next.also);
    editorRef.current?.dispatch({ type: 'select', id: next.primary });
  }, []);

  const write = useCallback(
    async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
      setPendingWrites((n) => n + 1);
      try {
        return await work();
      } catch (err) {
        toast(errorMessage(err), 'error');
        return undefined;
      } finally {
        setPendingWrites((n) => n - 1);
      }
    },
    [toast],
  );

  const ix = useMemo(() => buildIndexes(annotations, relations), [annotations, relations]);
  const workflow = useWorkflow({
    client,
    editorRef,
    panelRef,
    state: { documentId: open?.document.id ?? null, annotations, relations, ix, selectedId, alsoSelected },
    setAnnotations,
    setRelations,
    setHistory,
    select,
    write,
    toast,
  });
  const { afterTag, beforeTag, onKey: workflowKey, actions } = workflow;

  const tag = useCallback(
    async (kind: AnnotationKind) => {
      const { open: current, annotations: list } = live.current;
      const editor = editorRef.current;
      if (!current || !editor) return;
      const range = editor.rangeForTag();
      if (!range) {
        toast('Click in a sentence or select some text first', 'info');
        return;
      }
      const same = list.find((a) => a.kind === kind && a.start === range.start && a.end === range.end);
      if (same) {
        select(same.id);
        return;
      }
      // Drawn at once; replaced by the stored annotation when the database acknowledges it.
      const tempId = -++tempIds.current;
      editor.dispatch({ type: 'add', annotation: { id: tempId, kind, ...range, pending: true } });
      const acknowledged = markTagDrawn();
      const creating = write(() => client.createAnnotation({ documentId: current.document.id, kind, ...range }));
      const stored = creating.then((c) => c?.annotation);
      const phrase = current.document.text.slice(range.start, range.end);
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
            beforeTag(kind, drawnId, phrase, stored);
            void promptKeys.replayInto(() => document.querySelector('[aria-label="Source of this attribution"]'));
          });
        });
      }
      const created = await creating;
      acknowledged(created !== undefined);
      drawnId = created ? created.annotation.id : null;
      editor.dispatch({ type: 'remove', id: tempId });
      if (!created) return;
      editor.dispatch({ type: 'add', annotation: created.annotation });
      setAnnotations((prev) => [...prev, created.annotation]);
      select(created.annotation.id);
      afterTag(created.annotation, created.relations);
    },
    [afterTag, beforeTag, select, toast, write],
  );

  const deleteSelected = useCallback(async () => {
    const { selectedId: id } = live.current;
    if (id === null || id < 0) return;
    // Asks first when the deletion would dissolve a flag.
    actions.deleteAnnotation(id);
  }, [actions]);

  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      const current = live.current.open;
      if (!current) return;
      const result = await write(() => client[direction]({ documentId: current.document.id }));
      if (!result) return;
      if (result.label === null) {
        toast(direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo', 'info');
      } else {
        toast(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${result.label}`, 'info');
      }
      select(null);
      applyState(current.document, result.state);
    },
    [applyState, select, toast, write],
  );

  const reloadState = useCallback(async () => {
    const current = live.current.open;
    if (!current) return;
    applyState(current.document, await client.getState({ documentId: current.document.id }));
  }, [applyState]);

  const assistant = useSuggestions({
    client,
    documentId: open?.document.id ?? null,
    editorRef,
    annotationsVersion: annotations,
    onAccepted: reloadState,
    toast,
  });
  const assistantRef = useRef(assistant);
  assistantRef.current = assistant;

  const onClickOffset = useCallback(
    (offset: number) => {
      const { annotations: list, selectedId: current } = live.current;
      const hits = list.filter((a) => a.start <= offset && offset < a.end).sort((a, b) => a.end - a.start - (b.end - b.start));
      if (hits.length > 0) assistantRef.current.clearSelection();
      if (hits.length === 0) {
        select(null);
        assistantRef.current.selectAt(offset);
        return;
      }
      // A second click on the same place cycles through overlapping tags, innermost first.
      const at = hits.findIndex((a) => a.id === current);
      select(hits[(at + 1) % hits.length]!.id);
    },
    [select],
  );

  // Keyboard: one handler for the whole window.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target)) return;
      if (assistantRef.current.handleKey(e)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && !e.altKey) {
        if (key === 'z') {
          e.preventDefault();
          void step(e.shiftKey ? 'redo' : 'undo');
        } else if (key === 'y') {
          e.preventDefault();
          void step('redo');
        } else if (key === 'o' && !isElectron) {
          e.preventDefault();
          chooseFile();
        } else if (key === 'l') {
          e.preventDefault();
          setShowLibrary((v) => !v);
        } else if (key === 'e' && live.current.open) {
          e.preventDefault();
          setShowExport(true);
        }
        return;
      }
      if (e.altKey) return;
      if (key === 'c' && !e.shiftKey) {
        e.preventDefault();
        void timedTagKey(e, () => tag('claim'));
      } else if (key === 'a' && !e.shiftKey) {
        e.preventDefault();
        void timedTagKey(e, () => tag('attribution'));
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        if (live.current.selectedId !== null) {
          e.preventDefault();
          void deleteSelected();
        }
      } else if (e.key === '?') {
        e.preventDefault();
        setShowShortcuts(true);
      } else if (e.key === 'Escape') {
        select(null);
      } else {
        workflowKey(e);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [chooseFile, deleteSelected, select, step, tag, workflowKey]);

  // Events from the Electron menu and second launches.
  useEffect(() => {
    if (!isElectron) return;
    return window.claimscope!.onEvent((event) => {
      if (event.type === 'opened') void refreshLibrary().then(() => openDocument(event.documentId));
      else if (event.type === 'error') toast(event.message, 'error');
      else if (event.command === 'undo' || event.command === 'redo') void step(event.command);
      else if (event.command === 'shortcuts') setShowShortcuts(true);
      else if (event.command === 'library') setShowLibrary((v) => !v);
      else if (event.command === 'export') setShowExport(true);
    });
  }, [openDocument, refreshLibrary, step, toast]);

  // Drag and drop a file anywhere on the window.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) void importFiles(files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importFiles]);

  // First load: the library, and the document that was open last time.
  useEffect(() => {
    void (async () => {
      await refreshLibrary();
      const last = Number(localStorage.getItem(LAST_DOC_KEY));
      if (last > 0) {
        try {
          await client.getState({ documentId: last });
          await openDocument(last);
        } catch {
          localStorage.removeItem(LAST_DOC_KEY);
        }
      }
    })();
  }, [openDocument, refreshLibrary]);

  // Counts in the library follow the open document.
  useEffect(() => {
    if (!open) return;
    const id = open.document.id;
    setDocuments((docs) => docs.map((d) => (d.id === id ? { ...d, annotationCount: annotations.length } : d)));
  }, [annotations.length, open]);

  const selected = useMemo(() => annotations.find((a) => a.id === selectedId) ?? null, [annotations, selectedId]);
  const saveStatus = pendingWrites > 0 ? 'Saving…' : 'All changes saved';

  return (
    <div className={`cs-app${showLibrary ? '' : ' cs-no-library'}`}>
      <header className="cs-toolbar" role="toolbar" aria-label="Claimscope">
        <span className="cs-brand">Claimscope</span>
        <button type="button" onClick={chooseFile} title="Open a document (Ctrl+O)">
          Open…
        </button>
        <button type="button" onClick={() => setShowLibrary((v) => !v)} aria-pressed={showLibrary} title="Library (Ctrl+L)">
          Library
        </button>
        <span className="cs-sep" />
        <button type="button" className="cs-btn-claim" disabled={!open} onClick={() => void tag('claim')} title="Tag as claim (C)">
          Claim <kbd>C</kbd>
        </button>
        <button
          type="button"
          className="cs-btn-attribution"
          disabled={!open}
          onClick={() => void tag('attribution')}
          title="Tag as attribution (A)"
        >
          Attribution <kbd>A</kbd>
        </button>
        <button type="button" disabled={!selected} onClick={() => void deleteSelected()} title="Remove the selected tag (Delete)">
          Remove tag
        </button>
        <span className="cs-sep" />
        <button type="button" disabled={!history.canUndo} onClick={() => void step('undo')} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" disabled={!history.canRedo} onClick={() => void step('redo')} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
        <button type="button" disabled={!open} onClick={() => setShowExport(true)} title="Export a report (Ctrl+E)">
          Export…
        </button>
        <span className="cs-grow" />
        <button type="button" onClick={() => setShowShortcuts(true)} title="Keyboard shortcuts (?)">
          ?
        </button>
        <input
          ref={fileInput}
          type="file"
          accept={ACCEPT}
          hidden
          data-testid="file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void importFiles(files);
          }}
        />
      </header>
      {showLibrary && <Library documents={documents} currentId={open?.document.id ?? null} onOpen={openDocument} onImport={chooseFile} />}
      <main className="cs-main">
        {open ? (
          <>
            <div className="cs-doc-head">
              <h1 className="cs-doc-heading">{open.document.title}</h1>
              <span className="cs-doc-sub">
                {open.document.version > 1 && (
                  <button type="button" className="cs-link-button" onClick={() => setShowChanges(true)} title="What changed since the previous version">
                    Version {open.document.version}: changes…
                  </button>
                )}
                {open.document.format.toUpperCase()} · {open.document.chars.toLocaleString()} characters
                {open.document.metadata.author ? ` · ${open.document.metadata.author}` : ''}
                {open.document.metadata.published ? ` · ${open.document.metadata.published}` : ''}
              </span>
            </div>
            <DocumentEditor ref={editorRef} document={open.document} annotations={open.baseline} onClickOffset={onClickOffset} />
          </>
        ) : (
          <div className="cs-welcome">
            <h1>Open a document to start</h1>
            <p>Claimscope opens text, Markdown, web pages (.html), Word (.docx) and PDF files. Tag sentences as claims (C) or attributions (A); every change is saved at once.</p>
            <button type="button" onClick={chooseFile}>
              Open a document…
            </button>
          </div>
        )}
      </main>
      {open && (
        <div className="cs-right">
        <AnnotationPanel
          ref={panelRef}
          annotations={annotations}
          ix={ix}
          flags={relations.flags}
          sources={relations.sources}
          selectedId={selectedId}
          alsoSelected={alsoSelected}
          actions={actions}
        />
        {assistant.panel}
        </div>
      )}
      <footer className="cs-status" role="status" aria-live="polite">
        <span data-testid="save-status">{saveStatus}</span>
        {busy && <span className="cs-busy">{busy}</span>}
        {selected && (
          <span className="cs-selected-info">
            Selected: {selected.kind} · {selected.exact.length > 60 ? selected.exact.slice(0, 60) + '…' : selected.exact}
            {alsoSelected.length > 0 && ` (+${alsoSelected.length} more: I flags claims, L links an attribution)`}
          </span>
        )}
      </footer>
      {dragging && <div className="cs-dropzone">Drop to open</div>}
      <ShortcutsDialog isOpen={showShortcuts} onClose={() => setShowShortcuts(false)} />
      {workflow.dialogs}
      <HighlightStyles annotations={annotations} alsoSelected={alsoSelected} />
      <ExportDialog
        isOpen={showExport}
        documentId={open?.document.id ?? null}
        client={client}
        onClose={() => setShowExport(false)}
        onDone={(message, tone) => toast(message, tone)}
      />
      {open && open.document.version > 1 && (
        <VersionChanges
          isOpen={showChanges}
          documentId={open.document.id}
          version={open.document.version}
          orphans={annotations.filter((a) => a.orphan)}
          client={client}
          onClose={() => setShowChanges(false)}
        />
      )}
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </div>
  );
}
