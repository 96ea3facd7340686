import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './index';
import { kremlinFixture } from '../../../test/export/fixture';
import { hostileFixture, INVISIBLE_TEXT } from '../../../test/export/hostile';

/** A strict RFC 4180 reader, to check what toCsv writes. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let cell = '';
    if (csv[i] === '"') {
      i++;
      for (;;) {
        const q = csv.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        cell += csv.slice(i, q);
        i = q + 1;
        if (csv[i] === '"') {
          cell += '"';
          i++;
        } else break;
      }
    } else {
      const m = /^[^,\r\n"]*/.exec(csv.slice(i))![0];
      cell = m;
      i += m.length;
    }
    row.push(cell);
    if (csv[i] === ',') i++;
    else if (csv.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(csv[i])} at ${i}`);
  }
  return rows;
}

describe('toCsv', () => {
  const { input } = kremlinFixture();
  const csv = toCsv(input);
  const rows = parseCsv(csv);

  it('writes a header and one row a claim, with CRLF line ends only', () => {
    expect(rows[0]).toEqual(['claim', 'quote', 'status', 'credibility', 'source', 'grade', 'flags', 'note', 'start', 'end', 'orphan']);
    expect(rows).toHaveLength(11);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').match(/\r?\n/g)!.every((nl) => nl === '\r\n')).toBe(true);
    expect(rows.every((r) => r.length === 11)).toBe(true);
  });

  it('fills quote, status, credibility, source, grade, flags and note', () => {
    const sixth = rows.find((r) => r[1] === 'This marks the sixth conversation between the two leaders this year')!;
    expect(sixth[2]).toBe('refuted');
    expect(sixth[3]).toBe('4');
    expect(sixth[4]).toBe('Kremlin');
    expect(sixth[5]).toBe('C');
    expect(sixth[6]).toBe('F2 open: Sixth conversation this year, yet "at least five" since January');
    expect(sixth[7]).toContain('<b>at least five</b>');
    const reaffirmed = rows.find((r) => r[1]!.startsWith('Putin reaffirmed'))!;
    expect([reaffirmed[4], reaffirmed[5]]).toEqual(['Yury Ushakov', 'B']);
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    const hostile = rows.find((r) => r[1] === '<script>alert(1)</script>')!;
    expect(hostile[7]).toBe('Hostile | text, "quoted"\nsecond line');
    expect(csv).toContain('"Hostile | text, ""quoted""\nsecond line"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const hour = rows.find((r) => r[1] === 'the latest call lasted nearly an hour')!;
    expect(hour[7]).toBe("'-2+3 looks like a formula");
    for (const danger of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(danger).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('can start with a byte order mark for Excel', () => {
    expect(toCsv(input, { bom: true }).startsWith('\uFEFFclaim,')).toBe(true);
    expect(csv.startsWith('claim,')).toBe(true);
  });
});

describe('toCsv on hostile input', () => {
  const { input } = hostileFixture();
  const rows = parseCsv(toCsv(input));

  it('keeps invisible characters exactly: a data format is faithful', () => {
    const row = rows.find((r) => r[1] === INVISIBLE_TEXT)!;
    expect(row).toBeDefined();
    expect(row[7]).toContain(`\n${INVISIBLE_TEXT}`);
    expect(rows.some((r) => r[4]!.includes(INVISIBLE_TEXT))).toBe(true);
  });

  it('still defuses formulas, also behind spaces, invisible characters and in full-width forms', () => {
    for (const hidden of ['\u200B=1+1', '\uFEFF=HYPERLINK("http://evil")', '\u202E@SUM(A1)', '\u2066-1', ' =1', '\u00A0+1', '＝1+1', '＋1', '－1', '＠SUM(A1)', '\u0000=1']) {
      const cell = csvCell(hidden);
      expect(cell.replace(/^"/, ''), JSON.stringify(hidden)).toMatch(/^'/);
      // Nothing else changes: the quote is the only character added.
      expect(parseCsv(`${cell}\r\n`)[0]![0]).toBe(`'${hidden}`);
    }
    expect(csvCell('a\u200B=1')).toBe('a\u200B=1');
    expect(csvCell('\u202Eabc')).toBe('\u202Eabc');
  });
});
