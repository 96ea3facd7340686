import type { ClaimStatus, FlagStatus, Reliability, SourceType } from '../../../common/domain';

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

export const STATUS_LABELS: Record<ClaimStatus, string> = {
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

export function credibilityText(credibility: number | null): string {
  if (credibility === null) return '';
  return `${credibility} ${CREDIBILITY_LABELS[credibility] ?? ''}`.trim();
}
