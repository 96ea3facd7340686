// What one document of a case gives the cross-document rules (cases.ts), read once: its quantity
// mentions (the engine's sentenceQuantities, dated by the document's own date), the events its
// dates date (the engine's eventOfDate), and its dated acts (a verb and what was done, around a
// date or a weekday). One AssistDoc per document, each sentence tagged at most once and dropped
// after; readings are kept in a small cache keyed by the text (and publication date), so a case
// asked for again after one document was added reads only that document.
//
// Offsets and sentence indexes here are the document's own; cases.ts moves them into the case.

import { deadlineOf, type Deadline } from './deadlines';
import { collectDates, FUTURE, referenceDate, weekdayDates, type DateMention } from './dates';
import { AssistDoc } from './document';
import { eventOfDate, whenEventOfDate, type EventDate } from './eventdates';
import { seriesMentions, type SeriesMentions } from './series';
import { MONTHS, STRONG_CUE_VERBS, WEAK_CUE_VERBS, WEEKDAYS } from './lexicon';
import { sentenceQuantities, type Quantity, type SentenceContext } from './quantities';
import { nounLemma, verbLemma } from './referents';
import { verbForms } from './deeds';
import { infinitive, lexiconTags, type Tok } from './nlp';
import { has, isAuxiliary, isCopula, isDeterminer, isNounTok, isVerbTok } from './tokens';
import { wordnet } from './wordnet';

export interface CaseDocument {
  id: number;
  text: string;
  /** How explanations name the document ("Kremlin readout"); default "document N". */
  title?: string;
  /** The publication date from the file (ISO), when the text may not state its year. */
  published?: string;
}

/**
 * An act dated in a document: the full verbs before the date in its clause and the words after
 * the first of them (what was done, not who did it). Two documents date one act when a verb and
 * one of those words are shared ("completed his medical on Thursday" / "completed medical tests
 * in Hamburg on Wednesday").
 */
export interface DatedAct {
  start: number;
  end: number;
  year: number | null;
  month: number;
  day: number;
  verbs: Set<string>;
  nouns: Set<string>;
  /** Nouns between the verb and the date that name an act or an event (WordNet: "medical", "vote", "summit"). */
  named: Set<string>;
  /** Who did it, when a common noun right before the verb says so ("His school held", "The union will hold"). */
  doer?: string;
  /** The common nouns of the sentence before the act ("The oil workers who were freed"): whom or what it was of. */
  before: Set<string>;
}

/** A date written with its weekday ("Saturday 9 August", "Sunday, May 17"), its year known. */
export interface WeekdayDate {
  start: number;
  end: number;
  year: number;
  month: number;
  day: number;
  /** The weekday written (0 Sunday ... 6 Saturday). */
  weekday: number;
  /** In the document's header (its dateline), not its body. */
  header?: true;
}

export interface DocReading {
  quantities: Quantity[];
  events: EventDate[];
  acts: DatedAct[];
  weekdayDates: WeekdayDate[];
  /** Its ordinals of a series and its counts of the series (series.ts), for comparing across documents. */
  series: SeriesMentions;
  /** The deadlines it sets (deadlines.ts). */
  deadlines: Deadline[];
}

