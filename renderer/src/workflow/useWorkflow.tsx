import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Client } from '../../../common/api';
import { CLAIM_STATUSES, FLAG_STATUSES, type Annotation, type DocumentRelations, type Flag, type NewSource } from '../../../common/domain';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import type { AnnotationView } from '../editor/annotationPlugin';
import { ConfirmDialog } from '../flags/ConfirmDialog';
import { FlagDialog } from '../flags/FlagDialog';
import type { PanelHandle } from '../panel/AnnotationPanel';
import { flagPeers, shorten, type Indexes, type Relations } from '../panel/model';
import { SourcePrompt } from '../sources/SourcePrompt';
import type { WorkflowActions } from './actions';

// The analyst workflow over the open document: sources, links, flags, statuses, notes. App owns
// the state (annotations, relations, selection); this hook turns keys, clicks and panel requests
// into API calls and applies what the service answers.

export interface WorkflowState {
  documentId: number | null;
  annotations: readonly Annotation[];
  relations: Relations;
  ix: Indexes;
  selectedId: number | null;
  alsoSelected: readonly number[];
}

export interface WorkflowDeps {
  client: Client;
  editorRef: RefObject<DocumentEditorHandle | null>;
  panelRef: RefObject<PanelHandle | null>;
  state: WorkflowState;
  setAnnotations(update: (prev: Annotation[]) => Annotation[]): void;
  setRelations(relations: Relations): void;
  setHistory(history: { canUndo: boolean; canRedo: boolean }): void;
  select(id: number | null, add?: boolean): void;
  write<T>(work: () => Promise<T>): Promise<T | undefined>;
  toast(message: string, tone?: 'info' | 'error'): void;
}

/** Relations as App keeps them, from any answer that carries them. */
export function relationsOf(r: Pick<DocumentRelations, 'links' | 'flags' | 'sources'>): Relations {
  return { links: r.links, flags: r.flags, sources: r.sources };
}

/** What the editor draws for a document's annotations: flagged claims carry the flag marker. */
export function editorViews(annotations: readonly Annotation[], flags: readonly Flag[]): AnnotationView[] {
  const flagged = new Set(flags.flatMap((f) => f.memberIds));
  // Orphans (their text left with an earlier version) are listed, not drawn.
  return annotations.filter((a) => !a.orphan).map((a) => ({ id: a.id, kind: a.kind, start: a.start, end: a.end, flagged: flagged.has(a.id) }));
}

/** The next selection after a click: a plain click selects one; with a modifier it adds or removes. */
export function nextSelection(
  primary: number | null,
  also: readonly number[],
  id: number | null,
  add: boolean,
): { primary: number | null; also: number[] } {
  if (!add || id === null) return { primary: id, also: [] };
  const all = [...also, ...(primary === null ? [] : [primary])];
  if (all.includes(id)) {
    const rest = all.filter((x) => x !== id);
    return { primary: rest.length ? rest[rest.length - 1]! : null, also: rest.slice(0, -1) };
  }
  return { primary: id, also: all };
}

