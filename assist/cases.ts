// Cross-document suggestions for a case (issue 14): passages in different documents that state the
// same referent with the same figure or date (corroborations), or a different one that cannot also
// be true (contradictions). The within-document engine does the reading, each document once
// (casereading.ts: its quantity mentions, dated events and dated acts, cached by text):
// - the engine's own rules over figures (findConflicts, findRestatements: referents, scopes,
//   bounds, parts and wholes, plans and comparisons) run over the figures of the whole case in
//   document order, keeping the pairs whose figures sit in two documents;
// - figures paired across documents by rules for two reports of one event (sameThing below), which
//   is also where corroborations come from;
// - dates of one act in two documents (the engine's eventdates rule, and dated acts).
// Nothing is compared with everything: figures are indexed by what they are about (their referent
// class, WordNet senses and hypernyms of their head, the nouns of a share or an amount), events by
// their act and dated acts by their verbs, and only figures sharing a key are compared, so the
// work grows with the number of figures that could be about one thing, not with the square of
// the case. Where a rule of the engine is not exported a thin variant sits here, marked as such
// (assist/CASES.md lists the exports that would remove them). Explanations name both documents.
//
// Offsets are JavaScript string indices into each document's own text, as `suggest` gives them.

import { deadlinePairs, type Deadline } from './deadlines';
import type { CaseSpan, CaseSuggestion } from '../common/domain';
import { compareOrdinals, compareRanks, compareSeries, shiftedSeries, type SeriesMentions } from './series';
import { namesAnAct, readingOf, type CaseDocument, type DatedAct, type DocReading, type WeekdayDate } from './casereading';
import { formatDate, weekdayName, type DateMention } from './dates';
import { eventDateRestatements, verbOfIng, type EventDate } from './eventdates';
import { lengthConflicts } from './derived';
import { agree, approxWord, differentFigures, differentPlaces, differentStatistics, findConflicts, fmt, hours, lowerBound, modsCompatible, plural, type Conflict } from './inconsistencies';
import { referentClass, unitLabel } from './lexicon';
import type { Quantity } from './quantities';
import { sameDeed, verbForms } from './deeds';
import { ALSO_A_KIND_OF, deedNouns, derivedFrom, findRestatements, kindKeys, namesDeed, otherKinds, peopleNoun, sameKind, synonymousVerbs } from './restatements';
import { relate } from './scope';
import { wordnet } from './wordnet';

export type { CaseSpan, CaseSuggestion } from '../common/domain';
export type { CaseDocument } from './casereading';
export { clearReadings } from './casereading';

export interface CaseSuggestOptions {
  /** Also propose corroborations (same referent, same figure); default true. */
  corroborations?: boolean;
}

/** Paragraph breaks between the documents in the case text: no sentence, paragraph or clause runs across. */
const SEPARATOR = '\n\n\n';
/** Sentence (and paragraph) indexes of document k start at k * SENTENCE_STRIDE: no two documents share one. */
const SENTENCE_STRIDE = 1_000_000;

/** One document in the case: its reading moved to case offsets. */
interface Placed {
  doc: CaseDocument;
  k: number;
  /** Where its text starts in the case text. */
  offset: number;
  /** Every quantity mention (the engine's rules), and the figures paired across documents. */
  quantities: Quantity[];
  figures: Quantity[];
  events: EventDate[];
  acts: DatedAct[];
  weekdayDates: WeekdayDate[];
  /** Its ordinals of a series and its counts of the series (series.ts). */
  series: SeriesMentions;
  deadlines: Deadline[];
}

interface Case {
  /** The documents' texts joined by SEPARATOR: the engine's helpers read around a figure in it. */
  text: string;
  docs: Placed[];
}

function place(docs: readonly CaseDocument[], reading: (d: CaseDocument) => DocReading): Case {
  const placed: Placed[] = [];
  let at = 0;
  docs.forEach((doc, k) => {
    const r = reading(doc);
    const offset = at;
    const stride = k * SENTENCE_STRIDE;
    const quantities = r.quantities.map((q) => repaired({ ...q, start: q.start + offset, end: q.end + offset, sentence: q.sentence + stride, paragraph: q.paragraph + stride }));
    // A count of one ("one serviceman", "a single vote") is mostly one of several, not a total.
    const figures = quantities.filter((q) => q.value > 0 && !(q.kind === 'count' && q.value < 2));
    for (const q of figures) readAround(q, doc.text, offset);
    // (a date mention moved into the case: offsets by the document's place, sentences by its stride)
    const moved = <M extends DateMention>(m: M): M => ({ ...m, start: m.start + offset, end: m.end + offset, sentence: m.sentence + stride, paragraph: m.paragraph + stride });
    const events = r.events.map((e) => ({ ...e, mention: moved(e.mention) }));
    const acts = r.acts.map((a) => ({ ...a, start: a.start + offset, end: a.end + offset }));
    const weekdayDates = r.weekdayDates.map((w) => ({ ...w, start: w.start + offset, end: w.end + offset }));
    const deadlines = r.deadlines.map((x) => ({ ...x, mention: moved(x.mention) }));
    placed.push({ doc, k, offset, quantities, figures, events, acts, weekdayDates, series: shiftedSeries(r.series, offset), deadlines });
    at += doc.text.length + SEPARATOR.length;
  });
  return { text: docs.map((d) => d.text).join(SEPARATOR), docs: placed };
}

/**
 * A count whose phrase ran on past its verb ("more than 14,000 households drank water" read with
 * the head "water" and "households", "drank" as modifiers): the noun before the verb is what is
 * counted. (A copy per case: the reading is shared.)
 */
function repaired(q: Quantity): Quantity {
  if (q.kind !== 'count') return q;
  const v = q.modVerbs.findIndex((m, i) => i > 0 && m !== '');
  if (v < 1 || q.modVerbs[v - 1] !== '') return q;
  const head = q.mods[v - 1]!;
  return { ...q, head, cls: referentClass(head), mods: q.mods.slice(0, v - 1), modVerbs: q.modVerbs.slice(0, v - 1) };
}

