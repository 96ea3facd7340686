import type { Block, ClaimStatus, DocumentRecord, DocumentState, FlagStatus, Metadata, Reliability, SourceType, Verdict } from '../../../common/domain';

/** What every exporter reads: one document and everything annotated on it. */
export interface ReportInput {
  document: DocumentRecord;
  state: DocumentState;
  /** ISO 8601 time shown as the report's date. Default: now. */
  generatedAt?: string;
  /**
   * Show the document's whole local path in the reports. Default false: only the file name, so a
   * shared report does not give away the analyst's user name and folders.
   */
  includePath?: boolean;
  /** The analyst's name for the report's header and the PDF's author; none when empty. */
  analyst?: string;
  /** The language (BCP 47) dates are written in. Default en-GB. */
  locale?: string;
  /** The time zone (IANA) times are shown in. Default UTC. */
  timeZone?: string;
}

/**
 * What `fromJsonLd` returns: the annotations of one document, keyed by the refs (IRIs) of the file,
 * ready for a service to insert with fresh ids.
 */
export interface ImportedAnnotations {
  document: ImportedDocumentInfo;
  /** The analyst's verdict and summary on the whole document, when the file carries one. */
  assessment?: { verdict: Verdict; summary: string };
  sources: ImportedSource[];
  annotations: ImportedAnnotation[];
  links: ImportedLink[];
  flags: ImportedFlag[];
}

export interface ImportedDocumentInfo {
  /** The target IRI, e.g. urn:claimscope:document:<sha256>. */
  iri?: string;
  sha256?: string;
  title?: string;
  format?: string;
  text?: string;
  blocks?: Block[];
  metadata?: Metadata;
}

export interface ImportedSource {
  ref: string;
  name: string;
  type: SourceType;
  aliases: string[];
  reliability: Reliability;
  note: string;
}

export interface ImportedAnnotation {
  ref: string;
  kind: 'claim' | 'attribution';
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: ClaimStatus;
  credibility: number | null;
  note: string;
  orphan: boolean;
  createdAt?: string;
}

/** An annotation citing a source, or an attribution (or claim) pointing at a claim. */
export interface ImportedLink {
  fromRef: string;
  toAnnotationRef?: string;
  toSourceRef?: string;
}

export interface ImportedFlag {
  ref: string;
  explanation: string;
  status: FlagStatus;
  note: string;
  memberRefs: string[];
}
