// Domain types shared by every process. Schemas are the single definition; types are inferred.
import { z } from 'zod';
import { EXPORT_FORMAT_IDS } from './formats';

export const ANNOTATION_KINDS = ['claim', 'attribution'] as const;
export const AnnotationKind = z.enum(ANNOTATION_KINDS);
export type AnnotationKind = z.infer<typeof AnnotationKind>;

export const CLAIM_STATUSES = ['unverified', 'supported', 'disputed', 'refuted', 'retracted'] as const;
export const ClaimStatus = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/** Admiralty information credibility: 1 confirmed ... 5 improbable, 6 cannot be judged. */
export const Credibility = z.number().int().min(1).max(6);
/** Admiralty source reliability: A completely reliable ... E unreliable, F cannot be judged. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const Reliability = z.enum(RELIABILITY_GRADES);
export type Reliability = z.infer<typeof Reliability>;

export const SOURCE_TYPES = ['person', 'organisation', 'outlet', 'document', 'other'] as const;
export const SourceType = z.enum(SOURCE_TYPES);
export type SourceType = z.infer<typeof SourceType>;

export const FLAG_STATUSES = ['open', 'confirmed', 'explained', 'dismissed'] as const;
export const FlagStatus = z.enum(FLAG_STATUSES);
export type FlagStatus = z.infer<typeof FlagStatus>;

/** The analyst's bottom line on a whole document, from best to worst; 'unassessed' until they judge it. */
export const VERDICTS = ['unassessed', 'reliable', 'mostly_reliable', 'mixed', 'misleading', 'false'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

/** The limits every write path holds to: the API's schemas and an imported annotation file alike. */
export const LIMITS = {
  note: 100_000,
  explanation: 2000,
  flagMembers: 100,
  aliases: 100,
  sourceName: 200,
  /** The free-text summary of a document's assessment. */
  summary: 20_000,
  analystName: 200,
} as const;

export const Id = z.number().int().positive();
/** Offsets are JavaScript string indices (UTF-16 code units) into the document's plain text. */
export const Offset = z.number().int().min(0);

export const TextPositionSelector = z.object({ start: Offset, end: Offset });
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;
export const TextQuoteSelector = z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() });
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/**
 * A 'table' block's text is its grid: cells separated by a tab, rows by a line break (a cell's own
 * text never holds either); rows may have fewer cells than the widest, and a merged cell is followed
 * by empty ones where it spans.
 */
export const BLOCK_TYPES = ['paragraph', 'heading', 'listItem', 'blockquote', 'table'] as const;
export const InlineStyle = z.object({
  type: z.enum(['bold', 'italic']),
  start: Offset,
  end: Offset,
});
/** One block of the document's structure: a range of the plain text shown as a paragraph, heading... */
export const Block = z.object({
  type: z.enum(BLOCK_TYPES),
  start: Offset,
  end: Offset,
  level: z.number().int().min(1).max(6).optional(),
  ordered: z.boolean().optional(),
  /** A table whose first row is its header. */
  header: z.boolean().optional(),
  styles: z.array(InlineStyle).optional(),
});
export type Block = z.infer<typeof Block>;

export const Metadata = z.object({
  author: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
  pages: z.array(z.object({ page: z.number().int().positive(), start: Offset, end: Offset })).optional(),
}).catchall(z.string());
export type Metadata = z.infer<typeof Metadata>;

