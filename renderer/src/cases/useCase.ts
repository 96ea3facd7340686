import { useCallback, useEffect, useRef, useState } from 'react';
import type { Client, Output } from '../../../common/api';
import type { AchMark, CaseSuggestion, DocumentRecord, DocumentState } from '../../../common/domain';
import { errorMessage } from '../api/client';
import type { Toast } from '../workflow/useWriter';
import { suggestionKey } from './model';

// The open case: its record (getCase: documents, claim groups, evidence, hypotheses, marks), each
// document's text and tags, and the assistant's cross-document suggestions. Writes run one after
// another (a second click waits for the first answer); each is one step of the case's undo
// history, and the case is read again after it (claim groups, evidence and the documents' tags
// all follow from one accept).

export type CaseData = Output<'getCase'>;
export interface CaseDoc {
  document: DocumentRecord;
  state: DocumentState;
}

interface Job {
  running: boolean;
  /** Whether suggestions were asked for since the case opened (an empty list then means "none found"). */
  ran: boolean;
  error: string | null;
  /** While running: the case's documents read so far, of how many (asked every few hundred ms). */
  read?: { done: number; total: number };
}

/** How often a running match is asked how far it has read. */
const PROGRESS_MS = 300;

export function useCase({ client, caseId, toast, onLibraryChanged }: { client: Client; caseId: number | null; toast: Toast; onLibraryChanged(): void }) {
  const [data, setData] = useState<CaseData | null>(null);
  const [docs, setDocs] = useState<ReadonlyMap<number, CaseDoc>>(new Map());
  const [suggestions, setSuggestions] = useState<readonly CaseSuggestion[]>([]);
  const [job, setJob] = useState<Job>({ running: false, ran: false, error: null });
  const [pending, setPending] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const current = useRef(caseId);
  const ran = useRef(false);
  // Where the view's steps were made, newest last: the case's own history, or a document's (a claim
  // tagged in a column). Undo takes the newest, whichever history it is in; a new step clears redo.
  const done = useRef<Array<'case' | number>>([]);
  const undone = useRef<Array<'case' | number>>([]);
  /** The two lists' lengths, for the toolbar's Undo and Redo (refs are not read while rendering). */
  const [steps, setSteps] = useState({ done: 0, undone: 0 });
  const countSteps = () => setSteps({ done: done.current.length, undone: undone.current.length });
  const docsRef = useRef(docs);
  useEffect(() => {
    docsRef.current = docs;
  }, [docs]);

  // Another case: what was read of the last one goes (state adjusted while rendering, as React advises).
  const [shownCase, setShownCase] = useState(caseId);
  if (shownCase !== caseId) {
    setShownCase(caseId);
    setData(null);
    setDocs(new Map());
    setSuggestions([]);
    setJob({ running: false, ran: false, error: null });
    setSteps({ done: 0, undone: 0 });
  }

  /** Reads the case again, and the documents named (all when none are named) or not yet read. */
  const reload = useCallback(
    async (id: number, documentIds?: readonly number[]) => {
      const next = await client.getCase({ id });
      if (current.current !== id) return 0;
      const ids = next.case.documentIds;
      const fresh = await Promise.all(
        ids.map(async (d) => {
          const known = docsRef.current.get(d);
          if (known && documentIds && !documentIds.includes(d)) return [d, known] as const;
          if (known && !documentIds) {
            const state = await client.getState({ documentId: d });
            return [d, { document: known.document, state }] as const;
          }
          const { document, state } = await client.getDocument({ id: d });
          return [d, { document, state }] as const;
        }),
      );
      if (current.current !== id) return 0;
      setDocs(new Map(fresh));
      setData(next);
      return ids.length;
    },
    [client],
  );
  const findMatches = useCallback(async () => {
    const id = current.current;
    if (id === null) return;
    ran.current = true;
    setJob({ running: true, ran: true, error: null });
    const poll = setInterval(() => {
      client.caseSuggestionProgress({ caseId: id }).then(
        (p) => {
          if (current.current === id && p.running) setJob((j) => (j.running ? { ...j, read: { done: p.done, total: p.total } } : j));
        },
        () => {},
      );
    }, PROGRESS_MS);
    try {
      const { suggestions: found } = await client.suggestCase({ caseId: id });
      if (current.current !== id) return;
      setSuggestions(found);
      setJob({ running: false, ran: true, error: null });
    } catch (err) {
      if (current.current !== id) return;
      setJob({ running: false, ran: true, error: errorMessage(err) });
    } finally {
      clearInterval(poll);
    }
  }, [client]);

  // Opening a case: read it, then look for matches across its documents.
  useEffect(() => {
    current.current = caseId;
    ran.current = false;
    done.current = [];
    undone.current = [];
    if (caseId === null) return;
    void (async () => {
      let count: number;
      try {
        count = await reload(caseId);
      } catch (err) {
        toast(errorMessage(err), 'error');
        return;
      }
      if (count >= 2) await findMatches();
    })();
  }, [caseId, reload, findMatches, toast]);

  /** One write of the case, after the previous one; the case read again after it. Resolves false on an error (shown). */
  const write = useCallback(
    <T>(
      run: (id: number) => Promise<T>,
      after?: { documents?: readonly number[] | 'all'; done?(result: T): void; where?: 'case' | number | null },
    ): Promise<boolean> => {
      const id = current.current;
      if (id === null) return Promise.resolve(false);
      setPending((n) => n + 1);
      const next = queue.current.then(async () => {
        try {
          const result = await run(id);
          const where = after?.where === undefined ? 'case' : after.where;
          if (where !== null) {
            done.current.push(where);
            undone.current = [];
            countSteps();
          }
          after?.done?.(result);
          await reload(id, after?.documents === 'all' ? undefined : (after?.documents ?? []));
          return true;
        } catch (err) {
          toast(errorMessage(err), 'error');
          await reload(id).catch(() => undefined);
          return false;
        } finally {
          setPending((n) => n - 1);
        }
      });
      queue.current = next;
      return next;
    },
    [reload, toast],
  );

  const drop = (s: CaseSuggestion) => setSuggestions((list) => list.filter((x) => suggestionKey(x) !== suggestionKey(s)));

  const actions = {
    accept: (s: CaseSuggestion) =>
      write((caseId) => client.acceptCaseSuggestion({ caseId, suggestion: s }), {
        documents: [...new Set(s.spans.map((x) => x.documentId))],
        done: (r) => {
          drop(s);
          if (r.tagged > 0) onLibraryChanged();
          toast(r.tagged > 0 ? `Grouped: ${r.tagged} new ${r.tagged === 1 ? 'claim' : 'claims'} tagged` : 'Grouped the claims', 'info');
        },
      }),
    dismiss: (s: CaseSuggestion) => write((caseId) => client.dismissCaseSuggestion({ caseId, suggestion: s }), { done: () => drop(s) }),
    setCredibility: (groupId: number, credibility: number | null) => write(() => client.updateClaimGroup({ id: groupId, credibility })),
    renameGroup: (groupId: number, label: string) => write(() => client.updateClaimGroup({ id: groupId, label })),
    setStance: (groupId: number, annotationId: number, stance: 'states' | 'contradicts') => write(() => client.addToClaimGroup({ groupId, annotationId, stance })),
    removeMember: (groupId: number, annotationId: number) => write(() => client.removeFromClaimGroup({ groupId, annotationId })),
    deleteGroup: (groupId: number) => write(() => client.deleteClaimGroup({ id: groupId })),
    groupClaims: (members: readonly { annotationId: number; stance?: 'states' | 'contradicts' }[], label: string) =>
      write((caseId) => client.createClaimGroup({ caseId, label, members: [...members] })),
    addHypothesis: (label: string) => write((caseId) => client.createHypothesis({ caseId, label })),
    renameHypothesis: (id: number, label: string) => write(() => client.updateHypothesis({ id, label })),
    deleteHypothesis: (id: number) => write(() => client.deleteHypothesis({ id })),
    setMark: (hypothesisId: number, groupId: number, mark: AchMark | null) => write(() => client.setAchMark({ hypothesisId, groupId, mark })),
    addDocuments: (documentIds: readonly number[]) =>
      write((caseId) => client.addToCase({ caseId, documentIds: [...documentIds] }), {
        where: null,
        done: () => onLibraryChanged(),
      }).then(async (ok) => {
        if (ok && ran.current) await findMatches();
        return ok;
      }),
    removeDocument: (documentId: number) =>
      write((caseId) => client.removeFromCase({ caseId, documentId }), { where: null, done: () => onLibraryChanged() }).then(async (ok) => {
        if (ok && ran.current) await findMatches();
        return ok;
      }),
    /** Tags [start, end) of a document as a claim (a step of that document's history); resolves its id. */
    tagClaim: async (documentId: number, start: number, end: number): Promise<number | null> => {
      let created: number | null = null;
      const ok = await write(() => client.createAnnotation({ documentId, kind: 'claim', start, end }), {
        documents: [documentId],
        where: documentId,
        done: (r) => {
          created = r.annotation.id;
          onLibraryChanged();
        },
      });
      return ok ? created : null;
    },
    /**
     * Undo or redo the view's last step, in the case's history or the document's it was made in
     * (with none made since the case opened, the case's own history); suggestions are looked for
     * again (an undone dismissal brings one back).
     */
    step: (direction: 'undo' | 'redo') => {
      const from = direction === 'undo' ? done : undone;
      const to = direction === 'undo' ? undone : done;
      const where = from.current.at(-1) ?? 'case';
      return write(
        async (caseId) => {
          const r = where === 'case' ? await client[direction === 'undo' ? 'undoCase' : 'redoCase']({ caseId }) : await client[direction]({ documentId: where });
          if (from.current.length > 0) from.current.pop();
          if (r.label !== null) to.current.push(where);
          countSteps();
          return r;
        },
        {
          documents: 'all',
          where: null,
          done: (r) => {
            toast(r.label === null ? `Nothing to ${direction}` : `${direction === 'undo' ? 'Undone' : 'Redone'}: ${r.label}`, 'info');
            onLibraryChanged();
          },
        },
      ).then(async (ok) => {
        if (ok && ran.current) await findMatches();
        return ok;
      });
    },
  };

  /** Reads the open case and its documents again (others' changes pulled from the workspace), after the writes on their way. */
  const refresh = useCallback((): Promise<void> => {
    const next = queue.current.then(async () => {
      const id = current.current;
      if (id === null) return;
      try {
        await reload(id);
      } catch {
        // Deleted by someone else, or the app is busy: the next pull reads again.
      }
    });
    queue.current = next;
    return next;
  }, [reload]);

  // Undo is there when the view made a step, or the case has one from before.
  const history = {
    canUndo: steps.done > 0 || (data?.history.canUndo ?? false),
    canRedo: steps.undone > 0 || (steps.done === 0 && (data?.history.canRedo ?? false)),
  };

  return { data, docs, suggestions, job, pending, history, findMatches, actions, refresh };
}

export type CaseActions = ReturnType<typeof useCase>['actions'];
