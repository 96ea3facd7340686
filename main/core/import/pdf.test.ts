import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockTexts, expectWellFormed } from '../../../test/import/check';
import { makePdf, textLines, type PdfLine } from '../../../test/import/pdf';
import { importBuffer } from './index';
import { controlShare, importPdf, linesOf, pdfDate, type RawItem } from './pdf';

const REPORT = makePdf({
  pages: [
    {
      lines: [
        { text: 'Inquiry Findings', y: 750, size: 22 },
        ...textLines(
          [
            ['The inquiry found that the contract was awarded', 'without a tender, contrary to the rules in force.'],
            ['Officials said the decision was taken in good faith.'],
            ['A third paragraph follows on this page, with an ana-', 'lysis of the costs and a café – “quoted” remark.'],
          ],
          { top: 710 },
        ),
      ],
    },
    { lines: [{ text: 'Conclusions', y: 750, size: 16 }, ...textLines([['The report recommends a review of all contracts.']], { top: 720 })] },
    { lines: [] },
  ],
  info: { Title: 'Inquiry into Procurement', Author: 'Audit Office', CreationDate: "D:20240305120000+01'00'", ModDate: 'D:20240306' },
});

describe('.pdf', () => {
  it('rebuilds headings and paragraphs from the text layer, with page ranges', async () => {
    const doc = await importBuffer('inquiry.pdf', REPORT);
    expectWellFormed(doc);
    expect(doc.format).toBe('pdf');
    expect(blockTexts(doc)).toEqual([
      'h1: Inquiry Findings',
      'p: The inquiry found that the contract was awarded without a tender, contrary to the rules in force.',
      'p: Officials said the decision was taken in good faith.',
      'p: A third paragraph follows on this page, with an analysis of the costs and a café – “quoted” remark.',
      'h2: Conclusions',
      'p: The report recommends a review of all contracts.',
    ]);
    const pages = doc.metadata.pages!;
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(doc.text.slice(pages[0]!.start, pages[0]!.end)).toMatch(/^Inquiry Findings[\s\S]*quoted” remark\.$/);
    expect(doc.text.slice(pages[1]!.start, pages[1]!.end)).toBe('Conclusions\n\nThe report recommends a review of all contracts.');
    expect(pages[2]!.start).toBe(pages[2]!.end);
    expect(doc.metadata.pagesWithoutText).toBe('3');
  });

  it('reads the same in this process when no worker thread can be used', async () => {
    const inWorker = await importBuffer('inquiry.pdf', REPORT);
    const here = await importPdf('inquiry.pdf', REPORT, { inProcess: true });
    expect(here).toEqual(inWorker);
  });

  it('reads Title, Author and CreationDate from the document info', async () => {
    const doc = await importBuffer('inquiry.pdf', REPORT);
    expect(doc.title).toBe('Inquiry into Procurement');
    expect(doc.metadata).toMatchObject({ author: 'Audit Office', published: '2024-03-05T11:00:00.000Z', modified: '2024-03-06' });
  });

  it('parses PDF dates', () => {
    expect(pdfDate("D:20240305120000+01'00'")).toBe('2024-03-05T11:00:00.000Z');
    expect(pdfDate('D:20240305120000Z')).toBe('2024-03-05T12:00:00.000Z');
    expect(pdfDate("D:19991231233000-05'30")).toBe('2000-01-01T05:00:00.000Z');
    expect(pdfDate('D:2024')).toBe('2024-01-01');
    expect(pdfDate('garbage')).toBeUndefined();
  });

  it('starts a new paragraph where the text moves to a new column', async () => {
    const left = textLines([['Left column line one', 'left column line two.']], { top: 700 }).map((l) => ({ ...l, x: 72 }));
    const right = textLines([['Right column line one', 'right column line two.']], { top: 700 }).map((l) => ({ ...l, x: 320 }));
    const doc = await importBuffer('columns.pdf', makePdf({ pages: [{ lines: [...left, ...right] }] }));
    expect(blockTexts(doc)).toEqual(['p: Left column line one left column line two.', 'p: Right column line one right column line two.']);
  });

  it('refuses a scanned PDF (an image, no text layer)', async () => {
    await expect(importBuffer('scan.pdf', makePdf({ pages: [{ image: true }, { image: true }] }))).rejects.toThrow(
      'scan.pdf: has no text layer (a scanned image?); run OCR on it first',
    );
  });

  it('refuses a password-protected PDF', async () => {
    const bytes = makePdf({ pages: [{ lines: textLines([['Confidential text.']]) }], userPassword: 'secret' });
    await expect(importBuffer('locked.pdf', bytes)).rejects.toThrow(
      'locked.pdf: is encrypted with a password; open it with the password and save or print an unprotected copy, then import that',
    );
    // The fixture is really encrypted: with the password, pdf.js reads it.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), password: 'secret', verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const items = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : ''));
    expect(items.join('')).toContain('Confidential text.');
    await doc.destroy();
  });

  it('imports a PDF encrypted without a user password (permissions only)', async () => {
    const bytes = makePdf({ pages: [{ lines: textLines([['Readable by anyone.']]) }], userPassword: '' });
    expect((await importBuffer('perm.pdf', bytes)).text).toBe('Readable by anyone.');
  });

  it('refuses truncated and corrupt PDFs with a clear message', async () => {
    await expect(importBuffer('cut.pdf', REPORT.subarray(0, Math.floor(REPORT.length * 0.6)))).rejects.toThrow(
      'cut.pdf: is truncated or damaged (the end of the PDF is missing); download or export the PDF again',
    );
    const corrupt = new Uint8Array(REPORT);
    corrupt.fill(0x41, 200, 900);
    await expect(importBuffer('corrupt.pdf', corrupt)).rejects.toThrow(/^corrupt\.pdf: is damaged.*; download or export the PDF again$/);
    const garbage = new Uint8Array([...new TextEncoder().encode('%PDF-1.4\n'), ...new Uint8Array(2000).fill(0x20), ...new TextEncoder().encode('\n%%EOF\n')]);
    await expect(importBuffer('garbage.pdf', garbage)).rejects.toThrow(/^garbage\.pdf: (is damaged|could not be read as a PDF|has no text layer)/);
  });

  it('refuses files that are not PDFs, naming what they are', async () => {
    await expect(importBuffer('notes.pdf', new TextEncoder().encode('plain text'))).rejects.toThrow('notes.pdf: is not a PDF (no PDF header); check that it is the right file, or export the original as PDF again');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(importBuffer('scan.pdf', png)).rejects.toThrow(/^scan\.pdf: is a PNG image, not a PDF; /);
  });

  it('gives up on a PDF that takes longer than the time limit', async () => {
    await expect(importBuffer('slow.pdf', REPORT, { pdfTimeoutMs: 1 })).rejects.toThrow('slow.pdf: took longer than 1 ms to read; split the PDF into smaller files and import them one by one');
  });

  const chromium = '/usr/bin/chromium';
  it.skipIf(!fs.existsSync(chromium))('reads a real PDF printed by Chromium', async () => {
    const { chromium: launcher } = await import('playwright-core');
    const browser = await launcher.launch({ executablePath: chromium, args: ['--no-sandbox'] });
    let pdf: Buffer;
    try {
      const page = await browser.newPage();
      const para = (n: number) =>
        `Paragraph ${n} reports that the ministry spent more than planned on consultants in the last financial year, ` +
        `according to documents seen by reporters, and that officials were warned about the overspend in advance.`;
      await page.setContent(
        `<html><head><title>Spending Report</title></head><body style="font: 12pt serif; width: 15cm">
         <h1>Spending Report</h1>${[1, 2, 3].map((n) => `<p>${para(n)}</p>`).join('')}
         <h2>Next steps</h2><p>The committee will meet again in June.</p>
         <p style="page-break-before: always">A second page begins here.</p></body></html>`,
      );
      pdf = await page.pdf({ format: 'A4' });
    } finally {
      await browser.close();
    }
    const doc = await importBuffer('chromium.pdf', new Uint8Array(pdf));
    expectWellFormed(doc);
    const blocks = blockTexts(doc);
    expect(blocks[0]).toBe('h1: Spending Report');
    expect(blocks).toContain('h2: Next steps');
    expect(blocks).toContain('p: The committee will meet again in June.');
    for (const n of [1, 2, 3]) {
      expect(blocks).toContain(
        `p: Paragraph ${n} reports that the ministry spent more than planned on consultants in the last financial year, according to documents seen by reporters, and that officials were warned about the overspend in advance.`,
      );
    }
    expect(doc.title).toBe('Spending Report');
    const pages = doc.metadata.pages!;
    expect(pages).toHaveLength(2);
    expect(doc.text.slice(pages[1]!.start, pages[1]!.end)).toBe('A second page begins here.');
  }, 60_000);
});