function annotationElement(id: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.cs-document .cs-id-${id}`);
}

function idsOfElement(el: Element): number[] {
  const ids: number[] = [];
  for (const c of el.classList) {
    const m = /^cs-id-(-?\d+)$/.exec(c);
    if (m) ids.push(Number(m[1]));
  }
  return ids;
}

function flash(id: number): void {
  for (const el of document.querySelectorAll<HTMLElement>(`.cs-document .cs-id-${id}`)) {
    el.animate?.([{ backgroundColor: 'color-mix(in srgb, var(--selected) 45%, transparent)' }, {}], { duration: 900, easing: 'ease-out' });
  }
}

/**
 * After a prompt or dialog closes, keys belong to the document again. Deferred, and only when focus
 * went nowhere: a click elsewhere (which also closes a prompt) keeps its own focus and caret.
 */
function focusDocument(): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.querySelector<HTMLElement>('.cs-document')?.focus({ preventScroll: true });
  });
}

interface PromptState {
  /** The attribution, or its creation still on its way to the database (the prompt opens at once). */
  annotation: Promise<Annotation | undefined>;
  /** Known once stored: its current source is marked in the list. */
  annotationId: number | null;
  phrase: string;
  anchor: DOMRect | null;
}

export function useWorkflow(deps: WorkflowDeps): {
  actions: WorkflowActions;
  onKey(e: KeyboardEvent): boolean;
  /** A tag was drawn (pending, id < 0): an attribution asks for its source right away. */
  beforeTag(kind: Annotation['kind'], pendingId: number, phrase: string, created: Promise<Annotation | undefined>): void;
  afterTag(annotation: Annotation, relations: DocumentRelations): void;
  dialogs: ReactNode;
} {
  const live = useRef(deps);
  live.current = deps;
  const [prompt, setPrompt] = useState<PromptState | null>(null);
  const [flagDraft, setFlagDraft] = useState<number[] | null>(null);
  const [confirm, setConfirm] = useState<{ id: number; dissolves: Flag[] } | null>(null);

  // Reads only the live deps: the first render's copy (captured by the actions) stays correct.
  const deleteNow = async (id: number) => {
    const d = live.current;
    const r = await d.write(() => d.client.deleteAnnotation({ id }));
    if (!r) return;
    d.editorRef.current?.dispatch({ type: 'remove', id });
    d.setAnnotations((prev) => prev.filter((a) => a.id !== id));
    d.setRelations(relationsOf(r.relations));
    d.setHistory({ canUndo: r.relations.canUndo, canRedo: r.relations.canRedo });
    if (d.state.selectedId === id || d.state.alsoSelected.includes(id)) d.select(null);
  };

  const actions = useMemo<WorkflowActions>(() => {
    const d = () => live.current;
    const applyRelations = (r: DocumentRelations | null) => {
      if (!r) return;
      d().setRelations(relationsOf(r));
      d().setHistory({ canUndo: r.canUndo, canRedo: r.canRedo });
    };
    const replaceAnnotation = (a: Annotation) => {
      d().setAnnotations((prev) => prev.map((x) => (x.id === a.id ? a : x)));
      d().setHistory({ canUndo: true, canRedo: false });
    };
    const updateAnnotations = async (ids: readonly number[], patch: { status?: Annotation['status']; credibility?: number | null; note?: string }) => {
      for (const id of ids) {
        const r = await d().write(() => d().client.updateAnnotation({ id, ...patch }));
        if (r) replaceAnnotation(r.annotation);
      }
    };
    const documentId = () => d().state.documentId ?? undefined;

    return {
      reveal(id, add = false) {
        d().select(id, add);
        if (!add) {
          d().editorRef.current?.reveal(id);
          flash(id);
        }
      },
      revealAll(ids) {
        const [first, ...rest] = ids;
        if (first === undefined) return;
        d().select(first);
        for (const id of rest) d().select(id, true);
        d().editorRef.current?.reveal(first);
        for (const id of ids) flash(id);
      },
      setStatus: (ids, status) => void updateAnnotations(ids, { status }),
      setCredibility: (ids, credibility) => void updateAnnotations(ids, { credibility }),
      saveAnnotationNote: (id, note) => void updateAnnotations([id], { note }),
      chooseSource(annotationId) {
        const a = d().state.ix.byId.get(annotationId);
        if (!a) return;
        setPrompt({
          annotation: Promise.resolve(a),
          annotationId,
          phrase: a.exact,
          anchor: annotationElement(annotationId)?.getBoundingClientRect() ?? null,
        });
      },
      async setSource(annotationId, sourceId) {
        const r = await d().write(() =>
          d().client.setAnnotationSource({ annotationId, source: sourceId === null ? null : { id: sourceId } }),
        );
        if (r) applyRelations(r.relations);
      },
      async link(attributionId, claimIds) {
        const r = await d().write(() => d().client.linkClaims({ attributionId, claimIds: [...claimIds] }));
        if (r) applyRelations(r.relations);
      },
      async unlink(attributionId, claimIds) {
        const r = await d().write(() => d().client.unlinkClaims({ attributionId, claimIds: [...claimIds] }));
        if (r) applyRelations(r.relations);
      },
      deleteAnnotation(id) {
        // Flags left with one claim dissolve: ask first.
        const dissolves = (d().state.ix.flagsOf.get(id) ?? []).filter((f) => f.memberIds.length <= 2);
        if (dissolves.length > 0) setConfirm({ id, dissolves });
        else void deleteNow(id);
      },
      flagSelection() {
        const { selectedId, alsoSelected, ix } = d().state;
        const ids = [...alsoSelected, ...(selectedId === null ? [] : [selectedId])].filter((id) => ix.byId.get(id)?.kind === 'claim');
        if (ids.length < 2) {
          d().toast('Select two or more claims to flag: click one, Ctrl+click the others, then press I', 'info');
          return;
        }
        setFlagDraft(ids);
      },
      async updateFlag(id, patch) {
        const r = await d().write(() => d().client.updateFlag({ id, ...patch }));
        if (r) applyRelations(r.relations);
      },
      async deleteFlag(id) {
        const r = await d().write(() => d().client.deleteFlag({ id }));
        if (r) applyRelations(r.relations);
      },
      async createSource(fields) {
        const r = await d().write(() => d().client.createSource({ ...fields, documentId: documentId() }));
        if (!r) return undefined;
        applyRelations(r.relations);
        return r.source;
      },
      async updateSource(id, patch) {
        const r = await d().write(() => d().client.updateSource({ id, documentId: documentId(), ...patch }));
        if (r) applyRelations(r.relations);
      },
      async mergeSources(intoId, fromId) {
        const from = d().state.relations.sources.find((s) => s.id === fromId);
        const r = await d().write(() => d().client.mergeSources({ intoId, fromId, documentId: documentId() }));
        if (!r) return;
        applyRelations(r.relations);
        d().toast(`Merged ${from ? `“${from.name}”` : 'the source'} into “${r.source.name}”`, 'info');
      },
      async deleteSource(id) {
        const r = await d().write(() => d().client.deleteSource({ id, documentId: documentId() }));
        if (r) applyRelations(r.relations);
      },
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const applyRelations = (r: DocumentRelations) => {
    live.current.setRelations(relationsOf(r));
    live.current.setHistory({ canUndo: r.canUndo, canRedo: r.canRedo });
  };

  const beforeTag = (kind: Annotation['kind'], pendingId: number, phrase: string, created: Promise<Annotation | undefined>) => {
    if (kind !== 'attribution') return;
    const anchor = annotationElement(pendingId)?.getBoundingClientRect() ?? null;
    setPrompt({ annotation: created, annotationId: null, phrase, anchor });
    void created.then((a) => {
      // Stored: note its id; not stored (the error is shown): nothing to ask about.
      setPrompt((p) => (p?.annotation !== created ? p : a ? { ...p, annotationId: a.id } : null));
    });
  };

  const afterTag = (_annotation: Annotation, relations: DocumentRelations) => {
    applyRelations(relations);
  };

  // Flag markers follow the flags: redraw the claims whose flagged state changed.
  const flaggedRef = useRef<Set<number>>(new Set());
  const flags = deps.state.relations.flags;
  useEffect(() => {
    const next = new Set(flags.flatMap((f) => f.memberIds));
    const prev = flaggedRef.current;
    flaggedRef.current = next;
    const editor = live.current.editorRef.current;
    if (!editor) return;
    const { byId } = live.current.state.ix;
    for (const id of new Set([...prev, ...next])) {
      if (prev.has(id) === next.has(id)) continue;
      const a = byId.get(id);
      if (a) editor.dispatch({ type: 'add', annotation: { id: a.id, kind: a.kind, start: a.start, end: a.end, flagged: next.has(id) } });
    }
  }, [flags]);

  // Ctrl+click (or Shift+click) on a tag in the text adds it to the selection.
  useEffect(() => {
    const target = (e: MouseEvent): { ids: number[] } | null => {
      if (!(e.ctrlKey || e.metaKey || e.shiftKey) || e.button !== 0) return null;
      const el = (e.target as Element | null)?.closest?.('.cs-document .cs-ann');
      if (!el) return null;
      // Shift+click extends a text selection that is already there.
      if (e.shiftKey && !(e.ctrlKey || e.metaKey)) {
        const sel = window.getSelection();
        if (sel && !sel.isCollapsed) return null;
      }
      const ids = idsOfElement(el).filter((id) => id > 0);
      return ids.length ? { ids } : null;
    };
    const down = (e: MouseEvent) => {
      if (!target(e)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    const click = (e: MouseEvent) => {
      const t = target(e);
      if (!t) return;
      e.preventDefault();
      e.stopPropagation();
      const { ix } = live.current.state;
      // The innermost tag under the pointer, claims before attributions.
      const hits = t.ids
        .map((id) => ix.byId.get(id))
        .filter((a): a is Annotation => !!a)
        .sort((a, b) => (a.kind === b.kind ? a.end - a.start - (b.end - b.start) : a.kind === 'claim' ? -1 : 1));
      if (hits[0]) live.current.select(hits[0].id, true);
    };
    window.addEventListener('mousedown', down, true);
    window.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('mousedown', down, true);
      window.removeEventListener('click', click, true);
    };
  }, []);

  // Moving the caret with the keyboard selects the tag it lands in (as a click would), so the
  // panel highlights its entry. A caret outside every tag keeps the selection.
  useEffect(() => {
    const MOVES = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
    const onKeyUp = (e: KeyboardEvent) => {
      if (!MOVES.has(e.key) || e.shiftKey || !(e.target as Element | null)?.closest?.('.cs-document')) return;
      const sel = window.getSelection();
      if (!sel || !sel.isCollapsed || !sel.anchorNode) return;
      const node = sel.anchorNode.nodeType === Node.TEXT_NODE ? sel.anchorNode.parentElement : (sel.anchorNode as Element);
      const el = node?.closest('.cs-ann');
      if (!el) return;
      const { ix, selectedId } = live.current.state;
      const hits = idsOfElement(el)
        .map((id) => ix.byId.get(id))
        .filter((a): a is Annotation => !!a)
        .sort((a, b) => a.end - a.start - (b.end - b.start));
      if (hits[0] && hits[0].id !== selectedId) live.current.select(hits[0].id);
    };
    window.addEventListener('keyup', onKeyUp);
    return () => window.removeEventListener('keyup', onKeyUp);
  }, []);

  const onKey = (e: KeyboardEvent): boolean => {
    const { state, panelRef, toast, select, editorRef } = live.current;
    if (e.ctrlKey || e.metaKey || e.altKey || state.documentId === null) return false;
    const { selectedId, alsoSelected, ix } = state;
    const selection = [...alsoSelected, ...(selectedId === null ? [] : [selectedId])]
      .map((id) => ix.byId.get(id))
      .filter((a): a is Annotation => !!a);
    const claims = selection.filter((a) => a.kind === 'claim');
    const attributions = selection.filter((a) => a.kind === 'attribution');
    const primary = selectedId === null ? null : (ix.byId.get(selectedId) ?? null);
    const panel = panelRef.current;
    const key = e.key;
    const done = () => {
      e.preventDefault();
      return true;
    };

    if (key === 'l' || key === 'L' || key === 'u' || key === 'U') {
      const linking = key.toLowerCase() === 'l';
      if (attributions.length === 0 || claims.length === 0) {
        toast(
          linking
            ? 'To link: select an attribution, Ctrl+click the claims it covers, then press L'
            : 'To unlink: select an attribution and Ctrl+click its claim, then press U',
          'info',
        );
        return done();
      }
      for (const t of attributions) void (linking ? actions.link : actions.unlink)(t.id, claims.map((c) => c.id));
      return done();
    }
    if (key === 's' || key === 'S') {
      const step = key === 'S' ? -1 : 1;
      const flag = panel?.selectedFlag();
      if (flag) {
        const i = FLAG_STATUSES.indexOf(flag.status);
        actions.updateFlag(flag.id, { status: FLAG_STATUSES[(i + step + FLAG_STATUSES.length) % FLAG_STATUSES.length]! });
        return done();
      }
      const base = primary?.kind === 'claim' ? primary : claims[0];
      if (!base) {
        toast('Select a claim to set its status', 'info');
        return done();
      }
      const i = CLAIM_STATUSES.indexOf(base.status);
      const status = CLAIM_STATUSES[(i + step + CLAIM_STATUSES.length) % CLAIM_STATUSES.length]!;
      actions.setStatus(claims.map((c) => c.id), status);
      return done();
    }
    if (/^[0-6]$/.test(key)) {
      if (claims.length === 0) {
        toast('Select a claim to grade its credibility (1 confirmed … 6 cannot be judged; 0 clears)', 'info');
        return done();
      }
      actions.setCredibility(claims.map((c) => c.id), key === '0' ? null : Number(key));
      return done();
    }
    if (key === 'i' || key === 'I') {
      actions.flagSelection();
      return done();
    }
    if (key === 'n' || key === 'N') {
      if (!panel?.focusNote()) toast('Select a tag, flag or source to write its note', 'info');
      return done();
    }
    if (key === 'f' || key === ']' || key === '[' || key === 'F') {
      if (!primary) return done();
      const peers = flagPeers(ix, primary.id);
      if (peers.length < 2) {
        toast('This tag is not part of a flag', 'info');
        return done();
      }
      const at = peers.indexOf(primary.id);
      const step = key === '[' || key === 'F' ? -1 : 1;
      const next = peers[(at + step + peers.length) % peers.length]!;
      select(next);
      editorRef.current?.reveal(next);
      flash(next);
      return done();
    }
    if (key === 'r' || key === 'R') {
      if (!primary) toast('Select an attribution to choose its source', 'info');
      else actions.chooseSource(primary.id);
      return done();
    }
    if (key === '/') {
      panel?.focusSearch();
      return done();
    }
    if (key === 't' || key === 'T') {
      panel?.cycleTab(key === 'T' ? -1 : 1);
      return done();
    }
    if (key === 'p' || key === 'P') {
      panel?.focusList();
      return done();
    }
    if (key === 'e' || key === 'E') {
      if (!panel?.focusSourceName()) toast('Open a source in the Sources tab (T) to rename it', 'info');
      return done();
    }
    if (key === 'm' || key === 'M') {
      if (!panel?.focusMerge()) toast('Open a source in the Sources tab (T) to merge another into it', 'info');
      return done();
    }
    return false;
  };

  const { state } = deps;
  const closePrompt = () => {
    setPrompt(null);
    focusDocument();
  };
  const cite = async (pending: Promise<Annotation | undefined>, source: { id: number } | { create: NewSource }) => {
    setPrompt(null);
    focusDocument();
    const annotationId = (await pending)?.id;
    if (annotationId === undefined) return;
    const r = await live.current.write(() => live.current.client.setAnnotationSource({ annotationId, source }));
    if (!r) return;
    applyRelations(r.relations);
  };

  const dialogs = (
    <>
      {prompt && (
        <SourcePrompt
          phrase={prompt.phrase}
          anchor={prompt.anchor}
          sources={state.relations.sources}
          currentSourceId={prompt.annotationId === null ? null : (state.ix.citedSource.get(prompt.annotationId) ?? null)}
          onPick={(id) => void cite(prompt.annotation, { id })}
          onCreate={(source) => void cite(prompt.annotation, { create: source })}
          onClose={closePrompt}
        />
      )}
      {flagDraft && (
        <FlagDialog
          claims={flagDraft.map((id) => state.ix.byId.get(id)).filter((a): a is Annotation => !!a)}
          onClose={() => {
            setFlagDraft(null);
            focusDocument();
          }}
          onCreate={(explanation) => {
            const memberIds = flagDraft;
            setFlagDraft(null);
            focusDocument();
            const documentId = live.current.state.documentId;
            if (documentId === null) return;
            void (async () => {
              const r = await live.current.write(() => live.current.client.createFlag({ documentId, memberIds, explanation }));
              if (!r) return;
              applyRelations(r.relations);
            })();
          }}
        />
      )}
      {confirm && (
        <ConfirmDialog
          title="Delete this claim?"
          confirmLabel="Delete claim and dissolve"
          onCancel={() => {
            setConfirm(null);
            focusDocument();
          }}
          onConfirm={() => {
            const { id } = confirm;
            setConfirm(null);
            focusDocument();
            void deleteNow(id);
          }}
        >
          <p>
            {confirm.dissolves.length === 1 ? 'It is one of the two claims of this flag, which will dissolve:' : 'These flags will dissolve, each left with one claim:'}
          </p>
          <ul>
            {confirm.dissolves.map((f) => (
              <li key={f.id}>⚑ {f.explanation ? shorten(f.explanation, 120) : 'Inconsistency'}</li>
            ))}
          </ul>
          <p className="cs-hint">Undo (Ctrl+Z) brings both back.</p>
        </ConfirmDialog>
      )}
    </>
  );

  // Stable handles for App's handlers, which are installed once.
  const latest = useRef({ onKey, afterTag, beforeTag });
  latest.current = { onKey, afterTag, beforeTag };
  const stableOnKey = useCallback((e: KeyboardEvent) => latest.current.onKey(e), []);
  const stableAfterTag = useCallback((a: Annotation, r: DocumentRelations) => latest.current.afterTag(a, r), []);
  const stableBeforeTag = useCallback(
    (kind: Annotation['kind'], pendingId: number, phrase: string, created: Promise<Annotation | undefined>) =>
      latest.current.beforeTag(kind, pendingId, phrase, created),
    [],
  );
  return { actions, onKey: stableOnKey, beforeTag: stableBeforeTag, afterTag: stableAfterTag, dialogs };
}
