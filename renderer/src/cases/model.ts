import type { AchMarkRecord, CaseSuggestion, ClaimGroup, GroupEvidence, Hypothesis } from '../../../common/domain';
import type { MatrixCell } from '../../../common/labels';

// What the case view shows, computed from the case's records: the matrix (claim groups against
// documents), its filter, the ACH scores, the matches of one claim, the pieces a text is drawn in.
// Pure functions: the bench and the unit tests call them as the view does.

/** A suggestion's identity: its type, kind and passages (the same proposal read twice has the same key). */
export function suggestionKey(s: CaseSuggestion): string {
  return `${s.type}:${s.kind}:${s.spans.map((x) => `${x.documentId}@${x.start}-${x.end}`).join('|')}`;
}

export type Cell = MatrixCell;

export interface MatrixRow {
  group: ClaimGroup;
  evidence: GroupEvidence | null;
  /** Per document of the case (its order): what its passages in the group do. */
  cells: Cell[];
  /** A group with a contradicting passage: documents disagree on it. */
  contested: boolean;
  /** The label and every passage, lower-cased: what the filter searches. */
  haystack: string;
}

export function matrixRows(groups: readonly ClaimGroup[], evidence: readonly GroupEvidence[], documentIds: readonly number[]): MatrixRow[] {
  const byGroup = new Map(evidence.map((e) => [e.groupId, e]));
  const column = new Map(documentIds.map((d, i) => [d, i]));
  return groups.map((group) => {
    const cells: Cell[] = documentIds.map(() => 'silent');
    for (const m of group.members) {
      const i = column.get(m.documentId);
      if (i === undefined) continue;
      const was = cells[i]!;
      const now = m.stance === 'contradicts' ? 'contradicted' : 'stated';
      cells[i] = was === 'silent' || was === now ? now : 'both';
    }
    const contested = group.members.some((m) => m.stance === 'contradicts');
    const haystack = [group.label, ...group.members.map((m) => m.exact)].join('\n').toLowerCase();
    return { group, evidence: byGroup.get(group.id) ?? null, cells, contested, haystack };
  });
}

export interface MatrixFilter {
  contestedOnly: boolean;
  /** Words every shown row contains (label or passages), any case. */
  query: string;
}

export function filterRows(rows: readonly MatrixRow[], filter: MatrixFilter): MatrixRow[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => (!filter.contestedOnly || r.contested) && words.every((w) => r.haystack.includes(w)));
}

/**
 * ACH (Heuer): a hypothesis is weakened by evidence inconsistent with it, not strengthened by
 * evidence consistent with it; its score is the count of claim groups marked inconsistent, and the
 * most likely hypothesis has the lowest.
 */
export function achScores(hypotheses: readonly Hypothesis[], marks: readonly AchMarkRecord[]): Map<number, number> {
  const scores = new Map(hypotheses.map((h) => [h.id, 0]));
  for (const m of marks) if (m.mark === 'inconsistent' && scores.has(m.hypothesisId)) scores.set(m.hypothesisId, scores.get(m.hypothesisId)! + 1);
  return scores;
}

/** The suggestions with a passage overlapping [start, end) of one document. */
export function suggestionsAt(suggestions: readonly CaseSuggestion[], documentId: number, start: number, end: number): CaseSuggestion[] {
  return suggestions.filter((s) => s.spans.some((x) => x.documentId === documentId && x.start < end && start < x.end));
}

export interface Mark {
  start: number;
  end: number;
  /** CSS classes of the piece: cs-case-claim, cs-case-states, cs-case-contradicts, cs-case-focus… */
  className: string;
  /** The claim a click on the piece selects. */
  annotationId?: number;
}

export interface Piece {
  start: number;
  end: number;
  classes: string[];
  annotationId: number | null;
}

/**
 * The pieces of [from, to) between every mark's edges, each with the classes of the marks over it
 * (the innermost claim, the shortest, is the one a click selects). Linear in the marks after sorting.
 */
export function pieces(from: number, to: number, marks: readonly Mark[]): Piece[] {
  const inside = marks.filter((m) => m.start < to && from < m.end && m.start < m.end);
  const edges = new Set<number>([from, to]);
  for (const m of inside) {
    edges.add(Math.max(from, m.start));
    edges.add(Math.min(to, m.end));
  }
  const cuts = [...edges].sort((a, b) => a - b);
  const starts = [...inside].sort((a, b) => a.start - b.start);
  const open: Mark[] = [];
  const out: Piece[] = [];
  let next = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const s = cuts[i]!;
    const e = cuts[i + 1]!;
    while (next < starts.length && starts[next]!.start <= s) open.push(starts[next++]!);
    for (let k = open.length - 1; k >= 0; k--) if (open[k]!.end <= s) open.splice(k, 1);
    let claim: Mark | null = null;
    for (const m of open) if (m.annotationId !== undefined && (!claim || m.end - m.start < claim.end - claim.start)) claim = m;
    out.push({ start: s, end: e, classes: [...new Set(open.map((m) => m.className))], annotationId: claim?.annotationId ?? null });
  }
  return out;
}
