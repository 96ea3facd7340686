import type {
  AchMark,
  AchMarkRecord,
  CaseSummary,
  ClaimGroup,
  ClaimStance,
  DocumentRecord,
  GroupEvidence,
  Hypothesis,
  Reliability,
} from '../../../../common/domain';
import type { MatrixCell } from '../../../../common/labels';
import { DEFAULT_CLOCK, type ReportClock } from '../../../../common/time';
import { outletOf } from '../model';

// The case report (issue 14) as every format sees it: the case's documents (D1, D2...), its claim
// groups (G1...) with one matrix cell per document, the ACH hypotheses (H1...) with their scores,
// the contested groups with each document's passage, and the sources the groups rely on. Plain
// data: the renderers are pure functions of it, and nothing in it has been escaped yet.

/** What the service reads for a case report: getCase's answer, the documents whole, the reader. */
export interface CaseReportInput {
  case: CaseSummary;
  /** The case's documents in its order; documents of members no longer in the case may follow. */
  documents: DocumentRecord[];
  claimGroups: ClaimGroup[];
  /** One per claim group (matched by groupId; a group without one shows no proposal). */
  evidence: GroupEvidence[];
  hypotheses: Hypothesis[];
  marks: AchMarkRecord[];
  /** The analyst's name for the header and the PDF's author; none when empty. */
  analyst?: string;
  /** BCP 47, default en-GB. */
  locale?: string;
  /** IANA, default UTC. */
  timeZone?: string;
  /** ISO 8601; default now. */
  generatedAt?: string;
}

export interface CaseReportDocument {
  id: number;
  /** D1, D2... in the case's order. */
  label: string;
  title: string;
  /** The site's name, else the host of its address; null when unknown. */
  outlet: string | null;
  author: string | null;
  /** As the document gives it (a calendar date, a time, or text the importer could not read). */
  published: string | null;
  sha256: string;
  text: string;
  /** False for a document a claim group still quotes after it left the case (or the library). */
  inCase: boolean;
}

export interface CaseReportPassage {
  memberId: number;
  annotationId: number;
  documentId: number;
  stance: ClaimStance;
  /** The words of the claim: from the document's text where the member still points at them. */
  exact: string;
  start: number;
  end: number;
  /** The member's offsets still hold its words in the document's text. */
  anchored: boolean;
  /** Up to CONTEXT characters of the text on each side, cut at a word, "…" where cut; '' when not anchored. */
  before: string;
  after: string;
}

export interface CaseReportGroup {
  id: number;
  /** G1, G2... */
  label: string;
  /** The analyst's label of the group, else the words of its first passage; '' when it has neither. */
  title: string;
  /** The analyst's Admiralty credibility (1-6), null until decided. */
  credibility: number | null;
  /** The credibility the evidence proposes, and why; null without evidence. */
  proposed: number | null;
  reason: string | null;
  independentStating: number | null;
  independentContradicting: number | null;
  /** One per document of the model, same order. */
  cells: MatrixCell[];
  /** Its passages in the order of the documents, then of the text. */
  passages: CaseReportPassage[];
  /** A member contradicts the claim. */
  contested: boolean;
  /** One per hypothesis of the model, same order; null where the analyst has not marked it. */
  marks: (AchMark | null)[];
}

export interface CaseReportHypothesis {
  id: number;
  /** H1, H2... in the analyst's order. */
  label: string;
  title: string;
  /** The ACH inconsistency score: how many claim groups are marked inconsistent with it (lower is better). */
  inconsistent: number;
  consistent: number;
  notApplicable: number;
  /** Among the hypotheses with the lowest score (none when no group is marked, or there is only one). */
  leading: boolean;
}

export interface CaseReportSource {
  sourceId: number | null;
  name: string;
  reliability: Reliability | null;
  /** Labels of the claim groups it states / contradicts, and of the documents relying on it. */
  stating: string[];
  contradicting: string[];
  documents: string[];
}

export interface CaseReportModel {
  case: { id: number; name: string; createdAt: string };
  analyst: string | null;
  generatedAt: string;
  clock: ReportClock;
  documents: CaseReportDocument[];
  groups: CaseReportGroup[];
  hypotheses: CaseReportHypothesis[];
  /** The groups with a contradicting member, in matrix order. */
  contested: CaseReportGroup[];
  sources: CaseReportSource[];
}

/** Characters of context shown on each side of a passage. */
export const CONTEXT = 120;

