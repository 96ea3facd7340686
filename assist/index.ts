// The offline analyst assistant: suggestions of inconsistencies, attributions and check-worthy
// claims over a document's plain text. Pure functions; nothing is fetched; offsets are JavaScript
// string indices into the text exactly as given, and every span's `text` is `text.slice(start, end)`.

import { AttributionFinder, type KnownSource } from './attributions';
import { CLAIM_THRESHOLD, claimScore, rankClaims, type Claim } from './claims';
import { collectDates, datedEvent, eventDateConflicts, formatDate, publicationConflicts, referenceDate, weekdayDates, weekdayExplanation, weekdayMismatches, type DatedEvent, type DateMention } from './dates';
import { AssistDoc } from './document';
import { findConflicts, plural, type Conflict } from './inconsistencies';
import { findRestatements, otherKinds } from './restatements';
import { elidedConflicts } from './elided';
import { deadlineOf, deadlinePairs, type Deadline } from './deadlines';
import { impliedConflicts, lengthConflicts } from './derived';
import { voteSideConflicts } from './sides';
import { seriesConflicts } from './series';
import { weighedConflicts } from './weighed';
import { differentParties, eventDateRestatements, eventOfDate, unreadDate, whenEventOfDate, type EventDate } from './eventdates';
import { sentenceQuantities, type Quantity, type SentenceContext } from './quantities';
import { chunkIds } from './tokens';

export type { KnownSource } from './attributions';

/** What the assistant proposes: one zod schema in common/domain.ts, the type derived from it. */
export type { SuggestionBody as Suggestion, SuggestSpan, InconsistencyKind } from '../common/domain';
import type { SuggestionBody as Suggestion, SuggestSpan } from '../common/domain';

export interface SuggestOptions {
  sources?: KnownSource[];
  /** The document's publication date from its file (ISO), when the text may not state its year. */
  published?: string;
  /** false: attributions and claims only (a slice of a long text, whose inconsistencies are found on the whole). */
  inconsistencies?: boolean;
}

function span(text: string, start: number, end: number): SuggestSpan {
  return { start, end, text: text.slice(start, end) };
}

type Mention = EventDate['mention'];

/**
 * One event named by a weekday ("Monday's certification") and dated elsewhere ("certify ... on
 * November 18"): the explanation when the weekday is not the date's, 'agrees' when it is (checked
 * weekday to weekday, not against the day the weekday was read as), null when neither side is a
 * weekday alone.
 */
function weekdayAgainstDate(text: string, a: Mention, b: Mention, event: string): string | 'agrees' | null {
  const weekdayOnly = (m: Mention) => /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i.test(text.slice(m.start, m.end));
  const [dated, named] = weekdayOnly(b) && !weekdayOnly(a) ? [a, b] : weekdayOnly(a) && !weekdayOnly(b) ? [b, a] : [null, null];
  if (!dated || !named) return null;
  const year = dated.year ?? named.year!;
  const dayName = new Date(Date.UTC(year, dated.month - 1, dated.day)).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
  const weekday = text.slice(named.start, named.end);
  if (dayName.toLowerCase() === weekday.toLowerCase()) return 'agrees';
  // ("Monday's certification": the weekday and the words after it, up to the event's noun)
  const rest = text.slice(named.start, Math.min(text.length, named.start + 60));
  const at = rest.toLowerCase().indexOf(event.slice(0, Math.max(3, event.length - 2)));
  const end = at < 0 ? named.end - named.start : rest.indexOf(' ', at) < 0 ? rest.length : rest.indexOf(' ', at);
  const phrase = rest.slice(0, end).replace(/[,.;:]$/, '');
  return `Both name the same event (${event}): ${formatDate(year, dated.month, dated.day)} ("${text.slice(dated.start, dated.end)}") is a ${dayName}, but "${phrase}" puts it on a ${weekday}.`;
}

/**
 * One pass over the sentences: quantities, attributions, claim scores and dated events, each
 * sentence tagged once and its tokens dropped afterwards.
 */
