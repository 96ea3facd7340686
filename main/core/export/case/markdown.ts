import {
  ACH_MARK_LABELS,
  ACH_MARK_SHORT,
  CLAIM_STANCE_LABELS,
  CREDIBILITY_LABELS,
  MATRIX_CELL_LABELS,
  MATRIX_CELLS,
  RELIABILITY_LABELS,
} from '../../../../common/labels';
import { formatArticleDate, formatDateTime } from '../../../../common/time';
import { escapeMarkdown as md } from '../escape';
import { caseTitle, CELL_SYMBOL } from './html';
import type { CaseReportDocument, CaseReportGroup, CaseReportModel, CaseReportPassage } from './model';

/**
 * The case report in Markdown, for wikis and tickets: the same sections as the HTML report. Every
 * piece of text from a document or the analyst is escaped and kept to one line (escapeMarkdown), so
 * nothing in it can become a heading, a link, HTML or a table column.
 */
export function caseToMarkdown(m: CaseReportModel): string {
  const out: string[] = [];
  out.push(`# ${md(caseTitle(m))}`, '', '_Claimscope case report_', '');
  const facts = [
    `**Analyst:** ${m.analyst ? md(m.analyst) : '_not named_'}`,
    `**Report generated:** ${md(formatDateTime(m.generatedAt, m.clock))}`,
    `**Case opened:** ${md(formatDateTime(m.case.createdAt, m.clock))}`,
    `**Documents:** ${m.documents.filter((d) => d.inCase).length} · **Claim groups:** ${m.groups.length} · **Contested:** ${m.contested.length}${m.hypotheses.length > 0 ? ` · **Hypotheses:** ${m.hypotheses.length}` : ''}`,
  ];
  out.push(facts.join('  \n'), '');

  out.push('## Documents', '');
  if (m.documents.length === 0) out.push('_The case has no documents._', '');
  else {
    out.push('| # | Title | Outlet | Published | SHA-256 |', '|---|---|---|---|---|');
    for (const d of m.documents) {
      const title = `${docTitle(d)}${d.author ? ` (by ${md(d.author)})` : ''}${d.inCase ? '' : ' _(no longer in the case)_'}`;
      const sha = d.sha256 ? `\`${d.sha256.replace(/[`\s|]/g, '')}\`` : '—';
      out.push(`| ${d.label} | ${title} | ${d.outlet ? md(d.outlet) : '—'} | ${d.published ? md(formatArticleDate(d.published, m.clock)) : '—'} | ${sha} |`);
    }
    out.push('');
  }

  out.push('## Matrix', '');
  if (m.groups.length === 0) out.push('_No claim groups yet: no claim is matched across the documents._', '');
  else {
    out.push(`_${MATRIX_CELLS.map((c) => `${CELL_SYMBOL[c]} ${MATRIX_CELL_LABELS[c].toLowerCase()}`).join(' · ')}. Credibility is the analyst's (Admiralty 1–6), else the one the evidence proposes._`, '');
    out.push(`| # | Claim | ${m.documents.map((d) => d.label).join(' | ')} | Credibility |`, `|---|---|${m.documents.map(() => '---|').join('')}---|`);
    for (const g of m.groups) {
      const cells = g.cells.map((c) => `${CELL_SYMBOL[c]} ${MATRIX_CELL_LABELS[c].toLowerCase()}`);
      out.push(`| ${g.contested ? `**${g.label}**` : g.label} | ${groupTitle(g)} | ${cells.join(' | ')} | ${credibilityText(g)} |`);
    }
    out.push('');
  }

  if (m.hypotheses.length > 0) {
    out.push('## Hypotheses (ACH)', '');
    out.push(
      'Each claim group is marked consistent (C), inconsistent (I) or not applicable (N/A) with each hypothesis. The **inconsistency score** of a hypothesis is the number of claim groups marked inconsistent with it: **lower is better**.',
      '',
    );
    for (const hy of m.hypotheses) out.push(`- **${hy.label}** ${md(hy.title)}${hy.leading ? ' _(fewest inconsistencies)_' : ''}`);
    out.push('');
    out.push(`| # | Claim | ${m.hypotheses.map((hy) => hy.label).join(' | ')} |`, `|---|---|${m.hypotheses.map(() => '---|').join('')}`);
    for (const g of m.groups) out.push(`| ${g.label} | ${groupTitle(g)} | ${g.marks.map((k) => (k === null ? '—' : ACH_MARK_SHORT[k])).join(' | ')} |`);
    out.push(`| | **Inconsistency score (lower is better)** | ${m.hypotheses.map((hy) => `**${hy.inconsistent}**`).join(' | ')} |`, '');
    out.push(`_${Object.entries(ACH_MARK_SHORT).map(([k, v]) => `${v}: ${ACH_MARK_LABELS[k as keyof typeof ACH_MARK_LABELS].toLowerCase()}`).join(' · ')}_`, '');
  }

  out.push('## Contested claims', '');
  if (m.contested.length === 0) out.push('_No claim is contradicted by another document._', '');
  for (const g of m.contested) {
    out.push(`### ${g.label} · ${groupTitle(g)}`, '');
    const facts = [`**Credibility:** ${credibilityText(g)}`];
    if (g.reason) facts.push(`**Why:** ${md(g.reason)}`);
    if (g.independentStating !== null) facts.push(`**Independent sources:** ${g.independentStating} stating, ${g.independentContradicting ?? 0} contradicting`);
    out.push(facts.join('  \n'), '');
    g.cells.forEach((cell, i) => {
      const d = m.documents[i]!;
      const head = `${CELL_SYMBOL[cell]} **${d.label}** ${docTitle(d)}${d.outlet ? ` (${md(d.outlet)})` : ''}`;
      const mine = g.passages.filter((p) => p.documentId === d.id);
      if (mine.length === 0) out.push(`- ${head}: _silent_`);
      for (const p of mine) out.push(`- ${head}: **${CLAIM_STANCE_LABELS[p.stance].toLowerCase()}** ${passageText(p)}`);
    });
    out.push('');
  }

  out.push('## Sources', '');
  if (m.sources.length === 0) out.push("_No sources: the claim groups' passages cite none, and their documents name no outlet._", '');
  else {
    out.push('| Source | Reliability (Admiralty) | States | Contradicts | Documents |', '|---|---|---|---|---|');
    const refs = (labels: string[]) => (labels.length > 0 ? labels.join(' ') : '—');
    for (const s of m.sources) {
      const grade = s.reliability ? `**${s.reliability}** ${RELIABILITY_LABELS[s.reliability]}` : '_not graded_';
      out.push(`| ${md(s.name)} | ${grade} | ${refs(s.stating)} | ${refs(s.contradicting)} | ${refs(s.documents)} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function docTitle(d: CaseReportDocument): string {
  return d.title.trim() ? md(d.title) : '_Untitled document_';
}

function groupTitle(g: CaseReportGroup): string {
  return g.title.trim() ? md(g.title) : '_Unlabelled group_';
}

function credibilityText(g: CaseReportGroup): string {
  if (g.credibility !== null) return `${g.credibility} · ${CREDIBILITY_LABELS[g.credibility] ?? ''}`;
  if (g.proposed !== null) return `_proposed_ ${g.proposed} · ${CREDIBILITY_LABELS[g.proposed] ?? ''}`;
  return '_not graded_';
}

/** The passage in bold within its context, escaped; the quote's outer spaces kept outside the stars. */
function passageText(p: CaseReportPassage): string {
  const lead = /^\s*/.exec(p.exact)![0];
  const tail = /\s*$/.exec(p.exact)![0];
  const core = p.exact.trim();
  const quote = core ? `**${md(core)}**` : '';
  if (!p.anchored) return `“${quote}” _(not found at its place in the current text; the words are as matched)_`;
  return `“${[md(p.before + lead), quote, md(tail + p.after)].join('').trim()}”`;
}
