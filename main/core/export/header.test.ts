import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../common/domain';
import { kremlinFixture } from '../../../test/export/fixture';
import { renderMarkdown } from '../../../test/export/markdown-render';
import { buildModel, outletOf } from './model';
import { formatArticleDate, formatDateTime, isMachineDate } from '../../../common/time';
import { toClaimReview, toHtml, toMarkdown } from './index';
import type { ReportInput } from './types';

// The report's header: the article (outlet, author, date, URL, file), the analyst, the bottom line,
// and every time in the analyst's language and zone.

const BERLIN = { locale: 'de-DE', timeZone: 'Europe/Berlin' };
const assessment = (over: Partial<Assessment> = {}): Assessment => ({
  id: 7,
  documentId: 1,
  verdict: 'misleading',
  summary: 'The count of calls **contradicts** itself:\n\n- sixth vs five\n- two dates',
  updatedAt: '2025-07-23T09:30:00.000Z',
  ...over,
});

function input(over: Partial<ReportInput> = {}, state: Partial<ReportInput['state']> = {}): ReportInput {
  const base = kremlinFixture().input;
  return { ...base, ...over, state: { ...base.state, ...state } };
}

describe('report times', () => {
  it('shows a time in the analyst’s language and zone, summer and winter', () => {
    expect(formatDateTime('2025-07-23T10:00:00.000Z', BERLIN)).toBe('23. Juli 2025 um 12:00 MESZ');
    expect(formatDateTime('2025-01-23T10:00:00.000Z', BERLIN)).toBe('23. Januar 2025 um 11:00 MEZ');
    expect(formatDateTime('2025-07-23T10:00:00.000Z', { locale: 'en-GB', timeZone: 'UTC' })).toBe('23 July 2025 at 10:00 UTC');
    expect(formatDateTime('2025-07-23T10:00:00.000Z', { locale: 'en-US', timeZone: 'America/New_York' })).toBe('July 23, 2025 at 06:00 AM EDT');
  });

  it('keeps a calendar date the same day in every zone, and leaves what is not a date as written', () => {
    expect(formatArticleDate('2025-07-22', BERLIN)).toBe('22. Juli 2025');
    expect(formatArticleDate('2025-07-22', { locale: 'en-US', timeZone: 'Pacific/Honolulu' })).toBe('July 22, 2025');
    expect(formatArticleDate('2025-07-22T23:30:00Z', BERLIN)).toBe('23. Juli 2025 um 01:30 MESZ');
    expect(formatArticleDate('last Tuesday', BERLIN)).toBe('last Tuesday');
    expect(formatArticleDate('2025-02-30', BERLIN)).toBe('2025-02-30');
    expect(formatDateTime('now', BERLIN)).toBe('now');
    expect(isMachineDate('2025-02-30')).toBe(false);
    expect(isMachineDate('2025-07-22')).toBe(true);
  });
});

