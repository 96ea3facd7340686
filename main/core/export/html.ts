import { CLAIM_STATUSES, FLAG_STATUSES, RELIABILITY_GRADES, type Annotation, type Flag, type Source } from '../../../common/domain';
import { VERDICT_HINTS, VERDICT_LABELS } from '../../../common/labels';
import { escapeHtml, escapeHtmlText as h } from './escape';
import { renderText, type Mark } from './highlight';
import { endTableSection, openReport, openTableSection } from './html-table';
import { REPORT_CSS } from './html-style';
import { CREDIBILITY_LABELS, FLAG_STATUS_LABELS, RELIABILITY_LABELS, SOURCE_TYPE_LABELS, STATUS_LABELS } from './labels';
import { annotationLabel, buildModel, isAnchored, pageOf, quoteOf, type ReportModel } from './model';
import type { ReportInput } from './types';
import { noteToHtml } from './note';
import { isMachineDate } from '../../../common/time';

/** Nothing may load or run: no script, no remote resource, only the inline stylesheet. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const MAX_LANES = 4;

/**
 * The annotated report as one self-contained HTML file: no script, no external resource, readable
 * on screen and in print. Every piece of document text and every note is escaped, and invisible
 * characters (bidirectional overrides, zero-width spaces...) are shown as marked tokens.
 */
export function toHtml(input: ReportInput): string {
  const m = buildModel(input);
  // Untrimmed: trim() would drop a leading or trailing U+FEFF the title should show.
  const title = m.document.title.trim() ? m.document.title : 'Untitled document';
  const out: string[] = [];
  openReport(out, { csp: REPORT_CSP, title: `${title} — annotated report`, css: REPORT_CSS });
  header(out, m, title);
  summary(out, m);
  text(out, m);
  claimsTable(out, m);
  attributionsTable(out, m);
  sourcesTable(out, m);
  inconsistencies(out, m);
  notes(out, m);
  const by = m.analyst ? ` by ${h(m.analyst)}` : '';
  out.push(
    `<footer>Claimscope annotated report${by} · generated ${timeOrText(m, m.generatedAt, m.formatTime(m.generatedAt))} · document sha256 <code>${h(m.document.sha256)}</code></footer>\n</body>\n</html>\n`,
  );
  return out.join('');
}

function header(out: string[], m: ReportModel, title: string) {
  const meta = m.document.metadata;
  // The article: where it appeared, who wrote it, when, where it is, which file was annotated.
  const article: [string, string][] = [];
  if (m.outlet) article.push(['Outlet', h(m.outlet)]);
  if (meta.author) article.push(['Author', h(meta.author)]);
  if (meta.published) article.push(['Published', timeOrText(m, meta.published, m.formatArticleDate(meta.published))]);
  // Shown as text, never as a link: the address comes from the document and may be hostile.
  if (meta.url) article.push(['URL', `<code>${h(meta.url)}</code>`]);
  // The file name only, unless the input asks for the path: a local path names the analyst's account.
  if (m.file) article.push(['File', `<code>${h(m.file)}</code>`]);
  // The report: who made it and when.
  const report: [string, string][] = [];
  report.push(['Analyst', m.analyst ? h(m.analyst) : '<span class="muted">not named</span>']);
  report.push(['Report generated', timeOrText(m, m.generatedAt, m.formatTime(m.generatedAt))]);
  report.push(['Imported', timeOrText(m, m.document.importedAt, m.formatTime(m.document.importedAt))]);
  if (m.document.version > 1) report.push(['Version', String(m.document.version)]);
  // The record: what identifies the text the report vouches for.
  const record: [string, string][] = [];
  for (const [key, value] of Object.entries(meta)) {
    if (['author', 'published', 'url', 'pages', 'site'].includes(key) || typeof value !== 'string' || value === '') continue;
    record.push([capitalise(key), h(value)]);
  }
  if (meta.pages && meta.pages.length > 0) record.push(['Pages', String(meta.pages.length)]);
  record.push(['Format', h(m.document.format)]);
  record.push(['Length', `${m.text.length.toLocaleString(m.clock.locale)} characters`]);
  record.push(['SHA-256', `<code>${h(m.document.sha256)}</code>`]);

  const dl = (cls: string, label: string, rows: [string, string][]) => {
    if (rows.length === 0) return;
    out.push(`<dl class="meta ${cls}" aria-label="${label}">`);
    for (const [k, v] of rows) out.push(`<dt>${k}</dt><dd>${v}</dd>`);
    out.push('</dl>\n');
  };
  out.push('<header>\n<p class="kicker">Claimscope · annotated report</p>\n', `<h1>${h(title)}</h1>\n<div class="meta-grid">\n`);
  dl('article', 'The article', article);
  dl('report', 'The report', report);
  out.push('</div>\n');
  bottomLine(out, m);
  dl('record', 'The document record', record);
  out.push(
    '<nav class="toc" aria-label="Contents"><a href="#assessment">Assessment</a><a href="#summary">Summary</a><a href="#text">Annotated text</a>',
    '<a href="#claims">Claims</a><a href="#attributions">Attributions</a><a href="#sources">Sources</a>',
    '<a href="#inconsistencies">Inconsistencies</a><a href="#notes">Notes</a></nav>\n</header>\n',
  );
}

