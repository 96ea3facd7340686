import { lexiconTags } from './nlp';
import { wordnet } from './wordnet';

// What a document names before a pronoun or a short form points back: people (with a gender from
// the first name, when the lexicon knows it), and acronyms spelt out once ("Authority for Consumers
// and Markets (ACM)"). One linear pass over the text, outside quotations.

export type Gender = 'f' | 'm' | null;

interface PersonMention {
  start: number;
  name: string;
  gender: Gender;
}

// (a title before the first name is no part of it: "Dr Ruth Okafor", "Cllr Tom Ashworth")
const NAME_RUN = /\b(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Lord|Lady|Cllr|Councillor|Rev|Revd|Fr|Judge|Justice)\.?\s+)?(\p{Lu}[\p{Ll}'’-]+)((?:\s+(?:van|von|de|der|den|da|di|le|la|du|al|el|bin|ibn)?\s*\p{Lu}[\p{L}'’-]+){1,2})/gu;
const SPELT_OUT = /\b(\p{Lu}[\p{L}'’-]*(?:\s+(?:of|for|and|the|on|in|to|&|\p{Lu}[\p{L}'’-]*)){1,8})\s+\((\p{Lu}[\p{Lu}\p{N}&]{1,9})\)/gu;

function genderOf(first: string): Gender | 'unknown' | 'not a name' {
  // ("Lucía", "Zoë": the lexicon writes its names without accents)
  const lower = first.toLowerCase();
  const plain = lower.normalize('NFD').replace(/\p{M}/gu, '');
  const asWritten = lexiconTags(lower);
  const tags = asWritten.length === 0 && plain !== lower ? lexiconTags(plain) : asWritten;
  if (tags.includes('FemaleName')) return 'f';
  if (tags.includes('MaleName')) return 'm';
  if (tags.includes('FirstName')) return null;
  return tags.length === 0 ? 'unknown' : 'not a name';
}

/** Stretches inside quotation marks: names there are quoted, not the speaker. */
function quoted(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /“[^”]*”|"[^"\n]*"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** A noun whose commonest two senses are kinds of person (WordNet 7846): "driver", "owner", "coach". */
export function personNoun(word: string): boolean {
  const wn = wordnet();
  if (!wn) return false;
  const senses = wn.synsets(word, 'n').slice(0, 2);
  return senses.length > 0 && wn.reach(senses, ['@', '@i'], 8).some((s) => s.offset === 7846);
}

/** A word WordNet knows as a common noun ("council", "paper"): not a surname here. */
function isCommonNoun(word: string): boolean {
  return (wordnet()?.synsets(word.toLowerCase(), 'n').length ?? 0) > 0;
}