describe('.pdf cleanup across pages', () => {
  const page = (n: number, body: string[][], extra: { text: string; y: number; size?: number }[] = []) => ({
    lines: [
      { text: n % 2 ? 'Annual Report 2024' : 'Harbour Authority', y: 790, size: 9 },
      ...textLines(body, { top: 740 }),
      { text: `Page ${n} of 4`, y: 30, size: 9 },
      ...extra,
    ],
  });

  it('removes running headers and footers repeated on most pages, keeping the body and the page ranges', async () => {
    const pdf = makePdf({
      pages: [
        page(1, [['The harbour handled more cargo than in any year before.']]),
        page(2, [['Passenger numbers fell by a tenth.']]),
        page(3, [['Dredging of the outer channel was finished in May.']]),
        page(4, [['Two new cranes arrived in June.']]),
        page(5, [['The ferry terminal reopened.']]),
        page(6, [['The board thanks the staff.']]),
      ],
    });
    const doc = await importBuffer('report.pdf', pdf);
    expect(blockTexts(doc)).toEqual([
      'p: The harbour handled more cargo than in any year before.',
      'p: Passenger numbers fell by a tenth.',
      'p: Dredging of the outer channel was finished in May.',
      'p: Two new cranes arrived in June.',
      'p: The ferry terminal reopened.',
      'p: The board thanks the staff.',
    ]);
    expect(doc.metadata.runningLinesRemoved).toBe('12');
    const pages = doc.metadata.pages!;
    expect(doc.text.slice(pages[2]!.start, pages[2]!.end)).toBe('Dredging of the outer channel was finished in May.');
  });

  it('keeps lines that recur on only a few pages, and short documents as they are', async () => {
    const two = makePdf({ pages: [page(1, [['First page text.']]), page(3, [['Second page text.']])] });
    const doc = await importBuffer('two.pdf', two);
    expect(doc.text).toContain('Annual Report 2024');
    expect(doc.text).toContain('Page 1 of 4');
  });

  it('joins words hyphenated at a line end when the joined word is a word, and keeps real compounds', async () => {
    const pdf = makePdf({
      pages: [
        {
          lines: textLines([
            ['The govern-', 'ment said the well-', 'known figures were checked by an inde-', 'pendent panel of self-', 'employed auditors for the long-', 'term.'],
          ]),
        },
      ],
    });
    const doc = await importBuffer('hyphens.pdf', pdf);
    expect(doc.text).toBe('The government said the well-known figures were checked by an independent panel of self-employed auditors for the long-term.');
  });

  it('joins a paragraph that a page break cuts, and both pages keep their part for citation', async () => {
    const pdf = makePdf({
      pages: [
        { lines: textLines([['The minister told the committee on Tuesday', 'that the contract was in order.'], ['It had been signed before the tender', 'closed, which']]) },
        { lines: textLines([['the auditors called a breach', 'of the rules.'], ['A new paragraph starts', 'here.']]) },
        { lines: textLines([['The inquiry will report', 'in the au-']]) },
        { lines: textLines([['tumn. Its chair declined', 'to comment.']]) },
      ],
    });
    const doc = await importBuffer('cut.pdf', pdf);
    expect(blockTexts(doc)).toEqual([
      'p: The minister told the committee on Tuesday that the contract was in order.',
      'p: It had been signed before the tender closed, which the auditors called a breach of the rules.',
      'p: A new paragraph starts here.',
      'p: The inquiry will report in the autumn. Its chair declined to comment.',
    ]);
    const pages = doc.metadata.pages!;
    const slice = (n: number) => doc.text.slice(pages[n - 1]!.start, pages[n - 1]!.end);
    expect(slice(1)).toBe('The minister told the committee on Tuesday that the contract was in order.\n\nIt had been signed before the tender closed, which');
    expect(slice(2)).toBe('the auditors called a breach of the rules.\n\nA new paragraph starts here.');
    expect(slice(3)).toBe('The inquiry will report in the au');
    expect(slice(4)).toBe('tumn. Its chair declined to comment.');
    expectWellFormed(doc);
  });
});

