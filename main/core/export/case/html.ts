import {
  ACH_MARK_LABELS,
  ACH_MARK_SHORT,
  CLAIM_STANCE_LABELS,
  CREDIBILITY_LABELS,
  MATRIX_CELL_LABELS,
  MATRIX_CELLS,
  RELIABILITY_LABELS,
  type MatrixCell,
} from '../../../../common/labels';
import { formatArticleDate, formatDateTime, isMachineDate } from '../../../../common/time';
import { escapeHtml, escapeHtmlPlain, escapeHtmlText as h } from '../escape';
import { REPORT_CSP } from '../html';
import { endTableSection, openReport, openTableSection } from '../html-table';
import { REPORT_CSS } from '../html-style';
import type { CaseReportDocument, CaseReportGroup, CaseReportModel, CaseReportPassage } from './model';
import { CASE_CSS } from './style';

/** The symbol each matrix cell shows beside its word (the word is always there: colour and symbol are second cues). */
export const CELL_SYMBOL: Record<MatrixCell, string> = { stated: '✓', contradicted: '✗', both: '±', silent: '·' };

/** The case's name as a report titles it. */
export function caseTitle(m: CaseReportModel): string {
  return m.case.name.trim() ? m.case.name : 'Untitled case';
}

/**
 * The case report as one self-contained HTML file, styled as the document report (no script, no
 * remote resource, the same strict CSP): the documents, the matrix of claim groups against
 * documents, the ACH table when there are hypotheses, every contested claim with each document's
 * passage, and the sources with their grades. Everything that comes from a document or the analyst
 * (titles, passages, labels, names) is escaped; invisible characters show as marked tokens.
 */
export function caseToHtml(m: CaseReportModel): string {
  const title = caseTitle(m);
  const out: string[] = [];
  openReport(out, { csp: REPORT_CSP, title: `${title} — case report`, css: `${REPORT_CSS}${CASE_CSS}`, bodyClass: 'case-report' });
  header(out, m, title);
  documents(out, m);
  matrix(out, m);
  if (m.hypotheses.length > 0) ach(out, m);
  contested(out, m);
  sources(out, m);
  const by = m.analyst ? ` by ${h(m.analyst)}` : '';
  out.push(`<footer>Claimscope case report${by} · generated ${when(m, m.generatedAt)}</footer>\n</body>\n</html>\n`);
  return out.join('');
}

/** A time as the analyst reads it, the machine-readable value kept in <time>. */
function when(m: CaseReportModel, iso: string, article = false): string {
  const shown = article ? formatArticleDate(iso, m.clock) : formatDateTime(iso, m.clock);
  return isMachineDate(iso) ? `<time datetime="${escapeHtml(iso)}" lang="${escapeHtml(m.clock.locale)}">${h(shown)}</time>` : h(iso);
}

function header(out: string[], m: CaseReportModel, title: string) {
  const rows: [string, string][] = [
    ['Analyst', m.analyst ? h(m.analyst) : '<span class="muted">not named</span>'],
    ['Report generated', when(m, m.generatedAt)],
    ['Case opened', when(m, m.case.createdAt)],
  ];
  const counts: [string, string][] = [
    ['Documents', String(m.documents.filter((d) => d.inCase).length)],
    ['Claim groups', String(m.groups.length)],
    ['Contested', String(m.contested.length)],
  ];
  if (m.hypotheses.length > 0) counts.push(['Hypotheses', String(m.hypotheses.length)]);
  const dl = (label: string, list: [string, string][]) => {
    out.push(`<dl class="meta" aria-label="${label}">`);
    for (const [k, v] of list) out.push(`<dt>${k}</dt><dd>${v}</dd>`);
    out.push('</dl>\n');
  };
  out.push('<header>\n<p class="kicker">Claimscope · case report</p>\n', `<h1>${h(title)}</h1>\n<div class="meta-grid">\n`);
  dl('The report', rows);
  dl('The case', counts);
  out.push('</div>\n<nav class="toc" aria-label="Contents"><a href="#documents">Documents</a><a href="#matrix">Matrix</a>');
  if (m.hypotheses.length > 0) out.push('<a href="#ach">Hypotheses</a>');
  out.push('<a href="#contested">Contested claims</a><a href="#sources">Sources</a></nav>\n</header>\n');
}

function docTitle(d: CaseReportDocument): string {
  return d.title.trim() ? h(d.title) : '<span class="muted">Untitled document</span>';
}

