import { buildModel, quoteOf } from './model';
import type { ReportInput } from './types';

export const CSV_COLUMNS = ['claim', 'quote', 'status', 'credibility', 'source', 'grade', 'flags', 'note', 'start', 'end', 'orphan'] as const;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, which older Excel needs to read UTF-8. Default false. */
  bom?: boolean;
}

/**
 * One row a claim, RFC 4180: a header row, CRLF line ends, fields quoted where needed. Several
 * sources share a cell, separated by "; ", with their grades in the same order in the next column.
 * Cells that a spreadsheet would run as a formula are defused with a leading single quote.
 */
export function toCsv(input: ReportInput, options: CsvOptions = {}): string {
  const m = buildModel(input);
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const c of m.claims) {
    const sources = m.sourcesOf.get(c.id) ?? [];
    const flags = (m.flagsOf.get(c.id) ?? []).map((f) => `${m.flagLabel.get(f.id)} ${f.status}: ${f.explanation}`.trim());
    rows.push([
      m.claimLabel.get(c.id) ?? '',
      quoteOf(m, c),
      c.status,
      c.credibility === null ? '' : String(c.credibility),
      sources.map((s) => s.name).join('; '),
      sources.map((s) => s.reliability).join('; '),
      flags.join('; '),
      c.note,
      String(c.start),
      String(c.end),
      c.orphan ? 'yes' : 'no',
    ]);
  }
  return (options.bom ? '\uFEFF' : '') + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// OWASP's list: what Excel, LibreOffice and Google Sheets read as the start of a formula, also
// behind leading spaces or invisible characters (which some spreadsheets skip or trim), and in the
// full-width forms East Asian input methods type.
const FORMULA_START = /^[\s\p{Cf}\p{Cc}]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/**
 * One CSV field: formula-guarded, then quoted if it holds a quote, comma or line break. The text is
 * otherwise kept exactly, invisible characters included: a CSV is data, not a report.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
