import { innermostFirst } from '../../common/selectors';
import { useCallback, useMemo, useRef, useState } from 'react';
import { createClient } from './api/client';
import { AssessmentEditor } from './assessment/AssessmentEditor';
import { CaseDialog, type CaseDialogMode } from './cases/CaseDialog';
import { DocumentCases } from './cases/DocumentCases';
import { useCaseScreen } from './cases/CaseView';
import { useCase } from './cases/useCase';
import { useCases } from './cases/useCases';
import { ConfirmDialog } from './flags/ConfirmDialog';
import './cases/cases.css';
import { DocumentEditor, type DocumentEditorHandle } from './editor/DocumentEditor';
import { DocumentHead } from './editor/DocumentHead';
import { ExportDialog } from './export/ExportDialog';
import { Desk } from './layout/Desk';
import { Library } from './library/Library';
import { useLibrary, type ReadChoices } from './library/useLibrary';
import { AnnotationPanel, type LowerTab, type PanelHandle } from './panel/AnnotationPanel';
import { closed, createDocumentStore, select } from './store/documentStore';
import { useDocState } from './store/useDocState';
import { SuggestionPanel } from './suggestions/SuggestionPanel';
import { useSuggestions } from './suggestions/useSuggestions';
import { SettingsDialog } from './settings/SettingsDialog';
import { ShortcutsDialog } from './ui/ShortcutsDialog';
import { StatusBar } from './ui/StatusBar';
import { Toasts, useToasts } from './ui/Toasts';
import { Toolbar } from './ui/Toolbar';
import { useFileDrop } from './ui/useFileDrop';
import { useKeymap } from './useKeymap';
import { VersionChanges } from './versions/VersionChanges';
import { HighlightStyles } from './workflow/HighlightStyles';
import { useSelectionGestures } from './workflow/useSelectionGestures';
import { useTagging } from './workflow/useTagging';
import { useUndoRedo } from './workflow/useUndoRedo';
import { useWorkflow } from './workflow/useWorkflow';
import { useWriter } from './workflow/useWriter';
import { coalesced, refreshOpenDocument } from './workspace/refreshOpen';
import { useWorkspace } from './workspace/useWorkspace';
import { WorkspaceDialog } from './workspace/WorkspaceDialog';

// The window's layout. The open document lives in the store; the hooks turn clicks, keys (through
// the keymap) and the service's answers into store actions; the components show the store.

const client = createClient();

