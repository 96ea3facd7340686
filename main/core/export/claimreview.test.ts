import { describe, expect, it } from 'vitest';
import { toClaimReview } from './index';
import { kremlinFixture, TITLE } from '../../../test/export/fixture';

describe('toClaimReview', () => {
  const { input } = kremlinFixture();
  const graph = (toClaimReview(input) as { '@context': string; '@graph': Record<string, any>[] })['@graph'];

  it('reviews only claims with a verdict', () => {
    expect(toClaimReview(input)['@context']).toBe('https://schema.org');
    // 10 claims, one unverified.
    expect(graph).toHaveLength(9);
    expect(graph.every((r) => r['@type'] === 'ClaimReview')).toBe(true);
    expect(graph.map((r) => r.claimReviewed)).not.toContain('the latest call lasted nearly an hour');
  });

  it('describes a refuted claim as Google asks: claim, rating, claim author and appearance, review author and date', () => {
    const review = graph.find((r) => r.claimReviewed === 'This marks the sixth conversation between the two leaders this year')!;
    expect(review.reviewRating).toEqual({
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'False',
      ratingExplanation: expect.stringContaining('at least five'),
    });
    expect(review.itemReviewed).toEqual({
      '@type': 'Claim',
      author: { '@type': 'Organization', name: 'Kremlin', alternateName: ['Moscow'] },
      datePublished: '2025-07-22',
      appearance: { '@type': 'CreativeWork', url: 'https://menafn.com/kremlin-call', headline: TITLE, datePublished: '2025-07-22', author: { '@type': 'Person', name: 'MENAFN' } },
    });
    expect(review.author).toEqual({ '@type': 'Organization', name: 'Claimscope analyst' });
    expect(review.datePublished).toBe('2025-07-23T10:00:00.000Z');
    expect(review.url).toBeUndefined();
  });

  it('maps every status to a rating, a person source to a Person, and takes the publisher from options', () => {
    const withOptions = toClaimReview(input, { author: { name: 'Desk', type: 'Person', url: 'https://example.org/desk' }, url: 'https://example.org/checks/kremlin', datePublished: '2025-08-01' });
    const reviews = (withOptions as { '@graph': Record<string, any>[] })['@graph'];
    const byClaim = (start: string) => reviews.find((r) => String(r.claimReviewed).startsWith(start))!;
    expect(byClaim('he and Putin').reviewRating).toMatchObject({ ratingValue: 5, alternateName: 'True' });
    expect(byClaim('Donald Trump discussed').reviewRating).toMatchObject({ ratingValue: 3, alternateName: 'Mixed' });
    const retracted = byClaim('Putin reaffirmed');
    expect(retracted.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Retracted by its source' });
    expect(retracted.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Yury Ushakov', alternateName: ['Ushakov'] });
    expect(retracted.author).toEqual({ '@type': 'Person', name: 'Desk', url: 'https://example.org/desk' });
    expect(retracted.url).toMatch(/^https:\/\/example\.org\/checks\/kremlin#claim-c\d+$/);
    expect(retracted.datePublished).toBe('2025-08-01');
    // Unsourced: the claim is the article's own.
    expect(byClaim('<script>').itemReviewed.author).toEqual({ '@type': 'Person', name: 'MENAFN' });
  });
});
