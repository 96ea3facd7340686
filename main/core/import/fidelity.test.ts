// What each importer keeps, measured on the repository's own small, licence-clean fixtures (where
// each came from: test/import/*/SOURCES.md) and on files built here, printed as one table per run.
// Floors keep every figure from losing ground; the detailed behaviour is tested format by format
// (text, html, docx, pdf, encoding, html-bench tests).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../common/domain';
import { makeDocx } from '../../../test/import/docx';
import { goldText, wordF1 } from '../../../test/import/f1';
import { makePdf, textLines, type PdfLine } from '../../../test/import/pdf';
import { docxParts, rawZip } from '../../../test/import/zip';
import { importBuffer, type ImportedDocument } from './index';

const TEST = path.resolve(__dirname, '../../../test/import');
const rows: string[][] = [];
const row = (format: string, fixtures: string, measure: string, figure: string) => rows.push([format, fixtures, measure, figure]);
const count = (docs: ImportedDocument[], type: Block['type']) => docs.reduce((n, d) => n + d.blocks.filter((b) => b.type === type).length, 0);
const share = (n: number, of: number) => `${n} of ${of}`;
const visual = (s: string) => [...s].reverse().join('');

describe('fidelity: what each format keeps, on the repository fixtures', () => {
  it('plain text and Markdown: the decoded text exactly, front matter as metadata', async () => {
    const dir = path.join(TEST, 'encodings');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.endsWith('.expected.txt'));
    let exact = 0;
    let exactMd = 0;
    for (const f of files) {
      const bytes = fs.readFileSync(path.join(dir, f));
      const expected = fs.readFileSync(path.join(dir, f.replace(/\.txt$/, '.expected.txt')), 'utf8');
      if ((await importBuffer(f, bytes)).text === expected) exact++;
      if ((await importBuffer(f.replace(/\.txt$/, '.md'), bytes)).text === expected) exactMd++;
    }
    row('txt', `${files.length} files in 9 legacy encodings`, 'decoded to the expected text', share(exact, files.length));
    const front = await importBuffer('post.md', new TextEncoder().encode('---\ntitle: The real numbers\nauthor: [Ann Fielding]\ndate: 2024-05-02\nurl: https://example.org/p\n---\n\n# Budget\n\nText ![Chart: sales](c.png).\n'));
    const fields = [front.title === 'The real numbers', front.metadata.author === 'Ann Fielding', front.metadata.published === '2024-05-02', front.metadata.url === 'https://example.org/p'].filter(Boolean).length;
    row('md', `the same ${files.length} files as .md`, 'decoded to the expected text', share(exactMd, files.length));
    row('md', 'built: YAML front matter', 'title, author, date, url read as metadata (not text)', `${share(fields, 4)}${front.text.startsWith('# Budget') ? ', text starts after it' : ''}`);
    expect(exact).toBe(files.length);
    expect(exactMd).toBe(files.length);
    expect(fields).toBe(4);
  });

  it('web pages: the article, its tables, image descriptions and formulas', async () => {
    const docs: ImportedDocument[] = [];
    let f1Zyte = 0;
    const zyte = path.join(TEST, 'pages', 'zyte');
    const truth = JSON.parse(fs.readFileSync(path.join(zyte, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
    for (const [id, { articleBody }] of Object.entries(truth)) {
      const doc = await importBuffer(`${id}.html`, zlib.gunzipSync(fs.readFileSync(path.join(zyte, 'html', `${id}.html.gz`))));
      docs.push(doc);
      f1Zyte += wordF1(doc.text, articleBody).f1;
    }
    const zyteCount = docs.length;
    const readability = path.join(TEST, 'pages', 'readability');
    let f1Readability = 0;
    let goldTables = 0;
    const names = fs.readdirSync(readability).filter((n) => fs.existsSync(path.join(readability, n, 'source.html')));
    for (const name of names) {
      const doc = await importBuffer(`${name}.html`, fs.readFileSync(path.join(readability, name, 'source.html')));
      docs.push(doc);
      const expected = fs.readFileSync(path.join(readability, name, 'expected.html'), 'utf8');
      f1Readability += wordF1(doc.text, goldText(expected)).f1;
      goldTables += (expected.match(/<table\b/g) ?? []).length;
    }
    const withMeta = (k: string) => docs.filter((d) => d.metadata[k] !== undefined).length;
    row('html', `${zyteCount} Zyte benchmark pages`, 'mean word F1 against the hand-checked article', (f1Zyte / zyteCount).toFixed(3));
    row('html', `${names.length} mozilla/readability pages`, 'mean word F1 against Readability\'s article', (f1Readability / names.length).toFixed(3));
    row('html', `all ${docs.length} pages`, 'headings / list items / quotes / tables kept as such', `${count(docs, 'heading')} / ${count(docs, 'listItem')} / ${count(docs, 'blockquote')} / ${count(docs, 'table')} (the readability articles hold ${goldTables} <table>s, layout ones included)`);
    row('html', `all ${docs.length} pages`, 'author / date / URL / outlet found', `${withMeta('author')} / ${withMeta('published')} / ${withMeta('url')} / ${withMeta('site')}`);
    row('html', `all ${docs.length} pages`, 'image descriptions kept as [alt]', String(docs.reduce((n, d) => n + (d.text.match(/\[[^\]\n]{3,300}\]/g) ?? []).length, 0)));
    const built = await importBuffer(
      'built.html',
      new TextEncoder().encode(
        '<p>Rate <math><mi>r</mi><mo>=</mo><mn>5</mn><annotation>TeX</annotation></math>%, infor\u00admation \uf095here <img src="a.png" alt="Chart of rates">.</p><table><tr><th>Year</th><th>Rate</th></tr><tr><td>2024</td><td>5%</td></tr></table>',
      ),
    );
    const builtOk = [built.text.includes('r=5%'), built.text.includes('information here'), built.text.includes('[Chart of rates]'), built.blocks.some((b) => b.type === 'table' && b.header)].filter(Boolean).length;
    row('html', 'built: MathML, soft hyphen, icon font, image, table', 'kept as a reader sees them', share(builtOk, 4));
    expect(f1Zyte / zyteCount).toBeGreaterThanOrEqual(0.95);
    expect(count(docs, 'table')).toBeGreaterThanOrEqual(3);
    expect(builtOk).toBe(4);
  }, 120_000);

  it('Word: fields, furigana and tables', async () => {
    const dir = path.join(TEST, 'docx');
    const expected: Record<string, string> = {
      '52449.docx': 'Du, «Fornavn» «Efternavn», tiltræder',
      '61470.docx': '東京',
      'FldSimple.docx': 'FldSimple.docx',
    };
    let kept = 0;
    for (const [file, text] of Object.entries(expected)) if ((await importBuffer(file, fs.readFileSync(path.join(dir, file)))).text.includes(text)) kept++;
    row('docx', '3 Apache POI files', 'field results and furigana base text kept', share(kept, 3));
    const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const table = await importBuffer('t.docx', rawZip(docxParts(`<w:tbl><w:tr>${cell('Year')}${cell('Sum')}</w:tr><w:tr>${cell('2024')}${cell('5')}</w:tr></w:tbl>`)));
    const report = await importBuffer('r.docx', await makeDocx({ paragraphs: [{ heading: 1, runs: 'Title' }, { list: 'bullet', runs: 'Point' }, { quote: true, runs: 'Quoted.' }, { runs: [{ text: 'Bold', bold: true }] }] }));
    row('docx', 'built: a 2x2 table', 'kept as one table block', table.blocks.length === 1 && table.blocks[0]!.type === 'table' ? 'yes' : 'no');
    row('docx', 'built: heading, list, quote, bold', 'kept as such', share([count([report], 'heading'), count([report], 'listItem'), count([report], 'blockquote'), report.blocks.some((b) => b.styles?.length) ? 1 : 0].filter((n) => n > 0).length, 4));
    expect(kept).toBe(3);
    expect(table.blocks[0]!.type).toBe('table');
  });

  it('PDF: reading order (right-to-left script, two columns), running lines, hyphens, page breaks', async () => {
    const hebrew = ['שלום', 'עולם', 'יפה'];
    const arabic = ['قال', 'الوزير', 'إن', '5', 'ملايين'];
    const rtlLines: PdfLine[] = [
      ...hebrew.map((w, i) => ({ text: visual(w), x: 400 - i * 60, y: 700 })).reverse(),
      ...arabic.map((w, i) => ({ text: /\d/.test(w) ? w : visual(w), x: 480 - i * 70, y: 660 })).reverse(),
    ];
    const rtl = await importBuffer('rtl.pdf', makePdf({ pages: [{ lines: rtlLines }] }));
    const rtlOk = ['שלום עולם יפה', 'قال الوزير إن 5 ملايين'].filter((l) => rtl.text.includes(l)).length;
    row('pdf', 'built: Hebrew and Arabic drawn left to right', 'lines in reading order', share(rtlOk, 2));
    const left = ['Left column line one of', 'the first paragraph, then', 'its second line and', 'a third, before', 'its end here.'];
    const right = ['Right column line one', 'of the second paragraph', 'going on for a while', 'longer than the', 'other, and its end.'];
    const cols: PdfLine[] = [];
    left.forEach((l, i) => cols.push({ text: l, x: 72, y: 700 - i * 14 }, { text: right[i]!, x: 330, y: 700 - i * 14 }));
    cols.push({ text: 'Below the columns, a closing line set across the full width.', x: 72, y: 640 }, { text: 'Another closing line across the full width of the page.', x: 72, y: 626 });
    const twoCol = await importBuffer('cols.pdf', makePdf({ pages: [{ lines: cols }] }));
    const colsOk = twoCol.text.startsWith('Left column line one of the first paragraph, then its second line and a third, before its end here.\n\nRight column line one of the second paragraph going on for a while longer than the other, and its end.');
    row('pdf', 'built: two columns drawn line by line', 'left column read whole, then the right', colsOk ? 'yes' : 'no');
    const body = ['The first page opens the', 'report.', 'The second page goes on', 'with costs.', 'The third page gives the', 'figures.', 'The fourth page closes a long sen-', 'tence here.'];
    const pages = [0, 1, 2, 3].map((n) => ({ lines: [{ text: 'Annual Report 2024', y: 770, size: 9 }, ...textLines([[body[2 * n]!, body[2 * n + 1]!], [['Costs rose sharply.', 'Staff numbers fell.', 'Sales held steady.', 'Profit grew again.'][n]!]], { top: 700 }), { text: `Page ${n + 1}`, y: 40, size: 9 }] }));
    const book = await importBuffer('book.pdf', makePdf({ pages }));
    row('pdf', 'built: 4 pages with a header and footer', 'running lines removed / hyphen joined', `${book.metadata.runningLinesRemoved ?? 0} of 8 / ${book.text.includes('sentence here') ? 'yes' : 'no'}`);
    expect(rtlOk).toBe(2);
    expect(colsOk).toBe(true);
    expect(book.text).not.toContain('Annual Report 2024');
    expect(book.metadata.runningLinesRemoved).toBe('8');
  });

  it('prints the table', () => {
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
    console.log(`Import fidelity\n${line(['format', 'fixtures', 'what is kept', 'figure'])}\n${rows.map(line).join('\n')}`);
    expect(rows.length).toBeGreaterThanOrEqual(12);
  });
});
