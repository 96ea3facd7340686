import { CLAIM_STATUSES, FLAG_STATUSES, RELIABILITY_GRADES, type Annotation } from '../../../common/domain';
import { VERDICT_HINTS, VERDICT_LABELS } from '../../../common/labels';
import { escapeMarkdown as md } from './escape';
import { showInvisibles } from './invisible';
import { credibilityText, FLAG_STATUS_LABELS, RELIABILITY_LABELS, SOURCE_TYPE_LABELS, STATUS_LABELS } from './labels';
import { annotationLabel, buildModel, isAnchored, quoteOf, type ReportModel } from './model';
import type { ReportInput } from './types';

/** Characters of context shown on each side of a claim in its excerpt. */
const EXCERPT_CONTEXT = 120;

/**
 * The report in Markdown, for wikis and tickets: summary, claims, sources, inconsistencies, and each
 * claim in its context. All document text and notes are escaped and kept to one line per item, so
 * nothing in them can become a heading, a link, HTML or a table column; invisible characters show
 * as tokens such as ⟨U+202E⟩.
 */
export function toMarkdown(input: ReportInput): string {
  const m = buildModel(input);
  const title = m.document.title.trim() ? m.document.title : 'Untitled document';
  const out: string[] = [];
  out.push(`# ${md(title)}`, '');
  const meta = m.document.metadata;
  const facts: string[] = [];
  if (m.outlet) facts.push(`**Outlet:** ${md(m.outlet)}`);
  if (meta.author) facts.push(`**Author:** ${md(meta.author)}`);
  if (meta.published) facts.push(`**Published:** ${md(m.formatArticleDate(meta.published))}`);
  // In a code span: shown as text, never a link (the address comes from the document and may be hostile).
  if (meta.url) facts.push(`**URL:** \`${showInvisibles(meta.url).replace(/[`\s]/g, '')}\``);
  if (m.file) facts.push(`**File:** ${md(m.file)}`);
  facts.push(`**Analyst:** ${m.analyst ? md(m.analyst) : '_not named_'}`);
  facts.push(`**Report generated:** ${md(m.formatTime(m.generatedAt))}`, `**Imported:** ${md(m.formatTime(m.document.importedAt))}`);
  facts.push(`**SHA-256:** \`${m.document.sha256.replace(/[`\s]/g, '')}\``);
  out.push(facts.join('  \n'), '');

  out.push('## Assessment', '');
  const verdict = m.assessment?.verdict ?? 'unassessed';
  out.push(`**Verdict:** ${VERDICT_LABELS[verdict]}: ${md(VERDICT_HINTS[verdict])}`, '');
  const summary = m.assessment?.summary.trim() ?? '';
  if (summary) out.push(...summaryParagraphs(summary), '');
  else out.push('_No summary written._', '');
  if (m.assessment?.updatedAt) out.push(`_Assessed${m.analyst ? ` by ${md(m.analyst)}` : ''} · last changed ${md(m.formatTime(m.assessment.updatedAt))}_`, '');

  out.push('## Summary', '');
  const count = <T>(items: readonly T[], pred: (x: T) => boolean) => items.filter(pred).length;
  out.push(`- **Claims:** ${m.claims.length} (${CLAIM_STATUSES.map((s) => `${STATUS_LABELS[s].toLowerCase()} ${count(m.claims, (c) => c.status === s)}`).join(', ')})`);
  out.push(`- **Attributions:** ${m.attributions.length}`);
  out.push(`- **Sources:** ${m.sources.length} (${RELIABILITY_GRADES.map((g) => `${g} ${count(m.sources, (s) => s.reliability === g)}`).join(', ')})`);
  out.push(`- **Inconsistencies:** ${m.flags.length} (${FLAG_STATUSES.map((s) => `${s} ${count(m.flags, (f) => f.status === s)}`).join(', ')})`);
  const unsourced = m.unsourcedClaims.map((c) => m.claimLabel.get(c.id)).join(', ');
  out.push(`- **Unsourced claims:** ${m.unsourcedClaims.length}${unsourced ? ` (${unsourced})` : ''}`, '');

  out.push('## Claims', '');
  if (m.claims.length === 0) out.push('_No claims are annotated._', '');
  else {
    out.push('| # | Claim | Status | Credibility | Source | Flags | Note |', '|---|---|---|---|---|---|---|');
    for (const c of m.claims) {
      const flags = (m.flagsOf.get(c.id) ?? []).map((f) => m.flagLabel.get(f.id)).join(' ');
      out.push(
        `| ${m.claimLabel.get(c.id)} | ${md(quoteOf(m, c))}${c.orphan ? ' _(orphaned)_' : ''} | ${STATUS_LABELS[c.status]} | ${md(credibilityText(c.credibility))} | ${sourceText(m, c)} | ${flags} | ${md(c.note)} |`,
      );
    }
    out.push('');
  }

  out.push('## Sources', '');
  if (m.sources.length === 0) out.push('_No sources are recorded._', '');
  else {
    out.push('| # | Source | Type | Reliability | Aliases | Cited by | Note |', '|---|---|---|---|---|---|---|');
    for (const s of m.sources) {
      const cited = (m.citedBy.get(s.id) ?? []).map((a) => annotationLabel(m, a)).join(' ');
      out.push(
        `| ${m.sourceLabel.get(s.id)} | ${md(s.name)} | ${SOURCE_TYPE_LABELS[s.type]} | **${s.reliability}** ${RELIABILITY_LABELS[s.reliability]} | ${md(s.aliases.join(', '))} | ${cited} | ${md(s.note)} |`,
      );
    }
    out.push('');
  }

  out.push('## Inconsistencies', '');
  if (m.flags.length === 0) out.push('_No inconsistencies are flagged._', '');
  for (const f of m.flags) {
    out.push(`### ${m.flagLabel.get(f.id)} · ${FLAG_STATUS_LABELS[f.status]}`, '');
    out.push(f.explanation.trim() ? md(f.explanation) : '_No explanation recorded._', '');
    for (const id of f.memberIds) {
      const a = m.annotationById.get(id);
      const elsewhere = a ? undefined : f.across?.find((p) => p.annotationId === id);
      if (a) out.push(`- **${annotationLabel(m, a)}** (${STATUS_LABELS[a.status].toLowerCase()}): “${md(quoteOf(m, a))}”`);
      else out.push(elsewhere ? `- in ${md(elsewhere.title)}: “${md(elsewhere.exact)}”` : `- _an annotation that no longer exists (#${id})_`);
    }
    out.push('');
    if (f.note.trim()) out.push(`**Note:** ${md(f.note)}`, '');
  }

  out.push('## Claims in context', '');
  if (m.claims.length === 0) out.push('_No claims are annotated._', '');
  for (const c of m.claims) {
    out.push(`### ${m.claimLabel.get(c.id)} · ${STATUS_LABELS[c.status]}`, '');
    out.push(`> ${excerpt(m, c)}`, '');
    const facts: string[] = [`**Source:** ${sourceText(m, c)}`];
    if (c.credibility !== null) facts.push(`**Credibility:** ${md(credibilityText(c.credibility))}`);
    const flags = (m.flagsOf.get(c.id) ?? []).map((f) => m.flagLabel.get(f.id));
    if (flags.length > 0) facts.push(`**Flags:** ${flags.join(' ')}`);
    const related = (m.relatedOf.get(c.id) ?? []).map((r) => annotationLabel(m, r));
    if (related.length > 0) facts.push(`**Related:** ${related.join(' ')}`);
    if (c.orphan) facts.push('_Orphaned: not found in the current text; the quote is as annotated._');
    if (c.changedInVersion != null && c.changedFrom != null) facts.push(`_Changed in version ${c.changedInVersion}: it was_ ~~${md(c.changedFrom)}~~`);
    if (c.note.trim()) facts.push(`**Note:** ${md(c.note)}`);
    out.push(facts.join('  \n'), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * The assessment's summary, paragraph by paragraph: each line escaped as notes are (nothing in it
 * can become a heading, a link or HTML), its line breaks kept as hard breaks.
 */
function summaryParagraphs(summary: string): string[] {
  const paragraphs = summary.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const out: string[] = [];
  for (const p of paragraphs) {
    const lines = p.split('\n').map((l) => md(l.trim())).filter((l) => l !== '');
    if (lines.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(lines.join('  \n'));
  }
  return out;
}

function sourceText(m: ReportModel, a: Annotation): string {
  const sources = m.sourcesOf.get(a.id) ?? [];
  return sources.length === 0 ? '—' : sources.map((s) => `${md(s.name)} (${s.reliability})`).join('; ');
}

/** The claim in bold within up to EXCERPT_CONTEXT characters each side, cut at word boundaries. */
function excerpt(m: ReportModel, c: Annotation): string {
  let before: string;
  let after: string;
  if (isAnchored(m, c)) {
    before = m.text.slice(Math.max(0, c.start - EXCERPT_CONTEXT), c.start);
    after = m.text.slice(c.end, c.end + EXCERPT_CONTEXT);
    if (c.start > EXCERPT_CONTEXT) before = `…${before.replace(/^\S*\s/, '')}`;
    if (c.end + EXCERPT_CONTEXT < m.text.length) after = `${after.replace(/\s\S*$/, '')}…`;
  } else {
    before = c.prefix;
    after = c.suffix;
  }
  let quote = quoteOf(m, c);
  // In a table, cells are written "a | b" and rows "… / …", so the excerpt still reads as a table's.
  if (isAnchored(m, c) && m.document.blocks.some((b) => b.type === 'table' && b.start <= c.start && c.start < b.end)) {
    const cells = (s: string) => s.replace(/\t/g, ' | ').replace(/\n/g, ' / ');
    before = cells(before);
    after = cells(after);
    quote = cells(quote);
  }
  // Emphasis cannot open or close next to a space: keep the quote's outer spaces outside the stars.
  const lead = /^\s*/.exec(quote)![0];
  const tail = /\s*$/.exec(quote)![0];
  const core = quote.trim();
  const pieces = [md(before + lead), core ? `**${md(core)}**` : '', md(tail + after)];
  return pieces.join('').trim();
}
