import { describe, expect, it } from 'vitest';
import { ClaimscopeError } from '../../../common/errors';
import { blockTexts, expectWellFormed, styledTexts } from '../../../test/import/check';
import { docxParts, rawZip } from '../../../test/import/zip';
import { importBuffer } from './index';

const utf8 = (s: string) => new TextEncoder().encode(s);

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Minister denies report | The Daily</title>
  <meta name="author" content="Jane Reporter">
  <meta property="article:published_time" content="2024-03-05T10:30:00+01:00">
  <meta property="og:url" content="https://example.com/og-url">
  <link rel="canonical" href="https://example.com/news/minister-denies">
  <meta name="description" content="The minister denied the report on Tuesday.">
  <script>window.evil = true; document.write('INJECTED');</script>
  <style>body { color: red } .x::after { content: 'STYLE TEXT' }</style>
  <link rel="stylesheet" href="https://cdn.example.com/remote.css">
</head>
<body onload="alert('handler')">
  <nav><a href="/">Home</a> | <a href="/news">News</a></nav>
  <header><p>Site banner outside the article</p></header>
  <article>
    <h1>Minister <em>denies</em> report</h1>
    <p>The minister said on Tuesday that the report was <strong>false</strong>, and
       <a href="javascript:alert(1)" onclick="steal()">called it</a> &ldquo;a fabrication&rdquo;.</p>
    <p>Second&nbsp;paragraph with <b>bold <i>and italic</i></b> text.<br>After a break.</p>
    <script>alert('inline script')</script>
    <iframe src="https://ads.example.com/frame"></iframe>
    <img src="https://tracker.example.com/pixel.gif" alt="tracking pixel" width="1" height="1" onerror="steal()">
    <svg><text>SVG TEXT</text></svg>
    <math><mi>MATHTEXT</mi></math>
    <template><p>TEMPLATE TEXT</p></template>
    <form action="https://example.com/subscribe"><label>Email</label><input name="e" value="INPUT VALUE"><button>Subscribe now</button></form>
    <noscript>Please enable JavaScript</noscript>
    <object data="x.swf">OBJECT FALLBACK</object>
    <div hidden>HIDDEN TEXT</div>
    <div style="display: none">INVISIBLE TEXT</div>
    <h2>Background</h2>
    <ul>
      <li>First point</li>
      <li>Second point
        <ol><li>Nested numbered</li></ol>
      </li>
    </ul>
    <blockquote><p>We never said that.</p><p>Never.</p></blockquote>
    <pre>line one
  indented line two</pre>
    <table><tr><th>Year</th><th>Figure</th></tr><tr><td>2023</td><td>5%</td></tr></table>
  </article>
  <aside>Related: other stories</aside>
  <footer>Copyright The Daily</footer>
