import { CLAIM_STATUS_LABELS, CREDIBILITY_LABELS } from '../../../common/labels';

export { CREDIBILITY_LABELS, FLAG_STATUS_LABELS, RELIABILITY_LABELS, SOURCE_TYPE_LABELS } from '../../../common/labels';
export const STATUS_LABELS = CLAIM_STATUS_LABELS;

export function credibilityText(credibility: number | null): string {
  if (credibility === null) return '';
  return `${credibility} ${CREDIBILITY_LABELS[credibility] ?? ''}`.trim();
}
