import { useCallback, useState } from 'react';
import type { CaseSuggestion } from '../../../common/domain';
import { keyHint } from '../../../common/keymap';
import type { Toast } from '../workflow/useWriter';
import { CaseMatrix } from './CaseMatrix';
import { CasePanel, type ChosenClaim } from './CasePanel';
import { CaseText, selectionOffsets } from './CaseText';
import { suggestionKey, type Mark } from './model';
import type { CaseDoc, useCase } from './useCase';

// A case on the desk: its documents side by side (two columns, each showing the document the
// analyst picks; a suggestion shows its two documents) or the matrix; the side panel holds the
// chosen claim's matches, the suggestions and the claim groups. Text selected in a column can be
// tagged as a claim there (a step of that document's history, undone in turn with the case's steps:
// useCase's `step`).

type Opened = ReturnType<typeof useCase>;

interface Props {
  opened: Opened;
  toast: Toast;
  onOpenDocument(id: number): void;
  onAddDocuments(): void;
  onExport(): void;
  onRename(): void;
  onDelete(): void;
}

export function useCaseScreen({ opened, toast, onOpenDocument, onAddDocuments, onExport, onRename, onDelete }: Props) {
  const { data, docs, suggestions, job, actions, findMatches } = opened;
  const [tab, setTab] = useState<'side' | 'matrix'>('side');
  const [panelTab, setPanelTab] = useState<'suggestions' | 'groups'>('suggestions');
  const [columns, setColumns] = useState<[number | null, number | null]>([null, null]);
  const [chosenClaim, setChosenClaim] = useState<ChosenClaim | null>(null);
  const [chosenSuggestion, setChosenSuggestion] = useState<CaseSuggestion | null>(null);
  const [chosenGroup, setChosenGroup] = useState<number | null>(null);

  const ids = data?.case.documentIds ?? [];
  // Columns show what the analyst picked, else the case's first two documents.
  const left = columns[0] !== null && ids.includes(columns[0]) ? columns[0] : (ids[0] ?? null);
  const right = columns[1] !== null && ids.includes(columns[1]) && columns[1] !== left ? columns[1] : (ids.find((d) => d !== left) ?? null);

  const chooseSuggestion = useCallback(
    (s: CaseSuggestion) => {
      setChosenSuggestion(s);
      setChosenGroup(null);
      setTab('side');
      const [a, b] = [...new Set(s.spans.map((x) => x.documentId))];
      if (a !== undefined) setColumns([a, b ?? null]);
    },
    [],
  );
  const chooseGroup = useCallback(
    (id: number) => {
      setChosenGroup((g) => (g === id ? null : id));
      setChosenSuggestion(null);
      setPanelTab('groups');
      const g = data?.claimGroups.find((x) => x.id === id);
      const [a, b] = [...new Set(g?.members.map((m) => m.documentId) ?? [])];
      if (a !== undefined) setColumns([a, b ?? null]);
    },
    [data],
  );

  const tagSelection = useCallback(async () => {
    const at = selectionOffsets();
    if (!at) {
      toast('Select words in one of the documents first, then tag them as a claim', 'info');
      return;
    }
    const id = await actions.tagClaim(at.documentId, at.start, at.end);
    if (id === null) return;
    window.getSelection()?.removeAllRanges();
    setChosenClaim({ documentId: at.documentId, annotationId: id });
  }, [actions, toast]);

  const marksFor = useCallback(
    (doc: CaseDoc): Mark[] => {
      const id = doc.document.id;
      const out: Mark[] = [];
      for (const a of doc.state.annotations) {
        if (a.orphan) continue;
        out.push(a.kind === 'claim' ? { start: a.start, end: a.end, className: 'cs-case-claim', annotationId: a.id } : { start: a.start, end: a.end, className: 'cs-case-attribution' });
      }
      if (data) {
        for (const g of data.claimGroups) {
          if (chosenGroup !== null && g.id !== chosenGroup) continue;
          for (const m of g.members) if (m.documentId === id) out.push({ start: m.start, end: m.end, className: `cs-case-${m.stance}` });
        }
      }
      if (chosenSuggestion) for (const x of chosenSuggestion.spans) if (x.documentId === id) out.push({ start: x.start, end: x.end, className: 'cs-case-focus' });
      if (chosenClaim?.documentId === id) {
        const a = doc.state.annotations.find((x) => x.id === chosenClaim.annotationId);
        if (a) out.push({ start: a.start, end: a.end, className: 'cs-case-selected' });
      }
      return out;
    },
    [data, chosenGroup, chosenSuggestion, chosenClaim],
  );

  const column = (slot: 0 | 1, id: number | null) => {
    const doc = id === null ? undefined : docs.get(id);
    const focusSpan = chosenSuggestion?.spans.find((x) => x.documentId === id) ?? null;
    const claim = chosenClaim?.documentId === id ? doc?.state.annotations.find((a) => a.id === chosenClaim.annotationId) : undefined;
    return (
      <section className="cs-case-column" aria-label={`Column ${slot + 1}`}>
        <div className="cs-case-column-head">
          <select
            aria-label={`Document in column ${slot + 1}`}
            value={id ?? ''}
            onChange={(e) => {
              const next = Number(e.target.value);
              setColumns(slot === 0 ? [next, right === next ? left : right] : [left, next]);
            }}
          >
            {ids.map((d) => (
              <option key={d} value={d}>
                {docs.get(d)?.document.title ?? `Document ${d}`}
              </option>
            ))}
          </select>
          {id !== null && (
            <button type="button" className="cs-link-button" onClick={() => onOpenDocument(id)} title="Open this document on its own to tag, link and grade">
              Open
            </button>
          )}
        </div>
        {doc ? (
          <CaseText
            documentId={doc.document.id}
            text={doc.document.text}
            blocks={doc.document.blocks}
            marks={marksFor(doc)}
            focus={focusSpan ?? (claim ? { start: claim.start, end: claim.end } : null)}
            label={doc.document.title}
            onChooseClaim={(annotationId) => {
              setChosenClaim({ documentId: doc.document.id, annotationId });
              setChosenSuggestion(null);
            }}
          />
        ) : (
          <p className="cs-empty">{ids.length < 2 && slot === 1 ? 'Add a second document to read them side by side.' : 'Reading…'}</p>
        )}
      </section>
    );
  };

  const main = data ? (
    <main className="cs-main cs-case-main" aria-label={`Case ${data.case.name}`}>
      <div className="cs-case-head">
        <div className="cs-case-title">
          <span className="cs-hint">Case</span>
          <h1>{data.case.name}</h1>
          <span className="cs-hint">
            {ids.length} {ids.length === 1 ? 'document' : 'documents'} · {data.claimGroups.length} claim {data.claimGroups.length === 1 ? 'group' : 'groups'} ·{' '}
            <button type="button" className="cs-link-button" onClick={onRename}>
              Rename…
            </button>{' '}
            ·{' '}
            <button type="button" className="cs-link-button cs-danger-small" onClick={onDelete}>
              Delete…
            </button>
          </span>
        </div>
        <div className="cs-case-actions">
          <div className="cs-segmented" role="tablist" aria-label="Case view">
            <button type="button" role="tab" aria-selected={tab === 'side'} onClick={() => setTab('side')}>
              Side by side
            </button>
            <button type="button" role="tab" aria-selected={tab === 'matrix'} onClick={() => setTab('matrix')}>
              Matrix
            </button>
          </div>
          <button type="button" onClick={() => void tagSelection()} title={`Tag the words selected in a column as a claim (${keyHint('tagClaim')})`}>
            Tag claim <kbd>{keyHint('tagClaim')}</kbd>
          </button>
          <button type="button" onClick={onAddDocuments}>
            Add documents…
          </button>
          <button type="button" onClick={onExport} title={`Export the case report (${keyHint('export')})`}>
            Export case…
          </button>
        </div>
      </div>
      {tab === 'side' ? (
        <div className="cs-case-columns">
          {column(0, left)}
          {column(1, right)}
        </div>
      ) : (
        <CaseMatrix data={data} docs={docs} actions={actions} chosenGroup={chosenGroup} onChooseGroup={chooseGroup} />
      )}
    </main>
  ) : (
    <main className="cs-main">
      <p className="cs-empty" role="status">
        Opening the case…
      </p>
    </main>
  );

  const side = data ? (
    <CasePanel
      data={data}
      docs={docs}
      suggestions={suggestions}
      job={job}
      actions={actions}
      onFindMatches={() => void findMatches()}
      chosenClaim={chosenClaim}
      chosenSuggestion={chosenSuggestion ? suggestionKey(chosenSuggestion) : null}
      onChooseSuggestion={chooseSuggestion}
      chosenGroup={chosenGroup}
      onChooseGroup={chooseGroup}
      tab={panelTab}
      onTab={setPanelTab}
    />
  ) : null;

  return { main, side, tagSelection };
}
