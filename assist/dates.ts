// Calendar dates (found by chrono-node): the publication date of the document (dateline, header
// lines), weekdays that do not match their dates, and two different publication dates.

// (English alone: the package's root loads every locale, three times the start-up)
import type { ParsedResult } from 'chrono-node';
import * as chrono from 'chrono-node/en';
import type { AssistDoc } from './document';
import { MONTHS, referentClass, WEEKDAYS } from './lexicon';
import type { Tok } from './nlp';
import { chunkBounds, frameOf, nounLemma, subjectBefore } from './referents';
import { has, isAuxiliary, isPronoun } from './tokens';

export interface DateMention {
  /** Span in the document, without a leading "on" / "since" ... */
  start: number;
  end: number;
  sentence: number;
  paragraph: number;
  year: number | null;
  month: number;
  day: number;
  weekday: number | null;
  hasTime: boolean;
  /** A candidate publication date: in a dateline ("CITY, 3 March 2025 - ...") or a header line of dates. */
  header: boolean;
}

/** A length opening what chrono read as a date: "for ten days", "for two weeks until". */
const LENGTH_FIRST = /^(?:for\s+)?(?:(?:about|around|some|nearly|almost|over|more than|less than|just over|just under)\s+)?(?:\d[\d.,]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a few|several|[\p{L}-]+teen)[\s-]+(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b(?:\s+(?:until|till|to|through)\s+)?/iu;
/** A month's name or a date in figures: what a written calendar date has. */
const WRITTEN_DAY = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b|\d{1,4}\s*[/.-]\s*\d{1,2}/i;
const LEADING = /^(?:(?:on|by|from|since|until|till|at|in|of|the|date|dated|published|updated|posted|before|after)\s*:?\s+)+/i;
const FIXED_REF = new Date(Date.UTC(2000, 0, 1, 12));

const CANDIDATE = new RegExp(
  `\\b(?:${[...MONTHS, ...WEEKDAYS, 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'].join('|')})\\b|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}/\\d{1,2}/\\d{2,4}`,
  'gi',
);

/** Stretches of a sentence around month and weekday names or numeric dates (chrono is given these, not the whole sentence). */
function candidateWindows(text: string): [number, number][] {
  const out: [number, number][] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    let a = Math.max(0, m.index - 24);
    let b = Math.min(text.length, m.index + m[0].length + 32);
    while (a > 0 && !/\s/.test(text[a - 1]!)) a--;
    while (b < text.length && !/\s/.test(text[b]!)) b++;
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  // A date with a day needs a digit near the month or weekday ("on Tuesday" alone is not parsed).
  return out.filter(([a, b]) => /\d/.test(text.slice(a, b)));
}

/** Every dated mention (day and month known) in the document, in order. */
export function collectDates(doc: AssistDoc): DateMention[] {
  const out: DateMention[] = [];
  for (const s of doc.sentences) {
    if (!doc.mayHaveDate(s.index)) continue;
    const text = doc.sentenceText(s.index);
    for (const [wa, wb] of candidateWindows(text)) {
      let results: ParsedResult[];
      try {
        results = chrono.strict.parse(text.slice(wa, wb), FIXED_REF);
      } catch {
        continue;
      }
      for (let r of results) {
        // ("ran for ten days until Sunday", "for nine years": a length, not a date chrono may count
        // from its reference day; what follows "until" is read on its own)
        const length = LENGTH_FIRST.exec(r.text);
        // ("ten days after 3 March" is 13 March, as chrono counts it: kept as read)
        const countedFrom = length !== null && !/^[\s,.;:]*$/.test(r.text.slice(length[0].length)) && !/(?:until|till|to|through)\s+$/i.test(length[0]);
        if (length && !countedFrom) {
          const rest = chrono.strict.parse(r.text.slice(length[0].length), FIXED_REF)[0];
          if (!rest) continue;
          r = Object.assign(Object.create(Object.getPrototypeOf(rest)) as ParsedResult, rest, { index: r.index + length[0].length + rest.index });
        }
        const c = r.start;
        if (!c.isCertain('day') || !c.isCertain('month')) continue;
        // ("two days before", "the day before": counted from no day the text gives, not a date)
        if (!WRITTEN_DAY.test(r.text)) continue;
        const month = c.get('month');
        const day = c.get('day');
        if (month === null || day === null) continue;
        // Numeric dates like 03/04/2025 are ambiguous between day-month and month-day orders.
        if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/.test(r.text) && month <= 12 && day <= 12 && month !== day) continue;
        let a = s.start + wa + r.index;
        let e = a + r.text.length;
        const lead = LEADING.exec(r.text);
        if (lead) a += lead[0].length;
        while (e > a && /[\s,.;:]/.test(doc.text[e - 1]!)) e--;
        if (e <= a) continue;
        const prev = out[out.length - 1];
        if (prev && prev.start < e && a < prev.end) continue;
        out.push({
          start: a,
          end: e,
          sentence: s.index,
          paragraph: s.paragraph,
          // (a year chrono counted from its reference day, "ten days after 3 March", is none the text gives)
          year: c.isCertain('year') && /\d{4}|['’]\d\d\b|\d[/.-]\d{1,2}[/.-]\d\d\b/.test(r.text) ? c.get('year') : null,
          month,
          day,
          weekday: c.isCertain('weekday') ? c.get('weekday') : null,
          hasTime: c.isCertain('hour'),
          header: false,
        });
      }
    }
  }
  markHeaders(doc, out);
  return out;
}

const HEADER_PARAGRAPHS = 8;
/** What may stand before a dateline's date: a place in capitals (and an agency), or a label. */
// (a city in capitals may be followed by its country in title case: "VESSIG, Serranova, Oct. 21, 2026")
const DATELINE_PLACE = /^[\p{Lu}][\p{Lu}\p{Lt}\s.'’&-]*(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30})?(?:\([^)]*\))?\s*,?\s*(?:\([^)]*\)\s*)?$/u;
const DATE_LABEL = /^\s*(?:date|dated|published|updated|posted|last updated|first published)?\s*(?:on)?\s*:?\s*$/i;

function markHeaders(doc: AssistDoc, dates: DateMention[]): void {
  const byParagraph = new Map<number, DateMention[]>();
  for (const d of dates) {
    if (d.paragraph >= HEADER_PARAGRAPHS) break;
    const list = byParagraph.get(d.paragraph) ?? [];
    list.push(d);
    byParagraph.set(d.paragraph, list);
  }
  for (const [p, list] of byParagraph) {
    const para = doc.paragraphs[p];
    if (!para) continue;
    const paraText = doc.text.slice(para.start, para.end);
    const letters = paraText.replace(/\s/g, '').length;
    let covered = 0;
    for (const d of list) covered += doc.text.slice(d.start, d.end).replace(/\s/g, '').length;
    // A line made (mostly) of dates: "2025-07-22 04:38:47", "date 2025-07-22 Tuesday, 02 January 2024 12:17 GMT".
    if (letters > 0 && covered / letters >= 0.6) {
      for (const d of list) d.header = true;
      continue;
    }
    // A dateline: "NORTHBRIDGE, Thursday 12 February 2026 - The city council ..."
    const d = list[0]!;
    const before = doc.text.slice(para.start, d.start);
    // (the agency may follow the date: "VESSIG, Serranova, Oct. 21, 2026 (Polaris) - An intercity train ...")
    const after = doc.text.slice(d.end, Math.min(para.end, d.end + 40));
    if (d.start - para.start <= 60 && (DATELINE_PLACE.test(before) || DATE_LABEL.test(before)) && (/^\s*(?:\([^)]{1,30}\)\s*)?[-–—:|]/.test(after) || d.end >= para.end)) d.header = true;
    // ("Apeldoorn, Gelderland; Tuesday 24 February 2026; Veluwe Sports & Council Desk", "Prague.
    // 14/05/2026. Vltava Politics Desk": a line of one date and capitalised names, no sentence)
    else if (list.length === 1 && titledLine(paraText.slice(0, d.start - para.start) + ' ' + paraText.slice(d.end - para.start))) d.header = true;
  }
}

/** Words a dateline's names may hold in lower case ("Ministry of Health", "Desk for Culture"). */
const NAME_SMALL_WORDS = new Set(['of', 'the', 'for', 'and', 'de', 'du', 'des', 'la', 'le', 'di', 'da', 'van', 'von', 'on', 'in']);
/** Capitalised names and separators only, a few of them: no lower-case word but a name's small words. */
function titledLine(rest: string): boolean {
  const words = rest.match(/[\p{L}][\p{L}'’.-]*/gu) ?? [];
  return words.length >= 1 && words.length <= 12 && words.every((w) => /^\p{Lu}/u.test(w) || NAME_SMALL_WORDS.has(w)) && !/[!?]/.test(rest);
}

function dayOfWeek(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export interface RefDate {
  year: number;
  month: number;
  day: number;
  /** False when nothing in or about the document gives its year: then `year` is today's, a guess. */
  known: boolean;
}

/** An ISO date (2025-07-22, or a full timestamp) as a reference date. */
function fromIso(iso: string | undefined): RefDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? { year, month, day, known: true } : null;
}

/**
 * The document's own date: its first header date, else its publication date from the file's
 * metadata, else the latest full date in it, else today (marked unknown: a yearless date is then
 * never checked against a year the article may not be from).
 */
export function referenceDate(dates: readonly DateMention[], published?: string): RefDate {
  const header = dates.find((d) => d.header && d.year !== null);
  if (header) return { year: header.year!, month: header.month, day: header.day, known: true };
  const meta = fromIso(published);
  if (meta) return meta;
  let best: RefDate | null = null;
  for (const d of dates) {
    if (d.year === null) continue;
    if (!best || d.year * 400 + d.month * 32 + d.day > best.year * 400 + best.month * 32 + best.day) best = { year: d.year, month: d.month, day: d.day, known: true };
  }
  if (best) return best;
  const now = new Date();
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate(), known: false };
}

export function formatDate(y: number | null, m: number, d: number): string {
  const month = MONTHS[m - 1] ?? String(m);
  return `${d} ${month[0]!.toUpperCase()}${month.slice(1)}${y !== null ? ` ${y}` : ''}`;
}

/** 'Monday' for 1 (0 is Sunday). */
export function weekdayName(w: number): string {
  const n = WEEKDAYS[w] ?? '';
  return n ? n[0]!.toUpperCase() + n.slice(1) : '';
}

export interface WeekdayMismatch {
  mention: DateMention;
  actual: number;
  year: number;
}

/** Dates whose weekday is not the one the calendar gives. A date without a year takes the year nearest the reference date. */
export function weekdayMismatches(dates: readonly DateMention[], ref: RefDate): WeekdayMismatch[] {
  const out: WeekdayMismatch[] = [];
  for (const d of dates) {
    if (d.weekday === null) continue;
    let year = d.year;
    if (year === null && !ref.known) continue;
    if (year === null) {
      // The year closest to the reference date; skip when the weekday fits either neighbour.
      const refT = Date.UTC(ref.year, ref.month - 1, ref.day);
      let bestY = ref.year;
      let bestDist = Infinity;
      for (const y of [ref.year - 1, ref.year, ref.year + 1]) {
        const dist = Math.abs(Date.UTC(y, d.month - 1, d.day) - refT);
        if (dist < bestDist) {
          bestDist = dist;
          bestY = y;
        }
      }
      year = bestY;
    }
    if (!isRealDate(year, d.month, d.day)) continue;
    const actual = dayOfWeek(year, d.month, d.day);
    if (actual !== d.weekday) out.push({ mention: d, actual, year });
  }
  return out;
}

export function weekdayExplanation(m: WeekdayMismatch): string {
  return `${formatDate(m.year, m.mention.month, m.mention.day)} was a ${weekdayName(m.actual)}, not a ${weekdayName(m.mention.weekday ?? 0)}.`;
}

/** Header dates that disagree about the day: groups of mentions by calendar date, when there is more than one. */
export function publicationConflicts(dates: readonly DateMention[]): DateMention[][] {
  const groups = new Map<string, DateMention[]>();
  for (const d of dates) {
    if (!d.header || d.year === null) continue;
    const key = `${d.year}-${d.month}-${d.day}`;
    const list = groups.get(key) ?? [];
    list.push(d);
    groups.set(key, list);
  }
  return groups.size > 1 ? [...groups.values()] : [];
}

/** A dated event: the date, and what happens on it (the governing verb and its subject). */
export interface DatedEvent {
  mention: DateMention;
  verb: string;
  subject: string;
  /** The year, given or taken from the reference date. */
  year: number;
}

/** Words that make a second date for the same verb a different occasion, not a contradiction. */
const OCCASION_WORDS = new Set(['next', 'previous', 'previously', 'last', 'another', 'again', 'second', 'first', 'third', 'earlier', 'later', 'until', 'postponed', 'delayed', 'moved', 'rescheduled', 'originally', 'initially', 'every', 'each']);

/** The event a date in a sentence dates: the clause's verb and subject, if both are known. */
export function datedEvent(toks: readonly Tok[], chunks: readonly number[], mention: DateMention, ref: RefDate): DatedEvent | null {
  if (mention.header) return null;
  const idx = toks.findIndex((t) => t.start >= mention.start);
  if (idx < 0) return null;
  if (toks.some((t) => OCCASION_WORDS.has(t.norm))) return null;
  const frame = frameOf(toks, chunks, idx);
  if (!frame.verb || frame.isSubject || frame.verb === 'be' || frame.verb === 'say' || frame.verbIdx < 0) return null;
  // The subject of the verb that governs the date ("construction of the bridge will start on ..."),
  // not of the clause's first verb ("the council said ...").
  let v = frame.verbIdx;
  while (v > 0 && (isAuxiliary(toks[v - 1]) || has(toks[v - 1], 'Adverb') || toks[v - 1]!.norm === 'to' || toks[v - 1]!.norm === 'not')) v--;
  const [cs] = chunkBounds(chunks, idx);
  const np = subjectBefore(toks, v, cs);
  if (!np || isPronoun(toks[np.head])) return null;
  return { mention, verb: frame.verb, subject: referentClass(nounLemma(toks[np.head]!)), year: mention.year ?? ref.year };
}

/** Pairs of dated events with the same verb and subject but different days. */
export function eventDateConflicts(events: readonly DatedEvent[]): [DatedEvent, DatedEvent][] {
  const out: [DatedEvent, DatedEvent][] = [];
  const byKey = new Map<string, DatedEvent>();
  for (const e of events) {
    const key = `${e.subject}|${e.verb}`;
    const prev = byKey.get(key);
    if (prev && prev.mention.sentence !== e.mention.sentence && (prev.year !== e.year || prev.mention.month !== e.mention.month || prev.mention.day !== e.mention.day)) {
      out.push([prev, e]);
    }
    if (!prev) byKey.set(key, e);
  }
  return out;
}

const WEEKDAY_ALONE = /\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s*,?\s*(?:\d|the\s+\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b))/g;
/** "docked last Friday": a weekday before the article's day. */
const WEEKDAY_LAST = /\b[Ll]ast\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s*,?\s*(?:\d|the\s+\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b))/g;
/** "Monday's certification", "the Saturday race": a weekday naming an event, not a date given with it. */
// (not one of many, "is a Saturday outing", "every Sunday morning"; nor "Last Saturday's", read below)
const WEEKDAY_NAMING = /(?:\bthe\s+|\b(?<!\b(?:[Aa]n?|[Ee]very|[Ee]ach|[Aa]ny|[Ll]ast)\s))(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s\s+|\s+(?=\p{Ll}))(?=\p{Ll})/gu;
/** Words that put a sentence in the future ("plans to", not a plan named as a thing). */
// ("due" as a schedule, "is due to meet", "due on Friday"; not a cause: "died ... due to complications")
export const FUTURE = /\b(?:will|shall|next|(?:is|are|was|were|be|now)\s+due|due\s+(?:on|in|by|for|at|next|this)|scheduled|expected|plans to|planned to|to be|is to|are to|would)\b/i;

