// The one description of the API: each method's input and output schema. Main's handler table,
// the preload bridge and the browser client are all typed from it.
import { z } from 'zod';
import {
  Annotation,
  AnnotationKind,
  ClaimStatus,
  Credibility,
  DocumentRecord,
  ChangeSet,
  DocumentState,
  DocumentSummary,
  ExportedFile,
  ExportFormat,
  Flag,
  FlagStatus,
  Id,
  LIMITS,
  NewSource,
  Reliability,
  Source,
  SourceName,
  SourceType,
  StoredSuggestion,
  VersionDiff,
  Offset,
  Assessment,
  Settings,
  Verdict,
  CaseName,
  CaseSummary,
  CaseSuggestion,
  ClaimGroup,
  GroupEvidence,
  Hypothesis,
  AchMark,
  AchMarkRecord,
  ClaimStance,
} from './domain';
import type { MethodName } from './methods';
import { SyncConflictSchema, WorkspaceStatusSchema } from './workspace';

const MAX_PATH = 4096;
import { MAX_IMPORT_BYTES } from './formats';

/** Imports are capped at MAX_IMPORT_BYTES of file; base64 grows that by a third. */
export { MAX_IMPORT_BYTES };

const DocumentRef = z.strictObject({ documentId: Id });
/** Every write answers with what it changed (see ChangeSet), plus what it made, where it made one. */
const Written = z.object({ changes: ChangeSet });
const Imported = z.object({ document: DocumentSummary, existing: z.boolean() });

/**
 * How to read a file being imported (the open dialog's choices, the CLI's import options).
 * `encoding`: text, Markdown and HTML files are decoded with this instead of the detected encoding
 * (a WHATWG label: utf-8, shift_jis, euc-jp, gb18030, big5, euc-kr, windows-1251, koi8-r,
 * iso-8859-2...; `isEncodingLabel` in formats.ts checks one; the import refuses an unknown name in
 * one line naming the file); Word and PDF files carry their own and ignore it. `wholePage`: a web page keeps
 * every readable part (comments, related boxes) instead of the article only. The same bytes
 * imported with other choices than the stored document's make a new document (or version).
 */
export const ImportChoices = {
  encoding: z.string().min(1).max(40).optional(),
  wholePage: z.boolean().optional(),
};

/** A BCP 47 language tag the report's dates are written in (de-DE, en-GB...). */
export const DEFAULT_LOCALE = 'en-GB';
/** An IANA time zone the report's times are shown in (Europe/Berlin...). */
export const DEFAULT_TIME_ZONE = 'UTC';
export const ReportLocale = z
  .string()
  .min(2)
  .max(64)
  .refine((tag) => {
    try {
      return new Intl.Locale(tag).baseName.length > 0;
    } catch {
      return false;
    }
  }, { message: 'not a language tag such as en-GB or de-DE' });
export const ReportTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, { message: 'not a time zone such as Europe/Berlin or UTC' });
const AnalystName = z.string().trim().max(LIMITS.analystName);

