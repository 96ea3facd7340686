import type { RefObject } from 'react';
import type { Client } from '../../../common/api';
import type { Annotation, ClaimStatus, Flag, FlagStatus, NewSource, Reliability, Source, SourceType } from '../../../common/domain';
import type { DocumentEditorHandle } from '../editor/DocumentEditor';
import { select, type DocumentStore } from '../store/documentStore';
import { selectedIds } from '../store/selection';
import { annotationElement, flash } from './dom';
import type { Toast, Write } from './useWriter';

/** Everything the panel, the details pane and the keys can ask for. One stable object: rows never re-render for it. */
export interface WorkflowActions {
  /** Selects an annotation (or adds it to the selection), scrolls the editor to it and flashes it. */
  reveal(id: number, add?: boolean): void;
  /** Selects several annotations (a flag's claims) and reveals the first. */
  revealAll(ids: readonly number[]): void;
  /** Opens another document (a flag spanning documents names a claim there) and reveals that claim in it. */
  openElsewhere(documentId: number, annotationId: number): void;
  setStatus(ids: readonly number[], status: ClaimStatus): void;
  setCredibility(ids: readonly number[], credibility: number | null): void;
  saveAnnotationNote(id: number, markdown: string): void;
  /** The analyst has looked at the words a new version gave a tag: its "changed" mark goes. */
  reviewChange(id: number): void;
  /** Opens the source prompt for an annotation. */
  chooseSource(annotationId: number): void;
  setSource(annotationId: number, sourceId: number | null): void;
  link(attributionId: number, claimIds: readonly number[]): void;
  unlink(attributionId: number, claimIds: readonly number[]): void;
  /** Deletes an annotation; asks first when that would dissolve a flag. */
  deleteAnnotation(id: number): void;
  flagSelection(): void;
  updateFlag(id: number, patch: { explanation?: string; status?: FlagStatus; note?: string; memberIds?: number[] }): void;
  deleteFlag(id: number): void;
  createSource(fields: NewSource): Promise<Source | undefined>;
  updateSource(
    id: number,
    patch: { name?: string; type?: SourceType; aliases?: string[]; reliability?: Reliability; note?: string },
  ): void;
  mergeSources(intoId: number, fromId: number): void;
  deleteSource(id: number): void;
}

/** The source prompt: opened right after an attribution is tagged, or with R. */
export interface PromptState {
  /** The attribution, or its creation still on its way to the database (the prompt opens at once). */
  annotation: Promise<Annotation | undefined>;
  /** Known once stored: its current source is marked in the list. */
  annotationId: number | null;
  phrase: string;
  anchor: DOMRect | null;
}

export interface ActionDeps {
  store: DocumentStore;
  client: Client;
  editorRef: RefObject<DocumentEditorHandle | null>;
  write: Write;
  toast: Toast;
  askSource(prompt: PromptState): void;
  draftFlag(memberIds: number[]): void;
  /** Asks before deleting an annotation whose flags would dissolve. */
  confirmDelete(id: number, dissolves: Flag[]): void;
  /** Opens a document on the desk, as the library does (a flag is shown only while a document is open, never a case). */
  openDocument(id: number): Promise<void>;
}

/**
 * Deletes an annotation, no questions asked. It leaves the selection at once, so a key pressed
 * before the answer arrives (Delete, then S) finds nothing selected instead of acting on it.
 */
export async function deleteAnnotationNow({ store, client, write }: Pick<ActionDeps, 'store' | 'client' | 'write'>, id: number): Promise<void> {
  const { selection } = store.getState();
  if (selection.primary === id || selection.also.includes(id)) store.dispatch(select(null));
  await write(() => client.deleteAnnotation({ id }));
}

/**
 * The analyst's workflow over the open document: statuses, notes, sources, links, flags. Each
 * action reads the store when it runs and writes through `write`, which applies the answer.
 */