export function App() {
  const [store] = useState(createDocumentStore);
  const state = useDocState(store, (s) => s);
  const { toasts, toast, dismiss } = useToasts();
  const editorRef = useRef<DocumentEditorHandle>(null);
  const panelRef = useRef<PanelHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [showLibrary, setShowLibrary] = useState(true);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showExport, setShowExport] = useState(false);
  const [showChanges, setShowChanges] = useState(false);
  const [showSettings, setShowSettings] = useState(false);
  const [showWorkspace, setShowWorkspace] = useState(false);
  const [lower, setLower] = useState<LowerTab>('details');

  const { write, pending, tracker } = useWriter(store, toast);
  const library = useLibrary({ store, client, toast });
  const workflow = useWorkflow({ store, client, editorRef, write, toast, openDocument: library.openDocument });
  const tag = useTagging({ store, client, editorRef, write, toast, askSourceOfNew: workflow.askSourceOfNew });
  const step = useUndoRedo({ store, client, write, toast });
  const assistant = useSuggestions({ store, client, editorRef, write, toast });
  const dragging = useFileDrop((files) => void library.importFiles(files));

  // Cases (issue 14): one on the desk in the document's place; opening a document leaves it.
  const cases = useCases({ client, toast });
  const refreshCases = cases.refresh;
  const { refreshLibrary } = library;
  const openCase = useCase({
    client,
    caseId: cases.openId,
    toast,
    onLibraryChanged: () => {
      void refreshCases();
      void refreshLibrary();
    },
  });
  // The team workspace (issue 15): when others' changes have landed in this library, what the
  // window shows is read again (the library, the cases, the open document or case), keeping the
  // selection, the scroll and whatever is being edited.
  const [refreshOpen] = useState(() => coalesced(() => refreshOpenDocument(store, client, tracker)));
  const refreshOpenCase = openCase.refresh;
  const workspace = useWorkspace({
    client,
    documentId: state.document?.id ?? null,
    toast,
    onPulled: () => {
      void refreshLibrary();
      void refreshCases();
      void refreshOpenCase();
      void refreshOpen();
    },
  });
  const [caseDialog, setCaseDialog] = useState<CaseDialogMode | null>(null);
  const [confirmDeleteCase, setConfirmDeleteCase] = useState(false);
  const caseOpen = cases.openId !== null;
  const { open: showCase } = cases;
  const openDocumentOnly = useCallback(
    (id: number) => {
      showCase(null);
      void library.openDocument(id);
    },
    [showCase, library],
  );
  const showCaseOnDesk = useCallback(
    (id: number) => {
      store.dispatch(closed());
      window.document.title = 'Claimscope';
      showCase(id);
    },
    [store, showCase],
  );
  const caseScreen = useCaseScreen({
    opened: openCase,
    toast,
    onOpenDocument: openDocumentOnly,
    onAddDocuments: () => openCase.data && setCaseDialog({ mode: 'add', caseName: openCase.data.case.name, has: openCase.data.case.documentIds }),
    onExport: () => setShowExport(true),
    onRename: () => openCase.data && setCaseDialog({ mode: 'rename', caseName: openCase.data.case.name }),
    onDelete: () => setConfirmDeleteCase(true),
  });
  const submitCaseDialog = async (name: string, documentIds: number[]): Promise<boolean> => {
    if (!caseDialog) return false;
    if (caseDialog.mode === 'create') {
      const made = await cases.file(async () => {
        const { case: c } = await client.createCase({ name });
        if (documentIds.length > 0) await client.addToCase({ caseId: c.id, documentIds });
        return c;
      });
      if (made) showCaseOnDesk(made.id);
      return made !== null;
    }
    const id = cases.openId;
    if (id === null) return false;
    if (caseDialog.mode === 'rename') return (await cases.file(() => client.renameCase({ id, name }))) !== null;
    return openCase.actions.addDocuments(documentIds);
  };
  useSelectionGestures(store);

  // The lower pane follows the analyst: choosing a tag shows its details, a suggestion (or a run
  // of the assistant) the assistant.
  // (State adjusted while rendering, as React advises for state that follows other state.)
  const cue = { tag: state.selection.primary, suggestion: assistant.selectedId, running: assistant.job.running };
  const [seen, setSeen] = useState(cue);
  if (cue.tag !== seen.tag || cue.suggestion !== seen.suggestion || cue.running !== seen.running) {
    setSeen(cue);
    if (cue.suggestion !== null && cue.suggestion !== seen.suggestion) setLower('assistant');
    else if (cue.running && !seen.running) setLower('assistant');
    else if (cue.tag !== null && cue.tag !== seen.tag) setLower('details');
  }

  // Choices for the next file chosen (reading the open document again in the browser, which must
  // be given the file once more: it has no path to read it from). An ordinary Open clears them,
  // so a chooser the analyst cancelled leaves nothing behind.
  const nextChoices = useRef<ReadChoices>({});
  const chooseFile = useCallback(() => {
    nextChoices.current = {};
    fileInput.current?.click();
  }, []);
  const importFiles = library.importFiles;
  const onFiles = useCallback(
    (files: readonly File[]) => {
      const choices = nextChoices.current;
      nextChoices.current = {};
      void importFiles(files, choices);
    },
    [importFiles],
  );
  const readAgain = useCallback(
    (choices: ReadChoices) => {
      void library.readAgain(choices, () => {
        nextChoices.current = choices;
        toast('Choose the same file again to read it this way', 'info');
        fileInput.current?.click();
      });
    },
    [library, toast],
  );
  const { selectAt, deselect } = assistant;
  const onClickOffset = useCallback(
    (offset: number) => {
      const { annotations, selection } = store.getState();
      const hits = innermostFirst(annotations.filter((a) => a.start <= offset && offset < a.end));
      if (hits.length === 0) {
        store.dispatch(select(null));
        selectAt(offset);
        return;
      }
      deselect();
      // A second click on the same place cycles through overlapping tags, innermost first.
      const at = hits.findIndex((a) => a.id === selection.primary);
      store.dispatch(select(hits[(at + 1) % hits.length]!.id));
    },
    [store, selectAt, deselect],
  );

  const { actions } = workflow;
  const removeSelectedTag = () => {
    const id = store.getState().selection.primary;
    if (id !== null && id > 0) actions.deleteAnnotation(id);
  };
  useKeymap(
    store,
    tracker,
    {
      tag: (kind) => (caseOpen ? (kind === 'claim' ? caseScreen.tagSelection() : Promise.resolve(toast('In a case, tag claims; open a document to tag its attributions', 'info'))) : tag(kind)),
      step: (direction) => (caseOpen ? openCase.actions.step(direction).then(() => undefined) : step(direction)),
      caseOpen: () => caseOpen,
      chooseFile,
      toggleLibrary: () => setShowLibrary((v) => !v),
      openSettings: () => setShowSettings(true),
      openExport: () => setShowExport(true),
      openShortcuts: () => setShowShortcuts(true),
      syncWorkspace: () => void workspace.sync(),
      select: (id) => store.dispatch(select(id)),
      actions,
      panel: () => panelRef.current,
      toast,
      assistant: {
        run: () => void (caseOpen ? openCase.findMatches() : assistant.run()),
        accept: (ids) => void assistant.accept(ids),
        reject: (ids) => void assistant.reject(ids),
        deselect,
      },
    },
    {
      opened: (id) => {
        showCase(null);
        void library.refreshLibrary().then(() => library.openDocument(id));
      },
      error: (message) => toast(message, 'error'),
    },
  );

  const doc = state.document;
  const selected = state.selection.primary === null ? null : (state.ix.byId.get(state.selection.primary) ?? null);
  const orphans = useMemo(() => state.annotations.filter((a) => a.orphan), [state.annotations]);

  const { run: runAssistant, select: selectSuggestion, accept: acceptSuggestions, reject: rejectSuggestions } = assistant;
  const assistantPane = useMemo(
    () => (
      <SuggestionPanel
        suggestions={assistant.suggestions}
        running={assistant.job.running}
        progress={assistant.job.progress}
        error={assistant.job.error}
        selectedId={assistant.selectedId}
        onRun={() => void runAssistant()}
        onSelect={selectSuggestion}
        onAccept={(ids) => void acceptSuggestions(ids)}
        onReject={(ids) => void rejectSuggestions(ids)}
        onAcceptAll={(type) => void acceptSuggestions([], type)}
      />
    ),
    [assistant.suggestions, assistant.job, assistant.selectedId, runAssistant, selectSuggestion, acceptSuggestions, rejectSuggestions],
  );
  const assessmentPane = useMemo(() => <AssessmentEditor store={store} client={client} write={write} headingLevel={3} />, [store, write]);
  const assistantBadge = assistant.job.running ? `${Math.round(assistant.job.progress * 100)}%` : String(assistant.suggestions.length);

  return (
    <div className="cs-app">
      <Toolbar
        documentOpen={doc !== null}
        exportable={doc !== null || caseOpen}
        tagSelected={selected !== null}
        history={caseOpen ? openCase.history : state.history}
        showLibrary={showLibrary}
        fileInput={fileInput}
        onChooseFile={chooseFile}
        onFiles={onFiles}
        onToggleLibrary={() => setShowLibrary((v) => !v)}
        onTag={(kind) => void tag(kind)}
        onRemoveTag={removeSelectedTag}
        onStep={(direction) => void (caseOpen ? openCase.actions.step(direction) : step(direction))}
        onExport={() => setShowExport(true)}
        onShortcuts={() => setShowShortcuts(true)}
        onSettings={() => setShowSettings(true)}
      />
      <Desk
        libraryOpen={showLibrary}
        onLibraryOpen={setShowLibrary}
        holds={caseOpen ? 'case' : 'document'}
        library={(rail) => (
          <Library
            documents={state.library}
            currentId={doc?.id ?? null}
            onOpen={openDocumentOnly}
            onImport={chooseFile}
            cases={cases.cases}
            currentCaseId={cases.openId}
            onOpenCase={showCaseOnDesk}
            onNewCase={() => setCaseDialog({ mode: 'create' })}
            rail={rail}
            onExpand={() => setShowLibrary(true)}
          />
        )}
        main={
          caseOpen ? caseScreen.main : (
          <main className="cs-main">
            {doc ? (
              <>
                <DocumentHead
                  document={doc}
                  onShowChanges={() => setShowChanges(true)}
                  onReadAgain={readAgain}
                  cases={
                    <DocumentCases
                      documentId={doc.id}
                      cases={cases.cases}
                      onOpenCase={showCaseOnDesk}
                      onAddToCase={(caseId) =>
                        void cases.file(() => client.addToCase({ caseId, documentIds: [doc.id] })).then((r) => r && toast(`Added to ${r.case.name}`, 'info'))
                      }
                    />
                  }
                />
                <DocumentEditor ref={editorRef} document={doc} store={store} onClickOffset={onClickOffset} />
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
          )
        }
        side={
          caseOpen ? caseScreen.side : doc && (
            <AnnotationPanel
              ref={panelRef}
              annotations={state.annotations}
              ix={state.ix}
              flags={state.flags}
              sources={state.sources}
              selectedId={state.selection.primary}
              alsoSelected={state.selection.also}
              actions={actions}
              lower={lower}
              onLower={setLower}
              assistant={assistantPane}
              assessment={assessmentPane}
              assistantBadge={assistantBadge}
              conflicts={workspace.conflicts}
              onDismissConflict={workspace.dismiss}
            />
          )
        }
      />
      <StatusBar
        pendingWrites={pending + openCase.pending}
        busy={library.busy}
        selected={selected}
        alsoSelected={state.selection.also.length}
        workspace={workspace.status}
        onWorkspace={() => setShowWorkspace(true)}
      />
      {dragging && <div className="cs-dropzone">Drop to open</div>}
      <ShortcutsDialog isOpen={showShortcuts} onClose={() => setShowShortcuts(false)} />
      {workflow.dialogs}
      <HighlightStyles annotations={state.annotations} alsoSelected={state.selection.also} />
      <WorkspaceDialog isOpen={showWorkspace} workspace={workspace} onClose={() => setShowWorkspace(false)} />
      <SettingsDialog isOpen={showSettings} client={client} onClose={() => setShowSettings(false)} onSaved={() => toast('Settings saved', 'info')} />
      <ExportDialog
        isOpen={showExport}
        target={caseOpen ? { caseId: cases.openId! } : doc ? { documentId: doc.id } : null}
        client={client}
        onClose={() => setShowExport(false)}
        onDone={(message, tone) => toast(message, tone)}
      />
      {caseDialog && <CaseDialog key={caseDialog.mode} dialog={caseDialog} documents={state.library} onSubmit={submitCaseDialog} onClose={() => setCaseDialog(null)} />}
      {confirmDeleteCase && openCase.data && (
        <ConfirmDialog
          title="Delete the case?"
          confirmLabel="Delete case"
          onCancel={() => setConfirmDeleteCase(false)}
          onConfirm={() => {
            const id = openCase.data!.case.id;
            setConfirmDeleteCase(false);
            void cases.file(() => client.deleteCase({ id })).then((r) => {
              if (r) {
                showCase(null);
                toast('Case deleted; its documents stay in the library', 'info');
              }
            });
          }}
        >
          <p>
            “{openCase.data.case.name}” and its claim groups, hypotheses and marks will be deleted (this cannot be undone). Its {openCase.data.case.documentIds.length} documents and their tags stay in
            the library.
          </p>
        </ConfirmDialog>
      )}
      {doc && doc.version > 1 && (
        <VersionChanges isOpen={showChanges} documentId={doc.id} version={doc.version} orphans={orphans} client={client} onClose={() => setShowChanges(false)} />
      )}
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </div>
  );
}
