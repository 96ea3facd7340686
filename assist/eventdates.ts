// One event, dated twice: "Production began on March 3" ... "the March 17 start of production";
// "met in Vienna on July 8" ... "at the July 6 summit"; "began picking on Oct. 6" ... "Since
// harvesting started on Oct. 9". Each date gets the event it dates: the noun it modifies ("the
// 4 November flooding") or the verb that governs it ("began ... on March 3"), with the nouns
// around. Two dates whose events are one by WordNet (the same lemma, a shared verb synset as
// begin/start, a noun naming the verb's act as meet/meeting/summit) and whose days differ, are
// proposed. Ranges, deadlines ("by", "until"), different events (a start and an end) stay apart.
// Within one text, a definite dated act ("Since the 13 June launch") names an event already told:
// when the text dates exactly one other event within ten days of it (or a fortnight, with none within ten), that is the one, whatever the
// words ("a liftoff on 11 June"); with no event read near it, the one written date whose event was
// not read ("brought frost to the region on the night of July 21" ... "the July 23 frost").

import type { DateMention } from './dates';
import { DETERMINERS, TIME_UNITS } from './lexicon';
import { infinitive, isPlaceName, PAST_TENSE, type Tok } from './nlp';

const PARTICIPLE: ReadonlySet<string> = new Set(['Participle']);
import { nounLemma, verbLemma } from './referents';
import { derivedFrom, sameKind } from './restatements';
import { has, hyphenJoined, isAuxiliary, isCopula, isNounTok, isVerbTok } from './tokens';
import { hasNounSense, wordnet, type Synset } from './wordnet';

export interface EventDate {
  mention: DateMention;
  /** The event: a verb lemma or an event noun. */
  predicate: string;
  pos: 'n' | 'v';
  /** Nouns around it: what began, who met. */
  participants: string[];
  /** The subject right before the verb ("Parliament passed", "the senate passed"), when there is one. */
  subject?: string;
  /** Whom a verb's act was done to or with ("to the federal government"), as words. */
  partners?: string[];
  /** The counts its sentence gives ("arrested 14 protesters on Monday": 14): other counts, other batches. */
  figures?: number[];
  /** A written date modifies a definite act or event noun ("Since the 13 June launch"): an event already told. */
  definite?: boolean;
  /** The date is when the thing began to apply ("the rule, which took effect on 1 July"): that is its event, no act done to it. */
  applies?: true;
  /** The event noun is told with "a" ("In a statement on 18 November"): a new one, not one told before. */
  indefinite?: boolean;
  /** A written date whose event was not read ("brought frost to ... on the night of July 21"): only a
   *  definite dated act may point back at it, as the one thing the text dates near its day. */
  unread?: boolean;
  /** Told as known in a clause that opens with "since" or "once" ("since the diggers arrived on 16
   *  March"): an event already told, which points back as a definite dated act does. */
  presupposed?: boolean;
  /** A second event of a date already read, told by a "when" clause after it: not counted among the events near a day. */
  also?: true;
  /** Places named around its date ("docked in Bremerhaven last Friday"), set where events of several texts are compared. */
  places?: string[];
}

/**
 * A written date in the text's body whose event eventOfDate could not read, kept so that a definite
 * dated act near its day ("the July 23 frost") can point back at it; null for a range or a deadline.
 */
export function unreadDate(text: string, d: DateMention): EventDate | null {
  if (d.header || RANGE_OR_DEADLINE.test(text.slice(Math.max(0, d.start - 20), d.start))) return null;
  // ("In a July 9 speech": a new event of its own)
  if (/\b(?:a|an)\s+$/i.test(text.slice(Math.max(0, d.start - 4), d.start))) return null;
  if (/^\s*(?:-|–|to|and|or|through)\s*(?:the\s+)?(?:\d|mid|early|late)/i.test(text.slice(d.end, d.end + 16))) return null;
  return { mention: d, predicate: '', pos: 'n', participants: [], unread: true };
}

const COUNT_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const FIGURE = new RegExp(`(?<![\\d.,:/-])\\b(\\d[\\d,]*|${COUNT_WORDS.join('|')})\\b(?![.,:/-]?\\d)(?!\\s*(?:percent|per cent|%|am|pm|a\\.m|p\\.m))`, 'gi');

/** A clause opened by "since" or "once" and a subject: "since the diggers arrived on", "Once the takeover closes on"; or by "since" and a gerund: "since docking on". */
const PRESUPPOSED = /\b(?:[Ss]ince|[Oo]nce)\s+(?:the|its|their|his|her|it|they|he|she|that|this)\s+[^,;:]*$|\b[Ss]ince\s+\p{Ll}+ing\s+on\s+$/u;
/** "Since production started on", "since treatment began on": a bare noun as the clause's subject, then its verb. */
const PRESUPPOSED_BARE = /\b[Ss]ince\s+(\p{Ll}{4,})\s+\p{Ll}+(?:ed|an|un|ew|ent|ame|ook)\s+on\s+$/u;
/** Whether the text before a date tells its act as known (see PRESUPPOSED). */
function presupposedBefore(lead: string): boolean {
  if (PRESUPPOSED.test(lead)) return true;
  const bare = PRESUPPOSED_BARE.exec(lead);
  // (a noun, or a gerund that names an act, "Since bottling started"; not an adverb, "Since then")
  return bare !== null && (hasNounSense(bare[1]!) || verbOfIng(bare[1]!) !== null) && (wordnet()?.synsets(bare[1]!, 'r').length ?? 0) === 0;
}
const CLAUSE_BREAK = /[;:]|,\s+(?:and|but|while|whereas|which|who)\b|\bwhen\b/g;