function documents(out: string[], m: CaseReportModel) {
  const columns = [['c-ref', '#'], ['c-title', 'Title'], ['c-outlet', 'Outlet'], ['c-date', 'Published'], ['c-sha', 'SHA-256']] as const;
  if (!openTableSection(out, { id: 'documents', title: 'Documents', empty: 'The case has no documents.', table: 'documents', columns }, m.documents.length)) return;
  for (const d of m.documents) {
    const author = d.author ? `<span class="page">by ${h(d.author)}</span>` : '';
    const gone = d.inCase ? '' : '<span class="orphan">No longer in the case; a claim group still quotes it.</span>';
    out.push(`<tr id="d${d.id}"><th scope="row">${d.label}</th><td>${docTitle(d)}${author}${gone}</td>`);
    out.push(`<td>${d.outlet ? h(d.outlet) : '<span class="muted">—</span>'}</td><td>${d.published ? when(m, d.published, true) : '<span class="muted">—</span>'}</td>`);
    out.push(`<td>${d.sha256 ? `<code>${h(d.sha256)}</code>` : '<span class="muted">—</span>'}</td></tr>\n`);
  }
  endTableSection(out);
}

/** The analyst's credibility, else the proposal in muted type; the reason and the independence counts below. */
function credibilityCell(g: CaseReportGroup): string {
  const parts: string[] = [];
  if (g.credibility !== null) {
    parts.push(`<span class="cred" data-cred="${g.credibility}">${g.credibility}</span> ${CREDIBILITY_LABELS[g.credibility] ?? ''}`);
    if (g.proposed !== null && g.proposed !== g.credibility) parts.push(`<span class="page">proposed: ${g.proposed} · ${CREDIBILITY_LABELS[g.proposed] ?? ''}</span>`);
  } else if (g.proposed !== null) {
    parts.push(`<span class="muted">proposed</span> <span class="cred proposed" data-cred="${g.proposed}">${g.proposed}</span> ${CREDIBILITY_LABELS[g.proposed] ?? ''}`);
  } else {
    parts.push('<span class="muted">not graded</span>');
  }
  if (g.reason) parts.push(`<span class="page">${h(g.reason)}</span>`);
  return parts.join('');
}

function groupTitle(g: CaseReportGroup): string {
  return g.title.trim() ? h(g.title) : '<span class="muted">Unlabelled group</span>';
}

function matrix(out: string[], m: CaseReportModel) {
  out.push('<section id="matrix" class="matrix-section">\n<h2>Matrix</h2>\n');
  if (m.groups.length === 0) {
    out.push('<p class="empty">No claim groups yet: no claim is matched across the documents.</p>\n</section>\n');
    return;
  }
  out.push('<div class="legend" aria-label="Legend">');
  for (const c of MATRIX_CELLS) out.push(`<span><span class="cell" data-cell="${c}">${CELL_SYMBOL[c]}</span> ${MATRIX_CELL_LABELS[c]}</span>`);
  out.push('<span class="muted">Rows: claim groups; columns: documents. Credibility is the analyst\'s (Admiralty 1–6), else the one the evidence proposes.</span></div>\n');
  out.push('<table class="matrix"><thead><tr><th scope="col">#</th><th scope="col">Claim</th>');
  for (const d of m.documents) out.push(`<th scope="col" class="doc-col" title="${escapeHtmlPlain(d.title)}"><a href="#d${d.id}">${d.label}</a></th>`);
  out.push('<th scope="col">Credibility</th></tr></thead>\n<tbody>');
  for (const g of m.groups) {
    const ref = g.contested ? `<a href="#g${g.id}">${g.label}</a>` : g.label;
    out.push(`<tr id="row-g${g.id}"${g.contested ? ' class="contested"' : ''}><th scope="row">${ref}</th><td class="q">${groupTitle(g)}</td>`);
    g.cells.forEach((c, i) => {
      const d = m.documents[i]!;
      out.push(`<td class="cell" data-cell="${c}" title="${d.label}: ${MATRIX_CELL_LABELS[c]}"><span aria-hidden="true">${CELL_SYMBOL[c]}</span> ${MATRIX_CELL_LABELS[c]}</td>`);
    });
    out.push(`<td class="credibility">${credibilityCell(g)}</td></tr>\n`);
  }
  endTableSection(out);
}

