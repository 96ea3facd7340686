import type { Annotation, Assessment, DocumentRecord, Flag, Source } from '../../../common/domain';
import { DEFAULT_CLOCK, formatArticleDate, formatDateTime, type ReportClock } from '../../../common/time';
import type { ReportInput } from './types';
import { httpUrl } from './url';

/**
 * The report as every format sees it: annotations in reading order with their labels (C1, A1, F1,
 * S1), and the links resolved both ways. Built once per export, in O(n log n).
 */
export interface ReportModel {
  document: DocumentRecord;
  text: string;
  generatedAt: string;
  /** The analyst's language and time zone: every date a person reads is written with it. */
  clock: ReportClock;
  /** The analyst who wrote the report, trimmed; null when not set. */
  analyst: string | null;
  /** The analyst's bottom line on the document; null until they write one. */
  assessment: Assessment | null;
  /** Where the article appeared: the site's name, else the host of its address; null when unknown. */
  outlet: string | null;
  /** A time (ISO) as the analyst reads it. */
  formatTime(iso: string): string;
  /** The article's date (a calendar date or a time) as the analyst reads it. */
  formatArticleDate(value: string): string;
  /** The document's file as reports show it: its name, or its whole path when the input asks; null without one. */
  file: string | null;
  claims: Annotation[];
  attributions: Annotation[];
  flags: Flag[];
  sources: Source[];
  /** Annotation, flag and source ids to their labels: C1, A1, F1, S1. */
  claimLabel: Map<number, string>;
  attributionLabel: Map<number, string>;
  flagLabel: Map<number, string>;
  sourceLabel: Map<number, string>;
  annotationById: Map<number, Annotation>;
  sourceById: Map<number, Source>;
  /** Sources cited by a claim (directly or through an attribution covering it) or by an attribution. */
  sourcesOf: Map<number, Source[]>;
  /** Sources an annotation cites itself, without going through an attribution. */
  directSourcesOf: Map<number, Source[]>;
  /** Claims an attribution covers, and attributions covering a claim. */
  claimsOf: Map<number, Annotation[]>;
  attributionsOf: Map<number, Annotation[]>;
  /** Other annotations a claim links to (claim <-> claim). */
  relatedOf: Map<number, Annotation[]>;
  /** Flags a claim is a member of. */
  flagsOf: Map<number, Flag[]>;
  /** Annotations citing a source, directly or through an attribution. */
  citedBy: Map<number, Annotation[]>;
  unsourcedClaims: Annotation[];
}

