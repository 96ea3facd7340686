import type { PdfInfo } from '../pdf-info';
import { caseTitle } from './html';
import type { CaseReportModel } from './model';

/** The case report's PDF metadata: its title, the analyst as author, a subject naming the documents and what is contested. */
export function casePdfInfo(m: CaseReportModel): PdfInfo {
  const title = caseTitle(m).trim();
  const docs = m.documents.filter((d) => d.inCase).length;
  const created = new Date(m.generatedAt);
  return {
    title: `${title} — case report`,
    ...(m.analyst ? { author: m.analyst } : {}),
    subject: `What ${docs} document${docs === 1 ? '' : 's'} say about “${title}”: ${m.groups.length} claim group${m.groups.length === 1 ? '' : 's'}, ${m.contested.length} contested.`,
    keywords: 'case report, claim matrix, contested claims, corroboration, sources, ACH',
    creator: 'Claimscope',
    producer: 'Claimscope',
    ...(Number.isNaN(created.getTime()) ? {} : { created }),
  };
}