export const api = {
  listDocuments: {
    input: z.strictObject({}),
    output: z.object({ documents: z.array(DocumentSummary) }),
  },
  getDocument: {
    input: z.strictObject({ id: Id }),
    output: z.object({ document: DocumentRecord, state: DocumentState }),
  },
  getState: {
    input: DocumentRef,
    output: DocumentState,
  },
  importFile: {
    input: z.strictObject({ path: z.string().min(1).max(MAX_PATH), ...ImportChoices }),
    output: Imported,
  },
  importBytes: {
    input: z.strictObject({
      name: z.string().min(1).max(255),
      dataBase64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
      ...ImportChoices,
    }),
    output: Imported,
  },
  deleteDocument: {
    input: z.strictObject({ id: Id }),
    output: z.object({ deleted: Id }),
  },
  createAnnotation: {
    input: z
      .strictObject({ documentId: Id, kind: AnnotationKind, start: Offset, end: Offset })
      .refine((a) => a.end > a.start, { message: 'end must be greater than start' }),
    /** `changes` includes the links made by default (an attribution covers the claims of its sentence or the next). */
    output: Written.extend({ annotation: Annotation }),
  },
  updateAnnotation: {
    input: z.strictObject({
      id: Id,
      status: ClaimStatus.optional(),
      credibility: Credibility.nullable().optional(),
      note: z.string().max(LIMITS.note).optional(),
      /** The analyst has looked at the words a new version gave it: the "changed" mark goes (undoable). */
      reviewedChange: z.literal(true).optional(),
    }),
    output: Written.extend({ annotation: Annotation }),
  },
  deleteAnnotation: {
    input: z.strictObject({ id: Id }),
    output: Written.extend({ deleted: Id }),
  },
  createSource: {
    /** documentId: the document the analyst is working in, whose undo history records the action. */
    input: NewSource.extend({ documentId: Id.optional() }),
    output: Written.extend({ source: Source }),
  },
  updateSource: {
    input: z.strictObject({
      id: Id,
      documentId: Id.optional(),
      name: SourceName.optional(),
      type: SourceType.optional(),
      aliases: z.array(SourceName).max(LIMITS.aliases).optional(),
      reliability: Reliability.optional(),
      note: z.string().max(LIMITS.note).optional(),
    }),
    output: Written.extend({ source: Source }),
  },
  mergeSources: {
    /** Moves every link of `fromId` to `intoId`, keeps its name and aliases as aliases, deletes it. */
    input: z
      .strictObject({ intoId: Id, fromId: Id, documentId: Id.optional() })
      .refine((m) => m.intoId !== m.fromId, { message: 'a source cannot be merged into itself' }),
    output: Written.extend({ source: Source }),
  },
  deleteSource: {
    input: z.strictObject({ id: Id, documentId: Id.optional() }),
    output: Written.extend({ deleted: Id }),
  },
  setAnnotationSource: {
    /** The source an attribution (or claim) cites: an existing one, a new one, or none. */
    input: z.strictObject({
      annotationId: Id,
      source: z.union([z.strictObject({ id: Id }), z.strictObject({ create: NewSource })]).nullable(),
    }),
    output: Written.extend({ source: Source.nullable() }),
  },
  linkClaims: {
    input: z.strictObject({ attributionId: Id, claimIds: z.array(Id).min(1).max(1000) }),
    output: Written,
  },
  unlinkClaims: {
    input: z.strictObject({ attributionId: Id, claimIds: z.array(Id).min(1).max(1000) }),
    output: Written,
  },
  createFlag: {
    input: z.strictObject({
      documentId: Id,
      memberIds: z.array(Id).min(2).max(LIMITS.flagMembers),
      explanation: z.string().max(LIMITS.explanation).optional(),
      status: FlagStatus.optional(),
      note: z.string().max(LIMITS.note).optional(),
    }),
    output: Written.extend({ flag: Flag }),
  },
  updateFlag: {
    input: z.strictObject({
      id: Id,
      /** The document the edit is made from (its undo history holds it): one the flag spans; default its first. */
      documentId: Id.optional(),
      memberIds: z.array(Id).min(2).max(LIMITS.flagMembers).optional(),
      explanation: z.string().max(LIMITS.explanation).optional(),
      status: FlagStatus.optional(),
      note: z.string().max(LIMITS.note).optional(),
    }),
    output: Written.extend({ flag: Flag }),
  },
  deleteFlag: {
    /** documentId: as for updateFlag. */
    input: z.strictObject({ id: Id, documentId: Id.optional() }),
    output: Written.extend({ deleted: Id }),
  },
  undo: {
    input: DocumentRef,
    /** label: the step undone or redone; null when there was none. */
    output: Written.extend({ label: z.string().nullable() }),
  },
  redo: {
    input: DocumentRef,
    /** label: the step undone or redone; null when there was none. */
    output: Written.extend({ label: z.string().nullable() }),
  },
  exportReport: {
    /**
     * locale and timeZone: how the report writes its dates and times (the analyst's, from the app or
     * the CLI's environment). analyst: a name for this report only, instead of the stored setting.
     */
    input: z.strictObject({
      documentId: Id,
      format: ExportFormat,
      locale: ReportLocale.default(DEFAULT_LOCALE),
      timeZone: ReportTimeZone.default(DEFAULT_TIME_ZONE),
      analyst: AnalystName.optional(),
    }),
    output: ExportedFile,
  },
  setAssessment: {
    /** The document's bottom line: its verdict and summary (Markdown); one undoable step. */
    input: z.strictObject({
      documentId: Id,
      verdict: Verdict.optional(),
      summary: z.string().max(LIMITS.summary).optional(),
    }),
    /** assessment: as it stands after the write; null when the document still has none. */
    output: Written.extend({ assessment: Assessment.nullable() }),
  },
  getSettings: {
    input: z.strictObject({}),
    output: z.object({ settings: Settings }),
  },
  updateSettings: {
    /** Not undoable: settings belong to the analyst, not to a document. */
    input: z.strictObject({ analystName: AnalystName.optional() }),
    output: z.object({ settings: Settings }),
  },
  importAnnotations: {
    /** A W3C Web Annotation JSON-LD export; its document is found by content or created from it. */
    input: z.strictObject({
      name: z.string().min(1).max(255),
      json: z.string().min(1).max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3)),
    }),
    output: z.object({
      documentId: Id,
      created: z.object({ annotations: z.number().int(), sources: z.number().int(), links: z.number().int(), flags: z.number().int() }),
    }),
  },
  getVersionDiff: {
    input: DocumentRef,
    output: VersionDiff,
  },
  runSuggestions: {
    /** Starts the assistant on a document (off the main thread); results arrive through listSuggestions. */
    input: DocumentRef,
    output: z.object({ running: z.boolean() }),
  },
  listSuggestions: {
    input: DocumentRef,
    output: z.object({
      suggestions: z.array(StoredSuggestion),
      running: z.boolean(),
      /** 0..1 while running; 1 when done. */
      progress: z.number().min(0).max(1),
      error: z.string().nullable(),
    }),
  },
  acceptSuggestions: {
    /** Accepts the given suggestions, or every pending one of a type (and kind), in one undoable step. */
    input: z.strictObject({
      documentId: Id,
      ids: z.array(Id).max(100_000).optional(),
      type: z.enum(['inconsistency', 'attribution', 'claim']).optional(),
      minScore: z.number().min(0).max(1).optional(),
    }),
    output: Written.extend({
      accepted: z.number().int(),
      created: z.object({ claims: z.number().int(), attributions: z.number().int(), sources: z.number().int(), links: z.number().int(), flags: z.number().int() }),
    }),
  },
  rejectSuggestions: {
    input: z.strictObject({ documentId: Id, ids: z.array(Id).min(1).max(100_000) }),
    output: Written.extend({ rejected: z.number().int() }),
  },

  // Cases (issue 14): a named set of documents; claim groups match passages across them.
  listCases: {
    input: z.strictObject({}),
    output: z.object({ cases: z.array(CaseSummary) }),
  },
  createCase: {
    /** Not undoable (filing, like settings); names are unique, compared without case. */
    input: z.strictObject({ name: CaseName }),
    output: z.object({ case: CaseSummary }),
  },
  renameCase: {
    input: z.strictObject({ id: Id, name: CaseName }),
    output: z.object({ case: CaseSummary }),
  },
  deleteCase: {
    /** Its claim groups, hypotheses and undo history go with it; its documents stay in the library. */
    input: z.strictObject({ id: Id }),
    output: z.object({ deleted: Id }),
  },
  addToCase: {
    /** Appends documents to the case in the order given; one already there keeps its place. */
    input: z.strictObject({ caseId: Id, documentIds: z.array(Id).min(1).max(1000) }),
    output: z.object({ case: CaseSummary }),
  },
  removeFromCase: {
    /** The document leaves the case (not the library); its passages stay in claim groups until removed. */
    input: z.strictObject({ caseId: Id, documentId: Id }),
    output: z.object({ case: CaseSummary }),
  },
  getCase: {
    /** The case, its documents in order with counts of their tags, its claim groups and its undo state. */
    input: z.strictObject({ id: Id }),
    output: z.object({
      case: CaseSummary,
      documents: z.array(
        z.object({
          document: DocumentSummary,
          claims: z.number().int(),
          attributions: z.number().int(),
          flags: z.number().int(),
          orphans: z.number().int(),
        }),
      ),
      claimGroups: z.array(ClaimGroup),
      /** One per claim group, same order. */
      evidence: z.array(GroupEvidence),
      hypotheses: z.array(Hypothesis),
      marks: z.array(AchMarkRecord),
      history: z.object({ caseId: Id, canUndo: z.boolean(), canRedo: z.boolean() }),
    }),
  },
  createClaimGroup: {
    /** One undoable step in the case; members are claims of the case's documents. */
    input: z.strictObject({
      caseId: Id,
      label: z.string().max(LIMITS.explanation).optional(),
      members: z.array(z.strictObject({ annotationId: Id, stance: ClaimStance.optional() })).max(LIMITS.flagMembers).optional(),
    }),
    output: Written.extend({ claimGroup: ClaimGroup }),
  },
  addToClaimGroup: {
    /** Adds a claim (default stance 'states'), or changes the stance of one already in the group. */
    input: z.strictObject({ groupId: Id, annotationId: Id, stance: ClaimStance.optional() }),
    output: Written.extend({ claimGroup: ClaimGroup }),
  },
  removeFromClaimGroup: {
    input: z.strictObject({ groupId: Id, annotationId: Id }),
    output: Written.extend({ claimGroup: ClaimGroup }),
  },
  deleteClaimGroup: {
    input: z.strictObject({ id: Id }),
    output: Written.extend({ deleted: Id }),
  },
  undoCase: {
    /** Undoes the case's last claim-group step; label null when there was none. */
    input: z.strictObject({ caseId: Id }),
    output: Written.extend({ label: z.string().nullable() }),
  },
  redoCase: {
    input: z.strictObject({ caseId: Id }),
    output: Written.extend({ label: z.string().nullable() }),
  },
  suggestCase: {
    /**
     * Cross-document contradictions and corroborations over the case's documents (same shape as
     * `case suggest --json`), without those the analyst dismissed or already grouped. Runs off the
     * main thread.
     */
    input: z.strictObject({ caseId: Id, corroborations: z.boolean().optional() }),
    output: z.object({ suggestions: z.array(CaseSuggestion) }),
  },
  caseSuggestionProgress: {
    /** While suggestCase runs on the case: its documents read so far, of how many (running false otherwise). */
    input: z.strictObject({ caseId: Id }),
    output: z.object({ running: z.boolean(), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  },
  acceptCaseSuggestion: {
    /**
     * One undoable case step: each span becomes a claim of its document (an existing claim over the
     * same words is reused) and the claims one claim group, labelled with the explanation; a
     * contradiction's first span states, the others contradict, and its claims become an open
     * inconsistency flag spanning their documents (`flagId`; null for a corroboration, or when the
     * suggestion was accepted before and nothing is written).
     * `tagged`: claims created.
     */
    input: z.strictObject({ caseId: Id, suggestion: CaseSuggestion }),
    output: Written.extend({ claimGroup: ClaimGroup, tagged: z.number().int(), flagId: Id.nullable() }),
  },
  dismissCaseSuggestion: {
    /** One undoable case step: the suggestion is not proposed again in this case. */
    input: z.strictObject({ caseId: Id, suggestion: CaseSuggestion }),
    output: Written,
  },
  updateClaimGroup: {
    /** Label and the analyst's credibility (null clears it); one undoable case step. */
    input: z.strictObject({ id: Id, label: z.string().max(LIMITS.explanation).optional(), credibility: Credibility.nullable().optional() }),
    output: Written.extend({ claimGroup: ClaimGroup }),
  },
  createHypothesis: {
    input: z.strictObject({ caseId: Id, label: z.string().trim().min(1).max(LIMITS.explanation) }),
    output: Written.extend({ hypothesis: Hypothesis }),
  },
  updateHypothesis: {
    input: z.strictObject({ id: Id, label: z.string().trim().min(1).max(LIMITS.explanation) }),
    output: Written.extend({ hypothesis: Hypothesis }),
  },
  deleteHypothesis: {
    /** Its marks go with it (one undoable step). */
    input: z.strictObject({ id: Id }),
    output: Written.extend({ deleted: Id }),
  },
  setAchMark: {
    /** The mark of a claim group against a hypothesis; null clears it. One undoable case step. */
    input: z.strictObject({ hypothesisId: Id, groupId: Id, mark: AchMark.nullable() }),
    output: Written,
  },
  exportCase: {
    /** The case report: matrix, contested claims with each document's passages, sources and grades. */
    input: z.strictObject({
      caseId: Id,
      format: ExportFormat,
      locale: ReportLocale.default(DEFAULT_LOCALE),
      timeZone: ReportTimeZone.default(DEFAULT_TIME_ZONE),
      analyst: AnalystName.optional(),
    }),
    output: ExportedFile,
  },
  workspaceStatus: {
    /** The team workspace this library is in (state local when none), and the writes waiting for it. */
    input: z.strictObject({}),
    output: z.object({ status: WorkspaceStatusSchema }),
  },
  connectWorkspace: {
    /** Joins a workspace: a postgres:// connection string; its password is kept out of the database. */
    input: z.strictObject({ url: z.string().trim().min(1).max(2000) }),
    output: z.object({ status: WorkspaceStatusSchema }),
  },
  syncWorkspace: {
    /** Push, then pull, now. */
    input: z.strictObject({}),
    output: z.object({
      pushed: z.number().int(),
      pulled: z.number().int(),
      conflicts: z.number().int(),
      refused: z.number().int(),
      status: WorkspaceStatusSchema,
    }),
  },
  leaveWorkspace: {
    /** Stops syncing; everything stays in this library. */
    input: z.strictObject({}),
    output: z.object({ status: WorkspaceStatusSchema }),
  },
  listConflicts: {
    /** What the workspace decided between analysts and has not been dismissed; of one document when given. */
    input: z.strictObject({ documentId: Id.optional() }),
    output: z.object({ conflicts: z.array(SyncConflictSchema) }),
  },
  dismissConflict: {
    input: z.strictObject({ id: Id }),
    output: z.object({ dismissed: Id }),
  },
} satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>;

export type Api = typeof api;
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = z.output<Api[M]['output']>;

/** Main's side: one handler per method; a missing one does not compile. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };
/** The renderer's side: every method returns a promise. */
export type Client = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

// The method list and the Api description must name the same methods, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodsMatch: Same<keyof Api, MethodName> = true;
void methodsMatch;
