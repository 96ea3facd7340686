import type { Handlers } from '../../common/api';
import type { Annotation } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import { segmentSentences, sentenceAt, type Span } from '../../common/segment';
import type { ChangeRecorder } from '../../db/changes';
import type { ServiceContext } from './context';
import { documentRelations, requireAnnotation, requireClaim } from './relations';

// Attributions cover claims. By default an attribution covers the claims of its own sentence, or,
// when that sentence holds none, those of the next sentence ("X said. The claim." reads both ways,
// but a sentence that carries its own claim is the common case in reporting).

/** How far to look for the next sentence or a preceding attribution, in characters. */
const REACH = 4000;

function sentenceRange(text: string, start: number, end: number): Span {
  const first = sentenceAt(text, start);
  const last = sentenceAt(text, Math.max(start, end - 1));
  return { start: Math.min(first?.start ?? start, start), end: Math.max(last?.end ?? end, end) };
}

function nextSentence(text: string, after: number): Span | null {
  return segmentSentences(text, after, Math.min(text.length, after + REACH))[0] ?? null;
}

function claimsIn(ctx: ServiceContext, documentId: number, span: Span): number[] {
  return ctx.db
    .prepare(
      `SELECT id FROM annotations WHERE document_id = ? AND kind = 'claim' AND orphan = 0
       AND start_offset < ? AND end_offset > ? ORDER BY start_offset, id`,
    )
    .pluck()
    .all(documentId, span.end, span.start) as number[];
}

/** The claims an attribution covers by default: those of its sentence, else those of the next one. */
export function defaultCoverage(ctx: ServiceContext, text: string, attribution: Annotation): number[] {
  const own = sentenceRange(text, attribution.start, attribution.end);
  const same = claimsIn(ctx, attribution.documentId, own);
  if (same.length > 0) return same;
  const next = nextSentence(text, own.end);
  return next ? claimsIn(ctx, attribution.documentId, next) : [];
}

function isLinked(ctx: ServiceContext, fromId: number, toId: number): boolean {
  return ctx.db.prepare('SELECT 1 FROM links WHERE from_id = ? AND to_annotation_id = ?').get(fromId, toId) !== undefined;
}

/**
 * Links a new annotation the default way, as recorded changes of the operation that created it:
 * a new attribution to the claims it covers, a new claim to the attributions that cover it.
 */
export function applyDefaultLinks(ctx: ServiceContext, rec: ChangeRecorder, annotation: Annotation, text = ctx.requireText(annotation.documentId)): void {
  const link = (from: number, to: number) => {
    if (from !== to && !isLinked(ctx, from, to)) rec.insert('links', { from_id: from, to_annotation_id: to, to_source_id: null });
  };
  if (annotation.kind === 'attribution') {
    for (const claimId of defaultCoverage(ctx, text, annotation)) link(annotation.id, claimId);
    return;
  }
  // Attributions that may cover the claim: in its sentence, or in the one before.
  const own = sentenceRange(text, annotation.start, annotation.end);
  const candidates = ctx.db
    .prepare(
      `SELECT id FROM annotations WHERE document_id = ? AND kind = 'attribution' AND orphan = 0
       AND start_offset < ? AND end_offset > ? ORDER BY start_offset, id`,
    )
    .pluck()
    .all(annotation.documentId, own.end, Math.max(0, own.start - REACH)) as number[];
  for (const id of candidates) {
    const attribution = ctx.store.getAnnotation(id)!;
    if (defaultCoverage(ctx, text, attribution).includes(annotation.id)) link(attribution.id, annotation.id);
  }
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
      ctx.write(attribution.documentId, plural(ids.length, 'Link claim', 'Link # claims'), (rec) => {
        for (const id of ids) requireClaim(ctx, id, attribution.documentId);
        for (const id of ids) {
          if (!isLinked(ctx, attributionId, id)) rec.insert('links', { from_id: attributionId, to_annotation_id: id, to_source_id: null });
        }
      });
      return { relations: documentRelations(ctx, attribution.documentId) };
    },

    unlinkClaims({ attributionId, claimIds }) {
      const attribution = requireAttribution(ctx, attributionId);
      const ids = [...new Set(claimIds)];
      ctx.write(attribution.documentId, plural(ids.length, 'Unlink claim', 'Unlink # claims'), (rec) => {
        const find = ctx.db.prepare('SELECT id FROM links WHERE from_id = ? AND to_annotation_id = ?').pluck();
        for (const id of ids) {
          for (const linkId of find.all(attributionId, id) as number[]) rec.delete('links', linkId);
        }
      });
      return { relations: documentRelations(ctx, attribution.documentId) };
    },
  };
}