/** The analyst's bottom line: the verdict in words (colour only a second cue) and their summary. */
function bottomLine(out: string[], m: ReportModel) {
  const a = m.assessment;
  const verdict = a?.verdict ?? 'unassessed';
  out.push(`<section id="assessment" class="bottom-line" aria-labelledby="assessment-h">\n<h2 id="assessment-h">Assessment</h2>\n`);
  out.push(`<p class="verdict-line"><span class="verdict" data-verdict="${verdict}">${VERDICT_LABELS[verdict]}</span> <span class="muted">${h(VERDICT_HINTS[verdict])}</span></p>\n`);
  if (a && a.summary.trim()) out.push(`<div class="note assessment-summary">${noteToHtml(a.summary)}</div>\n`);
  else out.push('<p class="empty">No summary written.</p>\n');
  if (a && a.updatedAt) {
    const by = m.analyst ? ` by ${h(m.analyst)}` : '';
    out.push(`<p class="assessed">Assessed${by} · last changed ${timeOrText(m, a.updatedAt, m.formatTime(a.updatedAt))}</p>\n`);
  }
  out.push('</section>\n');
}

/** A date or time as the analyst reads it, with the machine-readable value kept in <time>. */
function timeOrText(m: ReportModel, raw: string, shown: string): string {
  // In the analyst's language, which need not be the report's English.
  return isMachineDate(raw) ? `<time datetime="${escapeHtml(raw)}" lang="${escapeHtml(m.clock.locale)}">${h(shown)}</time>` : h(raw);
}

function summary(out: string[], m: ReportModel) {
  const statusCounts = countBy(m.claims, (c) => c.status);
  const gradeCounts = countBy(m.sources, (s) => s.reliability);
  const flagCounts = countBy(m.flags, (f) => f.status);
  out.push('<section id="summary" class="summary-section">\n<h2>Summary</h2>\n<div class="cards">');

  out.push(`<div class="card"><h3>Claims</h3><div class="big">${m.claims.length}</div><table>`);
  for (const s of CLAIM_STATUSES) out.push(`<tr><td>${STATUS_LABELS[s]}</td><td class="n">${statusCounts.get(s) ?? 0}</td></tr>`);

  out.push(`<tr><td>Orphaned</td><td class="n">${m.claims.filter((c) => c.orphan).length}</td></tr>`);
  out.push('</table></div>');

  out.push(`<div class="card"><h3>Attributions</h3><div class="big">${m.attributions.length}</div>`);
  out.push(
    `<table><tr><td>Claims covered</td><td class="n">${m.claims.filter((c) => (m.attributionsOf.get(c.id)?.length ?? 0) > 0).length}</td></tr>`,
    `<tr><td>Orphaned</td><td class="n">${m.attributions.filter((a) => a.orphan).length}</td></tr></table></div>`,
  );

  out.push(`<div class="card wide"><h3>Sources by grade</h3><div class="big">${m.sources.length}</div><table>`);
  for (const g of RELIABILITY_GRADES) out.push(`<tr><td><span class="grade">${g}</span> ${RELIABILITY_LABELS[g]}</td><td class="n">${gradeCounts.get(g) ?? 0}</td></tr>`);
  out.push('</table></div>');

  out.push(`<div class="card"><h3>Inconsistencies</h3><div class="big">${m.flags.length}</div><table>`);
  for (const s of FLAG_STATUSES) out.push(`<tr><td>${FLAG_STATUS_LABELS[s]}</td><td class="n">${flagCounts.get(s) ?? 0}</td></tr>`);
  out.push('</table></div>');

  out.push(`<div class="card"><h3>Unsourced claims</h3><div class="big">${m.unsourcedClaims.length}</div>`);
  if (m.unsourcedClaims.length > 0) {
    out.push('<ul class="refs">');
    for (const c of m.unsourcedClaims) out.push(`<li><a href="#c${c.id}">${m.claimLabel.get(c.id)}</a></li>`);
    out.push('</ul>');
  } else {
    out.push('<p class="empty">Every claim has a source.</p>');
  }
  out.push('</div>\n</div>\n</section>\n');
}

