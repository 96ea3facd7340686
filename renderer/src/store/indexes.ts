import type { Annotation, Flag, Link, Source } from '../../../common/domain';
import { Layered, type Lookup } from './layered';

// What the panel, the details pane and the keys look up in the open document's records. Built once
// on open, then brought forward by each applied change set: the annotation and link maps take the
// changed rows only (layered maps: no copy of the thousands that did not change), the counts are
// patched, the maps derived from links and flags are rebuilt only when those changed, and what did
// not change keeps its identity (so memoised views do not redraw for it).

export interface Indexes {
  byId: Layered<number, Annotation>;
  sourceById: Lookup<number, Source>;
  linkById: Layered<number, Link>;
  flagById: Lookup<number, Flag>;
  /** Annotation id -> the source it cites itself. */
  citedSource: Lookup<number, number>;
  /** Attribution id -> the claims it covers. */
  claimsOf: Lookup<number, readonly number[]>;
  /** Claim id -> the attributions that cover it. */
  attributionsOf: Lookup<number, readonly number[]>;
  /** Claim id -> the flags it sits in. */
  flagsOf: Lookup<number, readonly Flag[]>;
  /** Source id -> annotations of this document that cite it. */
  citations: Lookup<number, readonly number[]>;
  claims: number;
  attributions: number;
  unsourced: number;
}

/** The records the indexes are built from (each list in the order the database lists it). */
export interface Records {
  annotations: readonly Annotation[];
  links: readonly Link[];
  flags: readonly Flag[];
  sources: readonly Source[];
}

type LinkMaps = Pick<Indexes, 'citedSource' | 'claimsOf' | 'attributionsOf' | 'citations'>;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function linkMaps(links: readonly Link[]): LinkMaps {
  const citedSource = new Map<number, number>();
  const claimsOf = new Map<number, number[]>();
  const attributionsOf = new Map<number, number[]>();
  const citations = new Map<number, number[]>();
  for (const l of links) {
    if (l.toSourceId !== null) {
      citedSource.set(l.fromId, l.toSourceId);
      push(citations, l.toSourceId, l.fromId);
    } else if (l.toAnnotationId !== null) {
      push(claimsOf, l.fromId, l.toAnnotationId);
      push(attributionsOf, l.toAnnotationId, l.fromId);
    }
  }
  return { citedSource, claimsOf, attributionsOf, citations };
}

function flagMaps(flags: readonly Flag[]): Pick<Indexes, 'flagById' | 'flagsOf'> {
  const flagsOf = new Map<number, Flag[]>();
  for (const f of flags) for (const m of f.memberIds) push(flagsOf, m, f);
  return { flagById: new Map(flags.map((f) => [f.id, f])), flagsOf };
}

/** A claim is sourced when an attribution covers it or it cites a source itself. */
export function isSourced(ix: Pick<Indexes, 'citedSource' | 'attributionsOf'>, claimId: number): boolean {
  return ix.citedSource.has(claimId) || (ix.attributionsOf.get(claimId)?.length ?? 0) > 0;
}

function isUnsourcedClaim(ix: Pick<Indexes, 'byId' | 'citedSource' | 'attributionsOf'>, id: number): boolean {
  return ix.byId.get(id)?.kind === 'claim' && !isSourced(ix, id);
}

export function buildIndexes(records: Records): Indexes {
  const byId = Layered.from(records.annotations.map((a) => [a.id, a] as const));
  const partial = {
    byId,
    sourceById: new Map(records.sources.map((s) => [s.id, s])),
    linkById: Layered.from(records.links.map((l) => [l.id, l] as const)),
    ...linkMaps(records.links),
    ...flagMaps(records.flags),
  };
  let claims = 0;
  let unsourced = 0;
  for (const a of records.annotations) {
    if (a.kind !== 'claim') continue;
    claims++;
    if (!isSourced(partial, a.id)) unsourced++;
  }
  return { ...partial, claims, attributions: records.annotations.length - claims, unsourced };
}

/** Rows one change set upserted (whole) and the ids it removed. */
export interface Delta<T> {
  upserted: readonly T[];
  removed: readonly number[];
}

/** What changed, for the indexes: the annotation and link deltas, and whether flags or sources did. */
export interface IndexChanges {
  annotations: Delta<Annotation>;
  links: Delta<Link>;
  flags: boolean;
  sources: boolean;
}

const isEmpty = (d: Delta<unknown>) => d.upserted.length === 0 && d.removed.length === 0;

/** The indexes after a change: `prev` brought forward to `next`'s records, touching only what changed. */
export function updateIndexes(prev: Indexes, next: Records, changes: IndexChanges): Indexes {
  const annotationsChanged = !isEmpty(changes.annotations);
  const linksChanged = !isEmpty(changes.links);
  if (!annotationsChanged && !linksChanged && !changes.flags && !changes.sources) return prev;

  let byId = prev.byId;
  let claims = prev.claims;
  if (annotationsChanged) {
    for (const id of [...changes.annotations.removed, ...changes.annotations.upserted.map((a) => a.id)]) if (prev.byId.get(id)?.kind === 'claim') claims--;
    for (const a of changes.annotations.upserted) if (a.kind === 'claim') claims++;
    byId = prev.byId.with(
      changes.annotations.upserted.map((a) => [a.id, a] as const),
      changes.annotations.removed,
    );
  }

  const linkById = linksChanged ? prev.linkById.with(changes.links.upserted.map((l) => [l.id, l] as const), changes.links.removed) : prev.linkById;
  const links = linksChanged ? linkMaps(next.links) : prev;
  const flags = changes.flags ? flagMaps(next.flags) : prev;
  const ix = {
    byId,
    sourceById: changes.sources ? new Map(next.sources.map((s) => [s.id, s])) : prev.sourceById,
    linkById,
    citedSource: links.citedSource,
    claimsOf: links.claimsOf,
    attributionsOf: links.attributionsOf,
    citations: links.citations,
    flagById: flags.flagById,
    flagsOf: flags.flagsOf,
  };

  // Unsourced claims: only the changed annotations and the ends of the changed links (as they were
  // and as they are) can have changed, so count those again, before and after.
  let unsourced = prev.unsourced;
  if (annotationsChanged || linksChanged) {
    const affected = new Set([...changes.annotations.removed, ...changes.annotations.upserted.map((a) => a.id)]);
    for (const id of [...changes.links.removed, ...changes.links.upserted.map((l) => l.id)]) {
      for (const l of [prev.linkById.get(id), ix.linkById.get(id)]) {
        if (!l) continue;
        affected.add(l.fromId);
        if (l.toAnnotationId !== null) affected.add(l.toAnnotationId);
      }
    }
    for (const id of affected) {
      if (isUnsourcedClaim(prev, id)) unsourced--;
      if (isUnsourcedClaim(ix, id)) unsourced++;
    }
  }
  return { ...ix, claims, attributions: byId.size - claims, unsourced };
}
