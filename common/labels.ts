import type { ClaimStatus, FlagStatus, SourceType } from './domain';

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
