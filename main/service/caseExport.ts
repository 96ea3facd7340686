import type { Handlers } from '../../common/api';
import type { DocumentRecord, ExportedFile, ExportFormat } from '../../common/domain';
import { ClaimscopeError } from '../../common/errors';
import { EXPORT_FORMAT_INFO } from '../../common/formats';
import { toPdf, withPdfInfo } from '../core/export';
import { buildCaseReport, casePdfInfo, caseToCsv, caseToHtml, caseToJsonLdText, caseToMarkdown, type CaseReportModel } from '../core/export/case';
import type { ServiceContext } from './context';
import { fileStem, verifiedDocument, type ReportReader } from './exports';

// The case report (issue 14): the matrix of claim groups against documents, the ACH table, every
// contested claim with each document's passage, and the sources with their grades, from the same
// answer getCase gives the app. Every document it quotes is checked against its fingerprint first.

/** The case report's model: getCase's answer, each quoted document whole and verified. */
export async function caseReport(ctx: ServiceContext, cases: Pick<Handlers, 'getCase'>, caseId: number, reader: ReportReader = {}): Promise<CaseReportModel> {
  const got = await cases.getCase({ id: caseId });
  // The case's documents, then any a claim group still quotes after it left the case.
  const ids = [...new Set([...got.case.documentIds, ...got.claimGroups.flatMap((g) => g.members.map((m) => m.documentId))])];
  const documents: DocumentRecord[] = [];
  for (const id of ids) if (ctx.store.documents.exists(id)) documents.push(verifiedDocument(ctx, id));
  return buildCaseReport({
    case: got.case,
    documents,
    claimGroups: got.claimGroups,
    evidence: got.evidence,
    hypotheses: got.hypotheses,
    marks: got.marks,
    analyst: reader.analyst ?? ctx.store.settings.all().analystName,
    ...(reader.locale ? { locale: reader.locale } : {}),
    ...(reader.timeZone ? { timeZone: reader.timeZone } : {}),
  });
}

export async function renderCaseExport(ctx: ServiceContext, m: CaseReportModel, format: ExportFormat): Promise<ExportedFile> {
  const { ext, mimeType } = EXPORT_FORMAT_INFO[format];
  const fileName = `${fileStem(m.case.name)}${ext}`;
  const text = (content: string): ExportedFile => ({ fileName, mimeType, encoding: 'utf8', content });
  switch (format) {
    case 'html':
      return text(caseToHtml(m));
    case 'md':
      return text(caseToMarkdown(m));
    case 'csv':
      return text(caseToCsv(m));
    case 'json':
      return text(caseToJsonLdText(m));
    case 'claimreview':
      throw new ClaimscopeError(
        'invalid_input',
        'a case has no ClaimReview form (ClaimReview rates one document\'s claims); export the case as json (Web Annotation JSON-LD), or each document with its own claimreview export',
      );
    case 'pdf': {
      const html = caseToHtml(m);
      const printed = ctx.options.renderPdf ? await ctx.options.renderPdf(html) : await toPdf(html);
      const pdf = withPdfInfo(printed, casePdfInfo(m));
      return { fileName, mimeType, encoding: 'base64', content: Buffer.from(pdf).toString('base64') };
    }
  }
}

/** `cases`: the case handlers, whose getCase answer the report is made from (the app's own view of the case). */
export function caseExportHandlers(ctx: ServiceContext, cases: Pick<Handlers, 'getCase'>): Pick<Handlers, 'exportCase'> {
  return {
    exportCase: async ({ caseId, format, locale, timeZone, analyst }) => renderCaseExport(ctx, await caseReport(ctx, cases, caseId, { locale, timeZone, analyst }), format),
  };
}