/** The document a case-text offset falls in, or -1 in a separator. */
function docAt(c: Case, offset: number): number {
  let lo = 0;
  let hi = c.docs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (c.docs[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  const d = c.docs[lo];
  return d && offset >= d.offset && offset < d.offset + d.doc.text.length ? lo : -1;
}

function toCaseSpan(c: Case, start: number, end: number): CaseSpan | null {
  const i = docAt(c, start);
  if (i < 0 || docAt(c, Math.max(start, end - 1)) !== i) return null;
  const d = c.docs[i]!;
  const s = start - d.offset;
  const e = end - d.offset;
  return { documentId: d.doc.id, start: s, end: e, text: d.doc.text.slice(s, e) };
}

function titleOf(docs: readonly Placed[], id: number): string {
  const d = docs.find((x) => x.doc.id === id);
  return d?.doc.title?.trim() || `document ${id}`;
}

/** "Kremlin readout: "sixth conversation this year"; White House statement: "fifth conversation"." */
function naming(c: Case, spans: readonly CaseSpan[]): string {
  return spans.map((s) => `${titleOf(c.docs, s.documentId)}: "${s.text}"`).join('; ');
}

function overlapsSpan(a: CaseSpan, b: CaseSpan): boolean {
  return a.documentId === b.documentId && a.start < b.end && b.start < a.end;
}

/** What is proposed for each pair of documents (i < k), filled by the rules below. */
class Proposals {
  private pairs = new Map<number, { contradictions: CaseSuggestion[]; corroborations: CaseSuggestion[] }>();
  constructor(private readonly n: number) {}
  private at(i: number, k: number) {
    const key = i * this.n + k;
    let p = this.pairs.get(key);
    if (!p) this.pairs.set(key, (p = { contradictions: [], corroborations: [] }));
    return p;
  }
  contradiction(i: number, k: number, s: CaseSuggestion): void {
    this.at(i, k).contradictions.push(s);
  }
  corroboration(i: number, k: number, s: CaseSuggestion): void {
    this.at(i, k).corroborations.push(s);
  }
  /** Pairs in document order. */
  *each(): Generator<{ contradictions: CaseSuggestion[]; corroborations: CaseSuggestion[] }> {
    for (const key of [...this.pairs.keys()].sort((x, y) => x - y)) yield this.pairs.get(key)!;
  }
}

// ---- The engine's rules over figures, over the whole case

/** The same figure of the same kind and unit, of the same thing (head, class or key), as `q`. */
function sameValueOf(x: Quantity, q: Quantity): boolean {
  if (x.kind !== q.kind || x.unit !== q.unit || Math.abs(x.value - q.value) > 1e-9 * Math.max(1, Math.abs(q.value))) return false;
  if (x.head !== null && q.head !== null) return x.head === q.head || (x.cls !== null && x.cls === q.cls);
  return x.keys.length === 0 || q.keys.length === 0 || x.keys.some((k) => q.keys.includes(k));
}

/**
 * "The general limit is now 30 km/h ... major avenues keep 50 km/h", told by two reports that each
 * give both figures: they agree on both, and the two figures are of two things, not a disagreement.
 * (A report that gives only one of them, "the company said nine were hurt", still disagrees with a
 * report that says "a dozen people injured", even one that quotes the company's nine too.)
 */
function toldByBoth(c: Case, a: Quantity, b: Quantity): boolean {
  const da = c.docs[docAt(c, a.start)];
  const db = c.docs[docAt(c, b.start)];
  if (!da || !db || da === db) return false;
  return db.quantities.some((x) => x !== b && sameValueOf(x, a)) && da.quantities.some((x) => x !== a && sameValueOf(x, b));
}

/** Inconsistencies the engine's figure rules find in the case, between figures of two documents. */
function engineContradictions(c: Case): CaseSuggestion[] {
  const all = c.docs.flatMap((d) => d.quantities);
  const conflicts = findConflicts(all, c.text, otherKinds);
  const known = new Set(conflicts.map((x) => `${x.a.start}:${x.b.start}`));
  const found: Array<[number, CaseSuggestion]> = [];
  const add = (x: Conflict) => {
    if (apartAcross(x.a, x.b, c.text, false) || toldByBoth(c, x.a, x.b)) return;
    // A rank against a count (the engine's "the sixth conversation" / "five conversations"): across
    // documents only when both are bounded by the same period ("this year"); "the third-highest
    // ranking person" and "40 people" in two reports are about different people.
    if (x.a.kind !== x.b.kind && !(x.a.scope !== null && x.b.scope !== null && relate(x.a.scope, x.b.scope) === 'same')) return;
    const a = toCaseSpan(c, x.a.start, x.a.end);
    const b = toCaseSpan(c, x.b.start, x.b.end);
    if (!a || !b || a.documentId === b.documentId) return;
    const [first, second] = x.a.start < x.b.start ? [a, b] : [b, a];
    found.push([Math.min(x.a.start, x.b.start), { type: 'inconsistency', kind: x.kind, explanation: `${naming(c, [first, second])}. ${x.explanation}`, spans: [first, second] }]);
  };
  for (const x of conflicts) add(x);
  // (two figures of one document are the within-document engine's business: not compared here)
  const docOf = new Map<Quantity, number>();
  for (const d of c.docs) for (const q of d.quantities) docOf.set(q, d.k);
  for (const x of findRestatements(all, c.text, known, (a, b) => docOf.get(a) === docOf.get(b))) add(x);
  // (a length one report states and another tells by its start and end: "The fourteen-month
  // restoration" / "The restoration runs from 1 March to 31 October 2027"; linked by what they are
  // of, not by being each the only one of its sort, which across documents added false ones; spans
  // read to the day or the hour, with no article date, as none is shared)
  for (const x of lengthConflicts(all, c.text, { year: caseYear(c), month: 1, known: false }, known, false, (offset) => docAt(c, offset))) add(x);
  return found.sort((x, y) => x[0] - y[0]).map(([, s]) => s);
}

/** The year a case's spans without one are read in: its documents' publication year, else this one. */
function caseYear(c: Case): number {
  const years = c.docs.map((d) => Number(d.doc.published?.slice(0, 4))).filter((y) => y > 1900);
  return years[0] ?? new Date().getUTCFullYear();
}

// ---- Dates

/** Dated events of each document grouped by their act (the same verb, or the same event noun). */
function eventsByAct(c: Case): Map<string, Map<number, EventDate[]>> {
  const out = new Map<string, Map<number, EventDate[]>>();
  for (const d of c.docs) {
    for (const e of d.events) {
      // (and by the verb sense it is, or the act noun comes from: "were abducted on 27 March" / "Since
      // their abduction on March 25", "released on Saturday" / "freed on Friday")
      for (const key of [`${e.pos}:${e.predicate}`, ...actSenses(e)]) {
        let byDoc = out.get(key);
        if (!byDoc) out.set(key, (byDoc = new Map()));
        const list = byDoc.get(d.k);
        if (!list) byDoc.set(d.k, [e]);
        else if (!list.includes(e)) list.push(e);
      }
    }
  }
  return out;
}

const senseKeys = new Map<string, string[]>();
/** WordNet's noun files of things, places and groups ("building", "crossing", "meeting"): a gerund whose commonest sense is one names that, not its verb's act. */
const THING_FILES = new Set([5, 6, 8, 13, 14, 15, 17, 20, 27]);
/** The verb senses an event is: a verb's commonest sense, or the verb sense an act noun's commonest sense derives from. */
function actSenses(e: EventDate): string[] {
  const id = `${e.pos}:${e.predicate}`;
  let keys = senseKeys.get(id);
  // ("for talks at Kesäranta on Thursday 16 April" / "At Wednesday's meeting": a noun WordNet lacks
  // as a kind of another is keyed as that one too)
  const also = e.pos === 'n' ? ALSO_A_KIND_OF.get(e.predicate) : undefined;
  if (!keys && also) {
    keys = [`n:${also}`, ...actSenses({ ...e, predicate: also })];
    senseKeys.set(id, keys);
  }
  if (!keys) {
    const wn = wordnet();
    const first = wn?.synsets(e.predicate, e.pos)[0];
    if (!wn || !first) keys = [];
    else if (e.pos === 'v') {
      keys = [`#${first.offset}`];
      // ("met in Cardiff on Monday 2 March" / "Tuesday's summit in Cardiff": the gathering a verb's two
      // commonest senses name, a summit being a kind of meeting; only a gathering: all the nouns a
      // verb names linked other acts' days, a held-out false)
      for (const v of wn.synsets(e.predicate, 'v').slice(0, 2)) for (const p of v.pointers) if (p.symbol === '+' && p.pos === 'n' && wn.synset(p.offset, 'n').lexfile === 14) keys.push(`=${p.offset}`);
    } else {
      keys = first.lexfile === 4 || first.lexfile === 11 ? first.pointers.filter((p) => p.symbol === '+' && p.pos === 'v').map((p) => `#${p.offset}`) : [];
      // ("At Tuesday's signing in Trento" / "signed an agreement on Monday 13 April": an -ing noun WordNet
      // has for no act, "signing" being only sign language there, is its verb's act)
      const verb = first.lexfile !== 4 && first.lexfile !== 11 && !THING_FILES.has(first.lexfile) ? verbOfIng(e.predicate) : null;
      const sense = verb ? wn.synsets(verb, 'v')[0] : undefined;
      if (sense) keys.push(`v:${verb}`, `#${sense.offset}`);
      // ("In a judgment of Thursday 17 September" / "Wednesday's ruling": an act noun whose commonest
      // sense is a kind of a sense of the other, a ruling being a judicial decision)
      if (first.lexfile === 4) keys.push(...first.pointers.filter((p) => p.symbol === '@').map((p) => `=${p.offset}`));
      keys.push(...wn.synsets(e.predicate, 'n').slice(0, 4).filter((s) => s.lexfile === 4).map((s) => `=${s.offset}`));
      // (and a gathering's kind: "summit" is a meeting)
      for (const g of wn.synsets(e.predicate, 'n').slice(0, 4).filter((s) => s.lexfile === 14)) keys.push(...g.pointers.filter((p) => p.symbol === '@').map((p) => `=${p.offset}`));
    }
    senseKeys.set(id, keys);
  }
  return keys;
}

/**
 * How many earlier documents telling an act each document's dates of it are compared with (the
 * nearest before it): every one in a case of a few articles, a bounded number in a case of many.
 */
const MAX_DOCUMENTS_BACK = 12;

/** Two days told for one event: by weekdays when either side names its day by a weekday alone
 *  ("freed on Friday evening" / "released on Saturday, April 18"), else by dates. */
function dayKind(a: CaseSpan, b: CaseSpan): 'date' | 'weekday' {
  return /\d/.test(a.text) && /\d/.test(b.text) ? 'date' : 'weekday';
}

// One event dated differently by two documents: the engine's rule for one event dated twice
// (eventdates.ts: the same participants, not a series or a deadline) over the events of two
// documents told with the same act the same way ("certified" / "certified": a verb and a noun of a
// related act, "certified" / "early results", are too often two steps of one story).
// One act told the same way on the same day, with a participant in common, is a corroboration.
function datePairs(c: Case, out: Proposals, corroborations: boolean): void {
  for (const byDoc of eventsByAct(c).values()) {
    const ks = [...byDoc.keys()].sort((x, y) => x - y);
    for (let y = 1; y < ks.length; y++) {
      for (let x = Math.max(0, y - MAX_DOCUMENTS_BACK); x < y; x++) {
        const i = ks[x]!;
        const k = ks[y]!;
        const first = byDoc.get(i)!;
        const second = byDoc.get(k)!;
        for (const [a, b] of eventDateRestatements([...first, ...second])) {
          const sa = toCaseSpan(c, a.mention.start, a.mention.end);
          const sb = toCaseSpan(c, b.mention.start, b.mention.end);
          if (!sa || !sb || sa.documentId === sb.documentId) continue;
          const event = b.pos === 'n' ? b.predicate : a.predicate;
          out.contradiction(i, k, {
            type: 'inconsistency',
            kind: dayKind(sa, sb),
            explanation: `${naming(c, [sa, sb])}. The two documents date the same event (${event}) differently: ${formatDate(a.mention.year, a.mention.month, a.mention.day)} and ${formatDate(b.mention.year, b.mention.month, b.mention.day)}.`,
            spans: [sa, sb],
          });
        }
        if (corroborations) dateAgreements(c, i, k, first, second, out);
      }
    }
  }
}

// One deadline given two days by two reports: "Claims can be submitted online until 31 July" /
// "Claims will be accepted until 15 August" (deadlines.ts).
function deadlineAcross(c: Case, out: Proposals): void {
  const all = c.docs.flatMap((d) => d.deadlines.map((x) => ({ ...x, k: d.k })));
  const docOf = new Map(all.map((x) => [x.mention.start, x.k] as const));
  for (const [a, b, noun] of deadlinePairs(all, (x, y) => docOf.get(x.mention.start) !== docOf.get(y.mention.start))) {
    const sa = toCaseSpan(c, a.mention.start, a.mention.end);
    const sb = toCaseSpan(c, b.mention.start, b.mention.end);
    if (!sa || !sb) continue;
    out.contradiction(docOf.get(a.mention.start)!, docOf.get(b.mention.start)!, {
      type: 'inconsistency',
      kind: 'date',
      explanation: `${naming(c, [sa, sb])}. The two documents set the deadline for ${plural(noun)} on different days: ${formatDate(a.mention.year, a.mention.month, a.mention.day)} and ${formatDate(b.mention.year, b.mention.month, b.mention.day)}.`,
      spans: [sa, sb],
    });
  }
}

// One day given two weekdays: "on Sunday 9 August" in one report, "the afternoon of Saturday 9
// August" in another, the same year. They cannot both be right; the calendar says which is.
function weekdayPairs(c: Case, out: Proposals): void {
  const byDay = new Map<string, Array<{ k: number; w: WeekdayDate }>>();
  for (const d of c.docs) {
    for (const w of d.weekdayDates) {
      const key = `${w.year}-${w.month}-${w.day}`;
      const list = byDay.get(key);
      if (list) list.push({ k: d.k, w });
      else byDay.set(key, [{ k: d.k, w }]);
    }
  }
  for (const list of byDay.values()) {
    for (let y = 1; y < list.length; y++) {
      const b = list[y]!;
      // (the first of each other document that names that day with another weekday, in its body
      // rather than its dateline when it names it in both: the body's is the event's)
      const other = (x: { k: number; w: WeekdayDate }, i: number) => i < y && x.k !== b.k && x.w.weekday !== b.w.weekday;
      const a = list.find((x, i) => other(x, i) && !x.w.header) ?? list.find(other);
      if (!a) continue;
      const sa = toCaseSpan(c, a.w.start, a.w.end);
      const sb = toCaseSpan(c, b.w.start, b.w.end);
      if (!sa || !sb) continue;
      const actual = new Date(Date.UTC(b.w.year, b.w.month - 1, b.w.day)).getUTCDay();
      const day = formatDate(b.w.year, b.w.month, b.w.day);
      const verdict = actual === a.w.weekday || actual === b.w.weekday ? `${day} was a ${weekdayName(actual)}` : `${day} was neither: it was a ${weekdayName(actual)}`;
      out.contradiction(a.k, b.k, {
        type: 'inconsistency',
        kind: 'weekday',
        explanation: `${naming(c, [sa, sb])}. The two documents give one day two weekdays, ${weekdayName(a.w.weekday)} and ${weekdayName(b.w.weekday)}: ${verdict}.`,
        spans: [sa, sb],
      });
    }
  }
}

// "It was the third derailment on the line since 2024" in one report, "Four trains have now
// derailed on the line since 2024" in another: the engine's ordinal-against-count rule (series.ts)
// with the ordinal in one document and the count in the other; and two ordinals of one series counted
// from one named start.
function seriesAcross(c: Case, out: Proposals): void {
  const withSeries = c.docs.filter((d) => d.series.ordinals.length > 0 || d.series.counts.length > 0 || (d.series.ranks?.length ?? 0) > 0);
  for (let y = 1; y < withSeries.length; y++) {
    for (let x = Math.max(0, y - MAX_DOCUMENTS_BACK); x < y; x++) {
      const a = withSeries[x]!;
      const b = withSeries[y]!;
      for (const found of [...compareSeries(a.series.ordinals, b.series.counts, c.text, true), ...compareSeries(b.series.ordinals, a.series.counts, c.text, true), ...compareOrdinals(a.series.ordinals, b.series.ordinals, c.text), ...compareRanks(a.series.ranks ?? [], b.series.ranks ?? [], c.text)]) {
        const sa = toCaseSpan(c, found.spans[0].start, found.spans[0].end);
        const sb = toCaseSpan(c, found.spans[1].start, found.spans[1].end);
        if (!sa || !sb || sa.documentId === sb.documentId) continue;
        const [first, second] = sa.documentId === a.doc.id ? [sa, sb] : [sb, sa];
        out.contradiction(a.k, b.k, { type: 'inconsistency', kind: 'ordinal', explanation: `${naming(c, [first, second])}. ${found.explanation}`, spans: [first, second] });
      }
    }
  }
}

function dateAgreements(c: Case, i: number, k: number, first: readonly EventDate[], second: readonly EventDate[], out: Proposals): void {
  const used = new Set<EventDate>();
  const day = (e: EventDate) => `${e.mention.month}-${e.mention.day}`;
  for (const b of second) {
    const a = first.find((x) =>
      !used.has(x) && day(x) === day(b) &&
      (x.mention.year === null || b.mention.year === null || x.mention.year === b.mention.year) &&
      (x.participants.some((p) => b.participants.includes(p)) || (x.subject !== undefined && x.subject === b.subject)));
    if (!a) continue;
    const sa = toCaseSpan(c, a.mention.start, a.mention.end);
    const sb = toCaseSpan(c, b.mention.start, b.mention.end);
    if (!sa || !sb) continue;
    used.add(a);
    out.corroboration(i, k, { type: 'corroboration', kind: 'date', explanation: `${naming(c, [sa, sb])}. Both date the same event (${b.predicate}) ${formatDate(b.mention.year ?? a.mention.year, b.mention.month, b.mention.day)}.`, spans: [sa, sb] });
  }
}

// Acts are indexed by their verbs, the acts their nouns name, and the verbs' commonest senses.
const VERB_SENSES = 3;
const verbSenses = new Map<string, number[]>();
/** The offsets of a verb's commonest WordNet senses ("free": free, liberate, release, ...). */
function sensesOf(verb: string): number[] {
  let r = verbSenses.get(verb);
  if (r === undefined) verbSenses.set(verb, (r = (wordnet()?.synsets(verb, 'v') ?? []).slice(0, VERB_SENSES).map((x) => x.offset)));
  return r;
}
function sharedSense(a: string, b: string): boolean {
  return a === b || sensesOf(a).some((o) => sensesOf(b).includes(o));
}
function actKeys(act: DatedAct): string[] {
  return [...act.verbs, ...[...act.named].map((n) => `#${n}`), ...[...act.verbs].flatMap((v) => sensesOf(v).map((o) => `~${o}`))];
}

// Two documents date one act when a verb and a word of what was done are shared ("completed his
// medical on Thursday" / "completed medical tests in Hamburg on Wednesday"); each document's acts
// indexed by their verbs, each act against the first act of the other document that matches.
function actConflicts(c: Case, out: Proposals, corroborations: boolean): void {
  const byVerb = new Map<string, Array<{ k: number; at: number; act: DatedAct }>>();
  for (const d of c.docs) {
    d.acts.forEach((act, at) => {
      for (const v of actKeys(act)) {
        const list = byVerb.get(v);
        if (list) list.push({ k: d.k, at, act });
        else byVerb.set(v, [{ k: d.k, at, act }]);
      }
    });
  }
  for (const d of c.docs) {
    for (const b of d.acts) {
      const seen = new Set<DatedAct>();
      const cands: Array<{ k: number; at: number; act: DatedAct }> = [];
      outer: for (const v of actKeys(b)) {
        for (const e of byVerb.get(v) ?? []) {
          if (e.k >= d.k) break;
          if (seen.has(e.act)) continue;
          cands.push(e);
          seen.add(e.act);
          if (cands.length >= MAX_CANDIDATES) break outer;
        }
      }
      cands.sort((x, y) => x.k - y.k || x.at - y.at);
      let done = -1;
      const agreed = new Set<number>();
      for (const { k: i, act: a } of cands) {
        if (i === done) continue;
        // (the same verb and a word of what was done, or one act named by its noun: "completed
        // medical tests on Wednesday" / "passed a medical on Thursday")
        const verb = [...a.verbs].find((v) => b.verbs.has(v));
        const act = [...a.named].find((n) => b.named.has(n));
        // (or a verb of one sense done to or by the same people or things: "The workers ... were
        // released on Saturday" / "The oil workers who were freed on Friday evening")
        const sense = [...a.verbs].find((v) => [...b.verbs].some((w) => sharedSense(v, w)));
        const ofSame = sense !== undefined && [...a.before].some((n) => b.before.has(n));
        if ((verb === undefined || ![...a.nouns].some((n) => b.nouns.has(n))) && act === undefined && !ofSame) continue;
        if (a.year !== null && b.year !== null && a.year !== b.year) continue;
        // (different doers, two acts: "His school held a minute's silence" / "The union will hold a minute's silence")
        if (a.doer !== undefined && b.doer !== undefined && a.doer !== b.doer && !sameKind(a.doer, b.doer)) continue;
        const told = sense === undefined ? undefined : [...b.verbs].find((w) => sharedSense(sense, w));
        const what = verb ?? act ?? (told !== undefined && told !== sense ? `${sense} / ${told}` : sense);
        if (a.month === b.month && a.day === b.day) {
          // One act told the same way on the same day: a corroboration (once per document).
          const sa = corroborations && !agreed.has(i) ? toCaseSpan(c, a.start, a.end) : null;
          const sb = sa ? toCaseSpan(c, b.start, b.end) : null;
          if (sa && sb) {
            agreed.add(i);
            out.corroboration(i, d.k, { type: 'corroboration', kind: 'date', explanation: `${naming(c, [sa, sb])}. Both date the same act (${what}) ${formatDate(a.year ?? b.year, a.month, a.day)}.`, spans: [sa, sb] });
          }
          continue;
        }
        if (Math.abs((a.month - b.month) * 31 + a.day - b.day) > 45) continue;
        const sa = toCaseSpan(c, a.start, a.end);
        const sb = toCaseSpan(c, b.start, b.end);
        if (!sa || !sb) continue;
        done = i;
        out.contradiction(i, d.k, {
          type: 'inconsistency',
          kind: dayKind(sa, sb),
          explanation: `${naming(c, [sa, sb])}. The two documents date the same act (${what}) differently: ${formatDate(a.year ?? b.year, a.month, a.day)} and ${formatDate(b.year ?? a.year, b.month, b.day)}.`,
          spans: [sa, sb],
        });
      }
    }
  }
}

// ---- Figures paired across documents

function weak(q: Quantity): boolean {
  return q.hedged || q.compared || q.subset || q.rate !== null || q.required || q.ofWhole || q.listed || q.shell;
}

// What the engine's reading leaves unsaid and two reports of one event need, read once per figure
// from its own document's text: a price per unit ("€18.40 per share", "$3 a gallon"), and the
// label of a line of results ("People's Alliance: 27 seats": the party is what holds the seats).

interface Around {
  /** The unit a price or a rate is per: "per share", "a share" -> share. */
  per: string | null;
  /** The last word of a label the figure's sentence opens with ("People's Alliance: 27 seats" -> alliance). */
  label: string | null;
  /** One part its clause marks ("35 tonnes on Wednesday alone", "In Hetényegyháza alone, 380 people"). */
  alone: boolean;
  /** An explicitly first figure ("An initial estimate put the shortfall at 150 million euros"). */
  initial: boolean;
  /** For a length, what ended after it ("the search was stood down after six hours" -> search). */
  ended: string | null;
  /** A running figure stamped with the time it was told at ("By Thursday morning, 1,350 had
   *  signed", "Two hours into the new regime", "Before the connection, ... stood at"): the stamp, or ''. */
  stamp: string;
  /** Told as the whole or as things stand now ("A total of 61", "has now been signed by 2,050"). */
  whole: boolean;
  /** Told of an ordinary day, not of the event ("On an ordinary summer day, about 85 percent of our departures leave on time"). */
  usual: boolean;
  /** The years the figure's document names in its lead (its title lines and first paragraph): "2025 annual results". */
  leadYears: readonly number[];
}

const around = new WeakMap<Quantity, Around>();
const PER_UNIT = /^\s*(?:per|a|an|each)\s+([a-z]+)\b/;
const LABEL = /^\s*((?:[A-Z][\p{L}'’-]*\s+){0,4}[A-Z][\p{L}'’-]*)\s*:\s*$/u;

// ("35 tonnes on Wednesday alone", "In Hetényegyháza alone, 380 people", "Ingredients alone now cost
// us €2.35": a part its clause marks; not "left alone", "lives alone")
const ALONE = /\b(?:(?:on|in|at|for|during|from|to|among)\s+[^,;.]{1,40}?\s|\p{L}{3,}\s+)(?<!\b(?:left|leave|leaves|stand|stands|stood|live|lives|lived|living|not|be|is|are|was|were|feel|feels|felt|go|went|act|acted)\s+)alone\b/iu;
const INITIAL = /\b(?:initial|initially|originally|at first|first estimates?)\b/i;
/** "By Thursday morning, 1,350 had signed", "By 10 a.m. police had counted": a count told as it stood at a time (a perfect after the stamp; "repaid by Friday" is a deadline). */
const STAMP_BY = /\b(?:by|as of|as at)\s+(?:early\s+|late\s+|mid-?|last\s+|this\s+)?(?:\p{L}+day(?:\s+(?:morning|afternoon|evening|night))?|morning|afternoon|evening|noon|midday|midnight|lunchtime|nightfall|dawn|\d{1,2}(?:[.:]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|the (?:end|close) of (?:the )?\p{L}+)\b(?=[^.;!?]*\b(?:had|has|have)\b)/iu;
const WHOLE_NOW = /\b(?:now|in all|in total|a total of|so far|altogether|to date)\b/i;
/** "usually", "on an ordinary summer day", "in a normal year": what is so as a rule. */
const USUAL = /\b(?:usually|normally|typically|ordinarily|as a rule|(?:on|in) (?:an? )?(?:ordinary|normal|typical|usual|regular)\s+(?:[\p{L}-]+\s+)?(?:day|week|month|year|season|summer|winter|weekend|night|morning))\b/iu;
/** "Two hours into the new regime", "Before the connection, the length stood at". */
const STAMP = /\b[\p{L}\d-]+\s+(?:hours?|minutes?|days?|weeks?)\s+into\b|\bbefore the \p{L}+\s*,/iu;
/** "On Saturday morning, 22 vessels were waiting", "by Monday evening": a part of a named day a figure stood at. */
const STAMP_ON = /\b(?:on|by)\s+\p{L}+day\s+(?:morning|afternoon|evening|night)\b/iu;

const leadYearsOf = new Map<string, number[]>();
/** The years a document names in its lead: its lines up to the end of its first paragraph of prose (a dateline's year aside). */
function leadYears(text: string): number[] {
  let years = leadYearsOf.get(text);
  if (!years) {
    const prose = /\n\s*\n[^\n]{120,}/.exec(text);
    const lead = text.slice(0, prose ? prose.index + prose[0].length : 600);
    years = [...new Set([...lead.matchAll(/\b(?:in|for|of|closes|closed|ended|ending)\s+(?:the\s+)?(?:(?:financial|fiscal|calendar)\s+year\s+(?:ended\s+|ending\s+)?(?:\d{1,2}\s+\p{L}+\s+)?)?((?:19|20)\d\d)\b|\b((?:19|20)\d\d)\s+(?:annual|full-year|half-year|results|accounts)\b/giu)].map((m) => Number(m[1] ?? m[2])))];
    if (leadYearsOf.size > 256) leadYearsOf.clear();
    leadYearsOf.set(text, years);
  }
  return years;
}

function readAround(q: Quantity, text: string, offset: number): void {
  const start = q.start - offset;
  const end = q.end - offset;
  const per = q.kind === 'amount' ? (PER_UNIT.exec(text.slice(end, end + 24))?.[1] ?? q.rate) : null;
  const line = text.slice(Math.max(0, start - 80), start).split(/[.!?\n]\s*/).at(-1)!;
  const label = LABEL.exec(line)?.[1]!.split(/\s+/).at(-1)!.toLowerCase().replace(/['’]s$/, '') ?? null;
  // (the figure's clause: from the last ";" or sentence end before it to the next after it, commas
  // included, "Workers collected 35 tonnes of oily sand on Wednesday alone")
  const before = text.slice(Math.max(0, start - 120), start).split(/[.!?;\n]\s/).at(-1)!;
  const after = text.slice(end, end + 100).split(/[.!?;\n]\s|,\s+(?:and|but|while|which|who)\b/)[0]!;
  const clause = `${before}${text.slice(start, end)}${after}`;
  const ended = q.kind === 'duration' ? (ENDED_AFTER.exec(before)?.[1]?.toLowerCase() ?? null) : null;
  around.set(q, { per: per && per !== 'year' && per !== 'day' ? singularNoun(per) : null, label, alone: ALONE.test(clause), initial: INITIAL.test(before), ended: ended ? singularNoun(ended) : null, stamp: (STAMP.exec(before) ?? STAMP_BY.exec(clause) ?? STAMP_ON.exec(before))?.[0].toLowerCase() ?? '', whole: WHOLE_NOW.test(clause), usual: USUAL.test(clause), leadYears: leadYears(text) });
}

/** "the search was stood down after", "The fire was brought under control after": what ended after a length. */
const ENDED_AFTER = /\b(?:the|its|their)\s+(?:[\p{L}-]+\s+)?([\p{L}-]{3,})\s+(?:was|were|had been|has been)\s+(?:[\p{L}-]+\s+){1,3}after\s+(?:about|around|nearly|almost|roughly|some|more than|just over|just under|over)?\s*$/iu;

/**
 * "the search was stood down after six hours" / "rescuers searched for nearly 11 hours", "The fire
 * was brought under control after six hours" / "The blaze burned for more than 14 hours": what ended
 * after one length is the act the other length was spent doing, or its doer.
 */
function endedAndDone(a: Quantity, b: Quantity): boolean {
  const n = around.get(a)?.ended;
  if (!n || around.get(b)?.ended || b.frame.verb === null) return false;
  return n === b.frame.verb || derivedFrom(n, b.frame.verb) || (b.frame.subject !== null && sameKind(n, b.frame.subject));
}

function singularNoun(w: string): string {
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

function perUnit(q: Quantity): string | null {
  return around.get(q)?.per ?? null;
}

/** Who a figure is told of: the subject of its verb, else the label of its line. */
function holder(q: Quantity): string | null {
  return q.frame.subject ?? around.get(q)?.label ?? null;
}

/** The nouns a share or an amount is of (its object), and those of who has or did it (its subject: "noun@verb"). */
function objects(q: Quantity): string[] {
  return q.keys.filter((k) => !k.includes('@'));
}

/** Money is not one referent on one shared noun of the clause: two are needed ("fire safety"). */
function sharedContext(a: Quantity, b: Quantity): number {
  let n = 0;
  for (const c of new Set(a.context)) if (b.context.includes(c)) n++;
  return n;
}

function sameReferent(a: Quantity, b: Quantity): boolean {
  if (a.kind === 'percent' || a.kind === 'amount') {
    // "€18.40 per share" / "€19.40 a share": a price of one unit of one thing.
    const pa = perUnit(a);
    const pb = perUnit(b);
    if (pa !== null && pa === pb) return true;
    const nouns = (q: Quantity) => new Set(q.keys.map((k) => k.split('@')[0]!));
    const na = nouns(a);
    const nb = nouns(b);
    if ([...nb].some((n) => na.has(n))) return true;
    // "a grant of $4.1m" / "the award of $4.6m": what each is of, nouns WordNet relates.
    const oa = objects(a);
    const ob = objects(b);
    if (oa.some((x) => ob.some((y) => sameKind(x, y)))) return true;
    // ("all pensions will be indexed by 4.5 percent" / "an indexation of just 3 percent": the act one
    // names as a noun the other does with its verb)
    // (a weaker link than a shared noun, so for figures within 2x of each other)
    const actNamed = (x: Quantity, y: Quantity) => y.frame.verb !== null && !LIGHT_VERBS.has(y.frame.verb) && Math.max(x.value, y.value) <= 2 * Math.min(x.value, y.value) && [...nouns(x)].some((n) => derivedFrom(n, y.frame.verb!));
    if (actNamed(a, b) || actNamed(b, a)) return true;
    // "Turnout was 61.4 per cent" / "a turnout of barely 58 per cent": what one is of (or is) is a noun
    // of the other's clause; not who has it ("the bank faced a shortfall of 210 million" names no deposits).
    if (na.size === 0 || nb.size === 0) {
      const of = (q: Quantity) => q.keys.filter((k) => !k.includes('@') || k.endsWith('@be')).map((k) => k.split('@')[0]!);
      if (of(a).some((n) => b.context.includes(n)) || of(b).some((n) => a.context.includes(n))) return true;
    }
    // Neither says what it is of, only who paid ("the firm spent"): a measure (not money or a share)
    // whose clause shares a noun with the other's, or money whose clause shares two ("invested £4
    // million in fire safety" / "the firm spent only £1.5 million on fire safety").
    if (objects(a).length > 0 || objects(b).length > 0 || a.kind !== 'amount') return false;
    return sharedContext(a, b) >= (/^[A-Z]{3}$/.test(a.unit) ? 2 : 1);
  }
  const ra = referentOf(a);
  const rb = referentOf(b);
  if (ra !== null && ra === rb) return true;
  if (a.kind === 'count' && (tallyOfDeed(a, b) || tallyOfDeed(b, a))) return true;
  if (a.head !== null && b.head !== null) return sameKind(a.head, b.head);
  if (a.kind === 'duration') {
    // A length told without its noun ("a conversation of some 60 minutes"): the other's head in its clause.
    if ((a.head === null && b.head !== null && a.context.includes(b.head)) || (b.head === null && a.head !== null && b.context.includes(a.head))) return true;
    // ("The taxiway remained closed for three hours" / "The taxiway was closed for nearly five hours":
    // neither names its noun; one verb, not a light one, and a noun of both clauses)
    if (a.head === null && b.head === null && a.frame.verb !== null && a.frame.verb === b.frame.verb && !LIGHT_VERBS.has(a.frame.verb) && a.context.some((n) => b.context.includes(n))) return true;
    // "nearly three days of counting" / "the count took 41 hours": the length of doing what the other's head names.
    return (a.head === null && a.frame.verb !== null && b.head !== null && derivedFrom(b.head, a.frame.verb)) || (b.head === null && b.frame.verb !== null && a.head !== null && derivedFrom(a.head, b.frame.verb));
  }
  return false;
}

const eventSenseKeys = new Map<string, string[]>();
/** The commonest senses of a noun that are acts, events or states ("death"), as index keys: what a deed's nouns can be. */
function eventSenses(noun: string): string[] {
  let keys = eventSenseKeys.get(noun);
  if (!keys) {
    keys = (wordnet()?.synsets(noun, 'n').slice(0, 4) ?? []).filter((x) => x.lexfile === 4 || x.lexfile === 11 || x.lexfile === 26).map((x) => `#${x.offset}`);
    eventSenseKeys.set(noun, keys);
  }
  return keys;
}

/**
 * "Three skiers were killed" / "a death toll of four": people a verb acted on, and a tally whose
 * noun names that act ("death" for kill, WordNet's cause pointers, as the engine reads deeds).
 */
function tallyOfDeed(x: Quantity, y: Quantity): boolean {
  const verb = x.frame.verb;
  if (verb === null || x.head === null || peopleNoun(x.head) === null || y.head === null || peopleNoun(y.head) !== null) return false;
  return y.mods.some((m) => namesDeed(m, verb)) || namesDeed(y.head, verb);
}

function sameFigure(a: Quantity, b: Quantity): boolean {
  if (a.approx === 'exact' && b.approx === 'exact' && a.floor === undefined && b.floor === undefined) return a.value === b.value;
  return agree(a, b);
}

// Contradictions of figures across documents. Within one document the engine asks for the same
// frame (same subject or verb) before comparing two counts, because one article rarely states one
// figure twice; two reports of one event state the same figures as a matter of course, in their own
// words. So here a pair needs the same referent (its head, or a head WordNet relates), compatible
// modifiers, and one more piece of evidence that it is about the same thing: a shared verb, a
// shared noun of the clause, or the same subject; and nothing that keeps the figures apart (the
// engine's own reasons: places, periods, plans, comparisons, subsets, rates, scopes; not names,
// which two reports word differently).

/** "only eight convoys", "spent only £1.5 million": across documents "only" is emphasis, not a subset. */
function subsetOf(q: Quantity, text: string): boolean {
  return q.subset && !/\bonly\s+(?:about\s+|around\s+|some\s+)?\p{Sc}?$/iu.test(text.slice(Math.max(0, q.start - 20), q.start)) && !/^only\b/i.test(text.slice(q.start, q.end));
}

/** The mention as a count, so differentFigures checks its period only (one copy each: it caches by object). */
const counted = new WeakMap<Quantity, Quantity>();
function asCount(q: Quantity): Quantity {
  if (q.kind !== 'amount') return q;
  let c = counted.get(q);
  if (!c) counted.set(q, (c = { ...q, kind: 'count' }));
  return c;
}

/** A count over a period longer than a year, open-ended ("since 2022") or wholly past: a count of many events. */
function longPeriod(q: Quantity): boolean {
  return q.kind === 'count' && q.scope !== null && (q.scope.past || /^since\b/i.test(q.scope.label) || q.scope.to - q.scope.from > 12);
}

// Across documents the engine's test for plans and forecasts (restatements.ts) is too wide: two
// reports of one deal both tell what it will do ("about 600 jobs will be cut" / "The plan will
// eliminate 1,100 jobs"), and an estimate of what happened is no forecast ("Crews estimate that the
// fire damaged about 4,000 square metres"). Here only a figure someone aims at, as a verb's aim or a
// target's size, is kept apart from one told as done.
const AIMED = /\b(?:aims?|aimed|aiming|plans?|planned|planning|intends?|intended|hopes?|hoped|wants?|wanted|seeks?|sought|expects?|expected|is\s+set|are\s+set)\s+to\s+(?:[\p{L}-]+\s+){0,3}$|\b(?:target|goal|aim|projection)\s+(?:of|is|was)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
const TOLD_AHEAD = /\b(?:will|would|shall|could|may|might|to\s+be)\b/i;
const aims = new WeakMap<Quantity, 'aimed' | 'ahead' | 'done'>();
function aimOf(q: Quantity, text: string): 'aimed' | 'ahead' | 'done' {
  let r = aims.get(q);
  if (!r) {
    const before = text.slice(Math.max(0, q.start - 80), q.start).split(/[.;:!?]\s/).at(-1)!;
    aims.set(q, (r = AIMED.test(before) ? 'aimed' : TOLD_AHEAD.test(before) ? 'ahead' : 'done'));
  }
  return r;
}
function aimedApart(a: Quantity, b: Quantity, text: string): boolean {
  const x = aimOf(a, text);
  const y = aimOf(b, text);
  return (x === 'aimed' && y === 'done') || (x === 'done' && y === 'aimed');
}

/** Thin copy of inconsistencies.ts's blocked (not exported), without its same-sentence rule. */
/**
 * A figure hedged on one side only: a plan, forecast or wish against what is ("aims to recover 70
 * percent" / "60 percent had been recovered"). A modal alone sits between: across reports of one
 * decision it is compared with what is ("Enforcement will rely on eighteen fixed cameras" /
 * "installed 12 new fixed cameras") and with what is planned ("will be cut" / "The plan will eliminate").
 */
function hedgeApart(a: Quantity, b: Quantity): boolean {
  const level = (q: Quantity) => (!q.hedged ? 0 : q.modal ? 1 : 2);
  return Math.abs(level(a) - level(b)) === 2;
}

function kept(a: Quantity, b: Quantity, text: string): boolean {
  if (a.required || b.required || a.listed || b.listed || a.compared || b.compared || subsetOf(a, text) || subsetOf(b, text)) return true;
  if (hedgeApart(a, b) || a.rate !== b.rate || a.unit !== b.unit || a.polarity !== b.polarity) return true;
  if (a.ofWhole || b.ofWhole || a.whole !== b.whole) return true;
  if (differentPlaces(a, b) || differentStatistics(a, b, text)) return true;
  // Figures for different reporting periods (the engine's rule). Its other rule, amounts more than
  // 2.5x apart are a part and a whole, is for one document; two reports disagree by more, so here
  // only amounts more than 5x apart are taken for different things.
  if (differentFigures(asCount(a), asCount(b), text)) return true;
  if (a.kind === 'amount' && Math.max(a.value, b.value) > 5 * Math.min(a.value, b.value)) return true;
  // (shares more than 4x apart are shares of different things: "a market share below three percent" / "70 percent of deposits are covered")
  if (a.kind === 'percent' && Math.max(a.value, b.value) > 4 * Math.min(a.value, b.value)) return true;
  // (a target is not the figure done: "aims to recover 70 percent" / "60 percent had been recovered")
  if (aimedApart(a, b, text)) return true;
  // (counts more than 3x apart count different sets: "more than a dozen primaries" / "the three primaries")
  if (a.kind === 'count' && Math.max(a.value, b.value) > 3 * Math.max(1, Math.min(a.value, b.value))) return true;
  return apartAcross(a, b, text, true);
}

/**
 * What keeps two documents' figures apart beyond the engine's reasons: a price per unit and a total
 * ("€18.40 per share" / "€2.6 billion"); a figure told of a past period and one told of none, which
 * in a report of an event is the event's own ("turnout in 2021 was 55.9 per cent" / "turnout was
 * 61.4 per cent"); a hedge on one side only; different names.
 */
function apartAcross(a: Quantity, b: Quantity, text: string, hedges: boolean): boolean {
  if (perUnit(a) !== perUnit(b)) return true;
  // (not when the document of the one told of no period is about that past year: "Karakate closes
  // 2025 with record sales ... Net profit was €23.6 million" / "net profit reached €26.3 million in 2025")
  const aboutYear = (x: Quantity, y: Quantity) => x.frame.subject !== null && x.frame.subject === y.frame.subject && (wordnet()?.synsets(x.frame.subject, 'n').length ?? 0) > 0 && x.scope === null && y.scope !== null && y.scope.to - y.scope.from <= 11 && (around.get(x)?.leadYears ?? []).some((v) => v * 12 <= y.scope!.from && y.scope!.to <= v * 12 + 11);
  if ((a.scope?.past ?? false) !== (b.scope?.past ?? false) && (a.scope === null || b.scope === null) && !aboutYear(a, b) && !aboutYear(b, a)) return true;
  // (a count over a long period, "61 oil workers have been abducted since 2022", is many events', not the one both report)
  if (longPeriod(a) !== longPeriod(b) && (a.scope === null || b.scope === null)) return true;
  // (one part, "on Wednesday alone"; an initial figure against a later one)
  const ra = around.get(a);
  const rb = around.get(b);
  // (and what is so on an ordinary day against what was so on the day: "On an ordinary summer day,
  // about 85 percent of our departures leave on time" / "Only 54 percent of departures left on time")
  if (ra && rb && (ra.alone !== rb.alone || ra.initial !== rb.initial || ra.usual !== rb.usual)) return true;
  // (a running figure told at a time against another time's, or against the whole or now: "By
  // Thursday morning, 1,350 employees had signed" / "has now been signed by 2,050 employees")
  if (ra && rb && ra.stamp !== rb.stamp && ((ra.stamp !== '' && rb.stamp !== '') || (ra.stamp === '' ? ra.whole : rb.whole))) return true;
  // (and a count told as it stood at a time is a running count's: against one told at no time, the
  // two may both be right, "By Monday morning, six beaches had been closed" / "At the peak, 14
  // beaches were closed"; amounts and shares keep the rule above)
  if (a.kind === 'count' && ra && rb && ra.stamp !== rb.stamp) return true;
  if (hedges && hedgeApart(a, b)) return true;
  // (the engine's "different names, different things" holds within one article; two reports name
  // one thing differently, "Brightwater" / "the Rotterdam company", so figures paired here do not ask it)
  if (!hedges && a.names.length > 0 && b.names.length > 0 && !a.names.some((n) => b.names.includes(n))) return true;
  // (read from the text, so asked last: sameThing asks it only of a pair it would otherwise make)
  return !hedges && differentMeasures(a, b, text);
}

const NOT_MODIFIERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'of', 'in', 'on', 'at', 'for', 'and', 'or', 'to', 'with', 'by', 'from', 'as', 'an', 'is', 'was', 'were', 'be', 'total', 'overall', 'whole', 'new', 'final', 'official', 'same']);

/** The word right before `noun` in the figure's sentence ("an enterprise value of €3.2 billion" -> enterprise), if it modifies it. */
const modifiers = new WeakMap<Quantity, Map<string, string | null>>();
const nounPatterns = new Map<string, RegExp>();
function modifierOf(q: Quantity, noun: string, text: string): string | null {
  let known = modifiers.get(q);
  if (!known) modifiers.set(q, (known = new Map()));
  let m = known.get(noun);
  if (m === undefined) known.set(noun, (m = modifierOfUncached(q, noun, text)));
  return m;
}

function modifierOfUncached(q: Quantity, noun: string, text: string): string | null {
  // (the mention of the noun nearest before the figure, else the first after it)
  let re = nounPatterns.get(noun);
  if (!re) nounPatterns.set(noun, (re = new RegExp(`\\b(\\p{L}+)\\s+${noun}s?\\b`, 'giu')));
  const before = [...text.slice(Math.max(0, q.start - 100), q.start).split(/[.!?]\s/).at(-1)!.matchAll(re)].at(-1);
  const m = before ?? [...text.slice(q.end, q.end + 60).split(/[.!?](?:\s|$)/)[0]!.matchAll(re)][0];
  const w = m?.[1]!.toLowerCase();
  return w === undefined || NOT_MODIFIERS.has(w) || /(?:ly|ing)$/.test(w) ? null : w;
}

/** One measure named with different modifiers: "an enterprise value of €3.2 billion" / "an equity value of €2.6 billion". */
function differentMeasures(a: Quantity, b: Quantity, text: string): boolean {
  if (a.kind !== 'amount' && a.kind !== 'percent') return false;
  const nb = new Set(b.keys.map((k) => k.split('@')[0]!));
  for (const k of a.keys) {
    const n = k.split('@')[0]!;
    if (k.includes('@') || !nb.has(n) || !/^\p{L}+$/u.test(n)) continue;
    const ma = modifierOf(a, n, text);
    const mb = modifierOf(b, n, text);
    if (ma !== null && mb !== null && ma !== mb) return true;
  }
  return false;
}

/** Verbs a length is told with ("lasted 40 minutes", "took 41 hours"). */
const DURATION_VERBS = new Set(['last', 'take', 'run', 'continue', 'stretch', 'drag']);

/** The participle told of a figure right after it: "nine people were injured", "a dozen people injured". */
// ("14 people remain missing" / "at least 23 people are missing": a state after a linking verb too)
const PARTICIPLE = /^\s+(?:(?:were|was|are|is|have|has|had|been|being|be|will|would|could|may|might|to|reportedly|also|still|remain|remains|remained)\s+){0,3}([a-z]+(?:ed|en)|missing|dead|alive|cut|shed|hit|hurt|lost|held|laid|paid|sold|won|struck)\b/i;
function participle(q: Quantity, text: string): string | null {
  const m = PARTICIPLE.exec(text.slice(q.end, q.end + 60));
  return m ? m[1]!.toLowerCase() : null;
}

/** The act a figure is told with: its verb, else (a light verb, "about 600 jobs will be cut") the participle after it. */
const acts = new WeakMap<Quantity, Quantity>();
function actOf(q: Quantity, text: string): Quantity {
  let a = acts.get(q);
  if (!a) {
    const p = q.frame.verb !== null && !LIGHT_VERBS.has(q.frame.verb) ? null : participle(q, text);
    const verb = p === null ? undefined : verbForms(p)[0];
    acts.set(q, (a = verb === undefined ? q : { ...q, frame: { ...q.frame, verb } }));
  }
  return a;
}

const LIGHT_VERBS = new Set(['be', 'have', 'make', 'get', 'give', 'take', 'do', 'say', 'put', 'set', 'go', 'come']);

/** Positive evidence beyond the head that two figures are about the same thing. */
function sameFrame(a: Quantity, b: Quantity, text: string): boolean {
  // ("Vettore will pay €46.00 per share" / "paying 52 euros a share": a price of one unit of one thing)
  const unit = perUnit(a);
  if (unit !== null && unit === perUnit(b)) return true;
  const pa = participle(a, text);
  if (pa !== null && pa === participle(b, text)) return true;
  const va = a.frame.verb;
  const vb = b.frame.verb;
  if (va !== null && va === vb && va !== 'be' && va !== 'have') return true;
  if (va !== null && vb !== null && !LIGHT_VERBS.has(va) && !LIGHT_VERBS.has(vb) && synonymousVerbs(va, vb)) return true;
  const ha = holder(a);
  if (ha !== null && ha === holder(b)) return true;
  const ctx = new Set(a.context.filter((c) => c !== a.head && c !== b.head));
  if (b.context.some((c) => c !== a.head && c !== b.head && ctx.has(c))) return true;
  // "about 600 jobs will be cut" / "will eliminate 1,100 jobs": what one act did to one kind of thing (deeds.ts).
  return a.kind === 'count' && sameDeed(actOf(a, text), actOf(b, text), text, sameKind);
}

/** The referent of a figure for grouping: its class, else for a length the noun of its clause it measures. */
function referentOf(q: Quantity): string | null {
  return q.cls ?? q.head;
}

function show(q: Quantity): string {
  if (q.kind === 'duration') return `${approxWord(q)}${hours(q.value)}`;
  if (q.kind === 'percent') return `${approxWord(q)}${fmt(q.value)}${q.unit === '%' ? '%' : ' points'}`;
  if (q.kind === 'amount') return `${approxWord(q)}${fmt(q.value)} ${unitLabel(q.unit)}`;
  return `${approxWord(q)}${fmt(q.value)}`;
}

/** The two figures are told of the same thing: one referent, and evidence beyond it (module comment above). */
function sameThing(a: Quantity, b: Quantity, text: string, onlyOne: OnlyOne): boolean {
  if (a.kind !== b.kind || kept(a, b, text)) return false;
  // Two lengths each document gives with the same verb of lasting ("the exchange of fire lasted",
  // "the shooting lasted"): one event told in other words, when each is its document's only one.
  const verb = a.frame.verb;
  const lasting = a.kind === 'duration' && verb !== null && verb === b.frame.verb && DURATION_VERBS.has(verb);
  if (a.kind === 'duration' && (endedAndDone(a, b) || endedAndDone(b, a))) return !differentMeasures(a, b, text);
  if (!sameReferent(a, b) && !lasting) return false;
  if (a.scope !== null && b.scope !== null && relate(a.scope, b.scope) !== 'same') return false;
  const framed = sameFrame(a, b, text) || (lasting && onlyOne(a, a, verb!) && onlyOne(b, b, verb!));
  if (!modsCompatible(a, b) && !framed) return false;
  // (or a document's only figure of a kind for a referent, and the other's only one)
  // (a multiple, "1.8 times the limit" on average / "four times the limit" at the peak, needs its frame)
  if (!framed && (a.unit === 'times' || !(onlyOnes(a, b) && onlyOne(a, b) && onlyOne(b, a)))) return false;
  return !differentMeasures(a, b, text);
}

/**
 * Two figures paired for being each document's only one about a thing need more than heads of one
 * kind: the same head (or a length of doing what the other's head names), a shared modifier when
 * the head counts people ("crew members" / "members": people are counted for many reasons), and
 * sizes within 3x (as for counts, figures further apart count different things).
 */
function onlyOnes(a: Quantity, b: Quantity): boolean {
  if (Math.max(a.value, b.value) > 3 * Math.min(a.value, b.value)) return false;
  if (a.kind === 'percent' || a.kind === 'amount') return true;
  if (a.head === null || b.head === null) return a.kind === 'duration';
  // ("In 2025 it carried 312,000 passengers" / "Some 250,000 travellers crossed last year": people of
  // one kind counted over one year both name)
  const year = a.kind === 'count' && a.scope !== null && b.scope !== null && a.scope.to - a.scope.from >= 11 && relate(a.scope, b.scope) === 'same' && sameKind(a.head, b.head);
  if (year) return true;
  // (or people a verb acted on and a tally of that deed, each its document's only one)
  // (or two nouns of one class of people the lexicon names, "all 142 employees" / "the airport's 118
  // workers", each its document's only count of that class)
  if (a.head !== b.head) return tallyOfDeed(a, b) || tallyOfDeed(b, a) || (a.cls !== null && a.cls === b.cls && a.cls !== 'person' && peopleNoun(a.head) !== null);
  return peopleNoun(a.head) === null || a.mods.some((m) => b.mods.includes(m));
}

/**
 * A percentage or an amount neither of whose figures names what it is of, sharing fewer than two
 * nouns of their clauses ("exceed the limit by up to 20 km/h" / "keep the 50 km/h limit": one noun;
 * "2,500 square metres of the storage building" / "about 4,000 square metres of the storage
 * building": two).
 */
function unnamed(a: Quantity, b: Quantity): boolean {
  return (a.kind === 'percent' || a.kind === 'amount') && a.keys.length === 0 && b.keys.length === 0 && a.head === null && b.head === null && sharedContext(a, b) < 2;
}

function what(a: Quantity, b: Quantity): string {
  const noun = b.head ?? a.head ?? b.cls ?? a.cls;
  if (a.kind === 'ordinal') return `place of the ${noun ?? 'event'} in its series`;
  if (a.kind === 'count') return `number of ${plural(noun ?? 'item')}`;
  if (a.kind === 'duration') return `length of the ${noun ?? 'event'}`;
  return b.keys[0]?.split('@')[0] ?? a.keys[0]?.split('@')[0] ?? (a.kind === 'percent' ? 'share' : 'amount');
}


/** Whether `docOf`'s document has exactly one figure about what `about` is about (with `lasting`: one length told with that verb). */
type OnlyOne = (docOf: Quantity, about: Quantity, lasting?: string) => boolean;

/**
 * Keys to index a figure by. Two figures sameThing may pair are of one kind and an own key of one
 * is an own or an up key of the other: the same referent class or head, WordNet senses of the heads
 * (own) and their hypernyms within two steps (up), a shared noun of a share or an amount, a noun of
 * the clause of a length told without its noun, a length told with the same verb of lasting.
 */
function figureKeys(q: Quantity): { own: string[]; up: string[] } {
  const p = `${q.kind}|`;
  const own = new Set<string>();
  const up: string[] = [];
  if (q.kind === 'percent' || q.kind === 'amount') {
    // (a figure that does not say what it is of is found by the nouns of its clause)
    for (const k of q.keys) own.add(`${p}k:${k.split('@')[0]!}`);
    for (const n of objects(q)) {
      const keys = kindKeys(n);
      for (const k of keys.own) own.add(`${p}kw${k}`);
      for (const k of keys.up) up.push(`${p}kw${k}`);
    }
    if (objects(q).length === 0) for (const n of q.context) own.add(`${p}k:${n}`);
    // (and by the nouns naming its verb's act, for actNamed: "indexed by 4.5 percent" / "an indexation of 3 percent")
    if (q.frame.verb !== null && !LIGHT_VERBS.has(q.frame.verb)) for (const n of actNouns(q.frame.verb)) own.add(`${p}k:${n}`);
    const per = perUnit(q);
    if (per !== null) own.add(`${p}per:${per}`);
  } else {
    const r = referentOf(q);
    if (r !== null) own.add(`${p}r:${r}`);
    if (q.head !== null) {
      const keys = kindKeys(q.head);
      for (const k of keys.own) own.add(`${p}w${k}`);
      for (const k of keys.up) up.push(`${p}w${k}`);
      if (q.kind === 'duration') for (const v of verbsOf(q.head)) own.add(`${p}act:${v}`);
      // (people a verb acted on, found by the nouns of its deed; a tally, by its nouns: "Three skiers
      // were killed" / "a death toll of four", tallyOfDeed)
      if (q.kind === 'count' && peopleNoun(q.head) !== null && q.frame.verb !== null) for (const o of deedNouns(q.frame.verb)) own.add(`${p}deed#${o}`);
      if (q.kind === 'count' && peopleNoun(q.head) === null) for (const n of [q.head, ...q.mods]) for (const k of eventSenses(n)) own.add(`${p}deed${k}`);
    } else if (q.kind === 'duration') {
      // ("a conversation of some 60 minutes": a length without its noun, found by its clause's nouns)
      for (const n of q.context) own.add(`${p}w=${n}`);
      if (q.frame.verb !== null) own.add(`${p}act:${q.frame.verb}`);
      // (what ended after it, by its kinds and the verbs of its act, endedAndDone; the doer of an act
      // told as going on, by its kinds)
      const ended = around.get(q)?.ended;
      const doer = ended ? null : q.frame.subject;
      for (const n of [ended, doer]) {
        if (!n) continue;
        const keys = kindKeys(n);
        for (const k of keys.own) own.add(`${p}w${k}`);
        for (const k of keys.up) up.push(`${p}w${k}`);
      }
      if (ended) for (const v of [ended, ...verbsOf(ended)]) own.add(`${p}act:${v}`);
    }
  }
  if (q.kind === 'duration' && q.frame.verb !== null && DURATION_VERBS.has(q.frame.verb)) own.add(`${p}last:${q.frame.verb}`);
  return { own: [...own], up };
}

const derivedCache = new Map<string, string[]>();
/** Words of the other part of speech WordNet derives from a word's commonest senses: a noun's verbs, a verb's nouns. */
function derivedWords(word: string, pos: 'n' | 'v', senses: number): string[] {
  const key = `${pos}:${word}`;
  let out = derivedCache.get(key);
  if (!out) {
    const wn = wordnet();
    const other = pos === 'n' ? 'v' : 'n';
    const found = new Set<string>();
    for (const s of wn?.synsets(word, pos).slice(0, senses) ?? []) for (const p of s.pointers) if (p.symbol === '+' && p.pos === other) for (const w of wn!.synset(p.offset, other).words) found.add(w);
    derivedCache.set(key, (out = [...found]));
  }
  return out;
}

/** The nouns WordNet derives from a verb's two commonest senses ("index" -> indexation, indexing). */
function actNouns(verb: string): string[] {
  return derivedWords(verb, 'v', 2).filter((w) => !w.includes('_')).map((w) => w.toLowerCase());
}

/** The verbs WordNet derives a noun from ("count" -> count, "conversation" -> converse): derivedFrom(noun, v) implies v is one. */
function verbsOf(noun: string): string[] {
  return derivedWords(noun, 'n', 4);
}

/**
 * How many figures of earlier documents each figure is compared with at most. Within a case of a
 * few articles a referent has a handful of figures and all are compared; in a case of many long
 * documents a broad referent (people, money) can have thousands, and the closest kin come first
 * (the same head or sense before a hypernym), documents in their order.
 */
const MAX_CANDIDATES = 64;


class FigureIndex {
  /** Every figure of the case, document by document in text order; a figure's number is its place here. */
  private all: Quantity[] = [];
  private docs: number[] = [];
  /** Where each document's figures start in `all`. */
  private starts: number[] = [];
  private number = new Map<Quantity, number>();
  /** Key -> the numbers of the figures with that key, ascending: by own keys, and by up keys. */
  private byOwn = new Map<string, number[]>();
  private byUp = new Map<string, number[]>();
  private keysOf: Array<{ own: string[]; up: string[] }> = [];
  private onlyMemo = new Map<string, boolean>();

  constructor(docs: readonly Placed[]) {
    const add = (index: Map<string, number[]>, key: string, at: number) => {
      const list = index.get(key);
      if (list) list.push(at);
      else index.set(key, [at]);
    };
    for (const d of docs) {
      this.starts[d.k] = this.all.length;
      for (const q of d.figures) {
        const at = this.all.length;
        this.all.push(q);
        this.docs.push(d.k);
        this.number.set(q, at);
        const keys = figureKeys(q);
        this.keysOf.push(keys);
        for (const key of keys.own) add(this.byOwn, key, at);
        for (const key of keys.up) add(this.byUp, key, at);
      }
    }
    this.starts[docs.length] = this.all.length;
  }

  doc(q: Quantity): number {
    return this.docs[this.number.get(q)!]!;
  }

  /** The lists to look `q`'s kin up in, closest kin first: own keys among own keys, then a hypernym of either. */
  private lookups(q: Quantity): number[][] {
    const keys = this.keysOf[this.number.get(q)!]!;
    const out: number[][] = [];
    for (const k of keys.own) out.push(this.byOwn.get(k)!);
    for (const k of keys.up) {
      const list = this.byOwn.get(k);
      if (list) out.push(list);
    }
    for (const k of keys.own) {
      const list = this.byUp.get(k);
      if (list) out.push(list);
    }
    return out;
  }

  /** Figures of documents before `q`'s that may be about what it is about, by document, in text order. */
  earlier(q: Quantity): Map<number, Quantity[]> {
    const until = this.starts[this.doc(q)]!;
    const found = new Set<number>();
    outer: for (const list of this.lookups(q)) {
      for (const at of list) {
        if (at >= until) break;
        found.add(at);
        if (found.size >= MAX_CANDIDATES) break outer;
      }
    }
    const out = new Map<number, Quantity[]>();
    for (const at of [...found].sort((x, y) => x - y)) {
      const i = this.docs[at]!;
      const list = out.get(i);
      if (list) list.push(this.all[at]!);
      else out.set(i, [this.all[at]!]);
    }
    return out;
  }

  readonly only: OnlyOne = (docOf, about, lasting) => {
    const k = this.doc(docOf);
    const memo = `${k}|${lasting ?? ''}|${this.number.get(about)}`;
    let r = this.onlyMemo.get(memo);
    if (r === undefined) {
      const from = this.starts[k]!;
      const to = this.starts[k + 1]!;
      const lists = lasting !== undefined ? [this.byOwn.get(`duration|last:${lasting}`) ?? []] : this.lookups(about);
      const seen = new Set<number>();
      for (const list of lists) {
        for (let x = lowerBound(list, from); x < list.length && list[x]! < to && seen.size < 2; x++) {
          const q = this.all[list[x]!]!;
          // (beside a figure told as a total, "A total of 148 crews", one a third of it or less, "Two crews
          // capsized", counts a part)
          const part = docOf.totality && q !== docOf && 3 * q.value <= docOf.value;
          if (lasting !== undefined || (q.kind === about.kind && sameReferent(q, about) && !part)) seen.add(list[x]!);
        }
      }
      this.onlyMemo.set(memo, (r = seen.size === 1));
    }
    return r;
  };
}

/** Figures of every two documents: contradictions (no overlap) and, when asked, corroborations (the same figure). */
function figurePairs(c: Case, out: Proposals, corroborations: boolean): void {
  const index = new FigureIndex(c.docs);
  const agreed = new Map<number, Set<Quantity>>();
  const n = c.docs.length;
  for (const d of c.docs) {
    for (const b of d.figures) {
      for (const [i, first] of index.earlier(b)) {
        let pairAgreed = agreed.get(i * n + d.k);
        if (!pairAgreed) agreed.set(i * n + d.k, (pairAgreed = new Set()));
        let contradicted = false;
        for (const a of first) {
          if (!sameThing(a, b, c.text, index.only)) continue;
          const sa = toCaseSpan(c, a.start, a.end);
          const sb = toCaseSpan(c, b.start, b.end);
          if (!sa || !sb) continue;
          if (sameFigure(a, b)) {
            if (corroborations && !pairAgreed.has(a) && !pairAgreed.has(b) && !weak(a) && !weak(b)) {
              pairAgreed.add(a).add(b);
              out.corroboration(i, d.k, { type: 'corroboration', kind: a.kind, explanation: `${naming(c, [sa, sb])}. Both give the same figure for the ${what(a, b)}: ${show(a)}.`, spans: [sa, sb] });
            }
            continue;
          }
          if (contradicted || toldByBoth(c, a, b)) continue;
          if (a.kind === 'count' || a.kind === 'ordinal') {
            if (agree(a, b)) continue;
            // As within a document: totals far apart in size count different wholes.
            if (a.kind === 'count' && Math.max(a.value, b.value) > 3 * Math.min(a.value, b.value) && Math.min(a.value, b.value) >= 10) continue;
          } else if (agree(a, b)) continue;
          // (two figures that name nothing but their unit, each its document's only one of it, are
          // as often two things: "20 km/h" over a limit and a "50 km/h" limit)
          if (unnamed(a, b)) continue;
          contradicted = true;
          out.contradiction(i, d.k, {
            type: 'inconsistency',
            kind: a.kind,
            explanation: `${naming(c, [sa, sb])}. The two documents give different figures for the ${what(a, b)}: ${show(a)} and ${show(b)}.`,
            spans: [sa, sb],
          });
        }
      }
    }
  }
}

// "The first fatal clash on the border since 2019" / "the first fatal incident since August 2021":
// each dates the last event of the kind before this one, so two reports of one event that date it
// differently disagree. Both the first of a kind since a time, the kinds one (WordNet) or two events
// (acts or happenings, WordNet's noun.act and noun.event) told with the same modifier.
function firstSince(c: Case, out: Proposals): void {
  const firsts = c.docs.flatMap((d) => d.figures.filter((q) => q.kind === 'ordinal' && q.value === 1 && q.scope !== null && /^since\b/i.test(q.scope.label) && q.head !== null).map((q) => ({ k: d.k, q })));
  for (let y = 0; y < firsts.length; y++) {
    for (let x = 0; x < y && x < MAX_CANDIDATES; x++) {
      const { k: i, q: a } = firsts[x]!;
      const { k, q: b } = firsts[y]!;
      if (i === k) continue;
      const kind = sameKind(a.head!, b.head!) || (namesAnAct(a.head!) && namesAnAct(b.head!) && a.mods.some((m) => b.mods.includes(m)));
      if (!kind || relate(a.scope, b.scope) === 'same' || a.scope!.label.toLowerCase() === b.scope!.label.toLowerCase()) continue;
      const sa = toCaseSpan(c, a.start, a.end);
      const sb = toCaseSpan(c, b.start, b.end);
      if (!sa || !sb) continue;
      out.contradiction(i, k, {
        type: 'inconsistency',
        kind: 'date',
        explanation: `${naming(c, [sa, sb])}. Both call it the first ${b.head} of its kind in a while, but date the one before it differently: "${a.scope!.label}" and "${b.scope!.label}".`,
        spans: [sa, sb],
      });
    }
  }
}

function key(s: CaseSuggestion): string {
  return `${s.type}:${s.spans.map((x) => `${x.documentId}@${x.start}-${x.end}`).sort().join(',')}`;
}

/**
 * Cross-document suggestions over a case's documents: contradictions first, then corroborations,
 * each pair of documents in the order given. Every span carries its document's id. `reading` gives
 * a document's reading: by default read here (and kept); the worker passes those its reader threads
 * read in parallel (assist/readers.ts).
 */
export function suggestAcross(docs: readonly CaseDocument[], options: CaseSuggestOptions = {}, reading: (d: CaseDocument) => DocReading = readingOf): CaseSuggestion[] {
  const withCorroborations = options.corroborations !== false;
  const c = place(docs, reading);
  const contradictions: CaseSuggestion[] = [];
  const corroborations: CaseSuggestion[] = [];
  const seen = new Set<string>();
  const push = (list: CaseSuggestion[], s: CaseSuggestion) => {
    const k = key(s);
    if (seen.has(k)) return;
    seen.add(k);
    list.push(s);
  };
  // The engine's proposals first; this module's rules add what they do not already cover.
  const engine = new Map<string, CaseSuggestion[]>();
  for (const s of engineContradictions(c)) {
    push(contradictions, s);
    const pair = `${s.spans[0]!.documentId}:${s.spans[1]!.documentId}`;
    engine.set(pair, [...(engine.get(pair) ?? []), s]);
  }
  const proposed = (x: CaseSuggestion) => (engine.get(`${x.spans[0]!.documentId}:${x.spans[1]!.documentId}`) ?? []).some((y) => y.spans.every((s, i) => overlapsSpan(s, x.spans[i]!)));
  const found = new Proposals(docs.length);
  figurePairs(c, found, withCorroborations);
  firstSince(c, found);
  datePairs(c, found, withCorroborations);
  weekdayPairs(c, found);
  deadlineAcross(c, found);
  seriesAcross(c, found);
  actConflicts(c, found, withCorroborations);
  for (const pair of found.each()) {
    for (const s of pair.contradictions) if (!proposed(s)) push(contradictions, s);
    for (const s of pair.corroborations) push(corroborations, s);
  }
  return [...contradictions, ...corroborations];
}
