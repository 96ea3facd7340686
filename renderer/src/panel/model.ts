import type { Annotation, AnnotationKind, ClaimStatus, DocumentRelations, Flag, FlagStatus, Reliability, Source } from '../../../common/domain';
import { CLAIM_STATUS_LABELS, FLAG_STATUS_LABELS } from '../../../common/labels';

// What the panel and the details pane derive from the document's state: indexes built once per
// change of annotations or relations (O(n)), then cheap look-ups while rendering.

export interface Relations {
  links: DocumentRelations['links'];
  flags: Flag[];
  sources: Source[];
}

export const NO_RELATIONS: Relations = { links: [], flags: [], sources: [] };

export interface Indexes {
  byId: ReadonlyMap<number, Annotation>;
  sourceById: ReadonlyMap<number, Source>;
  /** Annotation id -> the source it cites itself. */
  citedSource: ReadonlyMap<number, number>;
  /** Attribution id -> the claims it covers. */
  claimsOf: ReadonlyMap<number, readonly number[]>;
  /** Claim id -> the attributions that cover it. */
  attributionsOf: ReadonlyMap<number, readonly number[]>;
  /** Claim id -> the flags it sits in. */
  flagsOf: ReadonlyMap<number, readonly Flag[]>;
  /** Source id -> annotations of this document that cite it. */
  citations: ReadonlyMap<number, readonly number[]>;
  claims: number;
  attributions: number;
  unsourced: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildIndexes(annotations: readonly Annotation[], relations: Relations): Indexes {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const sourceById = new Map(relations.sources.map((s) => [s.id, s]));
  const citedSource = new Map<number, number>();
  const claimsOf = new Map<number, number[]>();
  const attributionsOf = new Map<number, number[]>();
  const citations = new Map<number, number[]>();
  for (const l of relations.links) {
    if (l.toSourceId !== null) {
      citedSource.set(l.fromId, l.toSourceId);
      push(citations, l.toSourceId, l.fromId);
    } else if (l.toAnnotationId !== null) {
      push(claimsOf, l.fromId, l.toAnnotationId);
      push(attributionsOf, l.toAnnotationId, l.fromId);
    }
  }
  const flagsOf = new Map<number, Flag[]>();
  for (const f of relations.flags) for (const m of f.memberIds) push(flagsOf, m, f);
  let claims = 0;
  let unsourced = 0;
  const partial: Omit<Indexes, 'claims' | 'attributions' | 'unsourced'> = {
    byId,
    sourceById,
    citedSource,
    claimsOf,
    attributionsOf,
    flagsOf,
    citations,
  };
  for (const a of annotations) {
    if (a.kind !== 'claim') continue;
    claims++;
    if (!isSourced(partial, a.id)) unsourced++;
  }
  return { ...partial, claims, attributions: annotations.length - claims, unsourced };
}

/** A claim is sourced when an attribution covers it or it cites a source itself. */
export function isSourced(ix: Pick<Indexes, 'citedSource' | 'attributionsOf'>, claimId: number): boolean {
  return ix.citedSource.has(claimId) || (ix.attributionsOf.get(claimId)?.length ?? 0) > 0;
}

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
}

export const DEFAULT_FILTERS: AnnotationFilters = { kind: 'all', status: 'any', source: 'any', grade: 'any', unsourced: false, search: '' };

function matches(text: string, needle: string): boolean {
  return needle === '' || text.toLowerCase().includes(needle);
}

export function filterAnnotations(sorted: readonly Annotation[], ix: Indexes, f: AnnotationFilters): Annotation[] {
  const needle = f.search.trim().toLowerCase();
  const plain = f.kind === 'all' && f.status === 'any' && f.source === 'any' && f.grade === 'any' && !f.unsourced && needle === '';
  if (plain) return sorted as Annotation[];
  return sorted.filter((a) => {
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

export const RELIABILITY_LABEL: Record<Reliability, string> = {
  A: 'A · completely reliable',
  B: 'B · usually reliable',
  C: 'C · fairly reliable',
  D: 'D · not usually reliable',
  E: 'E · unreliable',
  F: 'F · cannot be judged',
};

export const CREDIBILITY_LABEL: Record<number, string> = {
  1: '1 · confirmed',
  2: '2 · probably true',
  3: '3 · possibly true',
  4: '4 · doubtful',
  5: '5 · improbable',
  6: '6 · cannot be judged',
};

export function shorten(s: string, max = 80): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
