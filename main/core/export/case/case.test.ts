import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClaimGroup, DocumentRecord, GroupEvidence } from '../../../../common/domain';
import { elementsOf, renderMarkdown } from '../../../../test/export/markdown-render';
import { readPdf } from '../../../../test/export/pdf-read';
import { HOSTILE_LINES, SCRIPT_PAYLOADS } from '../../../../test/export/hostile';
import { REPORT_CSP, toPdf, withPdfInfo } from '../index';
import { documentIri } from '../jsonld/terms';
import { buildCaseReport, casePdfInfo, caseToCsv, caseToHtml, caseToJsonLd, caseToJsonLdText, caseToMarkdown, type CaseReportInput } from './index';

// The case report's renderers over a fixture of three documents: a readout, a hostile statement
// (script in its title, its outlet, its passages) and a silent wire story.

const HOSTILE = `<img src=x onerror="window.__pwned=1"> & "quotes" \u202Etxt.exe`;
const READOUT = 'MOSCOW, 3 July 2025 - President Putin held a telephone conversation with President Trump. The conversation lasted 90 minutes. It was the sixth conversation between the two leaders this year.\n';
const STATEMENT = `WASHINGTON - The President spoke by phone with President Putin. The conversation lasted about an hour ${HOSTILE}. It was the sixth conversation between the two leaders this year.\n`;
const WIRE = 'Reuters - The two presidents spoke on Thursday, officials on both sides said.\n';

function doc(id: number, title: string, text: string, metadata: DocumentRecord['metadata'] = {}): DocumentRecord {
  return {
    id,
    title,
    path: null,
    format: 'txt',
    chars: text.length,
    importedAt: '2025-07-04T08:00:00.000Z',
    annotationCount: 0,
    version: 1,
    previousId: null,
    text,
    blocks: [{ type: 'paragraph', start: 0, end: text.length }],
    sha256: String(id).repeat(64),
    metadata,
  };
}

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  const re = /("(?:[^"]|"")*"|[^,\r\n"]*)(,|\r\n|$)/gy;
  let row: string[] = [];
  for (let m = re.exec(csv); m && re.lastIndex <= csv.length; m = re.exec(csv)) {
    const cell = m[1]!;
    row.push(cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
    if (m[2] !== ',') {
      rows.push(row);
      row = [];
      if (m[2] === '' || re.lastIndex >= csv.length) break;
    }
  }
  return rows;
}

let memberId = 100;
function member(d: DocumentRecord, phrase: string, stance: 'states' | 'contradicts', annotationId: number) {
  const start = d.text.indexOf(phrase);
  if (start < 0) throw new Error(`fixture: "${phrase}" not in document ${d.id}`);
  return { id: memberId++, annotationId, documentId: d.id, stance, exact: phrase, start, end: start + phrase.length };
}

