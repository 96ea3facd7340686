import { useCallback } from 'react';
import type { Client } from '../../../common/api';
import type { Assessment, Verdict } from '../../../common/domain';
import type { DocumentStore } from '../store/documentStore';
import { useDocState } from '../store/useDocState';
import type { Write } from '../workflow/useWriter';

export interface AssessmentApi {
  /** The open document's id; null when none is open. */
  documentId: number | null;
  /** Its assessment as the store holds it (every write's and undo's change set keeps it current). */
  assessment: Assessment | null;
  /** Saves a verdict, a summary or both for a document: one undoable step through the writer. */
  save(documentId: number, patch: { verdict?: Verdict; summary?: string }): Promise<boolean>;
}

/** The open document's bottom line, read from the store and written through the API. */
export function useAssessment(store: DocumentStore, client: Client, write: Write): AssessmentApi {
  const documentId = useDocState(store, (s) => s.document?.id ?? null);
  const assessment = useDocState(store, (s) => s.assessment);
  const save = useCallback(
    async (id: number, patch: { verdict?: Verdict; summary?: string }) => (await write(() => client.setAssessment({ documentId: id, ...patch }))) !== undefined,
    [client, write],
  );
  return { documentId, assessment, save };
}