export function createWorkflowActions(deps: ActionDeps): WorkflowActions {
  const { store, client, editorRef, write, toast } = deps;
  const documentId = () => store.getState().document?.id;
  const updateAnnotations = async (ids: readonly number[], patch: { status?: ClaimStatus; credibility?: number | null; note?: string; reviewedChange?: true }) => {
    for (const id of ids) await write(() => client.updateAnnotation({ id, ...patch }));
  };

  return {
    reveal(id, add = false) {
      store.dispatch(select(id, add));
      if (!add) {
        editorRef.current?.reveal(id);
        flash(id);
      }
    },
    revealAll(ids) {
      const [first, ...rest] = ids;
      if (first === undefined) return;
      store.dispatch(select(first));
      for (const id of rest) store.dispatch(select(id, true));
      editorRef.current?.reveal(first);
      for (const id of ids) flash(id);
    },
    openElsewhere(otherId, annotationId) {
      void deps.openDocument(otherId).then(async () => {
        if (store.getState().document?.id !== otherId) return;
        // (the editor draws the document's highlights a frame or two after it opens)
        for (let tries = 0; tries < 40 && !annotationElement(annotationId); tries++) await new Promise((r) => setTimeout(r, 25));
        store.dispatch(select(annotationId));
        editorRef.current?.reveal(annotationId);
        flash(annotationId);
      });
    },
    setStatus: (ids, status) => void updateAnnotations(ids, { status }),
    setCredibility: (ids, credibility) => void updateAnnotations(ids, { credibility }),
    saveAnnotationNote: (id, note) => void updateAnnotations([id], { note }),
    reviewChange: (id) => void updateAnnotations([id], { reviewedChange: true }),
    chooseSource(annotationId) {
      const a = store.getState().ix.byId.get(annotationId);
      if (!a) return;
      deps.askSource({
        annotation: Promise.resolve(a),
        annotationId,
        phrase: a.exact,
        anchor: annotationElement(annotationId)?.getBoundingClientRect() ?? null,
      });
    },
    setSource(annotationId, sourceId) {
      void write(() => client.setAnnotationSource({ annotationId, source: sourceId === null ? null : { id: sourceId } }));
    },
    link(attributionId, claimIds) {
      void write(() => client.linkClaims({ attributionId, claimIds: [...claimIds] }));
    },
    unlink(attributionId, claimIds) {
      void write(() => client.unlinkClaims({ attributionId, claimIds: [...claimIds] }));
    },
    deleteAnnotation(id) {
      // Flags left with one claim dissolve: ask first.
      const dissolves = (store.getState().ix.flagsOf.get(id) ?? []).filter((f) => f.memberIds.length <= 2);
      if (dissolves.length > 0) deps.confirmDelete(id, dissolves);
      else void deleteAnnotationNow(deps, id);
    },
    flagSelection() {
      const { selection, ix } = store.getState();
      const ids = selectedIds(selection).filter((id) => ix.byId.get(id)?.kind === 'claim');
      if (ids.length < 2) {
        toast('Select two or more claims to flag: click one, Ctrl+click the others, then press I', 'info');
        return;
      }
      deps.draftFlag(ids);
    },
    updateFlag(id, patch) {
      // From the open document: its undo takes the edit back, also for a flag spanning documents.
      void write(() => client.updateFlag({ id, documentId: documentId(), ...patch }));
    },
    deleteFlag(id) {
      void write(() => client.deleteFlag({ id, documentId: documentId() }));
    },
    async createSource(fields) {
      return (await write(() => client.createSource({ ...fields, documentId: documentId() })))?.source;
    },
    updateSource(id, patch) {
      void write(() => client.updateSource({ id, documentId: documentId(), ...patch }));
    },
    async mergeSources(intoId, fromId) {
      const from = store.getState().ix.sourceById.get(fromId);
      const r = await write(() => client.mergeSources({ intoId, fromId, documentId: documentId() }));
      if (r) toast(`Merged ${from ? `“${from.name}”` : 'the source'} into “${r.source.name}”`, 'info');
    },
    deleteSource(id) {
      void write(() => client.deleteSource({ id, documentId: documentId() }));
    },
  };
}
