import type { Annotation, ClaimStatus, Source } from '../../../common/domain';
import { jsonForHtml } from './json-html';
import { buildModel, quoteOf, type ReportModel } from './model';
import type { ReportInput } from './types';
import { httpUrl } from './url';

type JsonObject = { [key: string]: unknown };

export interface ClaimReviewOptions {
  /** Who publishes the review. Default: the analyst (a Person) when named, else the Organization "Claimscope analyst". */
  author?: { name: string; type?: 'Organization' | 'Person'; url?: string };
  /**
   * Address of the page that will publish the fact check. Google requires it; each review gets
   * `<url>#claim-<n>`. Without it, or when it is not http(s), no `url` is written (the document's own
   * address is not the review's).
   */
  url?: string;
  /** ISO 8601 date of the review. Default: the report's generatedAt, else today. */
  datePublished?: string;
}

/**
 * Verdicts on the 1-5 scale Google's fact-check markup describes (1 false ... 5 true); alternateName is
 * the short verdict readers see. A retraction is no verdict on truth, so it carries no number.
 */
export const CLAIM_REVIEW_RATINGS: Record<Exclude<ClaimStatus, 'unverified'>, { value?: number; name: string }> = {
  supported: { value: 5, name: 'True' },
  disputed: { value: 3, name: 'Mixed' },
  refuted: { value: 1, name: 'False' },
  retracted: { name: 'Retracted by its source' },
};

/**
 * schema.org ClaimReview JSON-LD (one node per claim with a verdict, in an @graph) following Google's
 * fact-check guidelines where they apply: claimReviewed, reviewRating with alternateName, author,
 * datePublished and url; itemReviewed is the Claim, with its author (the cited source) and where it
 * appeared (the document).
 */
export function toClaimReview(input: ReportInput, options: ClaimReviewOptions = {}): JsonObject {
  const m = buildModel(input);
  const reviewDate = isoDate(options.datePublished ?? m.generatedAt) ?? new Date().toISOString().slice(0, 10);
  const by = options.author ?? (m.analyst ? { name: m.analyst, type: 'Person' as const } : undefined);
  const author: JsonObject = { '@type': by?.type ?? 'Organization', name: by?.name ?? 'Claimscope analyst' };
  const authorUrl = httpUrl(by?.url);
  if (authorUrl) author.url = authorUrl;
  const reviewUrl = httpUrl(options.url);
  const appearance = appearanceOf(m);

  const graph: JsonObject[] = [];
  for (const c of m.claims) {
    if (c.status === 'unverified') continue;
    const verdict = CLAIM_REVIEW_RATINGS[c.status];
    const label = m.claimLabel.get(c.id)!;
    const rating: JsonObject = { '@type': 'Rating', alternateName: verdict.name };
    if (verdict.value !== undefined) Object.assign(rating, { ratingValue: verdict.value, bestRating: 5, worstRating: 1 });
    if (c.note.trim()) rating.ratingExplanation = c.note.trim();

    const claim: JsonObject = { '@type': 'Claim' };
    const claimAuthor = claimAuthorOf(m, c);
    if (claimAuthor) claim.author = claimAuthor;
    const published = isoDate(m.document.metadata.published);
    if (published) claim.datePublished = published;
    // Where the claim appeared; not firstAppearance, which nothing here can vouch for.
    if (appearance) claim.appearance = appearance;

    const review: JsonObject = {
      '@type': 'ClaimReview',
      '@id': `urn:claimscope:claimreview:${m.document.sha256}:${c.id}`,
      claimReviewed: oneLine(quoteOf(m, c)),
      reviewRating: rating,
      itemReviewed: claim,
      author,
      datePublished: reviewDate,
      name: `${label}: ${verdict.name}`,
    };
    if (reviewUrl) review.url = `${reviewUrl.replace(/#.*$/, '')}#claim-${label.toLowerCase()}`;
    graph.push(review);
  }
  return { '@context': 'https://schema.org', '@graph': graph };
}

/**
 * The ClaimReview as the file's text: JSON that is safe to paste into a page's
 * `<script type="application/ld+json">`, as publishers do ("<", ">", "&", U+2028, U+2029 escaped).
 */
export function toClaimReviewText(input: ReportInput, options: ClaimReviewOptions = {}): string {
  return `${jsonForHtml(toClaimReview(input, options), 2)}\n`;
}

/** The claim's author: its sources as Person or Organization; an unsourced claim is the document author's. */
function claimAuthorOf(m: ReportModel, c: Annotation): JsonObject | JsonObject[] | undefined {
  const sources = m.sourcesOf.get(c.id) ?? [];
  if (sources.length > 0) {
    const agents = sources.map(agentOf);
    return agents.length === 1 ? agents[0] : agents;
  }
  const author = m.document.metadata.author?.trim();
  return author ? { '@type': 'Person', name: author } : undefined;
}

function agentOf(s: Source): JsonObject {
  const agent: JsonObject = { '@type': s.type === 'person' ? 'Person' : 'Organization', name: s.name };
  if (s.aliases.length > 0) agent.alternateName = s.aliases;
  return agent;
}

function appearanceOf(m: ReportModel): JsonObject | undefined {
  const meta = m.document.metadata;
  // Only an http(s) address is written as a url: a javascript: or data: one from an imported file
  // would be a live link wherever the markup is shown.
  const url = httpUrl(meta.url);
  if (!url && !m.document.title) return undefined;
  const work: JsonObject = { '@type': 'CreativeWork' };
  if (url) work.url = url;
  if (m.document.title) work.headline = m.document.title;
  const published = isoDate(meta.published);
  if (published) work.datePublished = published;
  if (meta.author) work.author = { '@type': 'Person', name: meta.author };
  return work;
}

/** An ISO 8601 date (or date-time) from a date in any form Date understands; undefined if none. */
function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)) return trimmed.replace(' ', 'T');
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Whitespace runs as one space; U+FEFF, which JavaScript counts as whitespace, is kept like every other character. */
function oneLine(text: string): string {
  return text.replace(/[^\S\uFEFF]+/g, ' ').replace(/^ | $/g, '');
}
