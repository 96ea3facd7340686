import type { Handlers } from '../../common/api';
import type { Annotation } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import { coveringReach, defaultCoverage as coverage } from '../../common/coverage';
import type { ChangeRecorder } from '../../db/changes';
import type { ServiceContext } from './context';
import { requireAnnotation, requireClaim } from './relations';

// Default links follow common/coverage.ts; this file applies them as recorded changes.

/** The claims an attribution covers by default: those of its sentence, else those of the next one. */
export function defaultCoverage(ctx: ServiceContext, text: string, attribution: Annotation): number[] {
  return coverage(text, attribution.start, attribution.end, (span) =>
    ctx.store.annotations.overlapping(attribution.documentId, 'claim', span.start, span.end),
  );
}

/** Links `fromId` to `toId` unless they are linked already: no write path makes a second link. */
export function linkOnce(ctx: ServiceContext, rec: ChangeRecorder, fromId: number, toId: number): boolean {
  if (fromId === toId || ctx.store.links.isLinked(fromId, toId)) return false;
  rec.insert('links', { from_id: fromId, to_annotation_id: toId, to_source_id: null });
  return true;
}

/**
 * Links an annotation the default way, as recorded changes of the operation that made it: an
 * attribution to the claims it covers, a claim to the attributions that cover it. Returns how
 * many links it made.
 */
export function applyDefaultLinks(ctx: ServiceContext, rec: ChangeRecorder, annotation: Annotation, text = ctx.requireText(annotation.documentId)): number {
  let made = 0;
  if (annotation.kind === 'attribution') {
    for (const claimId of defaultCoverage(ctx, text, annotation)) if (linkOnce(ctx, rec, annotation.id, claimId)) made++;
    return made;
  }
  const reach = coveringReach(text, annotation.start, annotation.end);
  for (const id of ctx.store.annotations.overlapping(annotation.documentId, 'attribution', reach.start, reach.end)) {
    const attribution = ctx.store.annotations.get(id)!;
    if (defaultCoverage(ctx, text, attribution).includes(annotation.id) && linkOnce(ctx, rec, attribution.id, annotation.id)) made++;
  }
  return made;
}

function requireAttribution(ctx: ServiceContext, id: number): Annotation {
  const a = requireAnnotation(ctx, id);
  if (a.kind !== 'attribution') throw new ClaimscopeError('invalid_input', `annotation ${id} is a ${a.kind}, not an attribution`);
  return a;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : `${many.replace('#', String(n))}`;
}

export function linkHandlers(ctx: ServiceContext): Pick<Handlers, 'linkClaims' | 'unlinkClaims'> {
  return {
    linkClaims({ attributionId, claimIds }) {
      const attribution = requireAttribution(ctx, attributionId);
      const ids = [...new Set(claimIds)];
      const { changes } = ctx.write(attribution.documentId, plural(ids.length, 'Link claim', 'Link # claims'), (rec) => {
        for (const id of ids) requireClaim(ctx, id, attribution.documentId);
        for (const id of ids) linkOnce(ctx, rec, attributionId, id);
      });
      return { changes };
    },

    unlinkClaims({ attributionId, claimIds }) {
      const attribution = requireAttribution(ctx, attributionId);
      const ids = [...new Set(claimIds)];
      const { changes } = ctx.write(attribution.documentId, plural(ids.length, 'Unlink claim', 'Unlink # claims'), (rec) => {
        for (const id of ids) for (const linkId of ctx.store.links.between(attributionId, id)) rec.delete('links', linkId);
      });
      return { changes };
    },
  };
}