/** Words that open a clause inside a sentence. */
const SUBORDINATOR = /\b(?:that|which|who|when|because|while|where|although|though|if|unless)\b/gi;

/**
 * Weekdays named alone ("met on Tuesday"), as the date they stand for in an article of date `ref`:
 * the last such day on or before it (the coming one in a sentence about the future). Used only to
 * date events, never as a checked date.
 */
export function weekdayDates(doc: AssistDoc, i: number, ref: RefDate): DateMention[] {
  const sentence = doc.sentences[i]!;
  const text = doc.sentenceText(i);
  if (!/day\b/.test(text)) return [];
  const out: DateMention[] = [];
  const found = [...text.matchAll(WEEKDAY_ALONE), ...text.matchAll(WEEKDAY_NAMING), ...text.matchAll(WEEKDAY_LAST)];
  if (found.length === 0) return out;
  const subordinators = [...text.matchAll(SUBORDINATOR)].map((x) => x.index);
  const refT = Date.UTC(ref.year, ref.month - 1, ref.day);
  const refW = new Date(refT).getUTCDay();
  for (const m of found) {
    const w = WEEKDAYS.indexOf(m[1]!.toLowerCase());
    // (the tense of the weekday's own clause: "At Tuesday's talks, the two leaders agreed that flights
    // will run ..." is a past Tuesday, whatever the clause after "that" says)
    const from = subordinators.filter((x) => x < m.index).at(-1) ?? 0;
    const to = subordinators.find((x) => x > m.index + m[0].length) ?? text.length;
    const future = FUTURE.test(text.slice(from, to));
    const back = (refW - w + 7) % 7;
    // ("docked in Bremerhaven last Friday": the one before the article's day, whatever the tense)
    const last = /^last\s/i.test(m[0]);
    const offset = last ? -(back === 0 ? 7 : back) : future ? (w - refW + 7) % 7 : -back;
    const t = new Date(refT + offset * 86_400_000);
    const start = sentence.start + m.index + m[0].lastIndexOf(m[1]!);
    out.push({
      start,
      end: start + m[1]!.length,
      sentence: i,
      paragraph: sentence.paragraph,
      year: t.getUTCFullYear(),
      month: t.getUTCMonth() + 1,
      day: t.getUTCDate(),
      weekday: w,
      hasTime: false,
      header: false,
    });
  }
  return out;
}
