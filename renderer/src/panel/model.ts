import { RELIABILITY_GRADES, type Annotation, type AnnotationKind, type ClaimStatus, type Flag, type FlagStatus, type Reliability, type Source } from '../../../common/domain';
import { CLAIM_STATUS_LABELS, credibilityLabel, FLAG_STATUS_LABELS, reliabilityLabel } from '../../../common/labels';
import { isSourced, type Indexes } from '../store/indexes';

// What the panel and the details pane show of the document's state: filters, look-ups over the
// store's indexes, labels.

/** The sources behind an annotation: its own citation, and for a claim those of its attributions. */
export function sourcesOf(ix: Indexes, id: number): Source[] {
  const ids = new Set<number>();
  const own = ix.citedSource.get(id);
  if (own !== undefined) ids.add(own);
  for (const t of ix.attributionsOf.get(id) ?? []) {
    const s = ix.citedSource.get(t);
    if (s !== undefined) ids.add(s);
  }
  return [...ids].map((s) => ix.sourceById.get(s)).filter((s): s is Source => s !== undefined);
}

export type KindFilter = 'all' | AnnotationKind;

export interface AnnotationFilters {
  kind: KindFilter;
  status: ClaimStatus | 'any';
  /** A source id, 'none' for annotations without one, or 'any'. */
  source: number | 'none' | 'any';
  grade: Reliability | 'any';
  unsourced: boolean;
  search: string;
  /** Who made it (a workspace member's login); '' for everyone's. */
  analyst: string;
}

export const DEFAULT_FILTERS: AnnotationFilters = { kind: 'all', status: 'any', source: 'any', grade: 'any', unsourced: false, search: '', analyst: '' };

/** The analysts who made the annotations, in name order (empty outside a workspace). */
export function analystsOf(annotations: readonly Annotation[]): string[] {
  const names = new Set<string>();
  for (const a of annotations) if (a.createdBy) names.add(a.createdBy);
  return [...names].sort((x, y) => x.localeCompare(y));
}

function matches(text: string, needle: string): boolean {
  return needle === '' || text.toLowerCase().includes(needle);
}

export function filterAnnotations(sorted: readonly Annotation[], ix: Indexes, f: AnnotationFilters): Annotation[] {
  const needle = f.search.trim().toLowerCase();
  const plain = f.kind === 'all' && f.status === 'any' && f.source === 'any' && f.grade === 'any' && !f.unsourced && needle === '' && f.analyst === '';
  if (plain) return sorted as Annotation[];
  return sorted.filter((a) => {
    if (f.analyst !== '' && a.createdBy !== f.analyst) return false;
    if (f.unsourced && (a.kind !== 'claim' || isSourced(ix, a.id))) return false;
    if (f.kind !== 'all' && a.kind !== f.kind) return false;
    if (f.status !== 'any' && (a.kind !== 'claim' || a.status !== f.status)) return false;
    if (f.source !== 'any' || f.grade !== 'any' || needle) {
      const sources = sourcesOf(ix, a.id);
      if (f.source === 'none' && sources.length > 0) return false;
      if (typeof f.source === 'number' && !sources.some((s) => s.id === f.source)) return false;
      if (f.grade !== 'any' && !sources.some((s) => s.reliability === f.grade)) return false;
      if (needle && !matches(a.exact, needle) && !matches(a.note, needle) && !sources.some((s) => matches(s.name, needle))) return false;
    }
    return true;
  });
}

export function filterFlags(flags: readonly Flag[], ix: Indexes, status: FlagStatus | 'any', search: string): Flag[] {
  const needle = search.trim().toLowerCase();
  return flags.filter((fl) => {
    if (status !== 'any' && fl.status !== status) return false;
    if (!needle) return true;
    return (
      matches(fl.explanation, needle) ||
      matches(fl.note, needle) ||
      fl.memberIds.some((m) => matches(ix.byId.get(m)?.exact ?? '', needle))
    );
  });
}

export function filterSources(sources: readonly Source[], grade: Reliability | 'any', search: string): Source[] {
  const needle = search.trim().toLowerCase();
  return sources.filter(
    (s) =>
      (grade === 'any' || s.reliability === grade) &&
      (!needle || matches(s.name, needle) || s.aliases.some((a) => matches(a, needle)) || matches(s.note, needle)),
  );
}

/** Members of the flags an annotation sits in, in flag order then member order, without repeats. */
export function flagPeers(ix: Indexes, id: number): number[] {
  const out: number[] = [];
  for (const f of ix.flagsOf.get(id) ?? []) for (const m of f.memberIds) if (!out.includes(m)) out.push(m);
  return out;
}

export const STATUS_LABEL = CLAIM_STATUS_LABELS;
export const FLAG_STATUS_LABEL = FLAG_STATUS_LABELS;

/** "B · Usually reliable": the report's words (common/labels.ts) with the grade in front. */
export const RELIABILITY_LABEL = Object.fromEntries(RELIABILITY_GRADES.map((g) => [g, reliabilityLabel(g)])) as Record<Reliability, string>;
export const CREDIBILITY_LABEL: Record<number, string> = Object.fromEntries([1, 2, 3, 4, 5, 6].map((c) => [c, credibilityLabel(c)]));

export function shorten(s: string, max = 80): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
