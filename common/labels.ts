import type { AchMark, AnnotationKind, ClaimStance, ClaimStatus, FlagStatus, Reliability, SourceType, Verdict } from './domain';

// Words shown for the domain's enumerations, the same in the app and in every report.

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  unverified: 'Unverified',
  supported: 'Supported',
  disputed: 'Disputed',
  refuted: 'Refuted',
  retracted: 'Retracted',
};

export const FLAG_STATUS_LABELS: Record<FlagStatus, string> = {
  open: 'Open',
  confirmed: 'Confirmed',
  explained: 'Explained',
  dismissed: 'Dismissed',
};

/** A document's bottom-line verdict. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  unassessed: 'Not assessed',
  reliable: 'Reliable',
  mostly_reliable: 'Mostly reliable',
  mixed: 'Mixed',
  misleading: 'Misleading',
  false: 'False',
};

/** What each verdict says, for the picker's hint and the report. */
export const VERDICT_HINTS: Record<Verdict, string> = {
  unassessed: 'No bottom line yet.',
  reliable: 'The checked claims hold up and the sourcing is sound.',
  mostly_reliable: 'Sound overall; minor errors or gaps that do not change the story.',
  mixed: 'Some central claims hold up, others do not or cannot be checked.',
  misleading: 'Facts may be accurate but the framing, omissions or sourcing mislead.',
  false: 'The central claims are wrong.',
};

/** Admiralty source reliability, as analysts read it. */
export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

/** Admiralty information credibility, 1 to 6. */
export const CREDIBILITY_LABELS: Record<number, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

/** "B · Usually reliable": a grade with its words, as lists and pickers show it. */
export function reliabilityLabel(grade: Reliability): string {
  return `${grade} · ${RELIABILITY_LABELS[grade]}`;
}

/** "2 · Probably true". */
export function credibilityLabel(credibility: number): string {
  return `${credibility} · ${CREDIBILITY_LABELS[credibility] ?? ''}`;
}

/** How a passage stands to its claim group's claim. */
export const CLAIM_STANCE_LABELS: Record<ClaimStance, string> = {
  states: 'States',
  contradicts: 'Contradicts',
};

/** A cell of the case matrix: what one document says of one claim group. */
export const MATRIX_CELLS = ['stated', 'contradicted', 'both', 'silent'] as const;
export type MatrixCell = (typeof MATRIX_CELLS)[number];
export const MATRIX_CELL_LABELS: Record<MatrixCell, string> = {
  stated: 'Stated',
  contradicted: 'Contradicted',
  both: 'Stated and contradicted',
  silent: 'Silent',
};

/** The analyst's ACH mark of a claim group (evidence) against a hypothesis. */
export const ACH_MARK_LABELS: Record<AchMark, string> = {
  consistent: 'Consistent',
  inconsistent: 'Inconsistent',
  not_applicable: 'Not applicable',
};
/** The short forms an ACH matrix's cells show: C, I, N/A. */
export const ACH_MARK_SHORT: Record<AchMark, string> = {
  consistent: 'C',
  inconsistent: 'I',
  not_applicable: 'N/A',
};

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  person: 'Person',
  organisation: 'Organisation',
  outlet: 'Outlet',
  document: 'Document',
  other: 'Other',
};

/**
 * The annotation kinds, one row each: what the app, the reports and the assistant need to know of
 * a kind. Adding a kind is a row here, its value in ANNOTATION_KINDS (domain.ts) and a migration
 * that widens the annotations table's CHECK.
 */
export interface AnnotationKindInfo {
  label: string;
  plural: string;
  /** "a claim", "an attribution". */
  withArticle: string;
  /** The key that tags the sentence at the caret as this kind. */
  key: string;
  /** The letter before an id in report anchors (#c12). */
  anchor: string;
  /** Its truth is judged: status and credibility apply. */
  assessed: boolean;
  /** It says who said something: it cites a source and covers claims. */
  attributes: boolean;
  /** The W3C Web Annotation motivation it is exported with. */
  motivation: 'assessing' | 'identifying';
}

export const ANNOTATION_KIND_INFO: Record<AnnotationKind, AnnotationKindInfo> = {
  claim: { label: 'Claim', plural: 'Claims', withArticle: 'a claim', key: 'c', anchor: 'c', assessed: true, attributes: false, motivation: 'assessing' },
  attribution: {
    label: 'Attribution',
    plural: 'Attributions',
    withArticle: 'an attribution',
    key: 'a',
    anchor: 'a',
    assessed: false,
    attributes: true,
    motivation: 'identifying',
  },
};