function text(out: string[], m: ReportModel) {
  out.push(
    '<section id="text" class="text-section">\n<h2>Annotated text</h2>\n<div class="legend" aria-label="Legend">',
    '<span><span class="hl cl sample">claim</span><sup class="mk"><a>C1</a></sup> solid underline</span>',
    '<span><span class="hl at sample">attribution</span><sup class="mk"><a>A1</a></sup> dotted underline</span>',
    '<span><span class="hl fl sample"><span class="br">⟦</span>flagged passage</span><span class="br">⟧</span><sup class="mk mk-f"><a>F1</a></sup> in double brackets</span>',
    '<span class="muted">Markers link to the tables below; overlapping underlines are drawn at different depths.</span>',
    '</div>\n<article class="doc">',
  );
  out.push(renderText(m.text, m.document.blocks, marksOf(m)));
  out.push('</article>\n</section>\n');
}

function marksOf(m: ReportModel): Mark[] {
  const marks: Mark[] = [];
  const underlined = [...m.claims, ...m.attributions].filter((a) => isAnchored(m, a)).sort((a, b) => a.start - b.start || b.end - a.end);
  const lanes = assignLanes(underlined);
  for (const a of underlined) {
    const claim = a.kind === 'claim';
    const label = annotationLabel(m, a);
    const lane = lanes.get(a.id) ?? 0;
    const what = claim ? `claim, ${STATUS_LABELS[a.status].toLowerCase()}` : 'attribution';
    marks.push({
      start: a.start,
      end: a.end,
      rank: claim ? 2 : 1,
      open: `<span class="hl ${claim ? 'cl' : 'at'}${lane ? ` ln${lane}` : ''}" title="${label}: ${what}">`,
      close: '</span>',
      trail: `<sup class="mk" id="m-${claim ? 'c' : 'a'}${a.id}"><a href="#${claim ? 'c' : 'a'}${a.id}">${label}</a></sup>`,
    });
  }
  for (const f of m.flags) {
    const label = m.flagLabel.get(f.id)!;
    for (const id of f.memberIds) {
      const member = m.annotationById.get(id);
      if (!member || !isAnchored(m, member)) continue;
      marks.push({
        start: member.start,
        end: member.end,
        rank: 0,
        open: `<span class="hl fl" title="${label}: ${FLAG_STATUS_LABELS[f.status].toLowerCase()} inconsistency">`,
        close: '</span>',
        lead: '<span class="br" aria-hidden="true">⟦</span>',
        trail: `<span class="br" aria-hidden="true">⟧</span><sup class="mk mk-f" id="m-f${f.id}-${id}"><a href="#f${f.id}">${label}</a></sup>`,
      });
    }
  }
  for (const block of m.document.blocks) {
    for (const style of block.styles ?? []) {
      const tag = style.type === 'bold' ? 'strong' : 'em';
      marks.push({ start: Math.max(style.start, block.start), end: Math.min(style.end, block.end), rank: 5, open: `<${tag}>`, close: `</${tag}>` });
    }
  }
  return marks;
}

/** Underline depth per annotation: overlapping ones get different lanes (greedy interval colouring). */
function assignLanes(sorted: Annotation[]): Map<number, number> {
  const laneEnd: number[] = new Array<number>(MAX_LANES).fill(-1);
  const lanes = new Map<number, number>();
  for (const a of sorted) {
    let lane = laneEnd.findIndex((end) => end <= a.start);
    if (lane < 0) lane = laneEnd.indexOf(Math.min(...laneEnd));
    laneEnd[lane] = Math.max(laneEnd[lane]!, a.end);
    lanes.set(a.id, lane);
  }
  return lanes;
}

