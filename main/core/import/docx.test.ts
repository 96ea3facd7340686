import fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { blockTexts, expectWellFormed, styledTexts } from '../../../test/import/check';
import { makeDocx } from '../../../test/import/docx';
import { makePdf } from '../../../test/import/pdf';
import { docxParts, rawZip } from '../../../test/import/zip';
import { checkExpandedSizes, normaliseWordXml } from './docx';
import { importBuffer } from './index';

const REPORT = {
  paragraphs: [
    { heading: 'Title' as const, runs: 'Annual Review' },
    { heading: 1, runs: 'Summary' },
    {
      runs: [
        { text: 'The board said revenue ' },
        { text: 'rose', bold: true },
        { text: ' by 5%, a figure it called ' },
        { text: 'provisional', italic: true, footnote: 1 },
        { text: '.' },
      ],
    },
    { list: 'bullet' as const, runs: 'First finding' },
    { list: 'bullet' as const, runs: [{ text: 'Second ' }, { text: 'finding', bold: true, italic: true }] },
    { list: 'number' as const, runs: 'Step one' },
    { list: 'number' as const, runs: 'Step two' },
    { quote: true, runs: 'We stand by the numbers.' },
    { heading: 2, runs: 'Café naïve – détails' },
    { runs: 'Closing paragraph.' },
  ],
  footnotes: ['Unaudited figures.'],
  core: { title: 'Annual Review 2024', creator: 'Ann Analyst', created: '2024-02-01T09:00:00Z', modified: '2024-02-03T10:15:00Z' },
};