// ("Hartwell & Crane": an ampersand joins the words of one name)
// (and a firm's abbreviation keeps its point: "Saltmarsh Brewing Co.")
// (one line: a name does not run on past a line break)
const ORG_RUN = /(?<![\p{L}’'])(\p{Lu}[\p{L}&-]+(?:[^\S\n]+(?:&[^\S\n]+)?\p{Lu}[\p{L}&-]+){1,2}(?:(?<=\b(?:Co|Inc|Ltd|Corp|Bros|Plc))\.)?)(?![\p{L}])/gu;
const DATE_WORD = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/** A line near the top of a text that dates it: few words, a year, no sentence ending in a full stop. */
function datelineAt(text: string, at: number): boolean {
  if (at > 600) return false;
  const from = text.lastIndexOf('\n', at) + 1;
  const to = text.indexOf('\n', at);
  const line = text.slice(from, to < 0 ? text.length : to).trim();
  return line.split(/\s+/).length <= 14 && /\b(?:19|20)\d\d\b/.test(line) && !/[.!?]["”’]?$/.test(line);
}

export class Mentions {
  private readonly persons: PersonMention[] = [];
  readonly acronyms = new Map<string, string>();
  private readonly surnames = new Map<string, string>();

  private readonly quotes: Array<[number, number]>;

  /** Whether offset `at` lies inside a quotation. */
  inQuote(at: number): boolean {
    let lo = 0;
    let hi = this.quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.quotes[mid]!;
      if (at <= a) hi = mid - 1;
      else if (at >= b) lo = mid + 1;
      else return true;
    }
    return false;
  }

  constructor(private readonly text: string) {
    const quotes = (this.quotes = quoted(text));
    const inQuote = (at: number) => quotes.some(([a, b]) => at > a && at < b);
    const full = new Map<string, PersonMention>();
    for (const m of text.matchAll(NAME_RUN)) {
      if (inQuote(m.index)) continue;
      // The run as a name, else (a capitalised role before it: "Owner Dana Whitcomb", "Coach Ana
      // Silva") the run from its second word.
      const words = m[2]!.trim().split(/\s+/);
      const at1 = m.index + m[0].indexOf(m[1]!);
      const tries: Array<[string, string, number]> = [[m[1]!, words.join(' '), at1]];
      // (only past a common noun, and onto a first name the lexicon knows: not "The Tewkesbury Civic")
      // (or, before a first name it does not know, a noun WordNet has for a person: "Driver Anni Mäkelä")
      const roleFirst = words.length >= 2 && isCommonNoun(m[1]!) && lexiconTags(m[1]!.toLowerCase()).every((t) => t !== 'Determiner') && (['f', 'm'].includes(String(genderOf(words[0]!))) || (genderOf(words[0]!) === 'unknown' && personNoun(m[1]!.toLowerCase())));
      if (roleFirst) tries.push([words[0]!, words.slice(1).join(' '), m.index + m[0].indexOf(words[0]!, at1 - m.index + m[1]!.length)]);
      let mention: PersonMention | null = null;
      for (const [first, rest, start] of tries) {
        const g0 = genderOf(first);
        const name = `${first} ${rest}`;
        // A first name the lexicon does not know ("Signe Dahlgaard", "Einar Thorvaldsson") is a
        // person's when the surname is no common word either ("Pohjola Paper" is not).
        const last = name.split(' ').at(-1)!;
        const g = g0 === 'unknown' && lexiconTags(last.toLowerCase()).length === 0 && !/[’']s$/.test(last) && !isCommonNoun(last) ? null : g0;
        if (g === 'not a name' || g === 'unknown') continue;
        mention = { start, name, gender: g };
        break;
      }
      if (!mention) continue;
      const name = mention.name;
      this.persons.push(mention);
      const surname = name.split(' ').at(-1)!;
      // (the first named, unless a later one has a first name the lexicon knows: "Chocolaterie Marchal"
      // is no person's name beside "Hélène Marchal")
      const before = full.get(surname);
      if (!before || (before.gender === null && mention.gender !== null)) full.set(surname, mention);
    }
    for (const [surname, person] of full) this.surnames.set(surname, person.name);
    // A surname alone, later: the person named in full before.
    for (const [surname, person] of full) {
      const re = new RegExp(`\\b${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gu');
      for (const m of text.matchAll(re)) {
        if (m.index > person.start + person.name.length && !inQuote(m.index)) this.persons.push({ start: m.index, name: person.name, gender: person.gender });
      }
    }
    this.persons.sort((a, b) => a.start - b.start);
    for (const m of text.matchAll(SPELT_OUT)) if (!this.acronyms.has(m[2]!)) this.acronyms.set(m[2]!, m[1]!);
  }

  /**
   * The organisation a document is about, for "the company said" when no organisation was quoted by
   * name: the multi-word name (not a person's, not a place, not opening a sentence) given most often
   * before `at`.
   */
  organisationBefore(at: number): string | null {
    // Counted incrementally: attributions ask in document order.
    if (at < this.orgAt) {
      this.orgAt = 0;
      this.orgCounts.clear();
      this.orgRe.lastIndex = 0;
      this.orgPending = null;
    }
    if (!this.personNames) this.personNames = new Set(this.persons.map((p) => p.name));
    for (;;) {
      const m = this.orgPending ?? this.orgRe.exec(this.text);
      if (!m || m.index >= at) {
        this.orgPending = m;
        break;
      }
      this.orgPending = null;
      const name = m[1]!;
      const lead = this.text.slice(Math.max(0, m.index - 2), m.index);
      // (a run opening a sentence may be any capitalised words; one joined by "&" is a firm's name)
      if (((m.index === 0 || /[.!?"“]\s*$|\n\s*$/.test(lead)) && !name.includes('&')) || this.personNames.has(name) || DATE_WORD.test(name)) continue;
      // (a section head in capitals, "BREWING & PUB TRADE", or a byline's title, "By Laura Penhallow,
      // Retail Correspondent", names no organisation)
      const line = this.text.slice(this.text.lastIndexOf('\n', m.index) + 1, m.index);
      if (name === name.toUpperCase() || /^\s*By\s/.test(line)) continue;
      // (nor does the publisher a dateline names, "AVEIRO, Portugal — 2 September 2025 — Iberian News
      // Agency": a short line with a year and no full stop, near the top)
      if (datelineAt(this.text, m.index)) continue;
      // (a determiner opening a sentence after a dateline is no part of it: "AMSTERDAM (Wire) - An
      // Amsterdam court", "- An Anatolia Air passenger jet")
      const bare = name.replace(/^(?:The|A|An|This|That|Its|Their|His|Her)\s+/, '');
      if (bare !== name) {
        if (!/\s/.test(bare) || lexiconTags(bare.toLowerCase()).some((t) => t === 'Place' || t === 'Country' || t === 'City')) continue;
        this.orgCounts.set(bare, (this.orgCounts.get(bare) ?? 0) + 1);
        continue;
      }
      if (lexiconTags(name.split(/\s+/)[0]!.toLowerCase()).some((t) => t === 'Place' || t === 'Country' || t === 'City')) continue;
      // (a named place or thing WordNet lists as an instance, "Red Sea", is no organisation here)
      if (wordnet()?.synsets(name.toLowerCase(), 'n').some((x) => x.pointers.some((p) => p.symbol === '@i')) ?? false) continue;
      this.orgCounts.set(name, (this.orgCounts.get(name) ?? 0) + 1);
    }
    this.orgAt = at;
    let best: string | null = null;
    let n = 0;
    for (const [name, c] of this.orgCounts) if (c > n) [best, n] = [name, c];
    return best;
  }

  /** "the companies said": the two organisations named most before `at`, in the order first named, or null. */
  organisationsBefore(at: number): [string, string] | null {
    if (this.organisationBefore(at) === null) return null;
    const top = [...this.orgCounts].map(([name, c], i) => ({ name, c, i })).sort((x, y) => y.c - x.c || x.i - y.i).slice(0, 2);
    if (top.length < 2) return null;
    top.sort((x, y) => x.i - y.i);
    return [top[0]!.name, top[1]!.name];
  }
  private readonly orgRe = new RegExp(ORG_RUN.source, 'gu');
  private orgAt = 0;
  private orgPending: RegExpExecArray | null = null;
  private readonly orgCounts = new Map<string, number>();
  private personNames: Set<string> | null = null;

  /** The gender a person's first name tells, if the document named them. */
  genderOfName(name: string): Gender {
    return this.persons.find((p) => p.name === name)?.gender ?? null;
  }

  /** The full name of a person named before, from a surname alone ("Dahlgaard" -> "Signe Dahlgaard"). */
  fullName(name: string): string | null {
    if (name.includes(' ')) return null;
    return this.surnames.get(name) ?? null;
  }

  /** The person a pronoun at `at` most likely means: the last one named since `from`, of its gender when known. */
  personBefore(at: number, gender: Gender, from: number, opts: { strict?: boolean } = {}): string | null {
    let fallback: string | null = null;
    for (let x = this.persons.length - 1; x >= 0; x--) {
      const p = this.persons[x]!;
      if (p.start >= at) continue;
      if (p.start < from) break;
      if (gender === null || p.gender === gender) return p.name;
      if (p.gender === null && fallback === null) fallback = p.name;
    }
    return opts.strict ? null : fallback;
  }
}