function claimsTable(out: string[], m: ReportModel) {
  const columns = [['c-ref', '#'], ['c-quote', 'Claim'], ['c-status', 'Status'], ['c-cred', 'Credibility'], ['c-source', 'Source'], ['c-flags', 'Flags'], ['c-note', 'Note']] as const;
  if (!openTableSection(out, { id: 'claims', title: 'Claims', empty: 'No claims are annotated.', table: 'claims', columns }, m.claims.length)) return;
  for (const c of m.claims) {
    const related = (m.relatedOf.get(c.id) ?? []).map((r) => `<a href="#${r.kind === 'claim' ? 'c' : 'a'}${r.id}">${annotationLabel(m, r)}</a>`).join(' ');
    out.push(`<tr id="c${c.id}"><th scope="row">${refCell(m, c)}</th><td class="q"><q>${h(quoteOf(m, c))}</q>${orphanNote(c)}`);
    out.push(related ? `<span class="page">related: ${related}</span></td>` : '</td>');
    out.push(`<td><span class="status">${STATUS_LABELS[c.status]}</span></td>`);
    out.push(`<td>${c.credibility === null ? '<span class="muted">—</span>' : `${c.credibility} · ${CREDIBILITY_LABELS[c.credibility] ?? ''}`}</td>`);
    out.push(`<td>${sourceList(m, c)}</td>`);
    out.push(`<td>${(m.flagsOf.get(c.id) ?? []).map((f) => `<a href="#f${f.id}">${m.flagLabel.get(f.id)}</a>`).join(' ')}</td>`);
    out.push(`<td class="note">${noteToHtml(c.note)}</td></tr>\n`);
  }
  endTableSection(out);
}

function attributionsTable(out: string[], m: ReportModel) {
  const columns = [['c-ref', '#'], ['c-quote', 'Attribution'], ['c-source', 'Source'], ['c-covers', 'Covers'], ['c-note', 'Note']] as const;
  if (!openTableSection(out, { id: 'attributions', title: 'Attributions', empty: 'No attributions are annotated.', table: 'attributions', columns }, m.attributions.length)) return;
  for (const a of m.attributions) {
    const covers = (m.claimsOf.get(a.id) ?? []).map((c) => `<a href="#c${c.id}">${m.claimLabel.get(c.id)}</a>`).join(' ');
    out.push(`<tr id="a${a.id}"><th scope="row">${refCell(m, a)}</th><td class="q"><q>${h(quoteOf(m, a))}</q>${orphanNote(a)}</td>`);
    out.push(`<td>${sourceList(m, a)}</td><td>${covers}</td><td class="note">${noteToHtml(a.note)}</td></tr>\n`);
  }
  endTableSection(out);
}

function sourcesTable(out: string[], m: ReportModel) {
  const columns = [['c-ref', '#'], ['c-name', 'Source'], ['c-type', 'Type'], ['c-grade', 'Reliability (Admiralty)'], ['c-cited', 'Cited by'], ['c-note', 'Note']] as const;
  if (!openTableSection(out, { id: 'sources', title: 'Sources', empty: 'No sources are recorded.', table: 'sources', columns }, m.sources.length)) return;
  for (const s of m.sources) {
    const aliases = s.aliases.length > 0 ? `<span class="page">also: ${h(s.aliases.join(', '))}</span>` : '';
    const cited = (m.citedBy.get(s.id) ?? []).map((a) => `<a href="#${a.kind === 'claim' ? 'c' : 'a'}${a.id}">${annotationLabel(m, a)}</a>`).join(' ');
    out.push(`<tr id="s${s.id}"><th scope="row">${m.sourceLabel.get(s.id)}</th><td>${h(s.name)}${aliases}</td><td>${SOURCE_TYPE_LABELS[s.type]}</td>`);
    out.push(`<td><span class="grade">${s.reliability}</span> ${RELIABILITY_LABELS[s.reliability]}</td><td>${cited || '<span class="muted">—</span>'}</td><td class="note">${noteToHtml(s.note)}</td></tr>\n`);
  }
  endTableSection(out);
}

function inconsistencies(out: string[], m: ReportModel) {
  out.push('<section id="inconsistencies" class="flags-section">\n<h2>Inconsistencies</h2>\n');
  if (m.flags.length === 0) out.push('<p class="empty">No inconsistencies are flagged.</p>\n');
  for (const f of m.flags) flagArticle(out, m, f);
  out.push('</section>\n');
}

