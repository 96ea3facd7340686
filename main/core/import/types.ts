import { MAX_IMPORT_BYTES } from '../../../common/formats';
import type { Block, Metadata } from '../../../common/domain';

/** What every importer produces: the plain text (the truth offsets refer to) and its structure. */
export interface ImportedDocument {
  title: string;
  /** txt, md, html, docx, pdf */
  format: string;
  text: string;
  blocks: Block[];
  metadata: Metadata;
}

export interface ImportOptions {
  /** Files larger than this are refused. Default DEFAULT_MAX_IMPORT_BYTES. */
  maxBytes?: number;
  /** A PDF that takes longer than this to read is refused (it is read in a worker thread). Default 120 s. */
  pdfTimeoutMs?: number;
  /**
   * Text, Markdown and HTML: decode with this encoding (a WHATWG label) instead of detecting one.
   * Word and PDF files ignore it. An unknown label is refused in one line.
   */
  encoding?: string;
  /** HTML: keep every readable part of the page, not only the article. */
  wholePage?: boolean;
}

export const DEFAULT_MAX_IMPORT_BYTES = MAX_IMPORT_BYTES;
