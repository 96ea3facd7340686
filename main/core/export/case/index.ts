// The case report (issue 14): one model, a renderer per format.
export {
  buildCaseReport,
  type CaseReportDocument,
  type CaseReportGroup,
  type CaseReportHypothesis,
  type CaseReportInput,
  type CaseReportModel,
  type CaseReportPassage,
  type CaseReportSource,
} from './model';
export { caseToHtml, caseTitle } from './html';
export { caseToMarkdown } from './markdown';
export { caseToJsonLd, caseToJsonLdText } from './jsonld';
export { caseToCsv, CASE_CSV_COLUMNS } from './csv';
export { casePdfInfo } from './pdf-info';