const WEEKDAY_NAMED = /\b(?:on|early on|late on|of)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s*,?\s*(?:\d|the\s+\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b))/g;
// (the engine's future words, to the end of the clause: "approved a plan to raise the age on Wednesday" is past)
const CLAUSE_FUTURE = new RegExp(`${FUTURE.source}[^,;.]*$`, 'i');
const REPEATED_ACT = /\b(?:again|another|second|third|next|separate|further|follow-up|resum\w*)\b/i;
const CUE_VERBS = new Set([...STRONG_CUE_VERBS, ...WEAK_CUE_VERBS]);
const NOT_ACTS = new Set([...CUE_VERBS, 'be', 'have', 'do', 'make', 'get', 'go', 'come', 'begin', 'start', 'continue', 'expect', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must']);
const STOP = new Set(['that', 'this', 'with', 'from', 'have', 'been', 'were', 'which', 'their', 'there', 'they', 'also', 'after', 'before', 'when', 'while', 'into', 'over', 'about', 'would', 'will', 'could', 'said', 'says', 'than', 'then', 'them', 'these', 'those', 'what', 'where', 'other', 'some', 'more', 'most', 'such', 'only', 'just', 'both', 'each', 'early', 'late', 'later']);
const NOT_NOUNS = new Set([...MONTHS, ...WEEKDAYS, 'day', 'week', 'month', 'year', 'time', 'morning', 'afternoon', 'evening', 'night', 'hour', 'minute', 'statement', 'today', 'yesterday']);

type DayMention = Pick<DateMention, 'start' | 'end' | 'year' | 'month' | 'day'>;

/** Read one document: every sentence tagged at most once, its tokens dropped after. */
function read(d: CaseDocument): DocReading {
  const doc = new AssistDoc(d.text);
  const dates = collectDates(doc);
  const ref = referenceDate(dates, d.published);
  const refMonth = ref.year * 12 + ref.month - 1;
  const refT = Date.UTC(ref.year, ref.month - 1, ref.day);
  const refW = new Date(refT).getUTCDay();
  const bySentence = new Map<number, DateMention[]>();
  for (const m of dates) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  const out: DocReading = { quantities: [], events: [], acts: [], weekdayDates: [], series: seriesMentions(d.text, false, ref.known ? ref.year : undefined), deadlines: [] };
  // (the year from the date itself, else from the document's own date)
  for (const m of dates) {
    const year = m.year ?? (ref.known ? ref.year : null);
    if (m.weekday !== null && m.day > 0 && year !== null) out.weekdayDates.push({ start: m.start, end: m.end, year, month: m.month, day: m.day, weekday: m.weekday, ...(m.header ? { header: true as const } : {}) });
  }
  for (const s of doc.sentences) {
    const ds = bySentence.get(s.index) ?? [];
    const inText = ds.filter((m) => !m.header);
    const text = doc.sentenceText(s.index);

    // Events dated (the engine's reading): a date, else a weekday named alone in the document's own week.
    const eventMentions = inText.length ? inText : ref.known && /day\b/.test(text) ? weekdayDates(doc, s.index, ref) : [];
    for (const m of inText) {
      const due = deadlineOf(doc.tokens(s.index), d.text, m);
      if (due) out.deadlines.push(due);
    }
    for (const m of eventMentions) {
      const ev = eventOfDate(doc.tokens(s.index), d.text, m);
      if (ev) out.events.push({ ...ev, places: placesNamed(d.text, ev) });
      const when = whenEventOfDate(doc.tokens(s.index), d.text, m);
      if (when) out.events.push({ ...when, places: placesNamed(d.text, when) });
    }

    // Dated acts: dates and weekdays named alone, each with the act of its clause.
    const days: DayMention[] = [...inText];
    if (ref.known && /day\b/.test(text)) {
      for (const m of text.matchAll(WEEKDAY_NAMED)) {
        const start = s.start + m.index + m[0].length - m[1]!.length;
        if (days.some((x) => x.start <= start && start < x.end)) continue;
        const w = WEEKDAYS.indexOf(m[1]!.toLowerCase());
        const future = CLAUSE_FUTURE.test(text.slice(0, m.index));
        const t = new Date(refT + (future ? (w - refW + 7) % 7 : -((refW - w + 7) % 7)) * 86_400_000);
        days.push({ start, end: start + m[1]!.length, year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
      }
    }
    if (days.length) actsOf(doc, s.index, days, out.acts);

    // Quantities, as suggest() reads them, dated by this document's own date.
    if (doc.mayHaveNumber(s.index)) {
      const ctx: SentenceContext = { refMonth, dateRanges: ds.map((m) => [m.start, m.end] as const), headerRanges: ds.filter((m) => m.header).map((m) => [m.start, m.end] as const) };
      // (an owner's possessive, "the factory's 48 employees", points back within a text, not across
      // documents: there it made only false contradictions on held-out cases)
      for (const q of sentenceQuantities(doc, s.index, ctx)) out.quantities.push(q.owned ? { ...q, definite: false } : q);
    }
    doc.release(s.index);
  }
  return out;
}

// The engine's event reading (eventOfDate) wants the act right at the date; two reports of one
// event more often tell it in a clause around it. A dated act here: the full verbs before the date
// in its clause and the nouns after the first of them.
function actsOf(doc: AssistDoc, i: number, mentions: readonly DayMention[], out: DatedAct[]): void {
  const s = doc.sentences[i]!;
  const text = doc.sentenceText(i);
  const toks = doc.tokens(i);
  // A date's clause: from the last clause break or other date before it to the next after it.
  // ("It was agreed that delegations would hold talks on 15 July": the talks are dated, not the agreeing)
  const breaks = [...text.matchAll(/;|,\s+(?:and|but|while|whereas)\b|\b(?:that|which|who)\b/g)].map((x) => s.start + x.index);
  for (const x of mentions) breaks.push(x.start, x.end);
  for (const m of mentions) {
    const from = Math.max(s.start, ...breaks.filter((x) => x <= m.start && x !== m.start));
    const to = Math.min(s.end, ...breaks.filter((x) => x >= m.end && x !== m.end));
    // (the tagger may take a noun for a verb: "completed medical tests" gives both "complete" and "test")
    const acts: Array<{ start: number; lemma: string }> = [];
    toks.forEach((t, x) => {
      if (t.start < from || t.start >= m.start) return;
      const lemma = isVerbTok(t) ? (isAuxiliary(t) || isCopula(t) ? null : verbLemma(t)) : pastForm(t, toks[x - 1]);
      if (lemma !== null && !NOT_ACTS.has(lemma)) acts.push({ start: t.start, lemma });
    });
    if (acts.length === 0) continue;
    if (datesTheReport(toks, from, m.start, acts.at(-1)!.start)) continue;
    const verbs = new Set(acts.map((a) => a.lemma));
    // What was done: the words after the act, to the end of the clause (not who did it).
    // (a sentence without a figure, a cue or a date name gets lexicon tags only: words left untagged count too)
    const nouns = new Set(
      toks
        .filter((t) => t.start > acts[0]!.start && t.end <= to && /^[a-z]{4,}$/.test(t.text) && !isVerbTok(t) && (isNounTok(t) || t.tags.size === 0 || t.tags.has('Adjective')))
        .map(nounLemma)
        .filter((n) => !NOT_NOUNS.has(n) && !STOP.has(n)),
    );
    if (REPEATED_ACT.test(doc.text.slice(Math.max(s.start, m.start - 50), m.start))) continue;
    // The act named by a noun between the verb and the date ("passed a medical on Thursday").
    // (or an -ing word after a determiner or an adjective, which the tagger may read as a verb: "a
    // disciplinary hearing on 19 May" / "The hearing, set for 21 May")
    const named = new Set([
      ...toks
        .filter((t) => t.start > acts[0]!.start && t.end <= m.start && /^[a-z]{4,}$/.test(t.text) && !isVerbTok(t))
        .map(nounLemma)
        .filter((n) => nouns.has(n) && namesAnAct(n)),
      ...toks
        .filter((t, x) => t.start >= from && t.end <= m.start && /^\p{L}{4,}ing$/u.test(t.text) && x > 0 && (isDeterminer(toks[x - 1]) || has(toks[x - 1], 'Adjective')) && !isAuxiliary(toks[x - 1]))
        .map((t) => t.norm)
        .filter((n) => namesAnAct(n)),
    ]);
    // (the doer: past auxiliaries and adverbs before the first verb, a common noun)
    let v = toks.findIndex((t) => t.start === acts[0]!.start) - 1;
    while (v >= 0 && (isAuxiliary(toks[v]) || has(toks[v], 'Adverb') || toks[v]!.norm === 'to' || toks[v]!.norm === 'not')) v--;
    const who = v >= 0 && toks[v]!.start >= from && /^\p{Ll}+$/u.test(toks[v]!.text) && isNounTok(toks[v]) && !isVerbTok(toks[v]) ? nounLemma(toks[v]!) : undefined;
    const before = new Set(
      toks
        .filter((t) => t.start < acts[0]!.start && /^[a-z]{4,}$/.test(t.text) && !isVerbTok(t) && isNounTok(t))
        .map(nounLemma)
        .filter((n) => !NOT_NOUNS.has(n) && !STOP.has(n)),
    );
    out.push({ start: m.start, end: m.end, year: m.year, month: m.month, day: m.day, verbs, nouns, named, before, ...(who ? { doer: who } : {}) });
  }
}

/**
 * The date of a report, not of what it reports: the last verb before the date is a reporting verb
 * after the act ("have been freed, the state government said on Sunday"), and a verb, not a noun
 * the tagger took for one ("issued its first formal warning on 20 June").
 */
function datesTheReport(toks: readonly Tok[], from: number, date: number, lastAct: number): boolean {
  const x = toks.findLastIndex((t) => t.start >= from && t.start < date && isVerbTok(t) && !isAuxiliary(t));
  if (x < 0 || toks[x]!.start <= lastAct || !CUE_VERBS.has(verbLemma(toks[x]!))) return false;
  return !(isDeterminer(toks[x - 1]) || has(toks[x - 1], 'Adjective') || has(toks[x - 1], 'Possessive'));
}

const ACT_FILES = new Set([4, 11]);
const actNouns = new Map<string, boolean>();
/** A noun whose commonest sense is an act or an event (WordNet's noun.act and noun.event files). */
export function namesAnAct(noun: string): boolean {
  let r = actNouns.get(noun);
  if (r === undefined) {
    const first = wordnet()?.synsets(noun, 'n')[0];
    actNouns.set(noun, (r = first !== undefined && ACT_FILES.has(first.lexfile)));
  }
  return r;
}

/**
 * A past form the tagger left untagged or took for an adjective ("The commission certified the
 * result on Monday"), as its verb: the WordNet verb it is a form of, unless a determiner makes it
 * an adjective ("the certified result").
 */
function pastForm(t: Tok, before: Tok | undefined): string | null {
  if ([...t.tags].some((x) => x !== 'Adjective')) return null;
  if (before && (isDeterminer(before) || has(before, 'Adjective'))) return null;
  if (/^[a-z]{3,}(?:ed|en)$/.test(t.text)) return verbForms(t.text)[0] ?? null;
  // ("met", "held", "struck": an irregular past form the lexicon knows as one, as its infinitive)
  const known = lexiconTags(t.text);
  return t.tags.size === 0 && /^[a-z]{3,}$/.test(t.text) && known.length > 0 && known.every((x) => x === 'PastTense') ? infinitive(t.text, new Set(known)) : null;
}

/** Readings kept, most recently used last; at most this many characters of text behind them. */
const CACHE_CHARS = 2_000_000;
const cache = new Map<string, DocReading>();
let cachedChars = 0;

/** "dock in Bremerhaven on Saturday", "docked in Bremerhaven last Friday": the names after "in" or "at" in the clause of an event's date, lower case. */
function placesNamed(text: string, e: EventDate): string[] {
  const clause = `${text.slice(Math.max(0, e.mention.start - 50), e.mention.start).split(/[.!?;,]\s/).at(-1)!} ${text.slice(e.mention.end, e.mention.end + 30).split(/[.!?;,]/)[0]!}`;
  return [...clause.matchAll(/\b(?:in|at)\s+(\p{Lu}[\p{L}'’-]+)/gu)].map((m) => m[1]!.toLowerCase());
}

/** A document's reading, from the cache when the same text (and publication date) was read before. */
export function readingOf(d: CaseDocument): DocReading {
  const hit = cachedReading(d);
  if (hit) return hit;
  const r = read(d);
  keepReading(d, r);
  return r;
}

const cacheKey = (d: CaseDocument) => `${d.published ?? ''}\u0000${d.text}`;

/** The document's reading if it is kept (and now the most recently used), else undefined. */
export function cachedReading(d: CaseDocument): DocReading | undefined {
  const key = cacheKey(d);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

/** Keep a document's reading (one read here or by a reader thread, assist/readers.ts), oldest dropped past the limit. */
export function keepReading(d: CaseDocument, r: DocReading): void {
  const key = cacheKey(d);
  if (cache.has(key)) return;
  cache.set(key, r);
  cachedChars += key.length;
  for (const [k] of cache) {
    if (cachedChars <= CACHE_CHARS || cache.size <= 1) break;
    cache.delete(k);
    cachedChars -= k.length;
  }
}

/** Read a document afresh, keeping nothing (a reader thread's work). */
export const readDocument = read;

/** Forget every reading (for timing a cold run). */
export function clearReadings(): void {
  cache.clear();
  cachedChars = 0;
}