</body>
</html>`;

describe('.html', () => {
  it('imports the readable content of the article as text and blocks', async () => {
    const doc = await importBuffer('page.html', utf8(PAGE));
    expectWellFormed(doc);
    expect(doc.format).toBe('html');
    expect(blockTexts(doc)).toEqual([
      'h1: Minister denies report',
      'p: The minister said on Tuesday that the report was false, and called it “a fabrication”.',
      'p: Second paragraph with bold and italic text.\nAfter a break.',
      'p: MATHTEXT',
      'h2: Background',
      'ul: First point',
      'ul: Second point',
      'ol: Nested numbered',
      'quote: We never said that.',
      'quote: Never.',
      'p: line one\n  indented line two',
      'table: Year\tFigure\n2023\t5%',
    ]);
    expect(styledTexts(doc)).toEqual(['italic:denies', 'bold:false', 'bold:bold and italic', 'italic:and italic', 'bold:Year\tFigure']);
    // Blocks are separated by a blank line; nothing between them is shown.
    expect(doc.text.startsWith('Minister denies report\n\nThe minister said')).toBe(true);
  });

  it('drops scripts, styles, handlers, frames, forms, embedded objects and remote resources', async () => {
    const doc = await importBuffer('page.html', utf8(PAGE));
    for (const banned of [
      'INJECTED', 'evil', 'STYLE TEXT', 'alert', 'steal', 'javascript:', 'inline script', 'ads.example.com', 'tracker', 'tracking pixel',
      'SVG TEXT', 'TEMPLATE TEXT', 'Subscribe', 'INPUT VALUE', 'Email', 'enable JavaScript', 'OBJECT FALLBACK',
      'HIDDEN TEXT', 'INVISIBLE TEXT', 'remote.css', 'Home', 'Related', 'Copyright', 'Site banner', '<', '>',
    ]) {
      expect(doc.text, banned).not.toContain(banned);
    }
  });

  it('reads the metadata: title, author, published date, canonical url, description', async () => {
    const doc = await importBuffer('page.html', utf8(PAGE));
    expect(doc.title).toBe('Minister denies report | The Daily');
    expect(doc.metadata).toMatchObject({
      author: 'Jane Reporter',
      published: '2024-03-05T09:30:00.000Z',
      url: 'https://example.com/news/minister-denies',
      description: 'The minister denied the report on Tuesday.',
      language: 'en',
    });
  });

  it('uses <main> when there is no article, the whole body when there is neither', async () => {
    const main = await importBuffer('m.htm', utf8('<body><div>Menu text</div><main><p>Main content here.</p></main><div>Footer text</div></body>'));
    expect(blockTexts(main)).toEqual(['p: Main content here.']);
    const body = await importBuffer('b.htm', utf8('<body><div>Plain page.</div><footer>Footer gone</footer><p>More text.</p></body>'));
    expect(blockTexts(body)).toEqual(['p: Plain page.', 'p: More text.']);
    expect(body.title).toBe('b');
  });

  it('keeps the content of a form that wraps the whole page (ASP.NET style)', async () => {
    const doc = await importBuffer('asp.html', utf8('<body><form id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="xyz"><h1>Heading</h1><p>Body text.</p></form></body>'));
    expect(blockTexts(doc)).toEqual(['h1: Heading', 'p: Body text.']);
  });

  it('falls back to og: metadata and JSON-LD', async () => {
    const html = `<html><head>
      <meta property="og:title" content="OG Title">
      <meta property="og:url" content="https://example.org/story">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","author":[{"@type":"Person","name":"Ann One"},{"name":"Bob Two"}],"datePublished":"2023-12-01"}</script>
    </head><body><p>Story text.</p></body></html>`;
    const doc = await importBuffer('s.html', utf8(html));
    expect(doc.title).toBe('OG Title');
    expect(doc.metadata).toMatchObject({ url: 'https://example.org/story', author: 'Ann One, Bob Two', published: '2023-12-01' });
  });

  it('ignores metadata URLs that are not http(s)', async () => {
    const doc = await importBuffer('x.html', utf8('<head><link rel="canonical" href="javascript:alert(1)"></head><body><p>Text.</p></body>'));
    expect(doc.metadata.url).toBeUndefined();
  });

  it('decodes the declared charset, or sniffs UTF-8 / Windows-1252', async () => {
    const latin = new Uint8Array([...Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>Caf', 'latin1'), 0xe9, 0x20, 0x96, 0x20, 0x93, 0x78, 0x94, ...Buffer.from('</p></body></html>', 'latin1')]);
    expect((await importBuffer('latin.html', latin)).text).toBe('Café – “x”');
    const declaredLatin1 = new Uint8Array([...Buffer.from('<meta charset="iso-8859-1"><p>na', 'latin1'), 0xef, 0x76, 0x65, ...Buffer.from('</p>', 'latin1')]);
    expect((await importBuffer('l1.html', declaredLatin1)).text).toBe('naïve');
    const koi8 = new Uint8Array([...Buffer.from('<meta charset="koi8-r"><p>', 'latin1'), 0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, ...Buffer.from('</p>', 'latin1')]);
    expect((await importBuffer('ru.html', koi8)).text).toBe('Привет');
    const undeclared = new Uint8Array([...Buffer.from('<p>na', 'latin1'), 0xef, 0x76, 0x65, ...Buffer.from('</p>', 'latin1')]);
    expect((await importBuffer('u.html', undeclared)).text).toBe('naïve');
    expect((await importBuffer('u8.html', utf8('<p>naïve – ok</p>'))).text).toBe('naïve – ok');
    const bom16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('<p>UTF-16 page</p>', 'utf16le')]);
    expect((await importBuffer('u16.html', bom16)).text).toBe('UTF-16 page');
  });

  it('reads deeply nested markup without recursion limits, and refuses absurd nesting quickly', async () => {
    const html = '<div>'.repeat(3000) + '<p>Deep text.</p>' + '</div>'.repeat(3000);
    const doc = await importBuffer('deep.html', utf8(html));
    expect(doc.text).toBe('Deep text.');
    const t0 = performance.now();
    await expect(importBuffer('deeper.html', utf8('<div>'.repeat(200_000) + 'x'))).rejects.toThrow(/nested more than 4000 levels deep/);
    expect(performance.now() - t0).toBeLessThan(1000);
    // Thousands of unclosed paragraphs and list items are not nesting.
    const flat = await importBuffer('flat.html', utf8('<ul>' + '<li>item<p>para'.repeat(6000) + '</ul>'));
    expect(flat.blocks.length).toBe(12_000);
  });

  it('counts a self-closing <div/> as the opening it is, so repeating it cannot make the parser quadratic', async () => {
    const t0 = performance.now();
    await expect(importBuffer('selfclosing.html', utf8('<body>' + '<div/>'.repeat(200_000) + '<p>x</p></body>'))).rejects.toThrow(
      'selfclosing.html: its elements are nested more than 4000 levels deep (damaged or machine-made HTML); open it in a browser and save it as PDF or text, then import that',
    );
    expect(performance.now() - t0).toBeLessThan(1000);
    // Inside SVG and MathML the slash does close the element: thousands of icons are fine.
    const icons = '<svg><path d="M0"/><circle r="1"/></svg>'.repeat(5000);
    expect((await importBuffer('icons.html', utf8(`<body>${icons}<p>Text after icons.</p></body>`))).text).toBe('Text after icons.');
  });

  it('refuses a page without readable text and binary data named .html', async () => {
    await expect(importBuffer('empty.html', utf8('<html><head><script>x()</script></head><body> <img src=a.png> </body></html>'))).rejects.toThrow(
      'empty.html: the page has no readable text; check that it is the right file',
    );
    await expect(importBuffer('img.html', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).rejects.toThrow(/is a JPEG image, not text/);
    await expect(importBuffer('empty.htm', new Uint8Array())).rejects.toBeInstanceOf(ClaimscopeError);
  });
});

const NEWS = `<!doctype html><html lang="en"><head>
<title>Council approves flood barrier - Riverside Gazette</title>
<meta property="og:title" content="Council approves flood barrier">
<meta property="og:url" content="https://gazette.example/news/flood-barrier">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council approves flood barrier","datePublished":"2024-05-02T08:00:00Z","publisher":{"@type":"Organization","name":"Riverside Gazette"}}</script>
</head><body onload="track()">
<div class="site-header"><a href="/">Riverside Gazette</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/subscribe">Subscribe</a></div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<div id="content"><div class="story">
<h1>Council approves flood barrier</h1>
<p class="byline">By <a rel="author" href="/staff/ann">Ann Fielding</a></p>
<p>The city council voted on Tuesday to build a flood barrier along the eastern bank of the river, ending a debate that has lasted almost a decade. The barrier will cost 48 million pounds, most of it from a national resilience fund, and work is due to start next spring.</p>
<p>Councillor Mark Hughes, who chairs the planning committee, said the vote was "the most important decision this council has taken in a generation". Residents of the low-lying Millbrook estate, which flooded three times in the last twelve years, packed the public gallery and applauded when the result was announced.</p>
<div class="ad">Advertisement <img src="https://ads.example/pixel.gif" onerror="steal()"></div>
<p>Opponents argued that the barrier would push water downstream towards farmland and that the cost estimate was too optimistic. An independent review published in March found that similar projects elsewhere had run over budget by an average of a fifth. <script>document.write('INJECTED')</script></p>
<p>The Environment Agency said it would publish a detailed assessment of the downstream effects before construction begins, and that the council had agreed to fund additional drainage for the farms most at risk.</p>
</div></div>
<div class="related"><h3>Related stories</h3><ul><li><a href="/a">Storm warning for the weekend</a></li><li><a href="/b">River levels rise after heavy rain</a></li><li><a href="/c">Bridge closed for repairs</a></li></ul></div>
<div id="comments"><h3>Comments</h3><div class="comment"><p>CommentUser42 wrote: about time, my basement flooded twice.</p></div><div class="comment"><p>Another reader said the money would be better spent elsewhere.</p></div></div>
<div class="footer">Copyright Riverside Gazette. Cookie settings. Privacy policy.</div>
</body></html>`;

describe('.html: the article and only the article', () => {
  it('keeps the article and drops menus, share buttons, adverts, related links and comments', async () => {
    const doc = await importBuffer('news.html', utf8(NEWS));
    expect(doc.text).toContain('The city council voted on Tuesday to build a flood barrier');
    expect(doc.text).toContain('funding additional drainage'.replace('funding', 'fund'));
    for (const gone of ['Share on Facebook', 'Advertisement', 'Related stories', 'Storm warning', 'CommentUser42', 'Cookie settings', 'Subscribe', 'INJECTED']) {
      expect(doc.text, gone).not.toContain(gone);
    }
    expect(doc.metadata).toMatchObject({
      author: 'Ann Fielding',
      published: '2024-05-02T08:00:00.000Z',
      url: 'https://gazette.example/news/flood-barrier',
      site: 'Riverside Gazette',
      content: 'article',
    });
    expectWellFormed(doc);
  });

  it('keeps the whole page on request (comments and all), still without anything hostile', async () => {
    const doc = await importBuffer('news.html', utf8(NEWS), { wholePage: true });
    expect(doc.text).toContain('The city council voted on Tuesday');
    expect(doc.text).toContain('CommentUser42 wrote');
    expect(doc.text).toContain('Related stories');
    expect(doc.text).not.toContain('INJECTED');
    expect(doc.metadata.content).toBe('whole page');
    expect(doc.metadata.site).toBe('Riverside Gazette');
  });

  it('falls back to the page structure when Readability finds no article, and cleans bylines', async () => {
    const short = await importBuffer('short.html', utf8('<body><div>Menu</div><main><p>Only a short note here.</p></main></body>'));
    expect(short.text).toBe('Only a short note here.');
    const { cleanByline } = await import('./html');
    expect(cleanByline('By Ann Fielding | May 2, 2024')).toBe('Ann Fielding');
    expect(cleanByline('Written by: Mark Hughes - Staff reporter')).toBe('Mark Hughes');
    expect(cleanByline('https://example.com/staff/ann')).toBeUndefined();
    expect(cleanByline('This is a long sentence that is certainly not the name of any author of an article anywhere')).toBeUndefined();
  });

  describe('tables', () => {
    const page = (body: string) => utf8(`<html><body>${body}</body></html>`);

    it('keeps a data table as one table block: header, merged cells, line breaks and paragraphs in a cell, caption before it', async () => {
      const doc = await importBuffer(
        't.html',
        page(
          '<p>Intro.</p><table><caption>Table 1: staff</caption><thead><tr><th>Team</th><th>2023</th><th>2024</th></tr></thead>' +
            '<tbody><tr><td rowspan="2">North<br>(incl. <b>HQ</b>)</td><td colspan="2"><p>40</p><p>flat</p></td></tr>' +
            '<tr><td>41</td><td>42</td></tr><tr><td></td><td></td><td>last <pre>a\n b</pre></td></tr></tbody></table><p>Outro.</p>',
        ),
      );
      expectWellFormed(doc);
      expect(blockTexts(doc)).toEqual([
        'p: Intro.',
        'p: Table 1: staff',
        'table: Team\t2023\t2024\nNorth (incl. HQ)\t40 flat\n\t41\t42\n\t\tlast a b',
        'p: Outro.',
      ]);
      expect(doc.blocks[2]).toMatchObject({ type: 'table', header: true });
      expect(styledTexts(doc)).toEqual(['bold:Team\t2023\t2024', 'bold:HQ']);
    });

    it('reads layout tables (one column, a table inside, role="presentation", an article in a cell) as paragraphs, as before', async () => {
      const doc = await importBuffer(
        'layout.html',
        page(
          '<table><tr><td><p>Only column one.</p></td></tr><tr><td><p>Only column two.</p></td></tr></table>' +
            '<table role="presentation"><tr><td><p>Side A.</p></td><td><p>Side B.</p></td></tr></table>' +
            '<table><tr><td><p>Outer.</p></td><td><table><tr><td>In 1</td><td>In 2</td></tr></table></td></tr></table>',
        ),
      );
      expect(blockTexts(doc)).toEqual(['p: Only column one.', 'p: Only column two.', 'p: Side A.', 'p: Side B.', 'p: Outer.', 'table: In 1\tIn 2']);
      const article = await importBuffer('cell.html', page(`<table><tr><td>Menu</td><td><p>${'An article set in a layout table. '.repeat(20)}</p><p>Its end.</p></td></tr></table>`), { wholePage: true });
      expect(blockTexts(article)).toEqual(['p: Menu', `p: ${'An article set in a layout table. '.repeat(20).trim()}`, 'p: Its end.']);
    });

    it('bounds a hostile colspan', async () => {
      const doc = await importBuffer('span.html', page('<table><tr><td colspan="100000">a</td><td>b</td></tr><tr><td>c</td><td rowspan="99999">d</td></tr></table>'));
      expect(doc.text).toBe(`a${'\t'.repeat(50)}b\nc\td`);
    });
  });

  describe('what a reader sees, and only that', () => {
    const page = (body: string) => utf8(`<html><body>${body}</body></html>`);

    it('keeps image alternative text in brackets; drops empty, generic, file-name, repeated and pixel-sized ones', async () => {
      const doc = await importBuffer(
        'img.html',
        page(
          '<p>Sales rose <img src="c.png" alt="Chart: sales by year, 2019-2024"> sharply.</p>' +
            '<p><img src="a.png" alt=""><img src="b.png" alt="image"><img src="IMG_2041.JPG" alt="IMG_2041.JPG"><img src="l.png" alt="Site logo">' +
            '<img src="t.gif" alt="tracker" width="1" height="1"><img src="c.png" alt="Chart: sales by year, 2019-2024">Caption.</p>' +
            '<picture><source srcset="x.webp"><img src="x.jpg" alt="The mayor at the podium"></picture>',
        ),
      );
      expect(blockTexts(doc)).toEqual(['p: Sales rose [Chart: sales by year, 2019-2024] sharply.', 'p: Caption.', 'p: [The mayor at the podium]']);
    });

    it('keeps the text of MathML (not its TeX annotation)', async () => {
      const doc = await importBuffer(
        'math.html',
        page('<p>Growth was <math><semantics><mrow><mi>g</mi><mo>=</mo><mn>0.05</mn></mrow><annotation encoding="application/x-tex">g = 0.05</annotation></semantics></math> a year.</p>'),
      );
      expect(doc.text).toBe('Growth was g=0.05 a year.');
      const formula = await importBuffer(
        'frac.html',
        page('<p>So <math display="block"><mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mi>c</mi></mfrac><mo>=</mo><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><msqrt><mi>y</mi></msqrt></math> holds.</p>'),
      );
      expect(formula.text).toBe('So (a+b)/c=x^2+√y holds.');
      const started = performance.now();
      const deep = await importBuffer('deep.html', page(`<p>x <math>${'<mfrac><mi>a</mi><mrow>'.repeat(1500)}<mi>b</mi>${'</mrow></mfrac>'.repeat(1500)}</math></p>`));
      expect(deep.text.startsWith('x a/(a/(a/')).toBe(true);
      expect(performance.now() - started).toBeLessThan(5000);
    });

    it('removes soft hyphens and private-use (icon font) characters, joining the word they split', async () => {
      const doc = await importBuffer('soft.html', page('<p><i class="fa">\uf095</i> Call: the infor\u00admation desk\u00ad is open \udb80\udc00daily.</p>'));
      expect(doc.text).toBe('Call: the information desk is open daily.');
    });

    it('does the same for Word (image descriptions, soft hyphens, symbol-font icons)', async () => {
      const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
      const doc = await importBuffer('soft.docx', rawZip(docxParts(para('infor\u00admation') + '<w:p><w:r><w:softHyphen/><w:t>desk</w:t></w:r><w:r><w:t xml:space="preserve"> \ue000open</w:t></w:r></w:p>')));
      expect(doc.text).toBe('information\n\ndesk open');
    });
  });
});