describe('.pdf text that is not text', () => {
  const item = (s: string, y: number): RawItem => ({ s, t: [10, 0, 0, 10, 72, y], w: 100, h: 10, e: true });

  it('measures control characters among the visible ones, and drops the few that a good file has', () => {
    expect(controlShare([[item('\u0001\u0002\u0003 ab', 700)], [item('\u0004\u0005', 680)]])).toBeCloseTo(5 / 7);
    expect(controlShare([[item('Plain text.', 700)]])).toBe(0);
    expect(linesOf([item('Fin\u0003al re\ufffdport', 700)]).map((l) => l.text)).toEqual(['Final report']);
  });
});

describe('.pdf reading order: right-to-left text and two columns', () => {
  const visual = (s: string) => [...s].reverse().join('');

  it('puts Hebrew and Arabic words in reading order, however they were drawn, numbers and Latin kept left to right', async () => {
    const hebrew = ['שלום', 'עולם', 'יפה'];
    const arabic = ['قال', 'الوزير', 'إن', '5', 'ملايين', 'USD'];
    // Each word drawn on its own, its glyphs in visual order, from the left edge of the line rightwards.
    const he: PdfLine[] = hebrew.map((w, i) => ({ text: visual(w), x: 400 - i * 60, y: 700 })).reverse();
    const ar: PdfLine[] = arabic.map((w, i) => ({ text: /^[\dA-Z]+$/.test(w) ? w : visual(w), x: 480 - i * 70, y: 660 })).reverse();
    // The same drawn from the right edge leftwards (the order of reading), and a whole line in one string.
    const heLeftwards: PdfLine[] = hebrew.map((w, i) => ({ text: visual(w), x: 400 - i * 60, y: 620 }));
    const oneString: PdfLine = { text: visual('שלום עולם יפה'), x: 300, y: 580 };
    const mixed: PdfLine[] = [
      { text: 'The minister said', x: 72, y: 540 },
      { text: visual('שלום'), x: 175, y: 540 },
      { text: visual('עולם'), x: 210, y: 540 },
      { text: 'twice.', x: 250, y: 540 },
    ];
    const doc = await importBuffer('rtl.pdf', makePdf({ pages: [{ lines: [...he, ...ar, ...heLeftwards, oneString, ...mixed] }] }));
    expect(doc.text.split('\n\n')).toEqual(['שלום עולם יפה', 'قال الوزير إن 5 ملايين USD', 'שלום עולם יפה', 'שלום עולם יפה', 'The minister said עולם שלום twice.']);
  });

  it('reads two columns drawn line by line as the left column, then the right; a title and a page number across the gutter stay put', async () => {
    const left = ['The council met on Monday to', 'discuss the budget for the next', 'year. Members agreed on most', 'points after a long debate.', '', 'A second paragraph on the left', 'says the vote was close.'];
    const right = ['Meanwhile the mayor said the', 'city would borrow less than in', 'past years. Critics disagreed', 'with her numbers.', '', 'The right column ends with', 'a final remark here.'];
    const lines: PdfLine[] = [{ text: 'City budget passes after long debate', x: 150, y: 740, size: 16 }];
    left.forEach((l, i) => {
      // Left line, right line, next left line: the order a line-by-line converter writes.
      if (l) lines.push({ text: l, x: 72, y: 700 - i * 14 });
      if (right[i]) lines.push({ text: right[i]!, x: 320, y: 700 - i * 14 });
    });
    lines.push({ text: 'Closing note across both columns, set in full width below them.', x: 72, y: 580 });
    lines.push({ text: '7', x: 300, y: 60 });
    const doc = await importBuffer('columns.pdf', makePdf({ pages: [{ lines }] }));
    expect(blockTexts(doc)).toEqual([
      'h2: City budget passes after long debate',
      'p: The council met on Monday to discuss the budget for the next year. Members agreed on most points after a long debate.',
      'p: A second paragraph on the left says the vote was close.',
      'p: Meanwhile the mayor said the city would borrow less than in past years. Critics disagreed with her numbers.',
      'p: The right column ends with a final remark here.',
      'p: Closing note across both columns, set in full width below them.',
      'p: 7',
    ]);
  });

  it('leaves a one-column page, and a page of few lines, in the order they were drawn', async () => {
    const lines = textLines([['A single column of running text that', 'crosses the middle of the page on every', 'line, so there is no gutter at all.'], ['Second paragraph, also full width and', 'long enough to cross the middle.']]);
    const doc = await importBuffer('one.pdf', makePdf({ pages: [{ lines }] }));
    expect(doc.text).toBe('A single column of running text that crosses the middle of the page on every line, so there is no gutter at all.\n\nSecond paragraph, also full width and long enough to cross the middle.');
  });
});