export const DocumentSummary = z.object({
  id: Id,
  title: z.string(),
  path: z.string().nullable(),
  format: z.string(),
  chars: z.number().int(),
  importedAt: z.string(),
  annotationCount: z.number().int(),
  /** 1 for a first import; a new file content at the same path makes the next version. */
  version: z.number().int().positive(),
  previousId: Id.nullable(),
  /** 'annotations': created from the text an annotation file carried, not from the document's own file. Absent: from its file. */
  origin: z.enum(['file', 'annotations']).optional(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentRecord = DocumentSummary.extend({
  text: z.string(),
  blocks: z.array(Block),
  sha256: z.string(),
  metadata: Metadata,
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

export const Annotation = z.object({
  id: Id,
  documentId: Id,
  kind: AnnotationKind,
  start: Offset,
  end: Offset,
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  status: ClaimStatus,
  credibility: Credibility.nullable(),
  note: z.string(),
  orphan: z.boolean(),
  createdAt: z.string(),
  /** The words it had before a new version of the document re-anchored it onto different ones. */
  changedFrom: z.string().nullable().optional(),
  /** The version whose text changed its words; null once the analyst has reviewed the change. */
  changedInVersion: z.number().int().nullable().optional(),
  /** Who made it and who changed it last (a workspace member, or the analyst's name); absent when unknown. */
  createdBy: z.string().optional(),
  changedBy: z.string().optional(),
});
export type Annotation = z.infer<typeof Annotation>;

export const Source = z.object({
  id: Id,
  name: z.string(),
  type: SourceType,
  aliases: z.array(z.string()),
  reliability: Reliability,
  note: z.string(),
});
export type Source = z.infer<typeof Source>;

/** A source's name or alias: trimmed, never empty. */
export const SourceName = z.string().trim().min(1).max(LIMITS.sourceName);
/** What the analyst gives for a new source; the rest defaults (type other, reliability F). */
export const NewSource = z.strictObject({
  name: SourceName,
  type: SourceType.optional(),
  aliases: z.array(SourceName).max(LIMITS.aliases).optional(),
  reliability: Reliability.optional(),
  note: z.string().max(LIMITS.note).optional(),
});
export type NewSource = z.infer<typeof NewSource>;

/** An attribution (or claim) citing a source, or an attribution covering a claim. */
export const Link = z.object({
  id: Id,
  fromId: Id,
  toAnnotationId: Id.nullable(),
  toSourceId: Id.nullable(),
});
export type Link = z.infer<typeof Link>;

export const Flag = z.object({
  id: Id,
  documentId: Id,
  explanation: z.string(),
  status: FlagStatus,
  note: z.string(),
  memberIds: z.array(Id),
  /**
   * Set when the flagged claims are in more than one document (a cross-document contradiction
   * accepted in a case): every member with its document's id and title and its words, so a
   * document showing the flag can name the passages it does not hold.
   */
  across: z.array(z.object({ annotationId: Id, documentId: Id, title: z.string(), exact: z.string() })).optional(),
  createdBy: z.string().optional(),
  changedBy: z.string().optional(),
});
export type Flag = z.infer<typeof Flag>;
export type FlagPassage = NonNullable<Flag['across']>[number];

/** The analyst's bottom-line assessment of one document: a verdict and a summary (Markdown). */
export const Assessment = z.object({
  id: Id,
  documentId: Id,
  verdict: Verdict,
  summary: z.string(),
  /** ISO 8601, UTC: when the verdict or summary last changed. */
  updatedAt: z.string(),
});
export type Assessment = z.infer<typeof Assessment>;

/** The analyst's settings: not part of any document, not undoable. */
export const Settings = z.object({
  /** Shown in every report's header and as the PDF's author; '' when not set. */
  analystName: z.string(),
});
export type Settings = z.infer<typeof Settings>;

/** A case (issue 14): a named set of documents about one event; a document may sit in several. */
export const CaseName = z.string().trim().min(1).max(200);
export const CaseSummary = z.object({
  id: Id,
  name: z.string(),
  /** ISO 8601, UTC. */
  createdAt: z.string(),
  /** The case's documents in their order (position). */
  documentIds: z.array(Id),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CLAIM_STANCES = ['states', 'contradicts'] as const;
export const ClaimStance = z.enum(CLAIM_STANCES);
export type ClaimStance = z.infer<typeof ClaimStance>;
/** A passage (annotation) of one of the case's documents in a claim group, and how it stands to the claim. */
export const ClaimGroupMember = z.object({
  id: Id,
  annotationId: Id,
  documentId: Id,
  stance: ClaimStance,
  /** The claim's words and place in its document, read with the member (for the matrix and reports). */
  exact: z.string(),
  start: Offset,
  end: Offset,
});
export type ClaimGroupMember = z.infer<typeof ClaimGroupMember>;
/**
 * Passages of a case's documents the analyst matched as stating (or contradicting) one claim. A group
 * with a contradicting member is a cross-document inconsistency: accepting the assistant's
 * cross-document contradiction makes one, its explanation as the label.
 */
export const ClaimGroup = z.object({
  id: Id,
  caseId: Id,
  label: z.string(),
  createdAt: z.string(),
  /** The analyst's Admiralty credibility for the claim (1 confirmed ... 6 cannot be judged); null until decided. */
  credibility: Credibility.nullable(),
  members: z.array(ClaimGroupMember),
});
export type ClaimGroup = z.infer<typeof ClaimGroup>;

/** An ACH hypothesis: a column of the case matrix. */
export const Hypothesis = z.object({ id: Id, caseId: Id, label: z.string(), position: z.number().int(), createdAt: z.string() });
export type Hypothesis = z.infer<typeof Hypothesis>;
export const ACH_MARKS = ['consistent', 'inconsistent', 'not_applicable'] as const;
export const AchMark = z.enum(ACH_MARKS);
export type AchMark = z.infer<typeof AchMark>;
/** The analyst's mark of one claim group against one hypothesis. */
export const AchMarkRecord = z.object({ id: Id, hypothesisId: Id, groupId: Id, mark: AchMark });
export type AchMarkRecord = z.infer<typeof AchMarkRecord>;

/**
 * Corroboration and independence of one claim group, computed from its members and the attribution
 * links of their documents (never stored): who states it, who contradicts it, how many of them are
 * independent (two documents relying on the same source count once), and the Admiralty credibility
 * proposed from that; the analyst decides (ClaimGroup.credibility).
 */
export const GroupEvidence = z.object({
  groupId: Id,
  /** Documents with a passage stating the claim, and with one contradicting it. */
  stating: z.array(Id),
  contradicting: z.array(Id),
  /** The sources the members rely on (their attributions' sources, else the document's outlet), with who states what. */
  sources: z.array(
    z.object({ sourceId: Id.nullable(), name: z.string(), reliability: Reliability.nullable(), stance: ClaimStance, documentIds: z.array(Id) }),
  ),
  /** Independent sources stating / contradicting the claim. */
  independentStating: z.number().int().min(0),
  independentContradicting: z.number().int().min(0),
  proposed: Credibility,
  /** One sentence: why that grade ("stated by 3 independent sources (TASS, Reuters, WH), none contradicts"). */
  reason: z.string(),
});
export type GroupEvidence = z.infer<typeof GroupEvidence>;

/** Everything the editor needs about one document's annotations. */
export const DocumentState = z.object({
  annotations: z.array(Annotation),
  links: z.array(Link),
  flags: z.array(Flag),
  sources: z.array(Source),
  /** The document's assessment; null (or absent) until the analyst writes one. */
  assessment: Assessment.nullable().optional(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});
export type DocumentState = z.infer<typeof DocumentState>;

/** The rows one kind of record gained or changed (whole, as read back) and the ids it lost. */
function delta<T extends z.ZodType>(item: T) {
  return z.object({ upserted: z.array(item), removed: z.array(Id) });
}

export const EXPORT_FORMATS = EXPORT_FORMAT_IDS;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const ExportedFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** Text formats come as UTF-8 text, PDF as base64. */
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

const DiffSpan = z.object({ start: Offset, end: Offset, text: z.string() });
export const VersionDiff = z.object({
  previousId: Id.nullable(),
  added: z.array(DiffSpan),
  removed: z.array(DiffSpan),
  changed: z.array(z.object({ old: DiffSpan, new: DiffSpan })),
});
export type VersionDiff = z.infer<typeof VersionDiff>;

const SuggestSpan = z.object({ start: Offset, end: Offset, text: z.string() });
export type SuggestSpan = z.infer<typeof SuggestSpan>;
export const INCONSISTENCY_KINDS = ['count', 'ordinal', 'amount', 'percent', 'duration', 'date', 'weekday'] as const;
export type InconsistencyKind = (typeof INCONSISTENCY_KINDS)[number];
/** What the assistant proposes; the analyst accepts or rejects. Same shape as `cli suggest --json`. */
export const SuggestionBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inconsistency'), kind: z.enum(INCONSISTENCY_KINDS), explanation: z.string(), spans: z.array(SuggestSpan) }),
  z.object({ type: z.literal('attribution'), source: z.string(), cue: z.string(), span: SuggestSpan }),
  z.object({ type: z.literal('claim'), score: z.number().min(0).max(1), span: SuggestSpan }),
]);
export type SuggestionBody = z.infer<typeof SuggestionBody>;
/** A passage of one document of a case: a suggestion span with the document it is in. */
export const CaseSpan = SuggestSpan.extend({ documentId: Id });
export type CaseSpan = z.infer<typeof CaseSpan>;
export const CORROBORATION_KINDS = ['count', 'ordinal', 'amount', 'percent', 'duration', 'date'] as const;
/**
 * What the assistant proposes across a case's documents (`cli case suggest --json`): the same shape
 * as a single document's inconsistency, each span carrying its documentId; a corroboration is two
 * passages of different documents stating the same referent with the same figure.
 */
export const CaseSuggestion = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inconsistency'), kind: z.enum(INCONSISTENCY_KINDS), explanation: z.string(), spans: z.array(CaseSpan) }),
  z.object({ type: z.literal('corroboration'), kind: z.enum(CORROBORATION_KINDS), explanation: z.string(), spans: z.array(CaseSpan) }),
]);
export type CaseSuggestion = z.infer<typeof CaseSuggestion>;
export const SUGGESTION_STATES = ['pending', 'accepted', 'rejected'] as const;
export const StoredSuggestion = z.object({ id: Id, state: z.enum(SUGGESTION_STATES), suggestion: SuggestionBody });
export type StoredSuggestion = z.infer<typeof StoredSuggestion>;

/**
 * What one write changed, as the operation log recorded it: every write of the API answers with
 * one, and the renderer applies it instead of reloading the document. Rows of other documents are
 * left out (a source merge may touch them; they reload when opened). `history` is the undo state of
 * the document the write was made in, null when it was made outside any document.
 */
export const ChangeSet = z.object({
  documentId: Id.nullable(),
  annotations: delta(Annotation),
  links: delta(Link),
  flags: delta(Flag),
  sources: delta(Source),
  suggestions: delta(StoredSuggestion),
  /** The document's assessment, when the write changed it (absent: unchanged). */
  assessments: delta(Assessment).optional(),
  history: z.object({ canUndo: z.boolean(), canRedo: z.boolean() }).nullable(),
  /** Claim groups the write changed (absent: none); members are read back whole. */
  claimGroups: delta(ClaimGroup).optional(),
  /** Hypotheses and ACH marks the write changed (absent: none). */
  hypotheses: delta(Hypothesis).optional(),
  achMarks: delta(AchMarkRecord).optional(),
  /** A write made in a case (claim groups): that case's undo state. */
  caseHistory: z.object({ caseId: Id, canUndo: z.boolean(), canRedo: z.boolean() }).optional(),
});
export type ChangeSet = z.infer<typeof ChangeSet>;
