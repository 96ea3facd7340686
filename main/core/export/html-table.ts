// The one shape of a report section holding a table (the document report's claims, attributions
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
