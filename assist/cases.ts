// Cross-document suggestions for a case (issue 14): passages in different documents that state the
// same referent with the same figure or date (corroborations), or a different one that cannot also
// be true (contradictions). The within-document engine does the reading:
// - its suggestions over the case's texts joined as one, keeping only pairs with passages in two
//   documents, so every rule it has about referents, scopes, bounds, parts and wholes, plans and
//   comparisons applies across documents as it does within one;
// - its quantity mentions of each document, paired across every two documents by rules for two
//   reports of one event (figurePairs below), which is also where corroborations come from;
// - dates of one act in each document (datedActs below, and the engine's eventdates rule).
// Where a rule of the engine is not exported a thin variant sits here, marked as such (assist/CASES.md
// lists the exports that would remove them). Explanations name both documents by title.
//
// Offsets are JavaScript string indices into each document's own text, as `suggest` gives them.

import type { CaseSpan, CaseSuggestion } from '../common/domain';
import { collectDates, formatDate, referenceDate, weekdayDates } from './dates';
import { eventDateRestatements, eventOfDate, type EventDate } from './eventdates';
import { AssistDoc } from './document';
import { suggest } from './index';
import { approxWord, differentFigures, differentPlaces, fmt, hours, interval, modsCompatible, overlaps, plural } from './inconsistencies';
import { sentenceQuantities, type Quantity, type SentenceContext } from './quantities';
import { sameKind } from './restatements';
import { STRONG_CUE_VERBS, WEAK_CUE_VERBS, MONTHS, WEEKDAYS } from './lexicon';
import { nounLemma, verbLemma } from './referents';
import { relate } from './scope';
import { isAuxiliary, isCopula, isNounTok, isVerbTok } from './tokens';
import { wordnet } from './wordnet';

export type { CaseSpan, CaseSuggestion } from '../common/domain';

export interface CaseDocument {
  id: number;
  text: string;
  /** How explanations name the document ("Kremlin readout"); default "document N". */
  title?: string;
  /** The publication date from the file (ISO), when the text may not state its year. */
  published?: string;
}

export interface CaseSuggestOptions {
  /** Also propose corroborations (same referent, same figure); default true. */
  corroborations?: boolean;
}

/** Paragraph breaks between joined documents: no sentence, paragraph or dateline runs across. */
const SEPARATOR = '\n\n\n';

interface Joined {
  text: string;
  /** Where each document's text starts in the joined text. */
  offsets: number[];
  docs: CaseDocument[];
}

function join(docs: readonly CaseDocument[]): Joined {
  const offsets: number[] = [];
  let at = 0;
  for (const d of docs) {
    offsets.push(at);
    at += d.text.length + SEPARATOR.length;
  }
  return { text: docs.map((d) => d.text).join(SEPARATOR), offsets, docs: [...docs] };
}

/** The joined document a joined-text offset falls in, or -1 in a separator. */
function docAt(j: Joined, offset: number): number {
  for (let i = j.docs.length - 1; i >= 0; i--) {
    if (offset >= j.offsets[i]!) return offset < j.offsets[i]! + j.docs[i]!.text.length ? i : -1;
  }
  return -1;
}

function toCaseSpan(j: Joined, start: number, end: number): CaseSpan | null {
  const i = docAt(j, start);
  if (i < 0 || docAt(j, Math.max(start, end - 1)) !== i) return null;
  const d = j.docs[i]!;
  const s = start - j.offsets[i]!;
  const e = end - j.offsets[i]!;
  return { documentId: d.id, start: s, end: e, text: d.text.slice(s, e) };
}

function titleOf(docs: readonly CaseDocument[], id: number): string {
  const i = docs.findIndex((d) => d.id === id);
  return docs[i]?.title?.trim() || `document ${id}`;
}

/** "Kremlin readout: "sixth conversation this year"; White House statement: "fifth conversation"." */
function naming(docs: readonly CaseDocument[], spans: readonly CaseSpan[]): string {
  return spans.map((s) => `${titleOf(docs, s.documentId)}: "${s.text}"`).join('; ');
}

