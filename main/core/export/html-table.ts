import { escapeHtmlPlain } from './escape';

// The report's head (the strict CSP, no referrer, the title, the stylesheet) and the one shape of
// a report section holding a table (the document report's claims, attributions
// and sources; the case report's documents and sources): its heading, a line when it has no rows,
// the columns' widths and headings, then the rows the caller writes, then `endTableSection`.

export interface TableSection {
  id: string;
  title: string;
  /** The line shown instead of the table when there are no rows. */
  empty: string;
  /** The table's class (its column widths in the stylesheet). */
  table: string;
  /** Each column: its width class (`c-...`) and its heading. */
  columns: ReadonlyArray<readonly [width: string, heading: string]>;
}

/**
 * Opens the section and its table up to `<tbody>`; with no rows, writes the empty line, closes the
 * section and answers false (the caller writes nothing more).
 */
export function openTableSection(out: string[], s: TableSection, rows: number): boolean {
  out.push(`<section id="${s.id}" class="${s.id}-section">\n<h2>${s.title}</h2>\n`);
  if (rows === 0) {
    out.push(`<p class="empty">${s.empty}</p>\n</section>\n`);
    return false;
  }
  out.push(
    `<table class="${s.table}"><colgroup>${s.columns.map(([w]) => `<col class="${w}">`).join('')}</colgroup>`,
    `<thead><tr>${s.columns.map(([, heading]) => `<th scope="col">${heading}</th>`).join('')}</tr></thead>\n<tbody>`,
  );
  return true;
}

export function endTableSection(out: string[]): void {
  out.push('</tbody></table>\n</section>\n');
}

/** Opens a report: the document head with its CSP and stylesheet, and `<body>` with its class (if any). */
export function openReport(out: string[], o: { csp: string; title: string; css: string; bodyClass?: string }): void {
  out.push(
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    `<meta http-equiv="Content-Security-Policy" content="${o.csp}">\n`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    '<meta name="referrer" content="no-referrer">\n',
    '<meta name="generator" content="Claimscope">\n',
    `<title>${escapeHtmlPlain(o.title)}</title>\n`,
    `<style>${o.css}</style>\n</head>\n<body${o.bodyClass ? ` class="${o.bodyClass}"` : ''}>\n`,
  );
}