describe('.docx', () => {
  it('imports headings, paragraphs, lists, quotes, emphasis and footnotes as text and blocks', async () => {
    const doc = await importBuffer('review.docx', await makeDocx(REPORT));
    expectWellFormed(doc);
    expect(doc.format).toBe('docx');
    expect(blockTexts(doc)).toEqual([
      'h1: Annual Review',
      'h1: Summary',
      'p: The board said revenue rose by 5%, a figure it called provisional[1].',
      'ul: First finding',
      'ul: Second finding',
      'ol: Step one',
      'ol: Step two',
      'quote: We stand by the numbers.',
      'h2: Café naïve – détails',
      'p: Closing paragraph.',
      'ol: Unaudited figures.',
    ]);
    expect(styledTexts(doc)).toEqual(['bold:rose', 'italic:provisional', 'bold:finding', 'italic:finding']);
    expect(doc.text).not.toContain('↑');
  });

  it('reads title, author and dates from docProps/core.xml', async () => {
    const doc = await importBuffer('review.docx', await makeDocx(REPORT));
    expect(doc.title).toBe('Annual Review 2024');
    expect(doc.metadata).toMatchObject({
      author: 'Ann Analyst',
      published: '2024-02-01T09:00:00.000Z',
      created: '2024-02-01T09:00:00.000Z',
      modified: '2024-02-03T10:15:00.000Z',
    });
  });

  it('takes the title from the first heading when core.xml has none', async () => {
    const doc = await importBuffer('x.docx', await makeDocx({ paragraphs: [{ heading: 1, runs: 'Heading & <Title>' }, { runs: 'Body.' }] }));
    expect(doc.title).toBe('Heading & <Title>');
    expect(doc.metadata).toEqual({});
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('notes/readme.txt', 'hello');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(importBuffer('archive.docx', bytes)).rejects.toThrow(
      'archive.docx: is a ZIP archive but not a Word document (no word/document.xml inside); unpack it and open a document inside, or save the original as .docx',
    );
    const xlsx = new JSZip();
    xlsx.file('xl/workbook.xml', '<workbook/>');
    await expect(importBuffer('sheet.docx', await xlsx.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/is an Excel workbook, not a Word document/);
    const odt = new JSZip();
    odt.file('mimetype', 'application/vnd.oasis.opendocument.text');
    await expect(importBuffer('text.docx', await odt.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/OpenDocument text/);
  });

  it('refuses a truncated or corrupt .docx with a clear message', async () => {
    const good = await makeDocx(REPORT);
    await expect(importBuffer('cut.docx', good.subarray(0, Math.floor(good.length / 2)))).rejects.toThrow(
      'cut.docx: is damaged or incomplete (its ZIP structure cannot be read); download or save the document again',
    );
    const broken = new JSZip();
    broken.file('[Content_Types].xml', '<Types/>');
    broken.file('word/document.xml', '<w:document><w:body><w:p>unclosed');
    await expect(importBuffer('broken.docx', await broken.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/^broken\.docx: is damaged and cannot be read as a Word document/);
  });

  it('refuses files that are not zips, naming what they are', async () => {
    await expect(importBuffer('plain.docx', new TextEncoder().encode('just text'))).rejects.toThrow('plain.docx: is not a Word document (a .docx is a ZIP archive); open it in Word and save it as .docx');
    await expect(importBuffer('old.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]))).rejects.toThrow(/old Word 97-2003 document or a password-protected Office file/);
    await expect(importBuffer('paper.docx', makePdf({ pages: [{ lines: [{ text: 'x', y: 700 }] }] }))).rejects.toThrow(/is a PDF document, not a Word document; rename it to \.pdf/);
  });

  it('refuses a document without text', async () => {
    await expect(importBuffer('blank.docx', await makeDocx({ paragraphs: [{ runs: '' }] }))).rejects.toThrow('blank.docx: the document has no text; check that it is the right file');
  });

  describe('zip bombs and lying headers (bytes counted as they are inflated)', () => {
    const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

    it('imports a hand-built zip whose headers tell the truth', async () => {
      const doc = await importBuffer('raw.docx', rawZip(docxParts(para('Plain words.'))));
      expect(doc.text).toBe('Plain words.');
    });

    it('refuses a part whose header declares fewer bytes than it holds, before mammoth reads it', async () => {
      const parts = docxParts(para('Hello there.'.repeat(200)));
      parts[2]!.declaredSize = 100;
      await expect(importBuffer('liar.docx', rawZip(parts))).rejects.toThrow(
        /^liar\.docx: its ZIP headers give wrong sizes \(part word\/document\.xml declares 100 bytes and holds \d+\): it is damaged or built to exhaust memory; open it in Word and save it again as \.docx$/,
      );
    });

    it('refuses a zip bomb whose headers claim a small size: the count stops at the limit', async () => {
      // 64 MB of XML compresses to about 64 KB; the header says 1 KB.
      const parts = docxParts(para('x') + ' '.repeat(64 * 1024 * 1024));
      parts[2]!.declaredSize = 1024;
      const bytes = rawZip(parts);
      expect(bytes.length).toBeLessThan(200_000);
      const started = performance.now();
      await expect(importBuffer('bomb.docx', bytes)).rejects.toThrow(
        'bomb.docx: its text and layout expand to more than 48 MB when unpacked (far beyond any real document, or a "zip bomb"); split the document into smaller files, or save it as PDF and open that',
      );
      expect(performance.now() - started).toBeLessThan(5000);
    });

    it('counts every part against the total, media included, and stops inflating at the limit', async () => {
      const zip = await JSZip.loadAsync(
        rawZip([...docxParts(para('x')), { name: 'word/media/a.png', data: new Uint8Array(3_000_000), declaredSize: 10 }]),
      );
      expect(await checkExpandedSizes(zip, { total: 2_000_000 })).toMatchObject({ ok: false, what: expect.stringMatching(/^expands to more than 2 MB when unpacked/) });
      expect(await checkExpandedSizes(zip, { total: 5_000_000 })).toMatchObject({ ok: false, what: expect.stringMatching(/part word\/media\/a\.png declares 10 bytes and holds 3000000/) });
    });
  });

  describe('fields, furigana and tables', () => {
    const poi = (f: string) => fs.readFileSync(new URL(`../../../test/import/docx/${f}`, import.meta.url));
    const r = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
    const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;

    it('keeps the results of mail-merge and simple fields (Apache POI 52449.docx, FldSimple.docx)', async () => {
      const letter = await importBuffer('52449.docx', poi('52449.docx'));
      expectWellFormed(letter);
      expect(letter.text).toContain('Du, «Fornavn» «Efternavn», tiltræder pr. 1/1-2011');
      expect(letter.text.startsWith('«Fornavn» «Efternavn»\n\n«Telefon»\n\n«Email»')).toBe(true);
      expect(letter.text).not.toMatch(/MERGEFIELD/);
      const simple = await importBuffer('FldSimple.docx', poi('FldSimple.docx'));
      expect(simple.text).toBe('FldSimple.docx');
    });

    it('keeps the base text of furigana and drops the reading (Apache POI 61470.docx)', async () => {
      const doc = await importBuffer('61470.docx', poi('61470.docx'));
      expect(doc.text).toBe('東京');
    });

    it('keeps built fields: simple, complex with a result, complex without one, nested; furigana with any prefix', async () => {
      const body =
        p(r('Dear '), '<w:fldSimple w:instr=" MERGEFIELD Name "><w:r><w:t>Ann</w:t></w:r></w:fldSimple>', r(', page '), '<w:fldSimple w:instr=" PAGE "/>', r('.')) +
        p(
          r('Total: '),
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> =SUM(ABOVE) </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>',
          r('42'),
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
          r(' units; '),
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TC "hidden" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
          r('done.'),
        ) +
        p('<w:r><w:ruby><w:rubyPr><w:hps w:val="11"/></w:rubyPr><w:rt><w:r><w:t>かんじ</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>漢字</w:t></w:r></w:rubyBase></w:ruby></w:r>', r('を読む。'));
      const doc = await importBuffer('fields.docx', rawZip(docxParts(body)));
      expect(blockTexts(doc)).toEqual(['p: Dear Ann, page .', 'p: Total: 42 units; done.', 'p: 漢字を読む。']);
      const math =
        '<w:p><w:r><w:t xml:space="preserve">Energy: </w:t></w:r><m:oMath><m:r><m:t>E</m:t></m:r><m:r><m:t>=</m:t></m:r><m:r><m:t>m</m:t></m:r><m:sSup><m:e><m:r><m:t>c</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath></w:p>' +
        '<w:p><m:oMathPara><m:oMath><m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:r><m:t>b</m:t></m:r></m:den></m:f></m:oMath></m:oMathPara></w:p>';
      const eq = await importBuffer('math.docx', rawZip(docxParts(math)));
      expect(blockTexts(eq)).toEqual(['p: Energy: E=mc^2', 'p: a/b']);
      // Unclosed elements and tags do not make the passes quadratic.
      const started = performance.now();
      normaliseWordXml('<w:ruby><w:rt>'.repeat(200_000));
      normaliseWordXml('<w:fldSimple '.repeat(200_000));
      normaliseWordXml('<m:oMath><m:t>x'.repeat(200_000));
      expect(performance.now() - started).toBeLessThan(2000);
      expect(normaliseWordXml('<x:ruby><x:rt><x:r><x:t>a</x:t></x:r></x:rt><x:rubyBase><x:r><x:t>B</x:t></x:r></x:rubyBase></x:ruby>')).toBe('<x:r><x:t>B</x:t></x:r>');
    });

    it('keeps a table as one table block: cells by tabs, rows by line breaks, a header row, merged cells in place', async () => {
      const cell = (t: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${t ? t.split('|').map((x) => p(r(x))).join('') : '<w:p/>'}</w:tc>`;
      const body =
        p(r('Before the table.')) +
        '<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>' + cell('Region') + cell('2023') + cell('2024') + '</w:tr>' +
        '<w:tr>' + cell('North|(revised)', '<w:vMerge w:val="restart"/>') + cell('5') + cell('') + '</w:tr>' +
        '<w:tr>' + cell('', '<w:vMerge/>') + cell('6') + cell('7') + '</w:tr>' +
        '<w:tr>' + cell('Both years', '<w:gridSpan w:val="2"/>') + cell('13') + '</w:tr></w:tbl>' +
        p(r('After the table.'));
      const doc = await importBuffer('table.docx', rawZip(docxParts(body)));
      expectWellFormed(doc);
      expect(doc.text).toBe('Before the table.\n\nRegion\t2023\t2024\nNorth (revised)\t5\n\t6\t7\nBoth years\t\t13\n\nAfter the table.');
      expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
      expect(doc.blocks[1]).toMatchObject({ header: true });
    });
  });
});
