import { lexiconTags } from './nlp';

// What a document names before a pronoun or a short form points back: people (with a gender from
// the first name, when the lexicon knows it), and acronyms spelt out once ("Authority for Consumers
// and Markets (ACM)"). One linear pass over the text, outside quotations.

export type Gender = 'f' | 'm' | null;

interface PersonMention {
  start: number;
  name: string;
  gender: Gender;
}

const NAME_RUN = /\b(\p{Lu}[\p{Ll}'’-]+)((?:\s+(?:van|von|de|der|den|da|di|le|la|du|al|el|bin|ibn)?\s*\p{Lu}[\p{L}'’-]+){1,2})/gu;
const SPELT_OUT = /\b(\p{Lu}[\p{L}'’-]*(?:\s+(?:of|for|and|the|on|in|to|&|\p{Lu}[\p{L}'’-]*)){1,8})\s+\((\p{Lu}[\p{Lu}\p{N}&]{1,9})\)/gu;

function genderOf(first: string): Gender | 'unknown' | 'not a name' {
  const tags = lexiconTags(first.toLowerCase());
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

export class Mentions {
  private readonly persons: PersonMention[] = [];
  readonly acronyms = new Map<string, string>();

  constructor(text: string) {
    const quotes = quoted(text);
    const inQuote = (at: number) => quotes.some(([a, b]) => at > a && at < b);
    const full = new Map<string, PersonMention>();
    for (const m of text.matchAll(NAME_RUN)) {
      const g = genderOf(m[1]!);
      if (g === 'not a name' || g === 'unknown' || inQuote(m.index)) continue;
      const name = `${m[1]}${m[2]!.replace(/\s+/g, ' ')}`;
      const mention = { start: m.index, name, gender: g };
      this.persons.push(mention);
      const surname = name.split(' ').at(-1)!;
      if (!full.has(surname)) full.set(surname, mention);
    }
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

  /** The person a pronoun at `at` most likely means: the last one named since `from`, of its gender when known. */
  personBefore(at: number, gender: Gender, from: number): string | null {
    let fallback: string | null = null;
    for (let x = this.persons.length - 1; x >= 0; x--) {
      const p = this.persons[x]!;
      if (p.start >= at) continue;
      if (p.start < from) break;
      if (gender === null || p.gender === gender) return p.name;
      if (p.gender === null && fallback === null) fallback = p.name;
    }
    return fallback;
  }
}