describe('rotated text and titles over two lines', () => {
  it('reads a rotated margin note as words, and a page set sideways in its own direction', async () => {
    const body = textLines([['The committee met on Tuesday and approved the budget.', 'It will meet again in May.']]);
    const margin = [{ text: 'Preprint under review', x: 40, y: 300, size: 9, angle: 90, perChar: true }];
    const sideways = ['Sideways pages are read along their lines.', 'Each line in its own order.'].map((text, i) => ({ text, x: 100 + i * 14, y: 100, size: 11, angle: 90, perChar: true }));
    const doc = await importBuffer('rotated.pdf', makePdf({ pages: [{ lines: [...body, ...margin] }, { lines: sideways }] }));
    const paras = doc.blocks.map((b) => doc.text.slice(b.start, b.end));
    expect(paras).toContain('The committee met on Tuesday and approved the budget. It will meet again in May.');
    expect(paras).toEqual([
      'The committee met on Tuesday and approved the budget. It will meet again in May.',
      'Preprint under review',
      'Sideways pages are read along their lines. Each line in its own order.',
    ]);
  });

  it('keeps a title that wraps onto a second line whole', async () => {
    const title = [
      { text: 'Regional water authority reports record', y: 720, size: 24 },
      { text: 'losses after the dry summer', y: 692, size: 24 },
    ];
    const body = textLines([['Losses rose by a third, the authority said on Monday.', 'Its report covers the months to September.']], { top: 640 });
    const doc = await importBuffer('report.pdf', makePdf({ pages: [{ lines: [...title, ...body] }] }));
    expect(doc.title).toBe('Regional water authority reports record losses after the dry summer');
  });
});
