export type { ImportedAnnotation, ImportedAnnotations, ImportedDocumentInfo, ImportedFlag, ImportedLink, ImportedSource, ReportInput } from './types';
export { toHtml, REPORT_CSP } from './html';
export { toMarkdown } from './markdown';
export { toCsv, csvCell, CSV_COLUMNS, type CsvOptions } from './csv';
export { toJsonLd, type JsonLdOptions } from './jsonld/write';
export { fromJsonLd } from './jsonld/read';
export { toClaimReview, CLAIM_REVIEW_RATINGS, type ClaimReviewOptions } from './claimreview';
export { toPdf, type PdfOptions } from './pdf';
