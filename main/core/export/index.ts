export type { ImportedAnnotation, ImportedAnnotations, ImportedDocumentInfo, ImportedFlag, ImportedLink, ImportedSource, ReportInput } from './types';
export { toHtml, REPORT_CSP } from './html';
export { toMarkdown } from './markdown';
export { toCsv, csvCell, CSV_COLUMNS, type CsvOptions } from './csv';
export { toJsonLd, type JsonLdOptions } from './jsonld';
export { fromJsonLd } from './jsonld-import';
export { toClaimReview, CLAIM_REVIEW_RATINGS, type ClaimReviewOptions } from './claimreview';
export { toPdf, type PdfOptions } from './pdf';
