import { describe, expect, it } from 'vitest';
import { toClaimReview, toClaimReviewText } from './index';
import { kremlinFixture, TITLE } from '../../../test/export/fixture';
import { hostileFixture, INVISIBLE_TEXT } from '../../../test/export/hostile';

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

describe('toClaimReview on hostile input', () => {
  const { input } = hostileFixture();

  it('writes only http(s) addresses as url, whatever the metadata or the options hold', () => {
    // The Kremlin fixture: its text holds no address, so any scheme found in the output is a url field.
    const { input } = kremlinFixture();
    const hostileUrls = ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', '//evil.example/x', 'not a url'];
    for (const url of hostileUrls) {
      const doc = toClaimReview({ ...input, document: { ...input.document, metadata: { author: 'MENAFN', published: '2025-07-22', url } } }, { url, author: { name: 'Desk', url } });
      const text = JSON.stringify(doc);
      for (const review of (doc as { '@graph': Record<string, any>[] })['@graph']) {
        expect(review.url, url).toBeUndefined();
        expect(review.author.url, url).toBeUndefined();
        expect(review.itemReviewed.appearance.url, url).toBeUndefined();
        // The document is still named where it appeared.
        expect(review.itemReviewed.appearance.headline).toBe(input.document.title);
      }
      expect(text).not.toMatch(/javascript:|vbscript:|data:text|file:/i);
    }
    const ok = toClaimReview({ ...input, document: { ...input.document, metadata: { url: 'https://news.example/a?b=1' } } }, { url: 'http://checks.example/x#old' });
    const review = (ok as { '@graph': Record<string, any>[] })['@graph'][0]!;
    expect(review.itemReviewed.appearance.url).toBe('https://news.example/a?b=1');
    expect(review.url).toMatch(/^http:\/\/checks\.example\/x#claim-c\d+$/);
  });

  it('writes a text that is safe in a page\'s ld+json script and parses back to the same value', () => {
    const text = toClaimReviewText(input, { url: 'https://checks.example/a' });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual(toClaimReview(input, { url: 'https://checks.example/a' }));
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keeps the exact characters of quotes and notes, invisible ones included', () => {
    const graph = (toClaimReview(input) as { '@graph': Record<string, any>[] })['@graph'];
    const quotes = graph.map((r) => r.claimReviewed as string);
    expect(quotes).toContain(INVISIBLE_TEXT);
    expect(graph.some((r) => String(r.reviewRating.ratingExplanation).includes(INVISIBLE_TEXT))).toBe(true);
  });
});
