import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../test/export/pdf-read';
import { kremlinFixture, TITLE } from '../../../test/export/fixture';
import { pdfTextString, reportPdfInfo, withPdfInfo } from './pdf-info';
import { toHtml, toPdf } from './index';
import type { ReportInput } from './types';

const CHROMIUM = process.env.CLAIMSCOPE_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const skipped = hasChromium ? '' : ` (skipped: no Chromium at ${CHROMIUM}; install it or set CLAIMSCOPE_CHROMIUM)`;

/** A one-page PDF with a classic cross-reference table and an information dictionary, as Skia writes one. */
function tinyPdf(): Buffer {
  const objects = [
    '<</Creator (Mozilla/5.0 HeadlessChrome/156.0) /Producer (Skia/PDF m156)>>',
    '<</Type /Catalog /Pages 3 0 R>>',
    '<</Type /Pages /Kids [4 0 R] /Count 1>>',
    '<</Type /Page /Parent 3 0 R /MediaBox [0 0 200 200] /Contents 5 0 R /Resources <</Font <</F1 6 0 R>>>>>>',
    null,
    '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>',
  ];
  const content = 'BT /F1 12 Tf 20 100 Td (Hello report) Tj ET';
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += o === null ? `${i + 1} 0 obj\n<</Length ${content.length}>>\nstream\n${content}\nendstream\nendobj\n` : `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(out, 'latin1');
}

const INFO = { title: 'Kremlin call — annotated report', author: 'Jana Müller', subject: 'Claims in “Kremlin call”', keywords: 'claims', creator: 'Claimscope', producer: 'Claimscope', created: new Date('2025-07-23T10:00:00Z') };

describe('withPdfInfo', () => {
  it('writes text strings as UTF-16 with a byte order mark', () => {
    expect(pdfTextString('Aü')).toBe('<FEFF004100FC>');
    expect(pdfTextString('😀')).toBe('<FEFFD83DDE00>');
  });

  it('sets title, author, subject and maker by an incremental update, leaving the pages as they were', async () => {
    const before = tinyPdf();
    const after = withPdfInfo(before, INFO);
    expect(after.subarray(0, before.length - 200).equals(before.subarray(0, before.length - 200))).toBe(false); // the old dictionary's strings are blanked in place
    expect(after.length).toBeGreaterThan(before.length);
    const pdf = await readPdf(after);
    expect(pdf.pages).toEqual(['Hello report']);
    expect(pdf.info).toMatchObject({ Title: INFO.title, Author: 'Jana Müller', Subject: INFO.subject, Keywords: 'claims', Creator: 'Claimscope', Producer: 'Claimscope' });
    expect(String(pdf.info.CreationDate)).toMatch(/^D:20250723100000/);
    expect(after.toString('latin1')).not.toContain('HeadlessChrome');
    expect(after.toString('latin1')).toContain('/ViewerPreferences <</DisplayDocTitle true>>');
  });

  it('also updates a file whose cross-references are a stream, and leaves a file it cannot read as it is', async () => {
    // The same file, its table rewritten as an uncompressed cross-reference stream (PDF 1.5).
    const classic = tinyPdf().toString('latin1');
    const xrefAt = classic.indexOf('xref\n0 ');
    const offsets = [...classic.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    const rows = Buffer.alloc((offsets.length + 2) * 7);
    rows.writeUInt8(0, 0);
    offsets.forEach((o, i) => {
      rows.writeUInt8(1, (i + 1) * 7);
      rows.writeUInt32BE(o, (i + 1) * 7 + 1);
    });
    const selfRow = (offsets.length + 1) * 7;
    rows.writeUInt8(1, selfRow);
    rows.writeUInt32BE(xrefAt, selfRow + 1);
    const n = offsets.length + 1;
    const streamed = Buffer.from(
      `${classic.slice(0, xrefAt)}${n} 0 obj\n<</Type /XRef /Size ${n + 1} /W [1 4 2] /Root 2 0 R /Info 1 0 R /Length ${rows.length}>>\nstream\n${rows.toString('latin1')}\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF`,
      'latin1',
    );
    expect((await readPdf(streamed)).info).toMatchObject({ Producer: 'Skia/PDF m156' });
    const pdf = await readPdf(withPdfInfo(streamed, INFO));
    expect(pdf.pages).toEqual(['Hello report']);
    expect(pdf.info).toMatchObject({ Title: INFO.title, Author: 'Jana Müller', Producer: 'Claimscope' });

    const junk = Buffer.from('%PDF-1.4\nnot really');
    expect(withPdfInfo(junk, INFO).equals(junk)).toBe(true);
  });

  it('describes a report: its title, the analyst, the article and the verdict', () => {
    const { input } = kremlinFixture();
    const info = reportPdfInfo({ ...input, analyst: ' Jana Müller ', state: { ...input.state, assessment: assessed('false') } });
    expect(info).toMatchObject({
      title: `${TITLE} — annotated report`,
      author: 'Jana Müller',
      subject: `Claims, attributions, sources and inconsistencies in “${TITLE}” (menafn.com, MENAFN). Verdict: False.`,
      creator: 'Claimscope',
      producer: 'Claimscope',
      created: new Date('2025-07-23T10:00:00.000Z'),
    });
    expect(reportPdfInfo(input).author).toBeUndefined();
  });
});

function assessed(verdict: 'false' | 'misleading'): NonNullable<ReportInput['state']['assessment']> {
  return { id: 1, documentId: 1, verdict, summary: 'The count of calls **contradicts** itself.', updatedAt: '2025-07-23T09:30:00.000Z' };
}

describe('the PDF report', () => {
  it.skipIf(!hasChromium)(`is tagged, titled, has an outline, and its first page carries the header, the verdict and the summary${skipped}`, async () => {
    const { input: base } = kremlinFixture();
    const input: ReportInput = { ...base, analyst: 'Jana Müller', locale: 'de-DE', timeZone: 'Europe/Berlin', state: { ...base.state, assessment: assessed('misleading') } };
    const printed = await toPdf(toHtml(input));
    const pdf = await readPdf(withPdfInfo(printed, reportPdfInfo(input)));
    expect(pdf.tagged).toBe(true);
    expect(pdf.outline).toEqual(expect.arrayContaining(['Summary', 'Annotated text', 'Claims']));
    expect(pdf.info).toMatchObject({ Title: `${TITLE} — annotated report`, Author: 'Jana Müller', Creator: 'Claimscope', Producer: 'Claimscope' });
    expect(String(pdf.info.Subject)).toContain('Verdict: Misleading');
    expect(JSON.stringify(pdf.info)).not.toMatch(/HeadlessChrome|Skia/);

    // The first page is the report's front page, full: header, bottom line and summary.
    const first = pdf.pages[0]!;
    for (const words of ['Kremlin aide unveils specifics', 'Jana Müller', 'menafn.com', '22. Juli 2025', 'Misleading', 'contradicts', 'Summary', 'UNSOURCED CLAIMS']) {
      expect(first, words).toContain(words);
    }
    expect(first.length).toBeGreaterThan(800);
    expect(first).toMatch(/23\. Juli 2025 um 12:00 MESZ/);
  });

  it.skipIf(!hasChromium)(`breaks no page before the annotated text: it begins on the first page when the front matter leaves room${skipped}`, async () => {
    const { input } = kremlinFixture();
    const pdf = await readPdf(await toPdf(toHtml(input)));
    expect(pdf.pages[0]).toContain('UNSOURCED CLAIMS');
    expect(pdf.pages[0]).toContain('Annotated text');
    expect(pdf.pages[0]).toContain('Markers link to the tables below');
  });
});