function ach(out: string[], m: CaseReportModel) {
  out.push('<section id="ach" class="ach-section">\n<h2>Hypotheses (ACH)</h2>\n');
  out.push(
    '<p class="muted">Each claim group is marked consistent (C), inconsistent (I) or not applicable (N/A) with each hypothesis. ',
    'The <strong>inconsistency score</strong> of a hypothesis is the number of claim groups marked inconsistent with it: <strong>lower is better</strong>. ',
    'Analysis of competing hypotheses favours the hypothesis with the least evidence against it, not the one with the most evidence for it.</p>\n',
  );
  out.push('<ol class="hypotheses">');
  for (const hy of m.hypotheses) out.push(`<li id="h${hy.id}"><strong>${hy.label}</strong> ${h(hy.title)}${hy.leading ? ' <span class="leading">fewest inconsistencies</span>' : ''}</li>`);
  out.push('</ol>\n<table class="ach"><thead><tr><th scope="col">#</th><th scope="col">Claim</th>');
  for (const hy of m.hypotheses) out.push(`<th scope="col" class="doc-col" title="${escapeHtmlPlain(hy.title)}">${hy.label}</th>`);
  out.push('</tr></thead>\n<tbody>');
  for (const g of m.groups) {
    out.push(`<tr><th scope="row"><a href="#row-g${g.id}">${g.label}</a></th><td class="q">${groupTitle(g)}</td>`);
    for (const mark of g.marks) {
      out.push(mark === null ? '<td class="mark"><span class="muted">—</span></td>' : `<td class="mark" data-mark="${mark}" title="${ACH_MARK_LABELS[mark]}">${ACH_MARK_SHORT[mark]}</td>`);
    }
    out.push('</tr>\n');
  }
  out.push('</tbody><tfoot><tr><th scope="row" colspan="2">Inconsistency score (lower is better)</th>');
  for (const hy of m.hypotheses) out.push(`<td class="score${hy.leading ? ' leading' : ''}">${hy.inconsistent}</td>`);
  out.push('</tr></tfoot></table>\n</section>\n');
}

function contested(out: string[], m: CaseReportModel) {
  out.push('<section id="contested" class="contested-section">\n<h2>Contested claims</h2>\n');
  if (m.contested.length === 0) out.push('<p class="empty">No claim is contradicted by another document.</p>\n');
  for (const g of m.contested) {
    out.push(`<article class="flag contested-claim" id="g${g.id}"><p class="flag-head"><a href="#row-g${g.id}">${g.label}</a> · ${groupTitle(g)}</p>`);
    out.push(`<p class="credibility-line">${credibilityCell(g)}</p>`);
    if (g.independentStating !== null) {
      out.push(`<p class="muted">Independent sources: ${g.independentStating} stating, ${g.independentContradicting ?? 0} contradicting.</p>`);
    }
    out.push('<ul class="passages">');
    g.cells.forEach((cell, i) => {
      const d = m.documents[i]!;
      const mine = g.passages.filter((p) => p.documentId === d.id);
      const head = `<span class="cell" data-cell="${cell}">${CELL_SYMBOL[cell]}</span> <a href="#d${d.id}">${d.label}</a> ${docTitle(d)}${d.outlet ? ` <span class="muted">(${h(d.outlet)})</span>` : ''}`;
      if (mine.length === 0) {
        out.push(`<li data-cell="silent">${head}: <span class="empty">silent</span></li>`);
        return;
      }
      for (const p of mine) out.push(`<li data-cell="${p.stance === 'states' ? 'stated' : 'contradicted'}">${head}: <strong>${CLAIM_STANCE_LABELS[p.stance].toLowerCase()}</strong> ${passageHtml(p)}</li>`);
    });
    out.push('</ul></article>\n');
  }
  out.push('</section>\n');
}

function passageHtml(p: CaseReportPassage): string {
  const quote = `<q class="passage">${h(p.exact)}</q>`;
  if (!p.anchored) return `${quote}<span class="orphan">Not found at its place in the current text; the words are as matched.</span>`;
  return `<span class="context">${h(p.before)}<mark>${quote}</mark>${h(p.after)}</span>`;
}

function sources(out: string[], m: CaseReportModel) {
  const columns = [['c-name', 'Source'], ['c-grade', 'Reliability (Admiralty)'], ['c-groups', 'States'], ['c-groups', 'Contradicts'], ['c-groups', 'Documents']] as const;
  const empty = 'No sources: the claim groups\' passages cite none, and their documents name no outlet.';
  if (!openTableSection(out, { id: 'sources', title: 'Sources', empty, table: 'sources', columns }, m.sources.length)) return;
  // Labels link to the group's row and the document's entry.
  const anchors = new Map<string, string>([...m.groups.map((g) => [g.label, `row-g${g.id}`] as const), ...m.documents.map((d) => [d.label, `d${d.id}`] as const)]);
  const link = (label: string) => (anchors.has(label) ? `<a href="#${anchors.get(label)}">${label}</a>` : label);
  const refs = (labels: string[]) => (labels.length > 0 ? labels.map(link).join(' ') : '<span class="muted">—</span>');
  for (const s of m.sources) {
    const grade = s.reliability ? `<span class="grade" data-grade="${s.reliability}">${s.reliability}</span> ${RELIABILITY_LABELS[s.reliability]}` : '<span class="muted">not graded</span>';
    out.push(`<tr><td>${h(s.name)}</td><td>${grade}</td><td>${refs(s.stating)}</td><td>${refs(s.contradicting)}</td><td>${refs(s.documents)}</td></tr>\n`);
  }
  endTableSection(out);
}