describe('the HTML header', () => {
  const html = toHtml(input({ ...BERLIN, analyst: 'Jana Müller' }, { assessment: assessment() }));

  it('gives the article: outlet, author, date, URL and file', () => {
    expect(html).toContain('<dt>Outlet</dt><dd>menafn.com</dd>');
    expect(html).toContain('<dt>Author</dt><dd>MENAFN</dd>');
    expect(html).toContain('<dt>Published</dt><dd><time datetime="2025-07-22" lang="de-DE">22. Juli 2025</time></dd>');
    expect(html).toContain('<dt>URL</dt><dd><code>https://menafn.com/kremlin-call</code></dd>');
    expect(html).toContain('<dt>File</dt><dd><code>kremlin-call.txt</code></dd>');
  });

  it('names the analyst and gives every time in their language and zone, none as raw ISO', () => {
    expect(html).toContain('<dt>Analyst</dt><dd>Jana Müller</dd>');
    expect(html).toContain('<dt>Report generated</dt><dd><time datetime="2025-07-23T10:00:00.000Z" lang="de-DE">23. Juli 2025 um 12:00 MESZ</time></dd>');
    expect(html).toContain('<dt>Imported</dt><dd><time datetime="2025-07-23T08:59:00.000Z" lang="de-DE">23. Juli 2025 um 10:59 MESZ</time></dd>');
    expect(html).toContain('Claimscope annotated report by Jana Müller · generated <time');
    // ISO times only inside datetime attributes.
    const visible = html.replace(/<[^>]*>/g, '');
    expect(visible).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('gives the bottom line: the verdict in words, the summary rendered safely, who and when', () => {
    expect(html).toContain('<section id="assessment" class="bottom-line"');
    expect(html).toContain('<span class="verdict" data-verdict="misleading">Misleading</span>');
    expect(html).toContain('<div class="note assessment-summary"><p>The count of calls <strong>contradicts</strong> itself:</p><ul><li>sixth vs five</li><li>two dates</li></ul></div>');
    expect(html).toContain('Assessed by Jana Müller · last changed <time datetime="2025-07-23T09:30:00.000Z" lang="de-DE">23. Juli 2025 um 11:30 MESZ</time>');
    // The bottom line comes before the summary of counts.
    expect(html.indexOf('id="assessment"')).toBeLessThan(html.indexOf('id="summary"'));
  });

  it('says so when nothing is assessed and no analyst is named', () => {
    const bare = toHtml(input());
    expect(bare).toContain('<span class="verdict" data-verdict="unassessed">Not assessed</span>');
    expect(bare).toContain('<p class="empty">No summary written.</p>');
    expect(bare).toContain('<dt>Analyst</dt><dd><span class="muted">not named</span></dd>');
    expect(bare).toContain('<dt>Report generated</dt><dd><time datetime="2025-07-23T10:00:00.000Z" lang="en-GB">23 July 2025 at 10:00 UTC</time></dd>');
  });

  it('escapes a hostile analyst name, summary, outlet and URL', () => {
    const hostile = toHtml(
      input(
        { analyst: '<img src=x onerror=alert(1)>', document: { ...kremlinFixture().input.document, metadata: { site: '<script>alert(2)</script>', url: 'javascript:alert(3)', published: '"><svg onload=alert(4)>' } } },
        { assessment: assessment({ summary: '<script>alert(5)</script> [x](javascript:alert(6))' }) },
      ),
    );
    expect(hostile).not.toMatch(/<script|<img|<svg|href="javascript/i);
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile).toContain('<dt>Outlet</dt><dd>&lt;script&gt;alert(2)&lt;/script&gt;</dd>');
    expect(hostile).toContain('<dt>Published</dt><dd>&quot;&gt;&lt;svg onload=alert(4)&gt;</dd>');
  });
});

describe('ClaimReview', () => {
  it('names the analyst as the review’s author, unless an author is given', () => {
    const graph = (toClaimReview(input({ analyst: 'Jana Müller' }))['@graph'] as Array<{ author: unknown }>);
    expect(graph[0]!.author).toEqual({ '@type': 'Person', name: 'Jana Müller' });
    const given = toClaimReview(input({ analyst: 'Jana Müller' }), { author: { name: 'Desk', type: 'Organization' } })['@graph'] as Array<{ author: unknown }>;
    expect(given[0]!.author).toEqual({ '@type': 'Organization', name: 'Desk' });
  });
});

describe('the outlet', () => {
  it('is the site’s name, else the host of an http(s) address, else unknown', () => {
    const doc = kremlinFixture().input.document;
    expect(outletOf({ ...doc, metadata: { site: 'Reuters', url: 'https://www.reuters.com/x' } })).toBe('Reuters');
    expect(outletOf({ ...doc, metadata: { url: 'https://www.reuters.com/x' } })).toBe('reuters.com');
    expect(outletOf({ ...doc, metadata: { url: 'javascript:alert(1)' } })).toBeNull();
    expect(outletOf({ ...doc, metadata: {} })).toBeNull();
  });

  it('is not listed twice among the document record', () => {
    const m = buildModel(input({ document: { ...kremlinFixture().input.document, metadata: { site: 'Reuters' } } }));
    expect(m.outlet).toBe('Reuters');
    const html = toHtml(input({ document: { ...kremlinFixture().input.document, metadata: { site: 'Reuters' } } }));
    expect(html.match(/Reuters/g)).toHaveLength(1);
  });
});

describe('the Markdown header', () => {
  const md = toMarkdown(input({ ...BERLIN, analyst: 'Jana *Müller*' }, { assessment: assessment({ summary: '# not a heading\n<b>x</b> [y](https://evil.example)\n\nSecond paragraph.' }) }));
  const rendered = renderMarkdown(md);

  it('gives the article, the analyst, the verdict and the times in the analyst’s language and zone', () => {
    expect(md).toContain('**Outlet:** menafn.com');
    // "22." escaped as Markdown escapes every value (it renders as 22.).
    expect(md).toContain('**Published:** 22\\. Juli 2025');
    expect(rendered).toContain('<strong>Published:</strong> 22. Juli 2025');
    expect(md).toContain('**URL:** `https://menafn.com/kremlin-call`');
    expect(md).toContain('**Analyst:** Jana \\*Müller\\*');
    expect(md).toContain('**Report generated:** 23\\. Juli 2025 um 12:00 MESZ');
    expect(md).toContain('## Assessment\n\n**Verdict:** Misleading: ');
    expect(md).toContain('_Assessed by Jana \\*Müller\\* · last changed 23\\. Juli 2025 um 11:30 MESZ_');
    expect(md).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('renders the summary as text: no heading, link or HTML from it, its paragraphs kept', () => {
    expect(rendered).not.toMatch(/<a |<b>|<h1>not/);
    expect(md).toContain('\\# not a heading  \n\\<b\\>x\\</b\\> \\[y\\](https&#58;//evil.example)\n\nSecond paragraph.');
  });
});
