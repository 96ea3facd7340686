import type { AnnotationKind, ClaimStatus, FlagStatus, SourceType } from './domain';

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