/** The latest publication date of the documents: the engine dates weekdays by one reference date. */
function published(docs: readonly CaseDocument[]): string | undefined {
  const dates = docs.map((d) => d.published).filter((p): p is string => typeof p === 'string' && p.length > 0);
  return dates.sort().at(-1);
}

function overlapsSpan(a: CaseSpan, b: CaseSpan): boolean {
  return a.documentId === b.documentId && a.start < b.end && b.start < a.end;
}

// One event dated differently by two documents. Each document's dates are read alone, a weekday
// named alone ("completed his medical on Thursday") standing for the day it names in that
// document's own week (its dateline or publication date): joined, one document's dateline would
// date the other's weekdays. The engine's rule for one event dated twice (eventdates.ts: the same
// act by verb or noun, the same participants, not a series or a deadline) then pairs them.

const SENTENCE_STRIDE = 1_000_000;

function eventDatesOf(d: CaseDocument, offset: number, k: number): EventDate[] {
  const doc = new AssistDoc(d.text);
  const dates = collectDates(doc);
  const ref = referenceDate(dates, d.published);
  const out: EventDate[] = [];
  const bySentence = new Map<number, typeof dates>();
  for (const m of dates) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  for (const s of doc.sentences) {
    const ds = (bySentence.get(s.index) ?? []).filter((m) => !m.header);
    const mentions = ds.length ? ds : ref.known && /day\b/.test(doc.sentenceText(s.index)) ? weekdayDates(doc, s.index, ref) : [];
    if (!mentions.length) continue;
    const toks = doc.tokens(s.index);
    for (const m of mentions) {
      const ev = eventOfDate(toks, d.text, m);
      if (ev) out.push({ ...ev, mention: { ...ev.mention, start: ev.mention.start + offset, end: ev.mention.end + offset, sentence: ev.mention.sentence + k * SENTENCE_STRIDE } });
    }
    doc.release(s.index);
  }
  return out;
}

/** One act told the same way on the same day in both documents, with a participant in common. */
function dateAgreements(pair: readonly CaseDocument[], j: Joined, first: readonly EventDate[], second: readonly EventDate[]): CaseSuggestion[] {
  const out: CaseSuggestion[] = [];
  const used = new Set<EventDate>();
  const day = (e: EventDate) => `${e.mention.month}-${e.mention.day}`;
  for (const b of second) {
    const a = first.find((x) =>
      !used.has(x) && x.predicate === b.predicate && x.pos === b.pos && day(x) === day(b) &&
      (x.mention.year === null || b.mention.year === null || x.mention.year === b.mention.year) &&
      (x.participants.some((p) => b.participants.includes(p)) || (x.subject !== undefined && x.subject === b.subject)));
    if (!a) continue;
    const sa = toCaseSpan(j, a.mention.start, a.mention.end);
    const sb = toCaseSpan(j, b.mention.start, b.mention.end);
    if (!sa || !sb) continue;
    used.add(a);
    out.push({ type: 'corroboration', kind: 'date', explanation: `${naming(pair, [sa, sb])}. Both date the same event (${b.predicate}) ${formatDate(b.mention.year ?? a.mention.year, b.mention.month, b.mention.day)}.`, spans: [sa, sb] });
  }
  return out;
}

// The engine's event reading (eventOfDate) wants the act right at the date; two reports of one
// event more often tell it in a clause around it ("completed his medical on Thursday" / "completed
// medical tests in Hamburg on Wednesday"). A dated act here: the verb governing the date (the
// nearest full verb before it in its sentence) and the nouns of the sentence; two documents date
// one act when the verb is the same and a noun is shared.

interface DatedAct {
  start: number;
  end: number;
  year: number | null;
  month: number;
  day: number;
  verbs: Set<string>;
  nouns: Set<string>;
}