function flagArticle(out: string[], m: ReportModel, f: Flag) {
  const label = m.flagLabel.get(f.id)!;
  const firstMarker = f.memberIds.find((id) => {
    const a = m.annotationById.get(id);
    return a !== undefined && isAnchored(m, a);
  });
  const ref = firstMarker === undefined ? label : `<a href="#m-f${f.id}-${firstMarker}">${label}</a>`;
  out.push(`<article class="flag" id="f${f.id}"><p class="flag-head">${ref} · ${FLAG_STATUS_LABELS[f.status]}</p>`);
  out.push(`<p>${f.explanation.trim() ? h(f.explanation) : '<span class="empty">No explanation recorded.</span>'}</p><ul>`);
  for (const id of f.memberIds) {
    const a = m.annotationById.get(id);
    if (!a) {
      const elsewhere = f.across?.find((p) => p.annotationId === id);
      out.push(elsewhere ? `<li>In ${h(elsewhere.title)}: <q>${h(elsewhere.exact)}</q></li>` : `<li class="empty">An annotation that no longer exists (#${id})</li>`);
      continue;
    }
    const kind = a.kind === 'claim' ? 'c' : 'a';
    out.push(`<li><a href="#${kind}${a.id}">${annotationLabel(m, a)}</a> (${STATUS_LABELS[a.status].toLowerCase()}): <q>${h(quoteOf(m, a))}</q></li>`);
  }
  out.push('</ul>');
  if (f.note.trim()) out.push(`<div class="note"><strong>Note:</strong> ${noteToHtml(f.note)}</div>`);
  out.push('</article>\n');
}

function notes(out: string[], m: ReportModel) {
  out.push('<section id="notes" class="notes-section">\n<h2>Notes</h2>\n');
  const items: string[] = [];
  const add = (ref: string, what: string, note: string) => {
    if (note.trim()) items.push(`<dt><a href="#${ref}">${what}</a></dt><dd class="note">${noteToHtml(note)}</dd>`);
  };
  for (const c of m.claims) add(`c${c.id}`, `${m.claimLabel.get(c.id)} · claim`, c.note);
  for (const a of m.attributions) add(`a${a.id}`, `${m.attributionLabel.get(a.id)} · attribution`, a.note);
  for (const f of m.flags) add(`f${f.id}`, `${m.flagLabel.get(f.id)} · inconsistency`, f.note);
  for (const s of m.sources) add(`s${s.id}`, `${m.sourceLabel.get(s.id)} · ${h(s.name)}`, s.note);
  out.push(items.length > 0 ? `<dl class="notes">${items.join('\n')}</dl>\n` : '<p class="empty">No notes.</p>\n');
  out.push('</section>\n');
}

function refCell(m: ReportModel, a: Annotation): string {
  const label = annotationLabel(m, a);
  const page = isAnchored(m, a) ? pageOf(m, a.start) : undefined;
  const link = isAnchored(m, a) ? `<a href="#m-${a.kind === 'claim' ? 'c' : 'a'}${a.id}">${label}</a>` : label;
  return page === undefined ? link : `${link}<span class="page">p. ${page}</span>`;
}

function orphanNote(a: Annotation): string {
  // A tag a new version moved onto other words shows the words it was made on, until reviewed.
  const changed =
    a.changedInVersion != null && a.changedFrom != null
      ? `<span class="orphan">Changed in version ${a.changedInVersion}: it was <del>${h(a.changedFrom)}</del></span>`
      : '';
  return (a.orphan ? '<span class="orphan">Orphaned: not found in the current text; the quote is as annotated.</span>' : '') + changed;
}

/** The sources of an annotation with their grades; for a claim, says which attribution they come through. */
function sourceList(m: ReportModel, a: Annotation): string {
  const sources = m.sourcesOf.get(a.id) ?? [];
  if (sources.length === 0) return '<span class="muted">—</span>';
  const direct = new Set((m.directSourcesOf.get(a.id) ?? []).map((s) => s.id));
  return sources
    .map((s: Source) => {
      let via = '';
      if (!direct.has(s.id)) {
        const through = (m.attributionsOf.get(a.id) ?? []).filter((attr) => (m.directSourcesOf.get(attr.id) ?? []).some((x) => x.id === s.id));
        via = through.length > 0 ? ` <span class="muted">via ${through.map((t) => m.attributionLabel.get(t.id)).join(', ')}</span>` : '';
      }
      return `<a href="#s${s.id}">${h(s.name)}</a> <span class="nowrap"><span class="grade" title="${RELIABILITY_LABELS[s.reliability]}">${s.reliability}</span>${via}</span>`;
    })
    .join('<br>');
}

function countBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function capitalise(key: string): string {
  return h(key.charAt(0).toUpperCase() + key.slice(1));
}
