import type { ClaimStatus, FlagStatus, NewSource, Reliability, Source, SourceType } from '../../../common/domain';

/** Everything the panel and details pane can ask for. One stable object: rows never re-render for it. */
export interface WorkflowActions {
  /** Selects an annotation (or adds it to the selection), scrolls the editor to it and flashes it. */
  reveal(id: number, add?: boolean): void;
  /** Selects several annotations (a flag's claims) and reveals the first. */
  revealAll(ids: readonly number[]): void;
  setStatus(ids: readonly number[], status: ClaimStatus): void;
  setCredibility(ids: readonly number[], credibility: number | null): void;
  saveAnnotationNote(id: number, markdown: string): void;
  /** Opens the source prompt for an annotation. */
  chooseSource(annotationId: number): void;
  setSource(annotationId: number, sourceId: number | null): void;
  link(attributionId: number, claimIds: readonly number[]): void;
  unlink(attributionId: number, claimIds: readonly number[]): void;
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