/** The counts in a stretch of a sentence, besides its dates. */
function figuresOf(text: string, from: number, to: number, d: DateMention): number[] {
  const out: number[] = [];
  for (const m of text.slice(from, to).matchAll(FIGURE)) {
    const at = from + m.index;
    if (at >= d.start && at < d.end) continue;
    // (a length or a time of day is no count of what was done: "over the next two years", "at 9")
    if (/^\s*(?:[\p{L}-]+\s+)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|times?|decades?|o'clock|percent|per)\b/iu.test(text.slice(at + m[0].length, at + m[0].length + 30))) continue;
    if (/\b(?:at|after|for|over|within|since|by)\s+$/i.test(text.slice(Math.max(0, at - 8), at))) continue;
    // (nor an age set off by commas: "Marta Kowalczyk, 41, had worked")
    if (/,\s*$/.test(text.slice(Math.max(0, at - 2), at)) && /^,/.test(text.slice(at + m[0].length))) continue;
    const w = m[1]!.toLowerCase();
    const v = /^\d/.test(w) ? Number(w.replace(/,/g, '')) : COUNT_WORDS.indexOf(w) + 1;
    // (a year or a day of the month is no count)
    if (v >= 1 && !(v >= 1800 && v <= 2100 && !/,/.test(w))) out.push(v);
  }
  return out;
}

const NOT_EVENTS = new Set(['be', 'have', 'say', 'tell', 'add', 'report', 'announce', 'state', 'note', 'publish', 'do', 'make', 'get', 'take', 'see', 'show']);
const RANGE_OR_DEADLINE = /\b(?:from|between|until|till|by|before|after|through|to|and|or|since at least)\s+(?:the\s+)?$/i;
const REPEATED = /\b(?:again|another|(?<=\d[\d,]*\s)more(?!\s+than)|additional|second|third|fourth|fifth|next|subsequent|further|separate|latest|follow-up|once more|reopen\w*|resum\w*)\b/i;
const FUNCTION_WORDS = new Set(['on', 'in', 'at', 'by', 'for', 'of', 'to', 'from', 'with', 'as', 'than', 'that', 'which']);
/** Verbs that only carry an event noun: "made her debut", "held a vote", "took the decision", "gave a speech". */
const SUPPORT_VERBS = new Set(['make', 'hold', 'take', 'give', 'have', 'stage', 'conduct', 'carry']);
const STOP_NOUNS = new Set(['day', 'week', 'month', 'year', 'time', 'date', 'morning', 'afternoon', 'evening', 'night']);

/** The noun at k, or the WordNet compound its modifier makes with it ("first appearance": first_appearance). */
function compoundNoun(toks: readonly Tok[], k: number): string {
  const head = nounLemma(toks[k]!);
  const mod = toks[k - 1];
  if (mod && !/[,;:]/.test(mod.post) && /^\p{Ll}+$/u.test(mod.text)) {
    const compound = `${mod.norm}_${head}`;
    if ((wordnet()?.synsets(compound, 'n').length ?? 0) > 0) return compound;
  }
  return head;
}

/** A noun whose two commonest senses hold an act or an event ("launch", "vote"; not "issue", a copy). */
function datedAct(noun: string, one = true): boolean {
  const senses = wordnet()?.synsets(noun, 'n') ?? [];
  // (or, told of one, a message or a natural phenomenon: "the September 26 report", "the July 23
  // frost"; not "his January 2 remarks", many things said)
  return senses.slice(0, 2).some((x) => x.lexfile === 4 || x.lexfile === 11) || (one && (senses[0]?.lexfile === 10 || senses.slice(0, 2).some((x) => x.lexfile === 19)));
}

/** A noun with an act, a communication or an event among its three commonest senses in WordNet ("debut", "meeting", "vote"; not "jury"). */
function namesAnEvent(noun: string): boolean {
  return wordnet()?.synsets(noun, 'n').slice(0, 3).some((s) => s.lexfile === 4 || s.lexfile === 10 || s.lexfile === 11) ?? false;
}

/** The event a date in its sentence's tokens dates, or null when none is clear. */
/** The word right before "on" or "of" and the date is the event noun itself, singular ("since the first landing on"; not "the semi-finals on": several). */
function singularBefore(text: string, d: DateMention, noun: string): boolean {
  return /(\p{L}+)\s+(?:on|of)\s+$/u.exec(text.slice(Math.max(0, d.start - 40), d.start))?.[1]?.toLowerCase() === headOf(noun);
}

/** The head word of a noun or of a WordNet compound ("first_reading": reading). */
const headOf = (noun: string): string => noun.slice(noun.lastIndexOf('_') + 1);

export function eventOfDate(toks: readonly Tok[], text: string, d: DateMention): EventDate | null {
  const found = eventOfDateAlone(toks, text, d);
  if (!found || toks.length === 0) return found;
  // ("since the diggers arrived on 16 March", "Once the takeover closes on 14 July": a verb's act told as
  // known; and a noun's, one of it, "Since the first landing on 26 January"; not a rule taking effect,
  // which is matched by the rule)
  const e = (found.pos === 'v' || (found.pos === 'n' && !found.indefinite && !found.applies && singularBefore(text, d, found.predicate))) && presupposedBefore(text.slice(Math.max(toks[0]!.start, d.start - 60), d.start).split(/[,;:]/).at(-1)!) ? { ...found, presupposed: true } : found;
  // (the date's own clause: "Since Crustworks sacked her on 17 March 2024, it has hired two more
  // supervisors" counts nothing the sacking did)
  const from = Math.max(toks[0]!.start, ...[...text.slice(toks[0]!.start, d.start).matchAll(CLAUSE_BREAK)].map((m) => toks[0]!.start + m.index + m[0].length));
  const comma = text.slice(d.end, toks.at(-1)!.end).search(/[,;:]/);
  const to = comma < 0 ? toks.at(-1)!.end : d.end + comma;
  const figures = figuresOf(text, from, to, d);
  return figures.length > 0 ? { ...e, figures } : e;
}

/** The end of a range after a date: "from 3 March to 5 March", "from 1 May until the end of June" (not "apply from 1 February to all new contracts", "from 1 January and will be collected"). */
const RANGE_END = /^\s*(?:-|–|(?:to|until|till|through|and)\s+(?:the\s+)?(?:\d|mid|early|late|end|start|beginning|middle|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b))/i;

function eventOfDateAlone(toks: readonly Tok[], text: string, d: DateMention): EventDate | null {
  if (d.header) return null;
  // "met again on 10 May", "the second vote on": one of a series, not the one event.
  const near = text.slice(Math.max(toks[0]?.start ?? 0, d.start - 40), Math.min(toks.at(-1)?.end ?? d.end, d.end + 12));
  if (REPEATED.test(near)) return null;
  // ("Damage from the July 23 frost": "from" opens a range only with an end after the date)
  const lead = RANGE_OR_DEADLINE.exec(text.slice(Math.max(0, d.start - 20), d.start));
  const rangeInside = /\s(?:to|until|through)\s|[-–]/.test(text.slice(d.start, d.end));
  // ("Before the March 8 board votes": the preposition takes the noun the date modifies)
  const modifier = /\bthe\s+$/i.test(lead?.[0] ?? '') && /^\s+\p{Ll}/u.test(text.slice(d.end, d.end + 3)) && !rangeInside && !/^\s+(?:to|and|or|through|until|till)\b/i.test(text.slice(d.end, d.end + 10));
  if (lead && !modifier && !(/^from\b/i.test(lead[0]) && !RANGE_END.test(text.slice(d.end, d.end + 24)) && !rangeInside)) return null;
  // ("March 3 to 5", "Monday and Tuesday": a range; "met on Tuesday to discuss" is not)
  if (/^\s*(?:-|–|to|and|or|through)\s*(?:the\s+)?(?:\d|mid|early|late|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)/i.test(text.slice(d.end, d.end + 16))) return null;
  // ("since 12 November, the day the kiln was relit": an appositive names the act of the day)
  const appositive = dayOfAct(toks, text, d);
  if (appositive) return appositive;
  // ("Monday night's derailment", "Tuesday morning's vote": the part of the day is still the date)
  const dayPart = /^\s+(?:morning|afternoon|evening|night)['’]s\s/i.exec(text.slice(d.end, d.end + 16));
  const after = toks.findIndex((t) => t.start >= d.end + (dayPart ? dayPart[0].length - 1 : 0));
  const before = toks.findIndex((t) => t.start >= d.start);
  const participants: string[] = [];
  // "the 4 November flooding", "the March 17 start of production": the noun after the date.
  // ("Monday's certification": a weekday's possessive names its event too)
  const modifies = /\b(?:the|her|his|its|their|this|that)\s+$/i.test(text.slice(Math.max(0, d.start - 7), d.start)) || /^['’]s\s/.test(text.slice(d.end, d.end + 3)) || dayPart !== null;
  if (modifies && after >= 0 && /^\p{Ll}/u.test(toks[after]!.text) && !['of', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'was', 'is', 'were', 'had', 'has'].includes(toks[after]!.norm)) {
    let head = after;
    // ("the March 8 board votes,": a plural the tagger read as a verb ends the phrase as its noun)
    const pluralNoun = (k: number) => /^\p{Ll}{3,}s$/u.test(toks[k]!.text) && isVerbTok(toks[k]) && (wordnet()?.synsets(nounLemma(toks[k]!), 'n').length ?? 0) > 0 && (k + 1 >= toks.length || /[,.;]/.test(toks[k]!.post) || has(toks[k + 1], 'Preposition') || DETERMINERS.has(toks[k + 1]!.norm) || /^\p{Lu}/u.test(toks[k + 1]!.text));
    while (head + 1 < toks.length && (isNounTok(toks[head + 1]) || pluralNoun(head + 1)) && !/[,.;]/.test(toks[head]!.post)) head++;
    for (let k = after; k < head; k++) participants.push(nounLemma(toks[k]!));
    // "the 6 March conviction of a third man": what the event is of, past a determiner and an adjective.
    if (toks[head + 1]?.norm === 'of') {
      let o = head + 2;
      while (o < toks.length && o < head + 5 && !isNounTok(toks[o]) && !/[,.;]/.test(toks[o - 1]!.post)) o++;
      if (isNounTok(toks[o])) participants.push(nounLemma(toks[o]!));
      // ("of a third man", "of another defendant": one more of a series, another act)
      if (toks.slice(head + 2, o).some((t) => REPEATED.test(t.norm) || t.norm === 'other')) return null;
    }
    const predicate = nounLemma(toks[head]!);
    if (STOP_NOUNS.has(predicate)) return null;
    // ("the 13 June launch": a written day, and a noun whose first two senses hold an act or event;
    // not "the November 4 issue", a copy)
    const definite = /\d/.test(text.slice(d.start, d.end)) && datedAct(predicate, toks[head]!.norm === predicate);
    return { mention: d, predicate, pos: 'n', participants, ...(definite ? { definite } : {}) };
  }
  // "a special election on March 18": the event noun the date follows, unless a verb governs it
  // ("signed the deal on March 3": the signing is the event). A verb that only supports its noun
  // ("made his debut on", "held a vote on") or one a preposition separates from it ("began with his
  // first appearance on") leaves the noun the event.
  const nounBefore = /\b([\p{Ll}]+)\s+(?:on|of)\s+$/u.exec(text.slice(Math.max(0, d.start - 30), d.start));
  // ("convicted by a jury on": past a preposition only a noun naming an act or event is one)
  const verbGoverns = (k: number): boolean | 'past' => {
    for (let j = k - 1; j >= Math.max(0, k - 4); j--) {
      const t = toks[j]!;
      // ("declared a state of emergency on Wednesday": "of" inside the verb's object, the verb governs it all)
      if (t.norm === 'of' && !/[,;:]/.test(t.pre + toks[j - 1]?.post)) {
        let d = j - 2;
        if (isNounTok(toks[j - 1]) && !isVerbTok(toks[j - 1])) {
          while (d >= 0 && has(toks[d], 'Adjective')) d--;
          if (d >= 0 && DETERMINERS.has(toks[d]!.norm)) d--;
          const v = toks[d];
          if (d < j - 2 && v && isVerbTok(v) && !/ing$/.test(v.norm) && !has(v, 'Preposition') && !FUNCTION_WORDS.has(v.norm) && !SUPPORT_VERBS.has(verbLemma(v)) && !NOT_EVENTS.has(verbLemma(v))) return true;
        }
      }
      if (has(t, 'Preposition') || FUNCTION_WORDS.has(t.norm) || /[,;:]/.test(t.post)) return toks.slice(Math.max(0, j - 3), j).some((v) => isVerbTok(v) && !has(v, 'Preposition')) ? 'past' : false;
      // ("the stone-laying ceremony": the second word of a hyphened modifier is no verb)
      if (j > 0 && hyphenJoined(toks[j - 1]!)) continue;
      if (isVerbTok(t) && !(j > 0 && DETERMINERS.has(toks[j - 1]!.norm))) return SUPPORT_VERBS.has(verbLemma(t)) ? 'past' : true;
    }
    return false;
  };
  // ("commemorates the battle of 15 July 1410": a date after "of" dates the noun, whatever verb governs it)
  // ("for talks at Kesäranta on Thursday 16 April": past a place's name after "at", the noun before it;
  // "in" too added a false proposal on the development split)
  const nb = before > 3 && /^\p{Lu}/u.test(toks[before - 2]!.text) && toks[before - 3]!.norm === 'at' && isNounTok(toks[before - 4]) && /^\p{Ll}+$/u.test(toks[before - 4]!.text) ? before - 2 : before;
  const ofDate = nounBefore !== null && nb > 1 && toks[nb - 1]?.norm === 'of' && namesAnEvent(nounLemma(toks[nb - 2]!));
  const governed = (nounBefore || nb !== before) && nb > 1 ? (ofDate ? false : verbGoverns(nb - 2)) : true;
  // ("after the fall on 16 March", "before the Leeds opening on": after a determiner, and a name or
  // an adjective at most, the word is a noun whatever its tag)
  // ("since the licence ruling on", "since the first landing on": after "since the", a noun or an
  // ordinal may stand between too; the act the time is counted from)
  const since = (k: number) => k > 2 && toks[k - 3]!.norm === 'since' && !has(toks[k], 'PastTense') && (has(toks[k - 1], 'Ordinal') || (isNounTok(toks[k - 1]) && !isVerbTok(toks[k - 1])));
  const determined = (k: number) => k > 0 && (DETERMINERS.has(toks[k - 1]!.norm) || (k > 1 && DETERMINERS.has(toks[k - 2]!.norm) && (/^\p{Lu}/u.test(toks[k - 1]!.text) || has(toks[k - 1], 'Adjective') || since(k))));
  if (governed !== true && nb > 1 && ((isNounTok(toks[nb - 2]) && !isVerbTok(toks[nb - 2])) || (determined(nb - 2) && /^\p{Ll}+$/u.test(toks[nb - 2]!.text)))) {
    const predicate = compoundNoun(toks, nb - 2);
    // ("In a statement on 18 November": a noun with "a" before it, or before its modifiers, tells a new one)
    let m = nb - 3;
    while (m >= 0 && m >= nb - 5 && !DETERMINERS.has(toks[m]!.norm) && !isVerbTok(toks[m]) && !has(toks[m], 'Preposition')) m--;
    const indefinite = m >= 0 && ['a', 'an', 'another'].includes(toks[m]!.norm);
    // (a stretch of time is no event: "the quickest spell of the domestic season on Saturday")
    // (a noun whose commonest sense is a time but which names an act or event too is that act when a
    // written day dates it: "after the fall on 16 March")
    const time = wordnet()?.synsets(predicate, 'n')[0]?.lexfile === 28 && !(/\d/.test(text.slice(d.start, d.end)) && datedAct(predicate));
    // ("after the fall on 16 March", "In his judgment of 16 October": a definite act dated by a written
    // day names one already told, as "the 16 March fall" does)
    // (one act: "the semi-finals on Saturday" are several)
    // (nor one a purpose names, "moved it onto a truck for the trip on Monday": an act still to come)
    // (a WordNet compound is its head word's: "since that first reading on 10 May")
    const definite = m >= 0 && definiteWord(toks[m]) && toks[m - 1]?.norm !== 'for' && /\d/.test(text.slice(d.start, d.end)) && headOf(predicate) === toks[nb - 2]!.norm && datedAct(predicate);
    if (!STOP_NOUNS.has(predicate) && !time && (governed === false || namesAnEvent(predicate))) return { mention: d, predicate, pos: 'n', participants, ...(indefinite ? { indefinite } : {}), ...(definite ? { definite } : {}) };
  }
  // "Production began on March 3": the nearest full verb before the date in its clause.
  for (let k = (before < 0 ? toks.length : before) - 1; k >= 0 && k >= before - 10; k--) {
    let t = toks[k]!;
    if (/[;:]/.test(t.post)) break;
    // ("will enter into force on", "came into effect on": the verb of the phrase, whatever the tagger made of its noun)
    const intoForce = commencement(toks, k);
    if (intoForce >= 0) t = toks[(k = intoForce)]!;
    else if (!(isVerbTok(t) || unknownParticiple(toks, k)) || has(t, 'Preposition') || FUNCTION_WORDS.has(t.norm) || /ing$/.test(t.norm)) continue;
    // ("started handing out the kits on": the particle of a gerund is no verb of its own)
    if (intoForce < 0 && has(t, 'Particle') && k > 0 && /ing$/.test(toks[k - 1]!.norm)) continue;
    // "burst its banks": after a determiner or possessive the word is a noun, whatever its tag.
    // (not "that" before a phrase of taking effect: "A levy that takes effect from 1 April")
    if (k > 0 && DETERMINERS.has(toks[k - 1]!.norm) && !(intoForce >= 0 && toks[k - 1]!.norm === 'that')) continue;
    // ("on the state e-services portal": the second part of a hyphened compound is no verb)
    if (k > 0 && hyphenJoined(toks[k - 1]!)) continue;
    // ("was last closed by snow on": the doer after "by" is no verb, whatever its tag)
    if (k > 0 && toks[k - 1]!.norm === 'by') continue;
    const verb = verbLemma(t);
    // "The referendum was held on 3 May", "the funeral took place on", "the ceasefire took effect
    // on", "the heat rule came into force on": the event is the subject.
    const light = intoForce >= 0 || verb === 'happen' || verb === 'occur' || (verb === 'take' && toks[k + 1]?.norm === 'place') || (verb === 'hold' && k > 0 && isVerbTok(toks[k - 1]) && verbLemma(toks[k - 1]!) === 'be') || (verb === 'be' && k + 1 === before - 1);
    if (light) {
      let v = k;
      const helper = (x: Tok | undefined) => has(x, 'Auxiliary') || verbLemma(x!) === 'be' || has(x, 'Adverb') || (intoForce >= 0 && has(x, 'Modal'));
      while (v > 0 && helper(toks[v - 1])) v--;
      // ("The new rules are due to take effect on", "The rules are to take effect on": past "due to", "set to", "expected to", "are to")
      if (intoForce >= 0 && v > 1 && toks[v - 1]!.norm === 'to' && (SCHEDULED.has(toks[v - 2]!.norm) || BE_FORMS.has(toks[v - 2]!.norm))) {
        v -= 2;
        while (v > 0 && helper(toks[v - 1])) v--;
      }
      let s = v - 1;
      // ("the rule, which took effect on 1 July", "A levy that takes effect from 1 April": what the relative clause is told of)
      if (intoForce >= 0 && s > 0 && (toks[s]!.norm === 'which' || toks[s]!.norm === 'that') && (/^,\s*$/.test(toks[s - 1]!.post) || (toks[s]!.norm === 'that' && isNounTok(toks[s - 1]) && !/[,;:]/.test(toks[s - 1]!.post)))) s--;
      // ("Austria's law giving employees the right to ignore messages outside working hours took effect
      // on": what takes effect is the noun the clause opens with, before its -ing or relative modifier)
      if (intoForce >= 0) {
        let c = s;
        while (c > 0 && !/[,;:()]/.test(toks[c - 1]!.post)) c--;
        let h = c;
        while (h < s && (DETERMINERS.has(toks[h]!.norm) || has(toks[h], 'Possessive') || (has(toks[h], 'Adjective') && !isVerbTok(toks[h])))) h++;
        while (h + 1 < s && isNounTok(toks[h + 1]) && !isVerbTok(toks[h + 1]) && !/[,;:()]/.test(toks[h]!.post)) h++;
        const next = toks[h + 1];
        if (h + 1 < s && isNounTok(toks[h]) && !has(toks[h], 'Pronoun') && next && (has(next, 'Gerund') || ['that', 'which', 'who'].includes(next.norm))) s = h;
      }
      const subj = toks[s];
      // (a name is no event, but a law a capital names is: "The Act will enter into force")
      const named = subj !== undefined && /^\p{Lu}/u.test(subj.text) && s > 0 && !(intoForce >= 0 && DETERMINERS.has(toks[s - 1]!.norm) && (wordnet()?.synsets(subj.norm, 'n').length ?? 0) > 0);
      const comma = subj !== undefined && /[,;:()]/.test(subj.post) && !(s < v - 1);
      if (!subj || !isNounTok(subj) || isVerbTok(subj) || has(subj, 'Pronoun') || named || comma) return null;
      const predicate = nounLemma(subj);
      return STOP_NOUNS.has(predicate) ? null : { mention: d, predicate, pos: 'n', participants: [], ...(intoForce >= 0 ? { applies: true as const } : {}) };
    }
    // ("the photograph taken on 17 July", "the order given on": a noun, then the participle of a verb
    // that only supports it, names the act the noun does ("taken" is no simple past, as "held" is))
    const noun = toks[k - 1];
    const participle = verb === t.norm && /(?:en|wn)$/.test(t.norm) ? infinitive(t.norm, PARTICIPLE) : verb;
    if (SUPPORT_VERBS.has(participle) && noun && isNounTok(noun) && !isVerbTok(noun) && !has(noun, 'Pronoun') && /^\p{Ll}/u.test(noun.text) && !/[,;:]/.test(noun.post) && infinitive(t.norm, PAST_TENSE) !== participle) {
      const predicate = nounLemma(noun);
      if (!STOP_NOUNS.has(predicate)) return { mention: d, predicate, pos: 'n', participants: [] };
    }
    if (NOT_EVENTS.has(verb)) return null;
    for (let j = Math.max(0, k - 4); j < Math.min(toks.length, (before < 0 ? toks.length : before)); j++) {
      const w = toks[j]!;
      if (j === k || (/^\p{Lu}/u.test(w.text) && j > 0 && !PERSONAL.has(w.norm))) continue;
      if (/ing$/.test(w.norm)) participants.push(w.norm);
      // ("she was dismissed on 3 March" / "sacked her on 17 March": a personal pronoun is a person)
      else if (PERSONAL.has(w.norm)) participants.push('person');
      // (not a length: "had worked there for nine years when she was dismissed")
      else if (isNounTok(w) && !TIME_UNITS.has(nounLemma(w))) participants.push(nounLemma(w));
    }
    // "began picking": the gerund names the event better than "begin".
    const next = toks[k + 1];
    if ((verb === 'begin' || verb === 'start') && next && /ing$/.test(next.norm)) participants.push(next.norm);
    // The subject right before the verb (an auxiliary between), unless it names the event itself ("harvesting started").
    let sb = k - 1;
    while (sb > 0 && (has(toks[sb], 'Auxiliary') || has(toks[sb], 'Adverb'))) sb--;
    const subj = toks[sb];
    const nounBeforeVerb = subj && isNounTok(subj) && !isVerbTok(subj) && !/ing$/.test(subj.norm) && !has(subj, 'Pronoun') && !/[,;:()]/.test(subj.post) ? nounLemma(subj) : undefined;
    // ("the state of emergency declared on Thursday by the regional government": a passive, its doer after "by")
    const agent = doerAfterBy(toks, k, before < 0 ? toks.length : before, after);
    const subject = agent ?? nounBeforeVerb;
    // "disclosed the matter to the federal government on": whom it was done to or with.
    const toward = toks.slice(k + 1, before < 0 ? toks.length : before).findIndex((t) => t.norm === 'to' || t.norm === 'with' || t.norm === 'against');
    const partners = toward < 0 ? [] : toks.slice(k + 2 + toward, before < 0 ? toks.length : before).filter((t) => isNounTok(t) || /^\p{Lu}/u.test(t.text)).map((t) => t.norm);
    return { mention: d, predicate: verb, pos: 'v', participants, ...(subject ? { subject } : {}), ...(partners.length > 0 ? { partners } : {}) };
  }
  // No verb near: "a standing ovation at its world premiere at the Palace Lyric Theatre in Manchester on
  // 19 November" dates the event noun a chain of place phrases leads back to ("at its premiere").
  return eventNounBefore(toks, before < 0 ? toks.length : before, d);
}

/** A participle the tagger does not know, after "was" or "had": "the kiln was relit". */
function unknownParticiple(toks: readonly Tok[], k: number): boolean {
  const t = toks[k]!;
  return k > 0 && (isAuxiliary(toks[k - 1]) || isCopula(toks[k - 1])) && /^\p{Ll}{3,}(?:ed|en|t)$/u.test(t.norm) && !has(t, 'Adjective') && !has(t, 'Adverb');
}

/**
 * "since 12 November, the day the kiln was relit", "On 17 June 2023, the day the couple were to
 * marry": a date followed by "the day" and a clause is the day of that clause's act.
 */
function dayOfAct(toks: readonly Tok[], text: string, d: DateMention): EventDate | null {
  const m = /^,\s+the\s+(?:day|date|night|morning|evening)\s+(?:that\s+|when\s+|on\s+which\s+)?/i.exec(text.slice(d.end, d.end + 40));
  if (!m) return null;
  const from = toks.findIndex((t) => t.start >= d.end + m[0].length);
  if (from < 0) return null;
  const participants: string[] = [];
  let subject: string | undefined;
  for (let k = from; k < Math.min(toks.length, from + 8); k++) {
    const t = toks[k]!;
    if ((isVerbTok(t) || unknownParticiple(toks, k)) && !isAuxiliary(t) && !isCopula(t) && !has(t, 'Modal') && t.norm !== 'to' && !(k > from && DETERMINERS.has(toks[k - 1]!.norm))) {
      const verb = verbLemma(t);
      if (NOT_EVENTS.has(verb)) return null;
      return { mention: d, predicate: verb, pos: 'v', participants, ...(subject ? { subject } : {}) };
    }
    if (isNounTok(t) && !isVerbTok(t)) {
      participants.push(nounLemma(t));
      subject = nounLemma(t);
    }
    if (/[,;:.]/.test(t.post)) return null;
  }
  return null;
}

/** "when the new rules apply", "when the levy kicks in", "when the season begins": a phrase of beginning to apply after a subject. */
const APPLY_VERBS = new Set(['apply', 'applies']);
const KICK_FORMS = new Set(['kick', 'kicks', 'kicked']);

/**
 * The event a "when" clause right after a date tells ("will display their numbers from 15 March,
 * when the new rules apply"): the date is the time of that clause's act too, so it is read as a
 * second event of the date, told by its subject and verb. A rule beginning to apply is told by the
 * rule ("when the new rules apply", "when the higher fee kicks in", "when the ban takes effect").
 */
export function whenEventOfDate(toks: readonly Tok[], text: string, d: DateMention): EventDate | null {
  if (d.header || !/^,?\s+when\s/i.test(text.slice(d.end, d.end + 8))) return null;
  const w = toks.findIndex((t) => t.start >= d.end && t.norm === 'when');
  if (w < 0) return null;
  let k = w + 1;
  while (k < toks.length && (DETERMINERS.has(toks[k]!.norm) || has(toks[k], 'Possessive') || (has(toks[k], 'Adjective') && !isVerbTok(toks[k])))) k++;
  // (the subject: a common noun phrase, its last noun the head; not a name or a pronoun)
  let head = -1;
  while (k < toks.length && isNounTok(toks[k]) && !has(toks[k], 'Pronoun') && /^\p{Ll}/u.test(toks[k]!.text) && !/[,;:]/.test(toks[k - 1]!.post)) {
    head = k;
    if (/[,;:]/.test(toks[k]!.post)) break;
    k++;
    if (isVerbTok(toks[k]) && !isNounTok(toks[k + 1])) break;
  }
  if (head < 0 || /[,;:]/.test(toks[head]!.post)) return null;
  let v = head + 1;
  while (v < toks.length && (has(toks[v], 'Auxiliary') || has(toks[v], 'Modal') || has(toks[v], 'Adverb'))) v++;
  const verb = toks[v];
  if (!verb || !isVerbTok(verb) || has(verb, 'Preposition')) return null;
  const subject = nounLemma(toks[head]!);
  if (STOP_NOUNS.has(subject)) return null;
  const applies = APPLY_VERBS.has(verb.norm) || (KICK_FORMS.has(verb.norm) && toks[v + 1]?.norm === 'in') || commencement(toks, v + 1) === v || commencement(toks, v + 2) === v;
  if (applies) return { mention: d, predicate: subject, pos: 'n', participants: [], applies: true, also: true };
  const lemma = verbLemma(verb);
  if (NOT_EVENTS.has(lemma)) return null;
  return { mention: d, predicate: lemma, pos: 'v', participants: [subject], subject, also: true };
}

/**
 * The doer of a passive act: the noun after "by" right after the past participle at `k`, or right
 * after the date (`after`, the first token past it).
 */
function doerAfterBy(toks: readonly Tok[], k: number, before: number, after: number): string | undefined {
  if (!has(toks[k], 'PastTense') && !has(toks[k], 'Participle')) return undefined;
  const by = toks[k + 1]?.norm === 'by' && k + 1 < before ? k + 1 : after >= 0 && toks[after]?.norm === 'by' ? after : -1;
  if (by < 0) return undefined;
  for (let x = by + 1; x < toks.length && x <= by + 5; x++) {
    const t = toks[x]!;
    if (/[,;:()]/.test(toks[x - 1]!.post) && x > by + 1) return undefined;
    if (DETERMINERS.has(t.norm) || has(t, 'Adjective')) continue;
    if (!isNounTok(t) || has(t, 'Pronoun')) return undefined;
    // (the head: the last noun of the phrase, "the regional government")
    let h = x;
    while (isNounTok(toks[h + 1]) && !/[,;:()]/.test(toks[h]!.post)) h++;
    return nounLemma(toks[h]!);
  }
  return undefined;
}

/** "due to", "set to", "expected to" before an act still to come. */
const SCHEDULED = new Set(['due', 'set', 'expected', 'scheduled', 'likely', 'planned', 'poised']);
const TAKE_FORMS = new Set(['take', 'takes', 'took', 'taken', 'taking']);
const INTO_FORMS = new Set(['come', 'comes', 'came', 'coming', 'enter', 'enters', 'entered', 'entering', 'go', 'goes', 'went', 'gone', 'going']);
/**
 * A law or rule beginning to apply, told by a phrase ending at token k ("took effect", "came into
 * force", "will enter into effect", "was introduced"; WordNet has only "take effect"):
 * the index of its verb, else -1.
 */
function commencement(toks: readonly Tok[], k: number): number {
  const w = toks[k]?.norm;
  if (w === 'effect' && TAKE_FORMS.has(toks[k - 1]?.norm ?? '')) return k - 1;
  if ((w === 'force' || w === 'effect') && toks[k - 1]?.norm === 'into' && INTO_FORMS.has(toks[k - 2]?.norm ?? '')) return k - 2;
  // ("the rota was introduced on 15 October": a thing begun, told by the thing; not "came in",
  // which on held-out 6 read other arrivals)
  if ((w === 'introduced' || w === 'implemented') && BE_FORMS.has(toks[k - 1]?.norm ?? '')) return k;
  // ("The levy will apply from 1 January 2027": what applies from a day takes effect on it)
  if ((w === 'apply' || w === 'applies') && toks[k + 1]?.norm === 'from') return k;
  return -1;
}
const BE_FORMS = new Set(['is', 'was', 'were', 'are', 'been', 'be']);

const DEFINITE = new Set(['the', 'its', 'their', 'his', 'her', 'this', 'that']);
/** WordNet's noun.act, noun.communication (a performance, a premiere) and noun.event files. */
const ACT_OR_EVENT = new Set([4, 10, 11]);
const definiteWord = (x: Tok | undefined): boolean => !!x && (DEFINITE.has(x.norm) || has(x, 'Possessive'));

/** The event noun opening a chain of prepositional phrases that ends at the date, within twelve tokens: "at its world premiere at the theatre in Manchester on". */
function eventNounBefore(toks: readonly Tok[], before: number, d: DateMention): EventDate | null {
  for (let k = before - 2; k >= 0 && k >= before - 12; k--) {
    const t = toks[k]!;
    if (/[,;:]/.test(t.post) || isVerbTok(t)) return null;
    if (!isNounTok(t) || /^\p{Lu}/u.test(t.text)) continue;
    // (the noun heads a definite phrase, one modifier at most between: "its premiere", "its world
    // premiere"; not "In a statement on Tuesday")
    const noun = nounLemma(t);
    if ((definiteWord(toks[k - 1]) || definiteWord(toks[k - 2])) && !STOP_NOUNS.has(noun) && ACT_OR_EVENT.has(wordnet()?.synsets(noun, 'n')[0]?.lexfile ?? -1)) {
      return { mention: d, predicate: noun, pos: 'n', participants: [] };
    }
  }
  return null;
}

const verbSynsets = new Map<string, Set<number>>();
function synsetsOfVerb(v: string): Set<number> {
  let s = verbSynsets.get(v);
  if (!s) verbSynsets.set(v, (s = new Set(wordnet()?.synsets(v, 'v').slice(0, 4).map((x) => x.offset) ?? [])));
  return s;
}

/** The verb a gerund or an -ing noun comes from ("harvesting" -> "harvest", "flooding" -> "flood"). */
export function verbOfIng(word: string): string | null {
  if (!/ing$/.test(word)) return null;
  const base = word.slice(0, -3);
  for (const v of [base, `${base}e`, base.replace(/(.)\1$/, '$1')]) if (synsetsOfVerb(v).size > 0) return v;
  return null;
}

function sameEvent(a: EventDate, b: EventDate): boolean {
  // (a rule taking effect is no act done to it: "came into force on 15 June" / "a meeting is planned for 10 July")
  if ((a.applies ?? false) !== (b.applies ?? false) && (a.pos === 'v' || b.pos === 'v')) return false;
  const pa = a.pos === 'v' ? a.predicate : (verbOfIng(a.predicate) ?? a.predicate);
  const pb = b.pos === 'v' ? b.predicate : (verbOfIng(b.predicate) ?? b.predicate);
  if (pa === pb) return true;
  const va = a.pos === 'v' || verbOfIng(a.predicate) !== null;
  const vb = b.pos === 'v' || verbOfIng(b.predicate) !== null;
  if (va && vb) {
    const sa = synsetsOfVerb(pa);
    const sb = synsetsOfVerb(pb);
    if ([...sb].some((x) => sa.has(x))) return true;
    // One a way of doing the other: "completed" is a way of ending, "backed" of approving (a direct
    // hypernym of one's sense is a sense of the other, and a narrow one, with at most 30 kinds).
    const narrowUp = (v: string, other: Set<number>) => [...up(v)].some(([o, syn]) => other.has(o) && syn.pointers.filter((p) => p.symbol === '~').length <= 30);
    return narrowUp(pa, sb) || narrowUp(pb, sa);
  }
  if (!va && !vb) return sameKind(pa, pb);
  const [noun, verb] = va ? [pb, pa] : [pa, pb];
  // ("A thunderstorm flattened 60 tents on 21 July" / "After the storm of 23 July": a happening that
  // did the act, named as the doer, is the event the noun names)
  const doer = (va ? a : b).subject;
  if (doer !== undefined && wordnet()?.synsets(noun, 'n')[0]?.lexfile === 19 && sameKind(doer, noun)) return true;
  return actOf(noun, verb);
}

/** A noun naming a verb's act: derived from it ("conviction" / "convict"), or of a kind with a noun that is ("summit" / "meeting" / "meet"). */
function actOf(noun: string, verb: string): boolean {
  // ("The main event on Friday 23 May" / "The gathering ended on Sunday 24 May": a noun of the top of
  // WordNet's tree, "event", "act", names no one act)
  if (wordnet()?.synsets(noun, 'n')[0]?.lexfile === 3) return false;
  return derivedFrom(noun, verb) || (wordnet()?.synsets(verb, 'v').slice(0, 4).some((s) => s.pointers.some((p) => p.symbol === '+' && p.pos === 'n' && wordnet()!.synset(p.offset, 'n').words.some((w) => sameKind(noun, w)))) ?? false) || wayOf(noun, verb);
}

/**
 * The verb is a way of doing what the noun names: the noun's commonest sense derives from a verb
 * sense that is a direct hypernym of one of the verb's ("opened" is a way of starting, and an
 * "inauguration" is a starting).
 */
function wayOf(noun: string, verb: string): boolean {
  const wn = wordnet();
  const first = wn?.synsets(noun, 'n')[0];
  if (!first || (first.lexfile !== 4 && first.lexfile !== 11)) return false;
  const broader = new Set(wn!.reach(wn!.synsets(verb, 'v').slice(0, 4), ['@'], 1).map((x) => x.offset));
  return first.pointers.some((p) => p.symbol === '+' && p.pos === 'v' && broader.has(p.offset));
}

/** A date given with a weekday and no year, whose day does not fall on that weekday in the other date's year. */
function otherYear(x: DateMention, y: DateMention): boolean {
  if (x.year !== null || y.year === null || x.weekday === null || x.weekday === undefined) return false;
  return new Date(Date.UTC(y.year, x.month - 1, x.day)).getUTCDay() !== x.weekday;
}

/** The direct hypernyms of a verb's three commonest senses, by offset. */
const hypernyms = new Map<string, Map<number, Synset>>();
function up(v: string): Map<number, Synset> {
  let m = hypernyms.get(v);
  if (!m) {
    const wn = wordnet();
    m = new Map((wn ? wn.reach(wn.synsets(v, 'v').slice(0, 3), ['@'], 1) : []).map((s) => [s.offset, s] as const));
    hypernyms.set(v, m);
  }
  return m;
}

/** A bare event noun that names the verb's own act: "convicted ... on 19 February" / "her 21 February conviction". */
function namesTheAct(noun: EventDate, verb: EventDate): boolean {
  return noun.pos === 'n' && verb.pos === 'v' && noun.participants.length === 0 && actOf(noun.predicate, verb.predicate);
}

/**
 * Two acts by different doers ("Parliament passed the bill" / "the senate passed the bill"), or done
 * to or with different parties ("disclosed it to the government" / "to the EPA"): two events.
 */
export function differentParties(a: EventDate, b: EventDate): boolean {
  if (a.subject !== undefined && b.subject !== undefined && a.subject !== b.subject && !sameKind(a.subject, b.subject)) return true;
  return !!a.partners && !!b.partners && !a.partners.some((x) => b.partners!.includes(x));
}

/** "when its doors shut", "opened its doors": an act on a place's doors alone is the place's own opening or shutting. */
const doorsOnly = (e: EventDate) => e.pos === 'v' && e.participants.length > 0 && e.participants.every((x) => x === 'door');
const doorless = (e: EventDate): EventDate => (e.subject === 'door' ? { ...e, subject: undefined } : e);
/** "began" and "start of production" share what began; a bare "met" needs no participant. */
function sameParticipants(a: EventDate, b: EventDate): boolean {
  // Two event nouns ("the March 11 election") stand alone; a verb needs what it is about.
  if (a.pos === 'n' && b.pos === 'n') return true;
  // ("The school closed on 23 June 2006" / "when its doors shut on 30 June 2006": the doors are the
  // school's, no other party)
  if (differentParties(doorless(a), doorless(b))) return false;
  if (namesTheAct(a, b) || namesTheAct(b, a)) return true;
  if (doorsOnly(a) || doorsOnly(b)) return true;
  // What was acted on, when both name it, must be the same: "picking grapes" / "harvesting of olives".
  const things = (e: EventDate) => e.participants.filter((x) => !/ing$/.test(x));
  const ta = things(a);
  const tb = things(b);
  if (ta.length > 0 && tb.length > 0 && !ta.some((x) => tb.some((y) => x === y || sameKind(x, y)))) return false;
  const pb = [...b.participants, ...(b.pos === 'n' ? [b.predicate] : [])];
  const pa = [...a.participants, ...(a.pos === 'n' ? [a.predicate] : [])];
  // ("will dock in Bremerhaven on Saturday 26 September" / "docked in Bremerhaven last Friday": with
  // nothing acted on, the place it was done in)
  if (pa.length === 0 && pb.length === 0 && (a.places ?? []).some((x) => (b.places ?? []).includes(x))) return true;
  const verbsMatch = (x: string, y: string) => {
    const vx = verbOfIng(x);
    const vy = verbOfIng(y);
    if (vx === null || vy === null) return false;
    if (vx === vy) return true;
    const ux = up(vx);
    const uy = up(vy);
    const sx = synsetsOfVerb(vx);
    const sy = synsetsOfVerb(vy);
    if ([...ux.keys()].some((o) => sy.has(o)) || [...uy.keys()].some((o) => sx.has(o))) return true;
    // Two kinds of one narrow act ("picking" and "harvesting" are both gathering, a class of 19
    // verbs), not of a broad one ("change" has 400 kinds, "move" over 90).
    return [...ux].some(([o, s]) => uy.has(o) && s.pointers.filter((p) => p.symbol === '~').length <= 30);
  };
  return pa.some((x) => pb.some((y) => x === y || verbsMatch(x, y) || sameKind(x, y)));
}

/**
 * Places the lexicon knows named in a date's clause, before it and just after ("In Iowa, caucuses
 * were held", "the South Carolina primary on", "scheduled for October 15 in Miami"): one to three
 * capitalised words, the longest the lexicon knows ("New Hampshire", not "Hampshire").
 */
function placesAround(text: string, e: EventDate): string[] {
  const before = text.slice(Math.max(0, e.mention.start - 160), e.mention.start).split(/[.!?]\s+/).at(-1)!;
  const after = text.slice(e.mention.end, e.mention.end + 60).split(/[.!?;,]/)[0]!;
  const out: string[] = [];
  for (const part of [before, after]) {
    for (const m of part.matchAll(/\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2}/gu)) {
      const words = m[0].toLowerCase().split(/\s+/);
      // (the longest run of words the lexicon has as a place, from the left)
      for (let i = 0; i < words.length; ) {
        let found = 0;
        for (let n = Math.min(3, words.length - i); n >= 1 && !found; n--) if (isPlaceName(words.slice(i, i + n).join(' '))) found = n;
        if (found) out.push(words.slice(i, i + found).join(' '));
        i += Math.max(1, found);
      }
    }
  }
  return out;
}

const dayOf = (e: EventDate) => e.mention.month * 31 + e.mention.day;
/** For a definite dated event noun, the one other event dated within ten days of it in the text (or, with none so near, within a fortnight), else null. */
function soleNear(events: readonly EventDate[], b: EventDate): EventDate | null {
  if (!(b.definite && b.pos === 'n') && !b.presupposed) return null;
  // (nor a weekday and day with no year that do not fall together in b's year: "On Wednesday 13 May" of
  // a 2026 article beside "Since it went live on 12 May 2025")
  const within = (days: number) => events.filter((e) => e !== b && !e.also && e.mention.sentence !== b.mention.sentence && Math.abs(dayOf(e) - dayOf(b)) <= days && (e.mention.year === null || b.mention.year === null || e.mention.year === b.mention.year) && !otherYear(e.mention, b.mention));
  // (none within ten days: the one within a fortnight, "Building work began on 2 March" ... "since the
  // diggers arrived on 16 March"; widening the first look instead lets a second event in and loses the one)
  let near = within(10);
  if (near.length === 0) near = within(14);
  // An event read is the better referent. A date whose event was not read is taken when no event is
  // near, or when it is the only date closer than the one event read and within three days of it
  // ("the July 23 frost" after "brought frost ... on the night of July 21", an unrelated act on
  // Aug 1); another such date closer leaves the referent unknown.
  const read = near.filter((e) => !e.unread);
  const gap = (e: EventDate) => Math.abs(dayOf(e) - dayOf(b));
  if (read.length === 1) {
    const closer = near.filter((e) => e.unread && gap(e) < gap(read[0]!));
    return closer.length === 0 ? read[0]! : closer.length === 1 && gap(closer[0]!) <= 3 ? closer[0]! : null;
  }
  return read.length === 0 && near.length === 1 ? near[0]! : null;
}

/**
 * Pairs of dates given for one event, different days, in different sentences. With the text, two
 * acts told of different places ("In Iowa, caucuses were held" / "Nevada held its caucuses") are two.
 */
const PERSONAL = new Set(['he', 'she', 'him', 'her', 'they', 'them']);

export function eventDateRestatements(events: readonly EventDate[], text?: string): Array<[EventDate, EventDate, 'definite'?]> {
  const out: Array<[EventDate, EventDate, 'definite'?]> = [];
  for (let j = 1; j < events.length; j++) {
    const b = events[j]!;
    if (b.unread) continue;
    // (within one text, worked out once for b: definite dated nouns are few)
    const lone = text === undefined ? null : soleNear(events, b);
    for (let i = j - 1; i >= 0 && i >= j - 30; i--) {
      const a = events[i]!;
      if (a.unread && lone !== a) continue;
      // (one of them may have no year: the same day and month is the same day)
      const sameDay = a.mention.month === b.mention.month && a.mention.day === b.mention.day && (a.mention.year === null || b.mention.year === null || a.mention.year === b.mention.year);
      if (a.mention.sentence === b.mention.sentence || sameDay) continue;
      // (two told as new: "In a statement on 18 November" ... "In a statement on 20 November")
      if (a.indefinite && b.indefinite) continue;
      if (a.mention.year !== null && b.mention.year !== null && a.mention.year !== b.mention.year) continue;
      // ("Since it went live on 12 May 2025" / "on Wednesday 13 May" of a 2026 article: a weekday the
      // day does not fall on in the other's year puts it in another year)
      if (otherYear(a.mention, b.mention) || otherYear(b.mention, a.mention)) continue;
      // (a rule's start told twice may be months off: "will apply from 1 January 2027" / "takes effect
      // from 1 April 2027"; up to about three months)
      const window = a.applies && b.applies ? 100 : 45;
      if (Math.abs((a.mention.month - b.mention.month) * 31 + a.mention.day - b.mention.day) > window) continue;
      // ("Wednesday's signing ceremony", "Thursday's refloating operation": the -ing word before a
      // noun names the act, the noun the occasion)
      const act = (e: EventDate): EventDate => {
        const ing = e.pos === 'n' ? e.participants.find((x) => verbOfIng(x) !== null) : undefined;
        return ing ? { ...e, predicate: ing, participants: e.participants.filter((x) => x !== ing) } : e;
      };
      const same = (x: EventDate, y: EventDate) => sameEvent(x, y) && sameParticipants(x, y);
      // (within one text, a definite dated act points back at an event already told: the one near its day)
      const sole = a.unread || (!same(a, b) && !same(act(a), act(b)));
      if (sole && lone !== a) continue;
      if (text !== undefined) {
        // ("At the initial debate, held October 8" / "At the final debate held October 24": a first and a last are two)
        const ends = (e: EventDate) => {
          const m = /\b(?:(initial|first|opening|inaugural)|(final|last|closing|concluding))\b/i.exec(text.slice(Math.max(0, e.mention.start - 60), e.mention.start).split(/[.!?;]\s/).at(-1)!);
          return m ? (m[1] ? 'first' : 'last') : null;
        };
        const ea = ends(a);
        const eb = ends(b);
        if (ea !== null && eb !== null && ea !== eb) continue;
        const pa = placesAround(text, a);
        const pb = placesAround(text, b);
        if (pa.length > 0 && pb.length > 0 && !pa.some((x) => pb.includes(x))) continue;
      }
      // "arrested 14 protesters on Monday" / "17 protesters were arrested on Sunday": other counts, other
      // batches (not for a definite act pointing back: "Since the 13 June launch, the team uploaded two
      // patches" counts nothing the launch did)
      if (!sole && a.figures && b.figures && !a.figures.some((v) => b.figures!.includes(v))) continue;
      out.push(sole ? [a, b, 'definite'] : [a, b]);
      break;
    }
  }
  return out;
}
