import fs from 'node:fs';
import path from 'node:path';
import { suggestAcross, type CaseDocument, type CaseSuggestion } from '../cases';
import { DATA, loadReal, words } from './evaluate';

// Scoring cross-document contradictions (issue 14) against the blind case corpus in
// data/cases/NN-slug/: one text per document and gold.json (agreements, contradictions, look-alike
// pairs, each passage a document's file name and an exact excerpt). A proposal is right when its two
// spans overlap the two passages of a gold contradiction (either order); every other proposal counts
// against precision (one on a gold look-alike or agreement pair is listed as such).

interface Passage {
  doc: string;
  text: string;
}
interface CaseGold {
  event?: string;
  documents: Record<string, { outlet?: string; published?: string }>;
  agreements: Array<{ referent: string; passages: Passage[] }>;
  contradictions: Array<{ kind: string; referent: string; a: Passage; b: Passage; why?: string }>;
  lookalikes: Array<{ a: Passage; b: Passage; why?: string }>;
}
export interface EvalCase {
  name: string;
  files: string[];
  docs: CaseDocument[];
  gold: CaseGold;
}

export function loadCases(dir = path.join(DATA, 'cases')): EvalCase[] {
  if (!path.isAbsolute(dir)) dir = path.join(DATA, dir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((d) => fs.existsSync(path.join(dir, d, 'gold.json')))
    .sort()
    .map((name) => {
      const gold = JSON.parse(fs.readFileSync(path.join(dir, name, 'gold.json'), 'utf8')) as CaseGold;
      const files = fs.readdirSync(path.join(dir, name)).filter((f) => f.endsWith('.txt')).sort();
      const docs = files.map((f, i) => ({
        id: i + 1,
        text: fs.readFileSync(path.join(dir, name, f), 'utf8'),
        title: gold.documents[f]?.outlet ?? f,
        ...(gold.documents[f]?.published ? { published: gold.documents[f]!.published } : {}),
      }));
      return { name, files, docs, gold };
    });
}

export interface CaseScore {
  cases: number;
  documents: number;
  gold: number;
  /** Gold contradictions of a kind the engine reads (figures and dates, not "fact"). */
  goldFigures: number;
  found: number;
  foundFigures: number;
  proposed: number;
  correct: number;
  corroborations: number;
  corroborationsRight: number;
  /** Gold agreements, and those with at least one corroboration inside their passages. */
  agreements: number;
  agreementsFound: number;
  /**
   * The same, crediting the contradictions the gold's own agreements imply: when document A says X,
   * B says Y (a gold contradiction) and C agrees with A (a gold agreement holding A's passage and
   * C's), a proposal setting B against C is right and finds that contradiction. The writers list
   * one pair per contradiction; which of the agreeing documents it names is their choice.
   */
  impliedFound: number;
  impliedCorrect: number;
  misses: string[];
  falseAlarms: string[];
}

export function emptyCaseScore(): CaseScore {
  return { cases: 0, documents: 0, gold: 0, goldFigures: 0, found: 0, foundFigures: 0, proposed: 0, correct: 0, corroborations: 0, corroborationsRight: 0, agreements: 0, agreementsFound: 0, impliedFound: 0, impliedCorrect: 0, misses: [], falseAlarms: [] };
}

/** Where a passage is in its document: the exact excerpt, else the same words with spaces normalised. */
function locate(c: EvalCase, p: Passage): { id: number; start: number; end: number } | null {
  const i = c.files.indexOf(p.doc);
  if (i < 0) return null;
  const text = c.docs[i]!.text;
  const at = text.indexOf(p.text);
  if (at >= 0) return { id: c.docs[i]!.id, start: at, end: at + p.text.length };
  const lower = text.toLowerCase().indexOf(p.text.toLowerCase());
  return lower >= 0 ? { id: c.docs[i]!.id, start: lower, end: lower + p.text.length } : null;
}

function hits(span: CaseSuggestion['spans'][number], at: { id: number; start: number; end: number } | null): boolean {
  return at !== null && span.documentId === at.id && span.start < at.end && at.start < span.end;
}

function pairHits(s: CaseSuggestion, a: ReturnType<typeof locate>, b: ReturnType<typeof locate>): boolean {
  const [x, y] = s.spans;
  if (!x || !y) return false;
  return (hits(x, a) && hits(y, b)) || (hits(x, b) && hits(y, a));
}

type Located = ReturnType<typeof locate>;
/** A passage and the passages of every gold agreement that holds it (the same document, overlapping). */
function agreeing(at: Located, agreements: readonly Located[][]): Located[] {
  if (at === null) return [];
  const overlaps = (p: Located) => p !== null && p.id === at.id && p.start < at.end && at.start < p.end;
  return [at, ...agreements.filter((g) => g.some(overlaps)).flat().filter((p) => p !== null && p.id !== at.id)];
}

/** Whether a proposal sets a passage agreeing with one side of a contradiction against one agreeing with the other. */
function impliedHits(s: CaseSuggestion, as: readonly Located[], bs: readonly Located[]): boolean {
  const [x, y] = s.spans;
  if (!x || !y || x.documentId === y.documentId) return false;
  const inA = (z: typeof x) => as.some((p) => hits(z, p));
  const inB = (z: typeof x) => bs.some((p) => hits(z, p));
  return (inA(x) && inB(y)) || (inB(x) && inA(y));
}

const FIGURE_KINDS = new Set(['count', 'ordinal', 'amount', 'percent', 'duration', 'date', 'weekday', 'measure']);

export function scoreCase(score: CaseScore, c: EvalCase, suggestions: readonly CaseSuggestion[]): void {
  score.cases++;
  score.documents += c.docs.length;
  const contradictions = suggestions.filter((s) => s.type === 'inconsistency');
  const agreements = c.gold.agreements.map((g) => g.passages.map((p) => locate(c, p)));
  const gold = c.gold.contradictions.map((g) => {
    const a = locate(c, g.a);
    const b = locate(c, g.b);
    return { g, a, b, as: agreeing(a, agreements), bs: agreeing(b, agreements) };
  });
  score.gold += gold.length;
  for (const { g, a, b, as, bs } of gold) {
    const figure = FIGURE_KINDS.has(g.kind);
    if (figure) score.goldFigures++;
    if (contradictions.some((s) => impliedHits(s, as, bs))) score.impliedFound++;
    if (contradictions.some((s) => pairHits(s, a, b))) {
      score.found++;
      if (figure) score.foundFigures++;
    } else score.misses.push(`${c.name}: [${g.kind}] ${g.referent}: "${g.a.text}" / "${g.b.text}"`);
  }
  for (const s of contradictions) {
    score.proposed++;
    if (gold.some(({ as, bs }) => impliedHits(s, as, bs))) score.impliedCorrect++;
    if (gold.some(({ a, b }) => pairHits(s, a, b))) score.correct++;
    else {
      const look = c.gold.lookalikes.some((l) => pairHits(s, locate(c, l.a), locate(c, l.b)));
      score.falseAlarms.push(`${c.name}${look ? ' (look-alike)' : ''}: ${s.explanation}`);
    }
  }
  // Corroborations: right when both spans fall in passages of one gold agreement.
  const within = (s: CaseSuggestion, at: ReturnType<typeof locate>[]) => s.spans.every((x) => at.some((p) => hits(x, p)));
  const corroborations = suggestions.filter((s) => s.type === 'corroboration');
  for (const s of corroborations) {
    score.corroborations++;
    if (agreements.some((at) => within(s, at))) score.corroborationsRight++;
  }
  score.agreements += agreements.length;
  score.agreementsFound += agreements.filter((at) => corroborations.some((s) => within(s, at))).length;
}

export function runCases(cases = loadCases()): CaseScore {
  const score = emptyCaseScore();
  for (const c of cases) scoreCase(score, c, suggestAcross(c.docs));
  return score;
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);
export const caseRecall = (s: CaseScore) => ratio(s.found, s.gold);
export const casePrecision = (s: CaseScore) => ratio(s.correct, s.proposed);

export function caseTable(s: CaseScore, name = 'cases'): string {
  const f = (x: number) => x.toFixed(2);
  return [
    `${name}: ${s.cases} cases, ${s.documents} documents, ${s.gold} gold cross-document contradictions (${s.goldFigures} of figures or dates)`,
    `  contradictions: recall ${f(caseRecall(s))} (${s.found}/${s.gold}; figures and dates ${s.foundFigures}/${s.goldFigures} = ${f(ratio(s.foundFigures, s.goldFigures))}), precision ${f(casePrecision(s))} (${s.correct}/${s.proposed})`,
    `  with the contradictions the gold's agreements imply (a third document agreeing with one side): recall ${f(ratio(s.impliedFound, s.gold))} (${s.impliedFound}/${s.gold}), precision ${f(ratio(s.impliedCorrect, s.proposed))} (${s.impliedCorrect}/${s.proposed})`,
    `  corroborations: ${s.corroborations} proposed, ${s.corroborationsRight} within a gold agreement (precision ${f(ratio(s.corroborationsRight, s.corroborations))}); ${s.agreementsFound} of ${s.agreements} gold agreements found (recall ${f(ratio(s.agreementsFound, s.agreements))})`,
  ].join('\n');
}

export interface RealCaseScore {
  groups: number;
  documents: number;
  words: number;
  /** Contradictions proposed between unrelated articles: every one is false. */
  contradictions: number;
  corroborations: number;
  falseAlarms: string[];
}

/**
 * False alarms on real published text: the real articles (data/real, each about a different
 * event) in groups of `size` in file order, as if each group were a case. Any contradiction
 * proposed between them is false, and so is any corroboration.
 */
export function runRealCases(size = 4): RealCaseScore {
  const texts = loadReal();
  const out: RealCaseScore = { groups: 0, documents: 0, words: 0, contradictions: 0, corroborations: 0, falseAlarms: [] };
  for (let i = 0; i < texts.length; i += size) {
    const group = texts.slice(i, i + size);
    if (group.length < 2) break;
    const found = suggestAcross(group.map((t, k) => ({ id: k + 1, text: t.text, title: t.name })));
    out.groups++;
    out.documents += group.length;
    for (const t of group) out.words += words(t.text);
    for (const s of found) {
      if (s.type === 'inconsistency') out.contradictions++;
      else out.corroborations++;
      out.falseAlarms.push(`${s.type}: ${s.explanation}`);
    }
  }
  return out;
}

export function realCaseTable(r: RealCaseScore): string {
  const per = (n: number) => ((n / Math.max(1, r.words)) * 1000).toFixed(3);
  return `real text as cases: ${r.groups} groups of unrelated articles (${r.documents} documents, ${r.words.toLocaleString('en')} words): ${r.contradictions} contradictions (${per(r.contradictions)} per 1,000 words), ${r.corroborations} corroborations (${per(r.corroborations)} per 1,000 words), all false`;
}