function fixture(over: Partial<CaseReportInput> = {}): CaseReportInput {
  const d1 = doc(1, 'Kremlin readout', READOUT, { site: 'kremlin.ru', published: '2025-07-03' });
  const d2 = doc(2, `White House </title><script>alert('t')</script>`, STATEMENT, { site: `<b>WH</b>`, author: HOSTILE });
  const d3 = doc(3, 'Wire story', WIRE, { url: 'https://www.reuters.com/x' });
  const length: ClaimGroup = {
    id: 11,
    caseId: 7,
    label: `Length of the call ${HOSTILE}`,
    createdAt: '2025-07-04T09:00:00.000Z',
    credibility: null,
    members: [member(d1, 'The conversation lasted 90 minutes.', 'states', 1), member(d2, `The conversation lasted about an hour ${HOSTILE}.`, 'contradicts', 2)],
  };
  const count: ClaimGroup = {
    id: 12,
    caseId: 7,
    label: '',
    createdAt: '2025-07-04T09:01:00.000Z',
    credibility: 2,
    members: [member(d1, 'It was the sixth conversation between the two leaders this year.', 'states', 3), member(d2, 'It was the sixth conversation between the two leaders this year.', 'states', 4)],
  };
  const evidence: GroupEvidence[] = [
    {
      groupId: 11,
      stating: [1],
      contradicting: [2],
      sources: [
        { sourceId: 5, name: 'Yury Ushakov', reliability: 'B', stance: 'states', documentIds: [1] },
        { sourceId: null, name: `<script>alert('source')</script>`, reliability: null, stance: 'contradicts', documentIds: [2] },
      ],
      independentStating: 1,
      independentContradicting: 1,
      proposed: 5,
      reason: `contradicted by 1 independent source (<b>WH</b>)`,
    },
    {
      groupId: 12,
      stating: [1, 2],
      contradicting: [],
      sources: [{ sourceId: 5, name: 'Yury Ushakov', reliability: 'B', stance: 'states', documentIds: [1, 2] }],
      independentStating: 1,
      independentContradicting: 0,
      proposed: 3,
      reason: 'stated by 1 independent source (Yury Ushakov), none contradicts',
    },
  ];
  return {
    case: { id: 7, name: `Leaders' call <script>alert('case')</script>`, createdAt: '2025-07-04T07:30:00.000Z', documentIds: [1, 2, 3] },
    documents: [d1, d2, d3],
    claimGroups: [length, count],
    evidence,
    hypotheses: [
      { id: 21, caseId: 7, label: 'Putin asked for the call', position: 0, createdAt: '2025-07-04T10:00:00.000Z' },
      { id: 22, caseId: 7, label: `Trump asked <i>first</i>`, position: 1, createdAt: '2025-07-04T10:00:00.000Z' },
    ],
    marks: [
      { id: 31, hypothesisId: 21, groupId: 11, mark: 'inconsistent' },
      { id: 32, hypothesisId: 21, groupId: 12, mark: 'inconsistent' },
      { id: 33, hypothesisId: 22, groupId: 11, mark: 'consistent' },
      { id: 34, hypothesisId: 22, groupId: 12, mark: 'not_applicable' },
    ],
    analyst: `Ana <b>Lyst</b>`,
    locale: 'de-DE',
    timeZone: 'Europe/Berlin',
    generatedAt: '2025-07-05T12:00:00.000Z',
    ...over,
  };
}

describe('buildCaseReport', () => {
  const m = buildCaseReport(fixture());

  it('labels documents, groups and hypotheses in order; a cell per document', () => {
    expect(m.documents.map((d) => [d.label, d.outlet])).toEqual([['D1', 'kremlin.ru'], ['D2', '<b>WH</b>'], ['D3', 'reuters.com']]);
    expect(m.groups.map((g) => [g.label, g.cells, g.contested])).toEqual([
      ['G1', ['stated', 'contradicted', 'silent'], true],
      ['G2', ['stated', 'stated', 'silent'], false],
    ]);
    // Without a label, the group is titled by its first stating passage.
    expect(m.groups[1]!.title).toBe('It was the sixth conversation between the two leaders this year.');
    expect(m.contested.map((g) => g.id)).toEqual([11]);
  });

  it('a document both stating and contradicting is "both"; a member of a document gone from the case still shows', () => {
    const input = fixture();
    const d2 = input.documents[1]!;
    input.claimGroups[1]!.members.push(member(d2, 'The President spoke by phone', 'contradicts', 9));
    input.case.documentIds = [1, 3];
    const b = buildCaseReport(input);
    expect(b.documents.map((d) => [d.label, d.id, d.inCase])).toEqual([['D1', 1, true], ['D2', 3, true], ['D3', 2, false]]);
    expect(b.groups[1]!.cells).toEqual(['stated', 'silent', 'both']);
  });

  it('scores each hypothesis by its inconsistent marks; the lowest leads', () => {
    expect(m.hypotheses.map((h) => [h.label, h.inconsistent, h.consistent, h.notApplicable, h.leading])).toEqual([
      ['H1', 2, 0, 0, false],
      ['H2', 0, 1, 1, true],
    ]);
    expect(m.groups[0]!.marks).toEqual(['inconsistent', 'consistent']);
    // No marks at all: no hypothesis leads.
    expect(buildCaseReport(fixture({ marks: [] })).hypotheses.every((h) => !h.leading)).toBe(true);
  });

  it('lists each source once, graded, with the groups it states or contradicts', () => {
    expect(m.sources).toEqual([
      { sourceId: 5, name: 'Yury Ushakov', reliability: 'B', stating: ['G1', 'G2'], contradicting: [], documents: ['D1', 'D2'] },
      { sourceId: null, name: `<script>alert('source')</script>`, reliability: null, stating: [], contradicting: ['G1'], documents: ['D2'] },
    ]);
  });

  it('gives each passage its context, and none where the member no longer points at its words', () => {
    const p = m.groups[0]!.passages[0]!;
    expect(p.anchored).toBe(true);
    expect(p.before.endsWith('President Trump. ')).toBe(true);
    expect(p.after.startsWith(' It was the sixth')).toBe(true);
    const input = fixture();
    input.claimGroups[0]!.members[0]!.start += 3;
    const moved = buildCaseReport(input).groups[0]!.passages[0]!;
    expect([moved.anchored, moved.before, moved.after]).toEqual([false, '', '']);
  });
});

