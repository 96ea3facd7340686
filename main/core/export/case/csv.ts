import { csvCell } from '../csv';
import type { CaseReportModel } from './model';

export const CASE_CSV_COLUMNS = ['group', 'claim', 'contested', 'credibility', 'proposed', 'document', 'title', 'outlet', 'stance', 'quote', 'start', 'end'] as const;

/**
 * One row a claim-group member (a passage of one document), RFC 4180 with CRLF line ends, as the
 * document CSV: cells a spreadsheet would run as a formula are defused (csvCell). A group without
 * members still has one row, its document cells empty, so every group of the matrix is there.
 */
export function caseToCsv(m: CaseReportModel): string {
  const docs = new Map(m.documents.map((d) => [d.id, d]));
  const rows: string[][] = [[...CASE_CSV_COLUMNS]];
  for (const g of m.groups) {
    const group = [g.label, g.title, g.contested ? 'yes' : 'no', g.credibility === null ? '' : String(g.credibility), g.proposed === null ? '' : String(g.proposed)];
    if (g.passages.length === 0) rows.push([...group, '', '', '', '', '', '', '']);
    for (const p of g.passages) {
      const d = docs.get(p.documentId)!;
      rows.push([...group, d.label, d.title, d.outlet ?? '', p.stance, p.exact, String(p.start), String(p.end)]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