export function buildCaseReport(input: CaseReportInput): CaseReportModel {
  const inCase = new Set(input.case.documentIds);
  const documents: CaseReportDocument[] = [];
  const byId = new Map<number, CaseReportDocument>();
  const add = (d: Omit<CaseReportDocument, 'label'>) => {
    if (byId.has(d.id)) return;
    const doc = { ...d, label: `D${documents.length + 1}` };
    documents.push(doc);
    byId.set(doc.id, doc);
  };
  const records = new Map(input.documents.map((d) => [d.id, d]));
  // The case's order first, then documents only a claim group still quotes.
  const order = [...input.case.documentIds, ...input.documents.map((d) => d.id), ...input.claimGroups.flatMap((g) => g.members.map((m) => m.documentId))];
  for (const id of order) {
    const d = records.get(id);
    if (d) {
      add({
        id,
        title: d.title,
        outlet: outletOf(d),
        author: d.metadata.author?.trim() ? d.metadata.author : null,
        published: d.metadata.published?.trim() ? d.metadata.published : null,
        sha256: d.sha256,
        text: d.text,
        inCase: inCase.has(id),
      });
    } else {
      add({ id, title: `Document ${id} (no longer in the library)`, outlet: null, author: null, published: null, sha256: '', text: '', inCase: inCase.has(id) });
    }
  }
  const position = new Map(documents.map((d, i) => [d.id, i]));

  const hypothesesSorted = [...input.hypotheses].sort((a, b) => a.position - b.position || a.id - b.id);
  const markOf = new Map<string, AchMark>();
  for (const m of input.marks) markOf.set(`${m.groupId}:${m.hypothesisId}`, m.mark);
  const evidenceOf = new Map(input.evidence.map((e) => [e.groupId, e]));

  const groups: CaseReportGroup[] = input.claimGroups.map((g, i) => {
    const passages = g.members
      .map((m) => passage(byId.get(m.documentId)!, m))
      .sort((a, b) => position.get(a.documentId)! - position.get(b.documentId)! || a.start - b.start || a.memberId - b.memberId);
    const cells = documents.map((d): MatrixCell => {
      const mine = passages.filter((p) => p.documentId === d.id);
      const states = mine.some((p) => p.stance === 'states');
      const contradicts = mine.some((p) => p.stance === 'contradicts');
      return states && contradicts ? 'both' : states ? 'stated' : contradicts ? 'contradicted' : 'silent';
    });
    const e = evidenceOf.get(g.id);
    const first = passages.find((p) => p.stance === 'states') ?? passages[0];
    return {
      id: g.id,
      label: `G${i + 1}`,
      title: g.label.trim() ? g.label : (first?.exact ?? ''),
      credibility: g.credibility,
      proposed: e?.proposed ?? null,
      reason: e?.reason ?? null,
      independentStating: e?.independentStating ?? null,
      independentContradicting: e?.independentContradicting ?? null,
      cells,
      passages,
      contested: passages.some((p) => p.stance === 'contradicts'),
      marks: hypothesesSorted.map((h) => markOf.get(`${g.id}:${h.id}`) ?? null),
    };
  });

  const hypotheses: CaseReportHypothesis[] = hypothesesSorted.map((h, i) => {
    const marks = groups.map((g) => g.marks[i]);
    return {
      id: h.id,
      label: `H${i + 1}`,
      title: h.label,
      inconsistent: marks.filter((m) => m === 'inconsistent').length,
      consistent: marks.filter((m) => m === 'consistent').length,
      notApplicable: marks.filter((m) => m === 'not_applicable').length,
      leading: false,
    };
  });
  if (input.marks.length > 0 && hypotheses.length > 1) {
    const best = Math.min(...hypotheses.map((h) => h.inconsistent));
    for (const h of hypotheses) h.leading = h.inconsistent === best;
  }

  const analyst = input.analyst?.trim() ? input.analyst.trim() : null;
  return {
    case: { id: input.case.id, name: input.case.name, createdAt: input.case.createdAt },
    analyst,
    generatedAt: input.generatedAt ?? new Date().toISOString(),
    clock: { locale: input.locale ?? DEFAULT_CLOCK.locale, timeZone: input.timeZone ?? DEFAULT_CLOCK.timeZone },
    documents,
    groups,
    hypotheses,
    contested: groups.filter((g) => g.contested),
    sources: sourcesOf(groups, evidenceOf, byId),
  };
}

function passage(doc: CaseReportDocument, m: ClaimGroup['members'][number]): CaseReportPassage {
  const { text } = doc;
  const anchored = m.start >= 0 && m.start < m.end && m.end <= text.length && text.slice(m.start, m.end) === m.exact;
  let before = '';
  let after = '';
  if (anchored) {
    before = text.slice(Math.max(0, m.start - CONTEXT), m.start);
    after = text.slice(m.end, m.end + CONTEXT);
    if (m.start > CONTEXT) before = `…${before.replace(/^\S*\s/, '')}`;
    if (m.end + CONTEXT < text.length) after = `${after.replace(/\s\S*$/, '')}…`;
  }
  return { memberId: m.id, annotationId: m.annotationId, documentId: m.documentId, stance: m.stance, exact: m.exact, start: m.start, end: m.end, anchored, before, after };
}

/** Every source the groups rely on, once (by id, else by name), graded, with what it states and contradicts. */
function sourcesOf(groups: CaseReportGroup[], evidenceOf: Map<number, GroupEvidence>, docs: Map<number, CaseReportDocument>): CaseReportSource[] {
  const out = new Map<string, CaseReportSource & { documentIds: Set<number> }>();
  for (const g of groups) {
    for (const s of evidenceOf.get(g.id)?.sources ?? []) {
      const key = s.sourceId !== null ? `id:${s.sourceId}` : `name:${s.name.trim().toLowerCase()}`;
      let row = out.get(key);
      if (!row) {
        row = { sourceId: s.sourceId, name: s.name, reliability: s.reliability, stating: [], contradicting: [], documents: [], documentIds: new Set() };
        out.set(key, row);
      }
      row.reliability ??= s.reliability;
      const list = s.stance === 'states' ? row.stating : row.contradicting;
      if (!list.includes(g.label)) list.push(g.label);
      for (const d of s.documentIds) row.documentIds.add(d);
    }
  }
  const grade = (r: Reliability | null) => (r === null ? 'Z' : r);
  return [...out.values()]
    .map(({ documentIds, ...row }) => ({
      ...row,
      documents: [...documentIds].map((d) => docs.get(d)).filter((d): d is CaseReportDocument => d !== undefined).sort((a, b) => Number(a.label.slice(1)) - Number(b.label.slice(1))).map((d) => d.label),
    }))
    .sort((a, b) => grade(a.reliability).localeCompare(grade(b.reliability)) || a.name.localeCompare(b.name));
}
