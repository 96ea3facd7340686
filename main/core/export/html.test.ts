import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Annotation, Block } from '../../../common/domain';
import { MAX_OPEN } from './highlight';
import { REPORT_CSP, toHtml } from './index';
import { FixtureBuilder, HOSTILE_PARAGRAPH, kremlinFixture, TITLE } from '../../../test/export/fixture';
import { articleText, nestingProblem } from '../../../test/export/html-check';
import { HOSTILE_LINES, hostileFixture } from '../../../test/export/hostile';
import { REPORT_CSS } from './html-style';
import { annotation } from '../../../test/fixtures/annotation';

const REPORT_CSS_HAS_CF = /\.cf \{[^}]*unicode-bidi: isolate/.test(REPORT_CSS);

const blockTexts = (text: string, blocks: Block[]) => blocks.map((b) => text.slice(b.start, b.end)).join('\n');

describe('toHtml', () => {
  const { input } = kremlinFixture();
  const html = toHtml(input);

  it('has the title, metadata and every section', () => {
    expect(html).toContain(`<h1>${TITLE}</h1>`);
    expect(html).toContain('<dt>Author</dt><dd>MENAFN</dd>');
    expect(html).toContain('<dt>Published</dt><dd><time datetime="2025-07-22" lang="en-GB">22 July 2025</time></dd>');
    for (const id of ['assessment', 'summary', 'text', 'claims', 'attributions', 'sources', 'inconsistencies', 'notes']) {
      expect(html, id).toContain(`<section id="${id}"`);
    }
    expect(html).toContain('@media print');
  });

  it('summarises claims by status, sources by grade, inconsistencies and unsourced claims', () => {
    const card = (name: string) => new RegExp(`<h3>${name}</h3><div class="big">(\\d+)</div>`).exec(html)?.[1];
    expect(card('Claims')).toBe('10');
    expect(card('Attributions')).toBe('3');
    expect(card('Sources by grade')).toBe('4');
    expect(card('Inconsistencies')).toBe('2');
    // The hostile claim, the orphan and the first dateline have no source.
    expect(card('Unsourced claims')).toBe('3');
    expect(html).toContain('<tr><td>Refuted</td><td class="n">3</td></tr>');
    expect(html).toContain('<tr><td>Open</td><td class="n">1</td></tr>');
    expect(html).toContain('<tr><td>Confirmed</td><td class="n">1</td></tr>');
    expect(html).toContain('<tr><td><span class="grade">B</span> Usually reliable</td><td class="n">1</td></tr>');
  });

  it('is self-contained: strict CSP, no script, no remote resource, only in-page links', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<[^>]*\shref="(?!#)/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).not.toMatch(/<[^>]+\son[a-z]+=/i);
  });

  it('escapes document text and notes', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;at least five&lt;/b&gt; &amp; &quot;sixth&quot;');
    expect(html).toContain('Ask &lt;MENAFN&gt; which count is right');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
  });

  it('nests overlapping highlights correctly and keeps every character of the text', () => {
    expect(nestingProblem(html)).toBeNull();
    const { text, blocks } = input.document;
    expect(articleText(html)).toBe(`${blockTexts(text, blocks)}\n`);
    expect(articleText(html)).toContain(HOSTILE_PARAGRAPH);
  });

  it('numbers markers in reading order and links each to its row, and back', () => {
    const markers = [...html.matchAll(/<sup class="mk" id="m-([ca])(\d+)"><a href="#\1\2">([CA]\d+)<\/a><\/sup>/g)].map((m) => m[3]);
    expect(markers.filter((m) => m!.startsWith('C'))).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9']);
    // The orphan comes last and has no marker: it is not in the text.
    expect(html).toMatch(/<tr id="c\d+"><th scope="row">C10<\/th><td class="q"><q>Trump flew to Moscow<\/q>/);
    expect(markers.filter((m) => m!.startsWith('A'))).toEqual(['A1', 'A2', 'A3']);
    expect(html.match(/<sup class="mk mk-f" id=/g)).toHaveLength(4);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) expect(ids.has(target), target).toBe(true);
    expect([...html.matchAll(/\sid="([^"]+)"/g)].length).toBe(ids.size);
  });

  it('shows the claims table with quote, status, credibility, source and note', () => {
    const row = /<tr id="c(\d+)"><th scope="row"><a href="#m-c\1">C5<\/a><\/th>([\s\S]*?)<\/tr>/.exec(html)?.[2] ?? '';
    expect(row).toContain('<q>This marks the sixth conversation between the two leaders this year</q>');
    expect(row).toContain('Refuted');
    expect(row).toContain('4 · Doubtful');
    expect(row).toContain('>Kremlin</a> <span class="nowrap"><span class="grade" title="Fairly reliable">C</span>');
    expect(row).toContain('&lt;b&gt;at least five');
    // A claim sourced through its attribution says so.
    expect(html).toMatch(/Yury Ushakov<\/a> <span class="nowrap"><span class="grade"[^>]*>B<\/span> <span class="muted">via A2<\/span>/);
    expect(html).toContain('Orphaned: not found in the current text');
    expect(html).toContain('<q>Trump flew to Moscow</q>');
  });

  it('quotes each member of an inconsistency with its explanation and status', () => {
    const flag = /<article class="flag" id="f\d+">([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
    expect(flag).toContain('F1</a> · Confirmed');
    expect(flag).toContain('Dateline says 02 January 2024 but the story is stamped 2025-07-22');
    expect(flag).toContain('(refuted): <q>02 January 2024</q>');
    expect(flag).toContain('(supported): <q>2025-07-22 04:38:47</q>');
  });

  it('renders headings, lists, quotes and inline styles, with annotations across blocks', () => {
    const text = 'Title line\nFirst item here\nSecond item here\nA quoted remark\nLast paragraph, bold bit.';
    const b = new FixtureBuilder(text);
    const at = (s: string) => b.find(s);
    const blocks: Block[] = [
      { type: 'heading', level: 1, ...at('Title line') },
      { type: 'listItem', ordered: true, ...at('First item here') },
      { type: 'listItem', ordered: true, ...at('Second item here') },
      { type: 'blockquote', ...at('A quoted remark') },
      { type: 'paragraph', ...at('Last paragraph, bold bit.'), styles: [{ type: 'bold', ...at('bold bit') }] },
    ];
    const across = b.annotate('claim', 'item here\nSecond item');
    b.annotate('attribution', 'bold');
    const out = toHtml(b.input({ blocks, title: 'Structure' }));
    expect(out).toContain('<h3 class="dh">Title line</h3>');
    expect(out).toMatch(/<ol><li>First <span class="hl cl"[^>]*>item here<\/span><\/li><li><span class="hl cl"[^>]*>Second item<\/span><sup class="mk" id="m-c\d+">/);
    expect(out).toContain('<blockquote><p>A quoted remark</p></blockquote>');
    expect(out).toMatch(/<strong><span class="hl at"[^>]*>bold<\/span><sup class="mk"[^>]*>.*?<\/sup> bit<\/strong>/);
    expect(nestingProblem(out)).toBeNull();
    expect(across.id).toBeGreaterThan(0);
  });

  it('renders a table block as a table, its header row as th, short rows padded, with a claim across cells', () => {
    const text = 'Results below.\n\nYear\tRevenue\tStaff\n2023\t$5 million\t40\n2024\t$9 million\n\tempty first';
    const b = new FixtureBuilder(text);
    const tableStart = text.indexOf('Year');
    const blocks: Block[] = [
      { type: 'paragraph', ...b.find('Results below.') },
      { type: 'table', header: true, start: tableStart, end: text.length, styles: [{ type: 'bold', ...b.find('Year\tRevenue\tStaff') }] },
    ];
    b.annotate('claim', '$5 million\t40\n2024');
    const out = toHtml(b.input({ blocks }));
    const article = /<article class="doc">([\s\S]*?)<\/article>/.exec(out)![1]!;
    expect(nestingProblem(out)).toBeNull();
    const plain = article.replace(/<sup[^>]*>.*?<\/sup>/g, '').replace(/<(?!\/?(?:table|thead|tbody|tr|th|td)\b)[^>]*>/g, '').replace(/ class="dt"/g, '');
    expect(plain).toBe(
      'Results below.<table><thead><tr><th>Year</th><th>Revenue</th><th>Staff</th></tr></thead><tbody>' +
        '<tr><td>2023</td><td>$5 million</td><td>40</td></tr><tr><td>2024</td><td>$9 million</td><td></td></tr>' +
        '<tr><td></td><td>empty first</td><td></td></tr></tbody></table>',
    );
    // The claim is drawn in each cell it covers; the tabs and line breaks between cells are not shown.
    expect(article.match(/<span class="hl cl/g)).toHaveLength(3);
    expect(article).not.toMatch(/\t/);
    const noHeader = toHtml(b.input({ blocks: [{ type: 'table', start: 0, end: 14 }] }));
    expect(noHeader).toMatch(/<table class="dt"><tbody><tr><td>Results below\.<\/td><\/tr><\/tbody><\/table>/);
  });

  it('shows text that no block covers, and copes with no blocks at all', () => {
    const text = 'Covered block.\n\nUncovered tail with a claim.';
    const b = new FixtureBuilder(text);
    b.annotate('claim', 'a claim');
    const partial = toHtml(b.input({ blocks: [{ type: 'paragraph', start: 0, end: 14 }] }));
    expect(articleText(partial)).toBe('Covered block.\nUncovered tail with a claim.\n');
    const none = toHtml(b.input({ blocks: [] }));
    expect(articleText(none)).toBe('Covered block.\nUncovered tail with a claim.\n');
  });

  it('bounds the nesting depth on pathological overlaps but keeps every marker', () => {
    const text = 'x'.repeat(2000);
    const b = new FixtureBuilder(text);
    for (let i = 0; i < 60; i++) {
      b.annotations.push({ id: i + 1, documentId: 1, kind: 'claim', start: i * 10, end: i * 10 + 1000, exact: '', prefix: '', suffix: '', status: 'unverified', credibility: null, note: '', orphan: false, createdAt: '' });
    }
    const out = toHtml(b.input({ blocks: [{ type: 'paragraph', start: 0, end: text.length }] }));
    expect(nestingProblem(out)).toBeNull();
    expect(articleText(out)).toBe(`${text}\n`);
    expect(out.match(/<sup class="mk" id="m-c/g)).toHaveLength(60);
    let depth = 0;
    let deepest = 0;
    const article = /<article class="doc">([\s\S]*?)<\/article>/.exec(out)![1]!;
    for (const m of article.matchAll(/<(\/?)span class="hl|<\/span>/g)) {
      if (m[0] === '</span>') depth--;
      else depth++;
      deepest = Math.max(deepest, depth);
    }
    expect(deepest).toBeLessThanOrEqual(MAX_OPEN);
  });

  it('stays well formed and loses no cell text for any annotations over a table block', () => {
    const text = 'ab\tcd\tef\ngh\t\tij\nkl\nmn\top\tqr\tst';
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.boolean()), { maxLength: 20 }), fc.boolean(), (ranges, header) => {
        const b = new FixtureBuilder(text);
        ranges.forEach(([x, y, claim], i) => {
          const [start, end] = [Math.min(x, y), Math.max(x, y)];
          b.annotations.push(annotation(1000 + i, claim ? 'claim' : 'attribution', start, end, { exact: text.slice(start, end) }));
        });
        const out = toHtml(b.input({ blocks: [{ type: 'table', header, start: 0, end: text.length, styles: [{ type: 'bold', start: 1, end: 9 }] }] }));
        expect(nestingProblem(out)).toBeNull();
        const article = /<article class="doc">([\s\S]*?)<\/article>/.exec(out)![1]!;
        const cells = [...article.replace(/<sup class="mk[^"]*"[^>]*>[\s\S]*?<\/sup>/g, '').matchAll(/<t([hd])>([\s\S]*?)<\/t\1>/g)].map((m) => m[2]!.replace(/<[^>]+>/g, ''));
        // Four columns a row: the widest row sets the width, shorter rows are padded.
        expect(cells).toEqual(['ab', 'cd', 'ef', '', 'gh', '', 'ij', '', 'kl', '', '', '', 'mn', 'op', 'qr', 'st']);
      }),
      { numRuns: 200 },
    );
  });

  it('stays well formed and loses no text for any overlap of annotations and blocks', () => {
    const text = 'abcdefghij klmnopqrst uvwxyz ABCDEFGHIJ KLMNOPQRST UVWXYZ 0123456789';
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.boolean()), { maxLength: 25 }),
        fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { maxLength: 4 }),
        (ranges, cuts, flagPairs) => {
          const b = new FixtureBuilder(text);
          const annotations: Annotation[] = ranges.map(([x, y, claim], i) => {
            const [start, end] = [Math.min(x, y), Math.max(x, y)];
            const a = annotation(1000 + i, claim ? 'claim' : 'attribution', start, end, { exact: text.slice(start, end) });
            b.annotations.push(a);
            return a;
          });
          flagPairs.forEach(([i, j], k) => {
            const members = [annotations[i % Math.max(1, annotations.length)], annotations[j % Math.max(1, annotations.length)]].filter((a) => a !== undefined);
            if (members.length > 0) b.flags.push({ id: 5000 + k, documentId: 1, explanation: 'x', status: 'open', note: '', memberIds: members.map((a) => a.id) });
          });
          const points = [0, ...[...cuts].sort((p, q) => p - q), text.length];
          const blocks: Block[] = [];
          for (let i = 0; i + 1 < points.length; i++) blocks.push({ type: i % 3 === 2 ? 'listItem' : 'paragraph', start: points[i]!, end: points[i + 1]! });
          const out = toHtml(b.input({ blocks }));
          expect(nestingProblem(out)).toBeNull();
          expect(articleText(out)).toBe(`${blockTexts(text, blocks)}\n`);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('toHtml on hostile input', () => {
  const { input } = hostileFixture();
  const html = toHtml(input);

  it('escapes everything and stays well formed', () => {
    expect(nestingProblem(html)).toBeNull();
    expect(html).not.toMatch(/<(?:script|img|svg|iframe)\b/i);
    expect(html).not.toMatch(/<[^>]+\son[a-z]+=/i);
    expect(html).not.toMatch(/href="(?!#)/);
  });

  it('shows invisible characters as marked tokens in the text, quotes, notes, sources, metadata and title', () => {
    expect(html).not.toMatch(/[\p{Cf}]/u);
    const token = (cp: string, name: string) => `<span class="cf" title="U+${cp} ${name}">⟨U+${cp}⟩</span>`;
    expect(html).toContain(`Pay ${token('202E', 'RIGHT-TO-LEFT OVERRIDE')}txt.exe${token('202C', 'POP DIRECTIONAL FORMATTING')} now`);
    expect(html).toContain(`${token('2066', 'LEFT-TO-RIGHT ISOLATE')}isolated${token('2069', 'POP DIRECTIONAL ISOLATE')}`);
    expect(html).toContain(`pass${token('200B', 'ZERO WIDTH SPACE')}word`);
    expect(html).toContain(`${token('FEFF', 'ZERO WIDTH NO-BREAK SPACE (byte order mark)')}bom`);
    expect(html).toContain('tag<span class="cf" title="U+E0041 invisible character">⟨U+E0041⟩</span>');
    expect(html).toMatch(/<title>[^<]*⟨U\+202E⟩gnp\.exe — annotated report<\/title>/);
    // Every note holds the text once and is shown twice (claims table, notes); plus the article, quotes, sources...
    const tokens = html.match(/<span class="cf" title="U\+202E RIGHT-TO-LEFT OVERRIDE">/g)!.length;
    expect(tokens).toBeGreaterThan(2 * HOSTILE_LINES.length);
    expect(REPORT_CSS_HAS_CF).toBe(true);
  });

  it('shows the file name only, or the whole path when asked', () => {
    expect(html).toContain('<dt>File</dt><dd><code>leak.txt</code></dd>');
    expect(html).not.toContain('/home/analyst');
    expect(html).not.toContain('Secret Project');
    const withPath = toHtml({ ...input, includePath: true });
    expect(withPath).toContain('<dt>File</dt><dd><code>/home/analyst/Secret Project/&lt;b&gt;sources&lt;/b&gt;/leak.txt</code></dd>');
    const windows = toHtml({ ...input, document: { ...input.document, path: 'C:\\Users\\analyst\\Desktop\\leak.docx' } });
    expect(windows).toContain('<dt>File</dt><dd><code>leak.docx</code></dd>');
    expect(windows).not.toContain('analyst');
    expect(toHtml({ ...input, document: { ...input.document, path: null } })).not.toContain('<dt>File</dt>');
  });
});

describe('a tag a new version moved onto other words', () => {
  it('shows the words it was made on in the HTML and Markdown reports, escaped', async () => {
    const { input } = kremlinFixture();
    const claim = input.state.annotations.find((a) => a.kind === 'claim' && !a.orphan)!;
    claim.changedFrom = 'the <b>fifth</b> conversation';
    claim.changedInVersion = 2;
    const html = toHtml(input);
    expect(html).toContain('Changed in version 2: it was <del>the &lt;b&gt;fifth&lt;/b&gt; conversation</del>');
    const { toMarkdown } = await import('./index');
    expect(toMarkdown(input)).toMatch(/_Changed in version 2: it was_ ~~the .*fifth.* conversation~~/);
  });
});