export function buildModel(input: ReportInput): ReportModel {
  const { document, state } = input;
  // Orphans' offsets mean nothing any more: they come after the anchored annotations.
  const byPosition = (a: Annotation, b: Annotation) => Number(a.orphan) - Number(b.orphan) || a.start - b.start || a.end - b.end || a.id - b.id;
  const annotations = [...state.annotations].sort(byPosition);
  const claims = annotations.filter((a) => a.kind === 'claim');
  const attributions = annotations.filter((a) => a.kind === 'attribution');
  const annotationById = new Map(annotations.map((a) => [a.id, a]));
  const sourceById = new Map(state.sources.map((s) => [s.id, s]));

  const directSourcesOf = new Map<number, Source[]>();
  const claimsOf = new Map<number, Annotation[]>();
  const attributionsOf = new Map<number, Annotation[]>();
  const relatedOf = new Map<number, Annotation[]>();
  for (const link of state.links) {
    const from = annotationById.get(link.fromId);
    if (!from) continue;
    if (link.toSourceId !== null) {
      const source = sourceById.get(link.toSourceId);
      if (source) pushUnique(directSourcesOf, from.id, source);
    }
    if (link.toAnnotationId !== null) {
      const to = annotationById.get(link.toAnnotationId);
      if (!to || to.id === from.id) continue;
      // An attribution covers a claim whichever way the link was drawn.
      if (from.kind === 'attribution' && to.kind === 'claim') addCover(from, to);
      else if (from.kind === 'claim' && to.kind === 'attribution') addCover(to, from);
      else {
        pushUnique(relatedOf, from.id, to);
        pushUnique(relatedOf, to.id, from);
      }
    }
  }
  function addCover(attribution: Annotation, claim: Annotation) {
    pushUnique(claimsOf, attribution.id, claim);
    pushUnique(attributionsOf, claim.id, attribution);
  }

  const sourcesOf = new Map<number, Source[]>();
  const citedBy = new Map<number, Annotation[]>();
  for (const a of annotations) {
    const list: Source[] = [];
    const seen = new Set<number>();
    const add = (s: Source) => {
      if (!seen.has(s.id)) {
        seen.add(s.id);
        list.push(s);
      }
    };
    for (const s of directSourcesOf.get(a.id) ?? []) add(s);
    if (a.kind === 'claim') for (const attr of attributionsOf.get(a.id) ?? []) for (const s of directSourcesOf.get(attr.id) ?? []) add(s);
    if (list.length > 0) sourcesOf.set(a.id, list);
    for (const s of list) {
      const citing = citedBy.get(s.id);
      if (citing) citing.push(a);
      else citedBy.set(s.id, [a]);
    }
  }

  const flagPosition = (f: Flag) => {
    let first = Number.POSITIVE_INFINITY;
    for (const id of f.memberIds) first = Math.min(first, annotationById.get(id)?.start ?? Number.POSITIVE_INFINITY);
    return first;
  };
  const flagPositions = new Map(state.flags.map((f) => [f.id, flagPosition(f)]));
  const flags = [...state.flags].sort((a, b) => flagPositions.get(a.id)! - flagPositions.get(b.id)! || a.id - b.id);
  const flagsOf = new Map<number, Flag[]>();
  for (const f of flags) for (const id of f.memberIds) if (annotationById.has(id)) pushUnique(flagsOf, id, f);

  // Sources in order of first citation in the text, then the uncited ones by name.
  const firstCitation = new Map<number, number>();
  annotations.forEach((a, i) => {
    for (const s of sourcesOf.get(a.id) ?? []) if (!firstCitation.has(s.id)) firstCitation.set(s.id, i);
  });
  const sources = [...state.sources].sort((a, b) => {
    const fa = firstCitation.get(a.id) ?? Number.POSITIVE_INFINITY;
    const fb = firstCitation.get(b.id) ?? Number.POSITIVE_INFINITY;
    return fa - fb || a.name.localeCompare(b.name) || a.id - b.id;
  });

  const clock: ReportClock = { locale: input.locale ?? DEFAULT_CLOCK.locale, timeZone: input.timeZone ?? DEFAULT_CLOCK.timeZone };
  const analyst = input.analyst?.trim() ? input.analyst.trim() : null;
  return {
    document,
    text: document.text,
    generatedAt: input.generatedAt ?? new Date().toISOString(),
    clock,
    analyst,
    assessment: state.assessment ?? null,
    outlet: outletOf(document),
    formatTime: (iso) => formatDateTime(iso, clock),
    formatArticleDate: (value) => formatArticleDate(value, clock),
    file: shownFile(document.path, input.includePath ?? false),
    claims,
    attributions,
    flags,
    sources,
    claimLabel: labels(claims, 'C'),
    attributionLabel: labels(attributions, 'A'),
    flagLabel: labels(flags, 'F'),
    sourceLabel: labels(sources, 'S'),
    annotationById,
    sourceById,
    sourcesOf,
    directSourcesOf,
    claimsOf,
    attributionsOf,
    relatedOf,
    flagsOf,
    citedBy,
    unsourcedClaims: claims.filter((c) => !sourcesOf.has(c.id)),
  };
}

/** The label of any annotation: C1 for a claim, A1 for an attribution. */
export function annotationLabel(model: ReportModel, a: Annotation): string {
  return (a.kind === 'claim' ? model.claimLabel.get(a.id) : model.attributionLabel.get(a.id)) ?? `#${a.id}`;
}

/** True when the annotation's offsets still point into the text it was made on. */
export function isAnchored(model: ReportModel, a: Annotation): boolean {
  return !a.orphan && a.start >= 0 && a.start < a.end && a.end <= model.text.length;
}

/** The annotated passage: from the text where it is anchored, else the quote stored with it. */
export function quoteOf(model: ReportModel, a: Annotation): string {
  return isAnchored(model, a) ? model.text.slice(a.start, a.end) : a.exact;
}

/** The 1-based page of an offset, when the document records pages. */
export function pageOf(model: ReportModel, offset: number): number | undefined {
  const pages = model.document.metadata.pages;
  if (!pages) return undefined;
  for (const p of pages) if (offset >= p.start && offset < p.end) return p.page;
  return undefined;
}

/** The site's name the importer found (og:site_name), else the host of the article's address. */
export function outletOf(document: DocumentRecord): string | null {
  const site = document.metadata.site?.trim();
  if (site) return site;
  const url = httpUrl(document.metadata.url);
  if (!url) return null;
  const host = new URL(url).hostname.replace(/^www\./, '');
  return host || null;
}

/** The file name of a path, POSIX or Windows (the report may be read on another system than it was made on). */
function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? path;
}

function shownFile(path: string | null, includePath: boolean): string | null {
  if (!path) return null;
  return includePath ? path : fileNameOf(path);
}

function labels<T extends { id: number }>(items: T[], prefix: string): Map<number, string> {
  return new Map(items.map((item, i) => [item.id, `${prefix}${i + 1}`]));
}

function pushUnique<T extends { id: number }>(map: Map<number, T[]>, key: number, value: T) {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.some((v) => v.id === value.id)) list.push(value);
}