function readSentences(doc: AssistDoc, dates: DateMention[], ref: ReturnType<typeof referenceDate>, options: SuggestOptions) {
  const text = doc.text;
  const datesBySentence = new Map<number, DateMention[]>();
  for (const d of dates) {
    const list = datesBySentence.get(d.sentence) ?? [];
    list.push(d);
    datesBySentence.set(d.sentence, list);
  }
  const refMonth = ref.year * 12 + ref.month - 1;
  const quantities: Quantity[] = [];
  const finder = new AttributionFinder(options.sources ?? []);
  const claims: Claim[] = [];
  const events: DatedEvent[] = [];
  const eventDates: EventDate[] = [];
  const deadlines: Deadline[] = [];
  const dating = options.inconsistencies !== false;
  for (const s of doc.sentences) {
    const ds = datesBySentence.get(s.index);
    if (dating && ds && ds.some((d) => !d.header)) {
      const toks = doc.tokens(s.index);
      const chunks = chunkIds(toks);
      for (const d of ds) {
        const due = deadlineOf(toks, text, d);
        if (due) deadlines.push(due);
        const e = datedEvent(toks, chunks, d, ref);
        if (e) events.push(e);
        const ev = eventOfDate(toks, text, d) ?? unreadDate(text, d);
        if (ev) eventDates.push(ev);
        const when = whenEventOfDate(toks, text, d);
        if (when) eventDates.push(when);
      }
    }
    // "The council met on Tuesday": a weekday alone dates an event by the article's own date.
    // ("Monday's certification" names its event by a weekday even beside other dates)
    if (dating && ref.known) {
      const dated = ds?.some((d) => !d.header) ?? false;
      for (const d of weekdayDates(doc, s.index, ref)) {
        if (dated && !/^['’]s\s/.test(text.slice(d.end, d.end + 3))) continue;
        if (ds?.some((x) => x.start < d.end && d.start < x.end)) continue;
        const ev = eventOfDate(doc.tokens(s.index), text, d);
        if (ev) eventDates.push(ev);
      }
    }
    let counts = 0;
    let measures = 0;
    if (doc.mayHaveNumber(s.index)) {
      const ctx: SentenceContext = {
        refMonth,
        dateRanges: ds ? ds.map((d) => [d.start, d.end] as const) : [],
        headerRanges: ds ? ds.filter((d) => d.header).map((d) => [d.start, d.end] as const) : [],
      };
      for (const q of sentenceQuantities(doc, s.index, ctx)) {
        quantities.push(q);
        if (q.kind === 'percent' || q.kind === 'amount') measures++;
        else counts++;
      }
    }
    const attributed = finder.sentence(doc, s.index).length > 0;
    const score = claimScore(doc, s.index, { quantities: counts, measures, dated: ds !== undefined, attributed });
    if (score >= CLAIM_THRESHOLD) claims.push({ start: s.start, end: s.end, score, sentence: s.index });
    doc.release(s.index);
  }

  return { quantities, finder, claims, events, eventDates, deadlines };
}

/** The figures of a text as suggest reads them (the training of weighed.ts reads them so too). */
export function figuresOf(text: string, options: SuggestOptions = {}): Quantity[] {
  const doc = new AssistDoc(text);
  const dates = collectDates(doc);
  return readSentences(doc, dates, referenceDate(dates, options.published), options).quantities;
}

/** How a dated act points back: "the 13 June launch" names it, "since it went live on 12 May" tells it as known (quoted from "since"). */
function toldAsKnown(text: string, e: EventDate): string {
  if (e.presupposed) {
    const lead = text.slice(Math.max(0, e.mention.start - 80), e.mention.start);
    const at = lead.search(/\b(?:[Ss]ince|[Oo]nce)\b(?![\s\S]*\b(?:[Ss]ince|[Oo]nce)\b)/);
    if (at >= 0) return `"${lead.slice(at)}${text.slice(e.mention.start, e.mention.end)}" tells an event as already known`;
  }
  return `"the ${text.slice(e.mention.start, e.mention.end)} ${e.predicate}" names an event already told`;
}

/** Suggestions for a document: inconsistencies first (in text order), then attributions, then claims by score. */
export function suggest(text: string, options: SuggestOptions = {}): Suggestion[] {
  const doc = new AssistDoc(text);
  const out: Suggestion[] = [];

  // Dates: weekday check and header dates that disagree.
  const dates = collectDates(doc);
  const ref = referenceDate(dates, options.published);
  if (options.inconsistencies === false) {
    const { finder, claims } = readSentences(doc, dates, ref, options);
    return [...annotations(text, finder, claims)];
  }
  const inconsistencies: Suggestion[] = [];
  for (const m of weekdayMismatches(dates, ref)) {
    inconsistencies.push({ type: 'inconsistency', kind: 'weekday', explanation: weekdayExplanation(m), spans: [span(text, m.mention.start, m.mention.end)] });
  }
  // Header dates that disagree: each date that differs from the document's main date (the one given
  // most often, else the first) is flagged against the nearest mention of that main date
  // on another line. A flag
  // covers exactly the two conflicting date expressions, never a line or a date that agrees.
  const groups = publicationConflicts(dates);
  if (groups.length > 1) {
    const ordered = [...groups].sort((a, b) => b.length - a.length || a[0]!.start - b[0]!.start);
    const main = ordered[0]!;
    const day = (d: DateMention) => formatDate(d.year, d.month, d.day);
    for (const g of ordered.slice(1)) {
      const odd = g[0]!;
      // (on a line of its own when there is one: "date 2025-07-22 Tuesday, 02 January 2024" is one
      // line, the timestamp under the headline another)
      const elsewhere = main.filter((d) => d.paragraph !== odd.paragraph);
      const against = [...(elsewhere.length ? elsewhere : main)].sort((a, b) => Math.abs(a.start - odd.start) - Math.abs(b.start - odd.start))[0]!;
      if (day(against) === day(odd)) continue;
      const [x, y] = against.start < odd.start ? [against, odd] : [odd, against];
      inconsistencies.push({
        type: 'inconsistency',
        kind: 'date',
        explanation: `The document's header dates disagree: ${day(x)} ("${text.slice(x.start, x.end)}") vs ${day(y)} ("${text.slice(y.start, y.end)}").`,
        spans: [span(text, x.start, x.end), span(text, y.start, y.end)],
      });
    }
  }

  const { quantities, finder, claims, events, eventDates, deadlines } = readSentences(doc, dates, ref, options);

  // (the same doer and verb, done to or with different parties, is two acts: "disclosed the matter to
  // the federal government on February 21" / "to the Environmental Protection Agency on February 18")
  const eventAt = new Map(eventDates.map((e) => [e.mention.start, e] as const));
  const parted = (a: DatedEvent, b: DatedEvent) => {
    const ea = eventAt.get(a.mention.start);
    const eb = eventAt.get(b.mention.start);
    return ea !== undefined && eb !== undefined && differentParties(ea, eb);
  };
  const datedPairs = eventDateConflicts(events).filter(([a, b]) => !parted(a, b));
  for (const [a, b] of datedPairs) {
    const da = formatDate(a.year, a.mention.month, a.mention.day);
    const db = formatDate(b.year, b.mention.month, b.mention.day);
    inconsistencies.push({
      type: 'inconsistency',
      kind: 'date',
      explanation: `Two dates are given for the same event (${a.subject} / ${a.verb}): ${da} and ${db}.`,
      spans: [span(text, a.mention.start, a.mention.end), span(text, b.mention.start, b.mention.end)],
    });
  }
  const datedTwice = new Set(datedPairs.map(([a, b]) => `${a.mention.start}:${b.mention.start}`));
  for (const [a, b, definite] of eventDateRestatements(eventDates, text)) {
    if (datedTwice.has(`${a.mention.start}:${b.mention.start}`)) continue;
    const event = b.pos === 'n' ? b.predicate : a.pos === 'n' ? a.predicate : a.predicate;
    const weekday = weekdayAgainstDate(text, a.mention, b.mention, event);
    if (weekday === 'agrees') continue;
    inconsistencies.push({
      type: 'inconsistency',
      kind: weekday ? 'weekday' : 'date',
      explanation:
        weekday ??
        (definite
          ? `${toldAsKnown(text, b)}, and the one the text dates near that day is on ${formatDate(a.mention.year, a.mention.month, a.mention.day)} ("${text.slice(a.mention.start, a.mention.end)}"): two dates for one event.`
          : `Both date the same event (${event}): ${formatDate(a.mention.year, a.mention.month, a.mention.day)} ("${text.slice(a.mention.start, a.mention.end)}") and ${formatDate(b.mention.year, b.mention.month, b.mention.day)} ("${text.slice(b.mention.start, b.mention.end)}").`),
      spans: [span(text, a.mention.start, a.mention.end), span(text, b.mention.start, b.mention.end)],
    });
  }
  const conflicts = findConflicts(quantities, text, otherKinds);
  const known = new Set(conflicts.map((c) => `${c.a.start}:${c.b.start}`));
  const proposeConflict = (c: Conflict) => inconsistencies.push({ type: 'inconsistency', kind: c.kind, explanation: c.explanation, spans: [span(text, c.a.start, c.a.end), span(text, c.b.start, c.b.end)] });
  for (const c of [...conflicts, ...findRestatements(quantities, text, known), ...impliedConflicts(quantities, text, ref.year), ...lengthConflicts(quantities, text, ref, known), ...voteSideConflicts(quantities, text)]) proposeConflict(c);
  // (a pair already proposed covers both of two ranges of text: the later passes do not propose it again)
  const covered = (ranges: ReadonlyArray<{ start: number; end: number }>) =>
    inconsistencies.some((x) => x.type === 'inconsistency' && x.spans.length === 2 && ranges.every((t) => x.spans.some((s) => s.start < t.end && t.start < s.end)));
  for (const c of seriesConflicts(text, ref.known ? ref.year : undefined)) {
    if (!covered(c.spans)) inconsistencies.push({ type: 'inconsistency', kind: 'ordinal', explanation: c.explanation, spans: c.spans });
  }
  for (const c of elidedConflicts(quantities, text)) if (!covered([c.a, c.b])) proposeConflict(c);
  // One deadline told twice (deadlines.ts).
  for (const [a, b, noun] of deadlinePairs(deadlines)) {
    if (covered([a.mention, b.mention])) continue;
    const day = (m: DateMention) => formatDate(m.year, m.month, m.day);
    inconsistencies.push({
      type: 'inconsistency',
      kind: 'date',
      explanation: `Both set the deadline for ${plural(noun)}: ${day(a.mention)} ("${text.slice(a.mention.start, a.mention.end)}") and ${day(b.mention)} ("${text.slice(b.mention.start, b.mention.end)}").`,
      spans: [span(text, a.mention.start, a.mention.end), span(text, b.mention.start, b.mention.end)],
    });
  }
  // Pairs the rules left, weighed on all their evidence at once (weighed.ts).
  for (const c of weighedConflicts(quantities, text, (a, b) => covered([a, b]))) proposeConflict(c);
  const keyed = inconsistencies.map((x) => [firstStart(x), x] as const);
  keyed.sort((a, b) => a[0] - b[0]);
  for (const [, x] of keyed) out.push(x);
  out.push(...annotations(text, finder, claims));
  return out;
}

/** The attributions a finder found, then the claims by score. */
function* annotations(text: string, finder: AttributionFinder, claims: Claim[]): Generator<Suggestion> {
  for (const a of finder.found) yield { type: 'attribution', source: a.source, cue: a.cue, span: span(text, a.start, a.end) };
  for (const c of rankClaims(claims)) yield { type: 'claim', score: c.score, span: span(text, c.start, c.end) };
}

function firstStart(s: Suggestion): number {
  if (s.type !== 'inconsistency') return s.span.start;
  let m = Infinity;
  for (const x of s.spans) if (x.start < m) m = x.start;
  return m;
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A stable key for a suggestion, so a rejected one can be remembered: its type, kind, span offsets
 * and a hash of the span texts. Explanations, scores and resolved source names are not part of it.
 */
export function suggestionKey(s: Suggestion): string {
  switch (s.type) {
    case 'inconsistency': {
      const spans = [...s.spans].sort((a, b) => a.start - b.start || a.end - b.end);
      return `inconsistency:${s.kind}:${spans.map((x) => `${x.start}-${x.end}`).join(',')}:${hash(spans.map((x) => x.text).join('\u0000'))}`;
    }
    case 'attribution':
      // (not the source: how a mention resolves may change with the known sources, the span does not)
      return `attribution:${s.span.start}-${s.span.end}:${hash(s.span.text)}`;
    case 'claim':
      return `claim:${s.span.start}-${s.span.end}:${hash(s.span.text)}`;
  }
}