describe('caseToHtml', () => {
  const m = buildCaseReport(fixture());
  const html = caseToHtml(m);
  fs.writeFileSync('/tmp/claimscope-case-report-unit.html', html);

  it('is self-contained and escapes everything from documents and the analyst', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>|<i>/);
    expect(html).not.toMatch(/<[^>]+\son[a-z]+=/i);
    expect(html).not.toMatch(/<[^>]*\shref="(?!#)/i);
    expect(html).toContain('<h1>Leaders&#39; call &lt;script&gt;alert(&#39;case&#39;)&lt;/script&gt;</h1>');
    expect(html).toContain('<title>Leaders&#39; call &lt;script&gt;alert(&#39;case&#39;)&lt;/script&gt; — case report</title>');
    expect(html).toContain('White House &lt;/title&gt;&lt;script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt; &amp; &quot;quotes&quot;');
    // The override shows as a token; it never reaches the page raw.
    expect(html).not.toContain('\u202E');
    expect(html).toContain('⟨U+202E⟩');
    expect(html).toContain('Ana &lt;b&gt;Lyst&lt;/b&gt;');
    expect(html).toContain('Trump asked &lt;i&gt;first&lt;/i&gt;');
  });

  it('brings in no element or attribute of its own from hostile text in any field', () => {
    const payload = HOSTILE_LINES.join('\n');
    const input = fixture({ analyst: payload, case: { ...fixture().case, name: payload } });
    input.claimGroups[0]!.label = payload;
    input.documents[1]!.title = payload;
    input.documents[1]!.metadata = { site: payload, author: payload, published: payload };
    input.evidence[0]!.sources[1]!.name = payload;
    input.evidence[0]!.reason = payload;
    input.hypotheses[0]!.label = payload;
    const page = caseToHtml(buildCaseReport(input));
    const tags = new Set(elementsOf(page).map((e) => e.tag));
    for (const bad of ['script', 'img', 'svg', 'iframe', 'b', 'i']) expect(tags.has(bad), bad).toBe(false);
    for (const e of elementsOf(page)) {
      for (const name of Object.keys(e.attrs)) expect(name, `${e.tag} ${name}`).not.toMatch(/^on|^src$|^srcdoc$/);
      if (e.tag === 'a') expect(e.attrs.href, 'a link').toMatch(/^#/);
    }
  });

  it('writes the header date in the analyst\'s language and zone', () => {
    expect(html).toContain('<time datetime="2025-07-05T12:00:00.000Z" lang="de-DE">5. Juli 2025 um 14:00 MESZ</time>');
    expect(html).toContain('<time datetime="2025-07-03" lang="de-DE">3. Juli 2025</time>');
  });

  it('draws the matrix: a row per group, a cell per document, the credibility or the proposal', () => {
    const row = (id: number) => new RegExp(`<tr id="row-g${id}"[^>]*>(.*?)</tr>`).exec(html)![1]!;
    const cells = (id: number) => [...row(id).matchAll(/data-cell="(\w+)"/g)].map((x) => x[1]);
    expect(cells(11)).toEqual(['stated', 'contradicted', 'silent']);
    expect(cells(12)).toEqual(['stated', 'stated', 'silent']);
    expect(row(11)).toContain('proposed</span> <span class="cred proposed" data-cred="5">5</span> Improbable');
    expect(row(11)).toContain('contradicted by 1 independent source (&lt;b&gt;WH&lt;/b&gt;)');
    expect(row(12)).toContain('<span class="cred" data-cred="2">2</span> Probably true<span class="page">proposed: 3 · Possibly true</span>');
    expect(html).toContain('<tr id="row-g11" class="contested">');
  });

  it('shows the ACH table with the inconsistency score per hypothesis, lower is better', () => {
    expect(html).toContain('<section id="ach"');
    expect(html).toMatch(/lower is better/);
    const foot = /<tfoot>(.*?)<\/tfoot>/.exec(html)![1]!;
    expect(foot).toContain('Inconsistency score (lower is better)');
    expect([...foot.matchAll(/<td class="score[^"]*">(\d+)<\/td>/g)].map((x) => x[1])).toEqual(['2', '0']);
    expect(foot).toContain('<td class="score leading">0</td>');
    expect(html).toContain('data-mark="inconsistent" title="Inconsistent">I</td>');
    expect(caseToHtml(buildCaseReport(fixture({ hypotheses: [], marks: [] })))).not.toContain('id="ach"');
  });

  it('shows every contested claim with its passage from each document, and the silent ones', () => {
    const section = /<section id="contested"[^]*?<\/section>/.exec(html)![0];
    expect(section).toContain('id="g11"');
    expect(section).not.toContain('id="g12"');
    expect(section).toContain('<strong>states</strong> <span class="context">');
    expect(section).toContain('<mark><q class="passage">The conversation lasted 90 minutes.</q></mark>');
    expect(section).toContain('<strong>contradicts</strong>');
    expect(section).toContain('<q class="passage">The conversation lasted about an hour &lt;img src=x');
    expect(section).toMatch(/Wire story <span class="muted">\(reuters\.com\)<\/span>: <span class="empty">silent<\/span>/);
    expect(caseToHtml(buildCaseReport(fixture({ claimGroups: fixture().claimGroups.slice(1) })))).toContain('No claim is contradicted by another document.');
  });

  it('lists the sources with their reliability grades', () => {
    const section = /<section id="sources"[^]*?<\/section>/.exec(html)![0];
    expect(section).toContain(
      '<tr><td>Yury Ushakov</td><td><span class="grade" data-grade="B">B</span> Usually reliable</td><td><a href="#row-g11">G1</a> <a href="#row-g12">G2</a></td><td><span class="muted">—</span></td><td><a href="#d1">D1</a> <a href="#d2">D2</a></td></tr>',
    );
    expect(section).toContain('&lt;script&gt;alert(&#39;source&#39;)&lt;/script&gt;</td><td><span class="muted">not graded</span>');
  });

  it('says what is missing in an empty case', () => {
    const empty = caseToHtml(buildCaseReport({ ...fixture(), documents: [], claimGroups: [], evidence: [], hypotheses: [], marks: [], case: { ...fixture().case, documentIds: [] } }));
    expect(empty).toContain('The case has no documents.');
    expect(empty).toContain('No claim groups yet');
    expect(empty).not.toContain('id="ach"');
  });
});

describe('caseToMarkdown', () => {
  const m = buildCaseReport(fixture());
  const md = caseToMarkdown(m);

  it('renders to no HTML element a document or the analyst brought in, whatever the renderer', () => {
    const input = fixture();
    input.claimGroups[0]!.label = SCRIPT_PAYLOADS.join(' ');
    const rendered = renderMarkdown(caseToMarkdown(buildCaseReport(input)));
    const tags = new Set(elementsOf(rendered).map((e) => e.tag));
    for (const bad of ['script', 'img', 'svg', 'iframe', 'a', 'b', 'i']) expect(tags.has(bad), bad).toBe(false);
    expect(rendered).not.toContain('\u202E');
  });

  it('has the matrix, the ACH score, the contested passages and the sources', () => {
    expect(md).toContain('| # | Claim | D1 | D2 | D3 | Credibility |');
    expect(md).toMatch(/\| \*\*G1\*\* \| Length of the call .* \| ✓ stated \| ✗ contradicted \| · silent \| _proposed_ 5 · Improbable \|/);
    expect(md).toContain('| G2 | It was the sixth conversation between the two leaders this year. | ✓ stated | ✓ stated | · silent | 2 · Probably true |');
    expect(md).toContain('| | **Inconsistency score (lower is better)** | **2** | **0** |');
    expect(md).toContain('### G1 · Length of the call');
    expect(md).toContain('- ✓ **D1** Kremlin readout (kremlin.ru): **states** “MOSCOW, 3 July 2025 - President Putin held a telephone conversation with President Trump. **The conversation lasted 90 minutes.** It was the sixth conversation between the two leaders this year.”');
    expect(md).toContain('- · **D3** Wire story (reuters.com): _silent_');
    expect(md).toContain('| Yury Ushakov | **B** Usually reliable | G1 G2 | — | D1 D2 |');
    expect(md).toContain('**Report generated:** 5\\. Juli 2025 um 14:00 MESZ');
  });
});

describe('caseToJsonLd', () => {
  const m = buildCaseReport(fixture());
  const ld = caseToJsonLd(m) as any;

  it('is a collection of claim groups, each an AnnotationCollection whose targets span documents', () => {
    expect(ld['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(ld.type).toEqual(['as:OrderedCollection', 'claimscope:Case']);
    expect(ld.id).toBe('urn:claimscope:case:7');
    expect(ld.total).toBe(2);
    const g1 = ld.items[0];
    expect(g1).toMatchObject({ id: 'urn:claimscope:claim-group:11', type: 'AnnotationCollection', total: 2, 'claimscope:contested': true, 'claimscope:proposedCredibility': 5 });
    expect(g1.first).toMatchObject({ type: 'AnnotationPage', startIndex: 0, partOf: g1.id });
    const items = g1.first.items;
    expect(items.map((a: any) => a.target.source)).toEqual([documentIri('1'.repeat(64)), documentIri('2'.repeat(64))]);
    expect(new Set(items.map((a: any) => a.target.source)).size).toBe(2);
    const texts = new Map(fixture().documents.map((d) => [documentIri(d.sha256), d.text]));
    for (const a of items) {
      expect(a.type).toBe('Annotation');
      const [quote, position] = a.target.selector;
      expect(quote.type).toBe('TextQuoteSelector');
      expect(position.type).toBe('TextPositionSelector');
      const text = texts.get(a.target.source)!;
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
      expect(text.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
    }
    expect(items.map((a: any) => a['claimscope:stance'])).toEqual(['states', 'contradicts']);
    expect(items[1].body).toContainEqual({ type: 'SpecificResource', purpose: 'linking', source: 'urn:claimscope:annotation:2' });
    expect(g1['claimscope:matrix'].map((c: any) => c['claimscope:cell'])).toEqual(['stated', 'contradicted', 'silent']);
    expect(g1['claimscope:achMarks']).toContainEqual({ 'claimscope:hypothesis': 'urn:claimscope:hypothesis:21', 'claimscope:mark': 'inconsistent', label: 'Inconsistent' });
    expect(ld['claimscope:hypotheses'].map((h: any) => h['claimscope:inconsistencyScore'])).toEqual([2, 0]);
    expect(ld['claimscope:documents'][0]).toMatchObject({ id: documentIri('1'.repeat(64)), type: 'Text', label: 'Kremlin readout', 'claimscope:outlet': 'kremlin.ru' });
  });

  it('as text: valid JSON, the same value, nothing that ends a script element', () => {
    const text = caseToJsonLdText(m);
    expect(text).not.toMatch(/[<>]/);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(ld)));
  });
});

describe('caseToCsv', () => {
  it('one row a claim-group member, formulas defused', () => {
    const input = fixture();
    input.claimGroups[1]!.label = '=HYPERLINK("http://x")';
    const rows = parseCsv(caseToCsv(buildCaseReport(input)));
    expect(rows[0]).toEqual(['group', 'claim', 'contested', 'credibility', 'proposed', 'document', 'title', 'outlet', 'stance', 'quote', 'start', 'end']);
    expect(rows.slice(1).map((r) => [r[0], r[5], r[8]])).toEqual([
      ['G1', 'D1', 'states'],
      ['G1', 'D2', 'contradicts'],
      ['G2', 'D1', 'states'],
      ['G2', 'D2', 'states'],
    ]);
    expect(rows[3]![1]).toBe(`'=HYPERLINK("http://x")`);
  });
});

const CHROMIUM = process.env.CLAIMSCOPE_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);

describe('case report PDF', () => {
  it('is titled for the case, the analyst its author', () => {
    const info = casePdfInfo(buildCaseReport(fixture()));
    expect(info.title).toBe(`Leaders' call <script>alert('case')</script> — case report`);
    expect(info.author).toBe('Ana <b>Lyst</b>');
    expect(info.subject).toBe(`What 3 documents say about “Leaders' call <script>alert('case')</script>”: 2 claim groups, 1 contested.`);
  });

  it.skipIf(!hasChromium)(`prints a tagged PDF with an outline of the sections${hasChromium ? '' : ` (skipped: no Chromium at ${CHROMIUM})`}`, async () => {
    const m = buildCaseReport(fixture());
    const pdf = withPdfInfo(await toPdf(caseToHtml(m)), casePdfInfo(m));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = await readPdf(pdf);
    expect(read.tagged).toBe(true);
    expect(read.outline).toEqual(expect.arrayContaining(['Documents', 'Matrix', 'Hypotheses (ACH)', 'Contested claims', 'Sources']));
    expect(read.info).toMatchObject({ Title: `Leaders' call <script>alert('case')</script> — case report`, Author: 'Ana <b>Lyst</b>' });
    expect(read.pages.join(' ')).toContain('The conversation lasted 90 minutes.');
  }, 60_000);
});
