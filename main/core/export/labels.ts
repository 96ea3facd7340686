import type { Reliability } from '../../../common/domain';
import { CLAIM_STATUS_LABELS } from '../../../common/labels';

export { FLAG_STATUS_LABELS, SOURCE_TYPE_LABELS } from '../../../common/labels';
export const STATUS_LABELS = CLAIM_STATUS_LABELS;

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

export function credibilityText(credibility: number | null): string {
  if (credibility === null) return '';
  return `${credibility} ${CREDIBILITY_LABELS[credibility] ?? ''}`.trim();
}