const WEEKDAY_NAMED = /\b(?:on|early on|late on|of)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s*,?\s*(?:\d|the\s+\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b))/g;
const CLAUSE_FUTURE = /\b(?:will|shall|next|due|scheduled|expected|plans?|to be|is to|are to|would)\b[^,;.]*$/i;
const REPEATED_ACT = /\b(?:again|another|second|third|next|separate|further|follow-up|resum\w*)\b/i;
const NOT_ACTS = new Set([...STRONG_CUE_VERBS, ...WEAK_CUE_VERBS, 'be', 'have', 'do', 'make', 'get', 'go', 'come', 'begin', 'start', 'continue', 'expect', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must']);
const STOP = new Set(['that', 'this', 'with', 'from', 'have', 'been', 'were', 'which', 'their', 'there', 'they', 'also', 'after', 'before', 'when', 'while', 'into', 'over', 'about', 'would', 'will', 'could', 'said', 'says', 'than', 'then', 'them', 'these', 'those', 'what', 'where', 'other', 'some', 'more', 'most', 'such', 'only', 'just', 'both', 'each', 'early', 'late', 'later']);
const NOT_NOUNS = new Set([...MONTHS, ...WEEKDAYS, 'day', 'week', 'month', 'year', 'time', 'morning', 'afternoon', 'evening', 'night', 'hour', 'minute', 'statement', 'today', 'yesterday']);

function datedActs(d: CaseDocument, offset: number): DatedAct[] {
  const doc = new AssistDoc(d.text);
  const dates = collectDates(doc);
  const ref = referenceDate(dates, d.published);
  const out: DatedAct[] = [];
  const refT = Date.UTC(ref.year, ref.month - 1, ref.day);
  const refW = new Date(refT).getUTCDay();
  for (const s of doc.sentences) {
    const text = doc.sentenceText(s.index);
    const mentions: Array<{ start: number; end: number; year: number | null; month: number; day: number }> = dates.filter((m) => m.sentence === s.index && !m.header);
    if (ref.known) {
      for (const m of text.matchAll(WEEKDAY_NAMED)) {
        const start = s.start + m.index + m[0].length - m[1]!.length;
        if (mentions.some((x) => x.start <= start && start < x.end)) continue;
        const w = WEEKDAYS.indexOf(m[1]!.toLowerCase());
        const future = CLAUSE_FUTURE.test(text.slice(0, m.index));
        const t = new Date(refT + (future ? (w - refW + 7) % 7 : -((refW - w + 7) % 7)) * 86_400_000);
        mentions.push({ start, end: start + m[1]!.length, year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
      }
    }
    if (!mentions.length) continue;
    const toks = doc.tokens(s.index);
    // A date's clause: from the last clause break or other date before it to the next after it.
    const breaks = [...text.matchAll(/;|,\s+(?:and|but|while|whereas)\b/g)].map((x) => s.start + x.index);
    for (const x of mentions) breaks.push(x.start, x.end);
    for (const m of mentions) {
      const from = Math.max(s.start, ...breaks.filter((x) => x <= m.start && x !== m.start));
      const to = Math.min(s.end, ...breaks.filter((x) => x >= m.end && x !== m.end));
      // The full verbs before the date in its clause (the tagger may take a noun for one:
      // "completed medical tests" gives both "complete" and "test").
      const acts = toks.filter((t) => t.start >= from && t.start < m.start && isVerbTok(t) && !isAuxiliary(t) && !isCopula(t) && !NOT_ACTS.has(verbLemma(t)));
      if (acts.length === 0) continue;
      const verbs = new Set(acts.map(verbLemma));
      // What was done: the words after the act, to the end of the clause (not who did it).
      // (the tagger reads only windows around numbers, cues and dates: words it left untagged count too)
      const nouns = new Set(
        toks
          .filter((t) => t.start > acts[0]!.start && t.end <= to && /^[a-z]{4,}$/.test(t.text) && !isVerbTok(t) && (isNounTok(t) || t.tags.size === 0 || t.tags.has('Adjective')))
          .map(nounLemma)
          .filter((n) => !NOT_NOUNS.has(n) && !STOP.has(n)),
      );
      if (REPEATED_ACT.test(d.text.slice(Math.max(s.start, m.start - 50), m.start))) continue;
      out.push({ start: m.start + offset, end: m.end + offset, year: m.year, month: m.month, day: m.day, verbs, nouns });
    }
    doc.release(s.index);
  }
  return out;
}

function actConflicts(pair: readonly CaseDocument[], j: Joined, first: readonly DatedAct[], second: readonly DatedAct[]): CaseSuggestion[] {
  const out: CaseSuggestion[] = [];
  for (const b of second) {
    for (const a of first) {
      const verb = [...a.verbs].find((v) => b.verbs.has(v));
      if (verb === undefined || ![...a.nouns].some((n) => b.nouns.has(n))) continue;
      if (a.year !== null && b.year !== null && a.year !== b.year) continue;
      if (a.month === b.month && a.day === b.day) continue;
      if (Math.abs((a.month - b.month) * 31 + a.day - b.day) > 45) continue;
      const sa = toCaseSpan(j, a.start, a.end);
      const sb = toCaseSpan(j, b.start, b.end);
      if (!sa || !sb) continue;
      out.push({
        type: 'inconsistency',
        kind: 'date',
        explanation: `${naming(pair, [sa, sb])}. The two documents date the same act (${verb}) differently: ${formatDate(a.year ?? b.year, a.month, a.day)} and ${formatDate(b.year ?? a.year, b.month, b.day)}.`,
        spans: [sa, sb],
      });
      break;
    }
  }
  return out;
}

function dateConflicts(pair: readonly CaseDocument[], j: Joined, events: readonly EventDate[]): CaseSuggestion[] {
  const out: CaseSuggestion[] = [];
  for (const [a, b] of eventDateRestatements(events)) {
    const sa = toCaseSpan(j, a.mention.start, a.mention.end);
    const sb = toCaseSpan(j, b.mention.start, b.mention.end);
    if (!sa || !sb || sa.documentId === sb.documentId) continue;
    // Across documents only the same act told the same way ("certified" / "certified"): a verb and a
    // noun of a related act ("certified" / "early results") are too often two steps of one story.
    if (a.predicate !== b.predicate || a.pos !== b.pos) continue;
    const event = b.pos === 'n' ? b.predicate : a.predicate;
    out.push({
      type: 'inconsistency',
      kind: 'date',
      explanation: `${naming(pair, [sa, sb])}. The two documents date the same event (${event}) differently: ${formatDate(a.mention.year, a.mention.month, a.mention.day)} and ${formatDate(b.mention.year, b.mention.month, b.mention.day)}.`,
      spans: [sa, sb],
    });
  }
  return out;
}

/** Inconsistencies the engine finds in the case's documents joined as one text, between passages of two documents. */
function engineContradictions(pair: readonly CaseDocument[], j: Joined): CaseSuggestion[] {
  const pub = published(pair);
  const out: CaseSuggestion[] = [];
  for (const s of suggest(j.text, pub ? { published: pub } : {})) {
    if (s.type !== 'inconsistency' || s.spans.length !== 2) continue;
    // The joined text has one dateline per document: the engine's "header dates disagree" compares
    // publication dates, which differ between documents as a matter of course.
    if (s.kind === 'date' && s.explanation.startsWith("The document's header dates")) continue;
    const spans = s.spans.map((x) => toCaseSpan(j, x.start, x.end));
    if (spans.some((x) => x === null)) continue;
    const [a, b] = spans as [CaseSpan, CaseSpan];
    if (a.documentId === b.documentId) continue;
    out.push({ type: 'inconsistency', kind: s.kind, explanation: `${naming(pair, [a, b])}. ${s.explanation}`, spans: [a, b] });
  }
  return out;
}

/** What each document gives on its own, at joined-text offsets: read once per document. */
interface Reading {
  figures: Quantity[];
  events: EventDate[];
  acts: DatedAct[];
}

function readingOf(d: CaseDocument, offset: number, k: number): Reading {
  // A count of one ("one serviceman", "a single vote") is mostly one of several, not a total.
  const figures = quantitiesOf(d, offset).filter((q) => q.value > 0 && !(q.kind === 'count' && q.value < 2));
  return { figures, events: eventDatesOf(d, offset, k), acts: datedActs(d, offset) };
}

/** This module's proposals for two documents (after the engine's, which `proposed` already holds). */
function pairSuggestions(docs: readonly CaseDocument[], j: Joined, a: Reading, b: Reading, corroborations: boolean): { contradictions: CaseSuggestion[]; corroborations: CaseSuggestion[] } {
  const found = figurePairs(docs, j, a.figures, b.figures, corroborations);
  const contradictions = [...found.contradictions, ...dateConflicts(docs, j, [...a.events, ...b.events]), ...actConflicts(docs, j, a.acts, b.acts)];
  return { contradictions, corroborations: corroborations ? [...found.corroborations, ...dateAgreements(docs, j, a.events, b.events)] : [] };
}

// The engine's quantity mentions (sentenceQuantities) of one document, read as suggest() reads
// them. Corroborations come only from here (the engine proposes disagreements only): the same thing
// (below) with figures that overlap, neither one a plan, comparison, subset, rate or threshold.

/** A document's quantity mentions, read alone (its own date for "this year"), at joined-text offsets. */
function quantitiesOf(d: CaseDocument, offset: number): Quantity[] {
  const doc = new AssistDoc(d.text);
  const dates = collectDates(doc);
  const ref = referenceDate(dates, d.published);
  const refMonth = ref.year * 12 + ref.month - 1;
  const bySentence = new Map<number, Array<readonly [number, number]>>();
  const headers = new Map<number, Array<readonly [number, number]>>();
  for (const m of dates) {
    const list = bySentence.get(m.sentence) ?? [];
    list.push([m.start, m.end]);
    bySentence.set(m.sentence, list);
    if (m.header) {
      const h = headers.get(m.sentence) ?? [];
      h.push([m.start, m.end]);
      headers.set(m.sentence, h);
    }
  }
  const out: Quantity[] = [];
  for (const s of doc.sentences) {
    if (!doc.mayHaveNumber(s.index)) continue;
    const ctx: SentenceContext = { refMonth, dateRanges: bySentence.get(s.index) ?? [], headerRanges: headers.get(s.index) ?? [] };
    for (const q of sentenceQuantities(doc, s.index, ctx)) out.push({ ...q, start: q.start + offset, end: q.end + offset });
    doc.release(s.index);
  }
  return out;
}

function weak(q: Quantity): boolean {
  return q.hedged || q.compared || q.subset || q.rate !== null || q.required || q.ofWhole || q.listed || q.shell;
}

function sameReferent(a: Quantity, b: Quantity): boolean {
  if (a.kind === 'percent' || a.kind === 'amount') {
    const nouns = (q: Quantity) => new Set(q.keys.map((k) => k.split('@')[0]!));
    const na = nouns(a);
    const nb = nouns(b);
    if ([...nb].some((n) => na.has(n))) return true;
    // "Turnout was 61.4 per cent" / "a turnout of barely 58 per cent": the key of one is a noun of the other's clause.
    if (na.size > 0 && nb.size > 0) return false;
    if (na.size > 0 || nb.size > 0) return [...na].some((n) => b.context.includes(n)) || [...nb].some((n) => a.context.includes(n));
    // Neither says what it is of ("penetrated 1.2 kilometres into the territory"): a measure (not
    // money or a share) whose clause shares a noun with the other's.
    return a.kind === 'amount' && !/^[A-Z]{3}$/.test(a.unit) && a.context.some((n) => b.context.includes(n));
  }
  const ra = referentOf(a);
  const rb = referentOf(b);
  if (ra !== null && ra === rb) return true;
  if (a.head !== null && b.head !== null) return sameKind(a.head, b.head);
  // A length told without its noun ("a conversation of some 60 minutes"): the other's head in its clause.
  if (a.kind === 'duration') return (a.head === null && b.head !== null && a.context.includes(b.head)) || (b.head === null && a.head !== null && b.context.includes(a.head));
  return false;
}

function sameFigure(a: Quantity, b: Quantity): boolean {
  if (a.approx === 'exact' && b.approx === 'exact') return a.value === b.value;
  return overlaps(interval(a), interval(b));
}

// Contradictions of figures across documents. Within one document the engine asks for the same
// frame (same subject or verb) before comparing two counts, because one article rarely states one
// figure twice; two reports of one event state the same figures as a matter of course, in their own
// words. So here a pair needs the same referent (its head, or a head WordNet relates), compatible
// modifiers, and one more piece of evidence that it is about the same thing: a shared verb, a
// shared noun of the clause, or the same subject; and nothing that keeps the figures apart (the
// engine's own reasons: places, periods, plans, comparisons, subsets, rates, scopes, names).

/** "only eight convoys", "spent only £1.5 million": across documents "only" is emphasis, not a subset. */
function subsetOf(q: Quantity, text: string): boolean {
  return q.subset && !/\bonly\s+(?:about\s+|around\s+|some\s+)?$/i.test(text.slice(Math.max(0, q.start - 20), q.start)) && !/^only\b/i.test(text.slice(q.start, q.end));
}

/** The mention as a count, so differentFigures checks its period only (one copy each: it caches by object). */
const counted = new WeakMap<Quantity, Quantity>();
function asCount(q: Quantity): Quantity {
  if (q.kind !== 'amount') return q;
  let c = counted.get(q);
  if (!c) counted.set(q, (c = { ...q, kind: 'count' }));
  return c;
}

/** Thin copy of inconsistencies.ts's blocked (not exported), without its same-sentence rule. */
function kept(a: Quantity, b: Quantity, text: string): boolean {
  if (a.required || b.required || a.listed || b.listed || a.compared || b.compared || subsetOf(a, text) || subsetOf(b, text)) return true;
  if (a.hedged !== b.hedged || a.rate !== b.rate || a.unit !== b.unit || a.polarity !== b.polarity) return true;
  if (a.ofWhole || b.ofWhole || a.whole !== b.whole) return true;
  if (differentPlaces(a, b)) return true;
  if (a.names.length > 0 && b.names.length > 0 && !a.names.some((n) => b.names.includes(n))) return true;
  // Figures for different reporting periods (the engine's rule). Its other rule, amounts more than
  // 2.5x apart are a part and a whole, is for one document; two reports disagree by more, so here
  // only amounts more than 5x apart are taken for different things.
  if (differentFigures(asCount(a), asCount(b), text)) return true;
  if (a.kind === 'amount' && Math.max(a.value, b.value) > 5 * Math.min(a.value, b.value)) return true;
  return false;
}

/** Verbs a length is told with ("lasted 40 minutes", "took 41 hours"). */
const DURATION_VERBS = new Set(['last', 'take', 'run', 'continue', 'stretch', 'drag']);

/** The participle told of a figure right after it: "nine people were injured", "a dozen people injured". */
const PARTICIPLE = /^\s+(?:(?:were|was|are|is|have|has|had|been|being|reportedly|also)\s+){0,3}([a-z]+(?:ed|en))\b/i;
function participle(q: Quantity, text: string): string | null {
  const m = PARTICIPLE.exec(text.slice(q.end, q.end + 60));
  return m ? m[1]!.toLowerCase() : null;
}

const SYNONYMS = new Map<string, boolean>();
/** Two verbs with a sense in common among their three commonest ("cut" / "eliminate" if WordNet says so). */
function synonymousVerbs(a: string, b: string): boolean {
  if (a === b) return true;
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  let known = SYNONYMS.get(key);
  if (known === undefined) {
    const wn = wordnet();
    const ids = new Set(wn ? wn.synsets(a, 'v').slice(0, 3).map((x) => x.offset) : []);
    known = wn !== null && wn.synsets(b, 'v').slice(0, 3).some((x) => ids.has(x.offset));
    SYNONYMS.set(key, known);
  }
  return known;
}

const LIGHT_VERBS = new Set(['be', 'have', 'make', 'get', 'give', 'take', 'do', 'say', 'put', 'set', 'go', 'come']);

/** Positive evidence beyond the head that two figures are about the same thing. */
function sameFrame(a: Quantity, b: Quantity, text: string): boolean {
  const pa = participle(a, text);
  if (pa !== null && pa === participle(b, text)) return true;
  const va = a.frame.verb;
  const vb = b.frame.verb;
  if (va !== null && va === vb && va !== 'be' && va !== 'have') return true;
  if (va !== null && vb !== null && !LIGHT_VERBS.has(va) && !LIGHT_VERBS.has(vb) && synonymousVerbs(va, vb)) return true;
  if (a.frame.subject !== null && a.frame.subject === b.frame.subject) return true;
  const ctx = new Set(a.context.filter((c) => c !== a.head && c !== b.head));
  return b.context.some((c) => c !== a.head && c !== b.head && ctx.has(c));
}

/** The referent of a figure for grouping: its class, else for a length the noun of its clause it measures. */
function referentOf(q: Quantity): string | null {
  return q.cls ?? q.head;
}

function show(q: Quantity): string {
  if (q.kind === 'duration') return `${approxWord(q)}${hours(q.value)}`;
  if (q.kind === 'percent') return `${approxWord(q)}${fmt(q.value)}${q.unit === '%' ? '%' : ' points'}`;
  if (q.kind === 'amount') return `${approxWord(q)}${fmt(q.value)} ${q.unit}`;
  return `${approxWord(q)}${fmt(q.value)}`;
}

/** The two figures are told of the same thing: one referent, and evidence beyond it (module comment above). */
function sameThing(a: Quantity, b: Quantity, first: readonly Quantity[], second: readonly Quantity[], text: string): boolean {
  if (a.kind !== b.kind || kept(a, b, text)) return false;
  // Two lengths each document gives with the same verb of lasting ("the exchange of fire lasted",
  // "the shooting lasted"): one event told in other words, when each is its document's only one.
  const verb = a.frame.verb;
  const lasting = a.kind === 'duration' && verb !== null && verb === b.frame.verb && DURATION_VERBS.has(verb);
  if (!sameReferent(a, b) && !lasting) return false;
  if (a.scope !== null && b.scope !== null && relate(a.scope, b.scope) !== 'same') return false;
  const onlyLasting = (list: readonly Quantity[]) => list.filter((x) => x.kind === 'duration' && x.frame.verb === verb).length === 1;
  const framed = sameFrame(a, b, text) || (lasting && onlyLasting(first) && onlyLasting(second));
  if (!modsCompatible(a, b) && !framed) return false;
  if (framed) return true;
  // A document's only figure of a kind for a referent, and the other's only one.
  return only(first, b) && only(second, a);
}

/** Whether one figure of `list` is about what `q` is about (no more, no fewer); remembered per document. */
const onlyMemo = new WeakMap<readonly Quantity[], Map<Quantity, boolean>>();
function only(list: readonly Quantity[], q: Quantity): boolean {
  let memo = onlyMemo.get(list);
  if (!memo) onlyMemo.set(list, (memo = new Map()));
  let r = memo.get(q);
  if (r === undefined) {
    let n = 0;
    for (const x of list) if (x.kind === q.kind && sameReferent(x, q) && ++n > 1) break;
    memo.set(q, (r = n === 1));
  }
  return r;
}

function what(a: Quantity, b: Quantity): string {
  const noun = b.head ?? a.head ?? b.cls ?? a.cls;
  if (a.kind === 'ordinal') return `place of the ${noun ?? 'event'} in its series`;
  if (a.kind === 'count') return `number of ${plural(noun ?? 'item')}`;
  if (a.kind === 'duration') return `length of the ${noun ?? 'event'}`;
  return b.keys[0]?.split('@')[0] ?? a.keys[0]?.split('@')[0] ?? (a.kind === 'percent' ? 'share' : 'amount');
}

/** Figures of the two documents: contradictions (no overlap) and, when asked, corroborations (the same figure). */
function figurePairs(pair: readonly CaseDocument[], j: Joined, first: readonly Quantity[], second: readonly Quantity[], corroborations: boolean): { contradictions: CaseSuggestion[]; corroborations: CaseSuggestion[] } {
  const out = { contradictions: [] as CaseSuggestion[], corroborations: [] as CaseSuggestion[] };
  const agreed = new Set<Quantity>();
  for (const b of second) {
    let contradicted = false;
    for (const a of first) {
      if (!sameThing(a, b, first, second, j.text)) continue;
      const sa = toCaseSpan(j, a.start, a.end);
      const sb = toCaseSpan(j, b.start, b.end);
      if (!sa || !sb) continue;
      if (sameFigure(a, b)) {
        if (corroborations && !agreed.has(a) && !agreed.has(b) && !weak(a) && !weak(b)) {
          agreed.add(a).add(b);
          out.corroborations.push({ type: 'corroboration', kind: a.kind, explanation: `${naming(pair, [sa, sb])}. Both give the same figure for the ${what(a, b)}: ${show(a)}.`, spans: [sa, sb] });
        }
        continue;
      }
      if (contradicted) continue;
      if (a.kind === 'count' || a.kind === 'ordinal') {
        if (overlaps(interval(a), interval(b))) continue;
        // As within a document: totals far apart in size count different wholes.
        if (a.kind === 'count' && Math.max(a.value, b.value) > 3 * Math.min(a.value, b.value) && Math.min(a.value, b.value) >= 10) continue;
      } else if (overlaps(interval(a), interval(b))) continue;
      contradicted = true;
      out.contradictions.push({
        type: 'inconsistency',
        kind: a.kind,
        explanation: `${naming(pair, [sa, sb])}. The two documents give different figures for the ${what(a, b)}: ${show(a)} and ${show(b)}.`,
        spans: [sa, sb],
      });
    }
  }
  return out;
}

function key(s: CaseSuggestion): string {
  return `${s.type}:${s.spans.map((x) => `${x.documentId}@${x.start}-${x.end}`).sort().join(',')}`;
}

/**
 * Cross-document suggestions over a case's documents: contradictions first, then corroborations,
 * each pair of documents read in the order given. Every span carries its document's id.
 */
export function suggestAcross(docs: readonly CaseDocument[], options: CaseSuggestOptions = {}): CaseSuggestion[] {
  const withCorroborations = options.corroborations !== false;
  const j = join(docs);
  const contradictions: CaseSuggestion[] = [];
  const corroborations: CaseSuggestion[] = [];
  const seen = new Set<string>();
  const push = (list: CaseSuggestion[], s: CaseSuggestion) => {
    const k = key(s);
    if (seen.has(k)) return;
    seen.add(k);
    list.push(s);
  };
  // The engine reads the whole case once, joined; this module reads each document once, then pairs.
  for (const s of engineContradictions(docs, j)) push(contradictions, s);
  const proposed = (x: CaseSuggestion) => contradictions.some((y) => y.spans.every((s, i) => overlapsSpan(s, x.spans[i]!)));
  const readings = docs.map((d, k) => readingOf(d, j.offsets[k]!, k));
  for (let i = 0; i < docs.length; i++) {
    for (let k = i + 1; k < docs.length; k++) {
      const found = pairSuggestions(docs, j, readings[i]!, readings[k]!, withCorroborations);
      for (const s of found.contradictions) if (!proposed(s)) push(contradictions, s);
      for (const s of found.corroborations) push(corroborations, s);
    }
  }
  return [...contradictions, ...corroborations];
}
