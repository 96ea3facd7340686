import { useMemo } from 'react';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { CLAIM_STATUSES, RELIABILITY_GRADES, type Source } from '../../../common/domain';
import { ChoiceSelect } from '../details/ChoiceSelect';
import type { Indexes } from '../store/indexes';
import { STATUS_LABEL, type AnnotationFilters, type KindFilter } from './model';

// The filters over the annotations list: kind, unsourced, status, source, grade; with how many
// are shown when any filter (or the search) is on.

export const ANY = 'any';
const statusOptions = [{ id: ANY, label: 'Any status' }, ...CLAIM_STATUSES.map((s) => ({ id: s, label: STATUS_LABEL[s] }))];
export const gradeOptions = [{ id: ANY, label: 'Any grade' }, ...RELIABILITY_GRADES.map((g) => ({ id: g, label: `Grade ${g}` }))];

interface Props {
  filters: AnnotationFilters;
  ix: Indexes;
  sources: readonly Source[];
  /** The analysts who made the document's tags (the filter shows when there is one). */
  analysts: readonly string[];
  /** How many are shown when filtered; null when nothing is filtered. */
  shown: number | null;
  total: number;
  onChange(update: (filters: AnnotationFilters) => AnnotationFilters): void;
  onClear(): void;
}

export function AnnotationFilterBar({ filters, ix, sources, analysts, shown, total, onChange, onClear }: Props) {
  const setFilter = <K extends keyof AnnotationFilters>(key: K, value: AnnotationFilters[K]) => onChange((f) => ({ ...f, [key]: value }));
  const sourceOptions = useMemo(
    () => [{ id: ANY, label: 'Any source' }, { id: 'none', label: 'No source' }, ...sources.map((s) => ({ id: String(s.id), label: `${s.name} (${s.reliability})` }))],
    [sources],
  );
  const analystOptions = useMemo(() => [{ id: ANY, label: 'All analysts' }, ...analysts.map((a) => ({ id: `by:${a}`, label: a }))], [analysts]);
  return (
    <div className="cs-filters">
      <ToggleButtonGroup
        aria-label="Kind"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[filters.kind]}
        onSelectionChange={(keys) => setFilter('kind', ([...keys][0] ?? 'all') as KindFilter)}
        className="cs-segmented"
      >
        <ToggleButton id="all" className="cs-segment">
          All
        </ToggleButton>
        <ToggleButton id="claim" className="cs-segment">
          Claims {ix.claims}
        </ToggleButton>
        <ToggleButton id="attribution" className="cs-segment">
          Attributions {ix.attributions}
        </ToggleButton>
      </ToggleButtonGroup>
      <ToggleButton className="cs-segment cs-unsourced-toggle" isSelected={filters.unsourced} onChange={(v) => setFilter('unsourced', v)}>
        Unsourced {ix.unsourced}
      </ToggleButton>
      <div className="cs-filter-row">
        <ChoiceSelect compact label="Filter by status" value={filters.status} options={statusOptions} onChange={(v) => setFilter('status', v as AnnotationFilters['status'])} />
        <ChoiceSelect
          compact
          label="Filter by source"
          value={String(filters.source)}
          options={sourceOptions}
          onChange={(v) => setFilter('source', v === ANY || v === 'none' ? v : Number(v))}
        />
        <ChoiceSelect compact label="Filter by grade" value={filters.grade} options={gradeOptions} onChange={(v) => setFilter('grade', v as AnnotationFilters['grade'])} />
        {(analysts.length > 0 || filters.analyst !== '') && (
          <ChoiceSelect
            compact
            label="Filter by analyst"
            value={filters.analyst === '' ? ANY : `by:${filters.analyst}`}
            options={analystOptions}
            onChange={(v) => setFilter('analyst', v === ANY ? '' : v.slice(3))}
          />
        )}
      </div>
      {shown !== null && (
        <div className="cs-hint cs-shown">
          {shown} of {total} shown{' '}
          <button type="button" className="cs-link-button" onClick={onClear}>
            Clear filters
          </button>
        </div>
      )}
    </div>
  );
}
