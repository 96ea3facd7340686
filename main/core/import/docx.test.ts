import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { blockTexts, expectWellFormed, styledTexts } from '../../../test/import/check';
import { makeDocx } from '../../../test/import/docx';
import { makePdf } from '../../../test/import/pdf';
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
});
