// The one place that talks to compromise. Everything else in the assistant sees plain tokens with
// absolute offsets into the document text and a set of part-of-speech tags.
//
// Speed: compromise's full pipeline costs ~6 s per MB of text; its own tokenizer alone ~0.6 s.
// So the assistant tokenizes itself (white space, punctuation, hyphens: offsets exact by
// construction), hands compromise the terms, and runs only its lexicon and pre-tagger (lexicon
// look-ups, suffix and neighbour rules), which is about 10x cheaper than the full pipeline and good
// enough for what we ask of it (nouns, verbs, numbers, names). Handing terms to compromise uses
// its View class and term shape (v14); should that ever fail, tokens fall back to lexicon tags
// (and the corpus tests will say so).

import nlp from 'compromise';
import { wordnet } from './wordnet';

export interface Tok {
  /** Position in the token array it belongs to. */
  i: number;
  /** Absolute offsets of the word (without surrounding punctuation) in the document text. */
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`. */
  text: string;
  /** Lower-case normal form (curly apostrophes straightened, dots of initialisms removed). */
  norm: string;
  /** Punctuation and white space before / after the word, as in the document. */
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
}

interface Term {
  text?: string;
  pre?: string;
  post?: string;
  normal?: string;
  tags?: Set<string>;
  index?: [number, number];
  id?: string;
}

interface TaggableView {
  docs: Term[][];
  compute(method: string | string[]): unknown;
}

type ViewClass = new (document: Term[][]) => TaggableView;


interface World {
  model: {
    one: { lexicon: Record<string, string | string[] | undefined>; abbreviations?: Record<string, unknown>; _multiCache?: Record<string, unknown> };
    two: { orgWords?: Record<string, unknown>; placeWords?: Record<string, unknown> };
  };
  methods: {
    one: { setTag?: (terms: object[], tag: string | string[], world: unknown, isSafe: boolean, reason: string) => void };
    two: {
      transform: {
        noun: { toSingular(str: string, model: unknown): string };
        verb: {
          toInfinitive(str: string, model: unknown, tense?: string): string;
          conjugate(str: string, model: unknown): Record<string, string | undefined>;
        };
      };
    };
  };
}

let worldCache: World | undefined;
function world(): World {
  worldCache ??= nlp.world() as unknown as World;
  return worldCache;
}

let viewClass: ViewClass | null | undefined;
/** Sentences in a row the tagger threw on; after this many it is not asked again. */
let failedInRow = 0;
const MAX_FAILED_IN_ROW = 20;
function getViewClass(): ViewClass | null {
  if (viewClass === undefined) {
    const ctor = (nlp.tokenize('') as unknown as { constructor?: unknown }).constructor;
    viewClass = typeof ctor === 'function' ? (ctor as ViewClass) : null;
  }
  return viewClass;
}

const TAG_STEPS = ['lexicon', 'preTagger'];

/** A token as compromise's tagger wants its terms (normal, tags, index), so one object serves both. */
interface TermTok extends Tok {
  normal: string;
  index: [number, number];
  tags: Set<string>;
  // Fields compromise's tagger adds; declared up front so every token has the same shape
  // (otherwise property access on tokens goes megamorphic everywhere downstream).
  dirty: boolean | undefined;
  chunk: string | undefined;
  switch: string | undefined;
  confidence: number | undefined;
}

const CHUNK = /\S+/g;
const PARTS = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}%]*)$/u;
/** Where a hyphen splits a word: between letters ("three-hour" is two words, "week-long"), after a
 *  number before letters ("24-hour", "6.5-kilometre"), after a lower-case prefix ("mid-2026");
 *  not inside number ranges and dates ("31-14", "2025-07-22") or codes ("COVID-19", "F-35"). */
function splitHyphens(core: string): number[] {
  const cuts: number[] = [];
  for (let i = 1; i < core.length - 1; i++) {
    const c = core[i]!;
    if (c !== '-' && c !== '‐' && c !== '—' && c !== '–') continue;
    if (c === '—' || c === '–') {
      cuts.push(i);
      continue;
    }
    const left = core.slice(0, i);
    const l = left[left.length - 1]!;
    const r = core[i + 1]!;
    const leftWord = /[\p{L}]+$/u.exec(left)?.[0] ?? '';
    if (/\p{L}/u.test(l) && /\p{L}/u.test(r)) cuts.push(i);
    else if (/\d/.test(l) && /\p{L}/u.test(r)) cuts.push(i);
    else if (/\p{L}/u.test(l) && /\d/.test(r) && leftWord !== '' && leftWord === leftWord.toLowerCase()) cuts.push(i);
    // ("the near-£6 million project": a word, then a sum)
    else if (/\p{Ll}/u.test(l) && /[$€£¥₹₽₩]/u.test(r)) cuts.push(i);
  }
  return cuts;
}

const CONTRACTED = new Set(["it's", "that's", "he's", "she's", "what's", "there's", "here's", "who's", "let's", "where's"]);

function normalForm(word: string): string {
  let n = word.toLowerCase();
  if (n.includes('’') || n.includes('‘')) n = n.replace(/[’‘]/g, "'");
  if (n.includes('.') && /^(\p{L}\.)+\p{L}?\.?$/u.test(n)) n = n.replace(/\./g, '');
  return n;
}

function makeTok(text: string, i: number, start: number, end: number, pre: string, post: string): TermTok {
  const word = text.slice(start, end);
  const norm = normalForm(word);
  return { i, start, end, text: word, norm, pre, post, tags: new Set<string>(), normal: norm, index: [0, i], dirty: undefined, chunk: undefined, switch: undefined, confidence: undefined };
}

/** Untagged tokens of text[from, to): words with the punctuation around them; offsets exact. */
export function tokenizeRange(text: string, from: number, to: number): Tok[] {
  const out: TermTok[] = [];
  const slice = text.slice(from, to);
  CHUNK.lastIndex = 0;
  let pendingPre = '';
  for (let m = CHUNK.exec(slice); m; m = CHUNK.exec(slice)) {
    const raw = m[0];
    const at = from + m.index;
    const parts = PARTS.exec(raw);
    const a = parts ? parts[1]!.length : raw.length;
    const b = parts ? raw.length - parts[3]!.length : raw.length;
    const wsEnd = m.index + raw.length;
    let ws = wsEnd;
    while (ws < slice.length) {
      const c = slice.charCodeAt(ws);
      if (c <= 32 || (c > 127 && /\s/.test(slice[ws]!))) ws++;
      else break;
    }
    const trailing = slice.slice(wsEnd, ws);
    if (a >= b) {
      // Punctuation alone ("-", "—", a lone quote): attach to the neighbours.
      const prev = out[out.length - 1];
      if (prev) prev.post += raw + trailing;
      else pendingPre += raw + trailing;
      continue;
    }
    const core = raw.slice(a, b);
    const cuts = core.includes('-') || core.includes('—') || core.includes('–') || core.includes('‐') ? splitHyphens(core) : [];
    if (cuts.length === 0) {
      out.push(makeTok(text, out.length, at + a, at + b, pendingPre + raw.slice(0, a), raw.slice(b) + trailing));
    } else {
      let s = 0;
      for (let p = 0; p <= cuts.length; p++) {
        const e = p < cuts.length ? cuts[p]! : core.length;
        const isFirst = p === 0;
        const isLast = p === cuts.length;
        out.push(makeTok(text, out.length, at + a + s, at + a + e, isFirst ? pendingPre + raw.slice(0, a) : '', isLast ? raw.slice(b) + trailing : core.slice(e, e + 1)));
        s = e + 1;
      }
    }
    pendingPre = '';
  }
  return out;
}

const lexiconCache = new Map<string, readonly string[] | null>();
/**
 * The tags compromise's lexicon step gives a single word (with the tags they imply), computed once
 * per word with compromise's own setTag. Words that may begin a multi-word entry are left to
 * compromise. Pre-tagging this way gives the same tags as its lexicon step at a third less cost.
 */
function lexiconTag(t: TermTok): void {
  const n = t.normal;
  let tags = lexiconCache.get(n);
  if (tags === undefined) {
    const w = world();
    const lex = w.model.one.lexicon;
    const setTag = w.methods.one.setTag;
    tags = null;
    if (setTag && (w.model.one._multiCache?.[n] === undefined) && Object.prototype.hasOwnProperty.call(lex, n) && lex[n] !== undefined) {
      const probe = { text: t.text, normal: n, pre: '', post: '', tags: new Set<string>() };
      setTag([probe], lex[n], w, false, '1-lexicon');
      tags = [...probe.tags];
    }
    if (lexiconCache.size < 100_000) lexiconCache.set(n, tags);
  }
  if (tags) for (const x of tags) t.tags.add(x);
}

/** Context-free tags, for tokens outside the windows the tagger looks at. */
function contextFreeTag(t: TermTok): void {
  lexiconTag(t);
  if (t.tags.size === 0 && t.i > 0 && /^\p{Lu}/u.test(t.text)) {
    t.tags.add('Noun');
    t.tags.add('ProperNoun');
  }
}

/**
 * Tag tokens in place with compromise's lexicon and pre-tagger; with `whole` false, only
 * context-free lexicon tags (a sentence nothing will be read from).
 */
export function tagTokens(toks: readonly Tok[], whole = true): void {
  const terms = toks as readonly TermTok[];
  if (terms.length === 0) return;
  const View = whole ? getViewClass() : null;
  let done = false;
  if (View) {
    try {
      for (const t of terms) lexiconTag(t);
      new View([terms as TermTok[]]).compute(TAG_STEPS);
      done = true;
      failedInRow = 0;
    } catch {
      // (a sentence the tagger cannot take, a hostile document's, is tagged context-free alone; only a
      // tagger that fails again and again is given up for the rest of the process)
      for (const t of terms) t.tags.clear();
      if (++failedInRow >= MAX_FAILED_IN_ROW) viewClass = null;
    }
  }
  if (!done) for (const t of terms) contextFreeTag(t);
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    // "complaints rose by 40 percent": a noun-looking past tense right after a plural noun is the verb;
    // after a singular noun too when a figure follows ("Revenue rose 6.4 percent").
    const prev = terms[i - 1];
    const next = terms[i + 1];
    if (prev && next && t.tags.has('Noun') && !t.tags.has('Plural') && (prev.tags.has('Plural') || (prev.tags.has('Noun') && next.tags.has('Value'))) && !/[,;:()]/.test(prev.post)) {
      // (not a name: "Gareth Morgan, 58," is no "Gareth morgan-ed")
      if ((next.tags.has('Preposition') || next.tags.has('Value') || next.tags.has('Determiner') || next.tags.has('Adverb')) && /^\p{Ll}/u.test(t.text) && isPastForm(t.norm)) {
        t.tags.clear();
        t.tags.add('Verb');
        t.tags.add('PastTense');
      }
    }
    // ("since the first bines were cut on 25 August": after a form of "be", a noun-looking past form
    // before a preposition is the passive's participle)
    else if (prev && next && t.tags.has('Noun') && !t.tags.has('Plural') && BE_PASSIVE.has(prev.norm) && next.tags.has('Preposition') && !/[,;:()]/.test(prev.post + t.post) && isParticipleForm(t.norm)) {
      t.tags.clear();
      t.tags.add('Verb');
      t.tags.add('PastTense');
      t.tags.add('Participle');
    }
    // ("Crofter Morag MacInnes, 66, from": a capitalised word after another inside a sentence, read as
    // a verb, is the name's, when an age or a place phrase follows it)
    if (prev && next && i > 1 && /^\p{Lu}/u.test(t.text) && /^\p{Lu}/u.test(prev.text) && t.tags.has('Verb') && !/[,;:()]/.test(prev.post) && /^,\s*$/.test(t.post) && next.tags.has('Value')) {
      t.tags.clear();
      t.tags.add('Noun');
      t.tags.add('ProperNoun');
    }
    // ("VIELHA (IPA) - Forty-six passengers escaped": a capitalised tens word joined to a number word
    // after a dateline's dash is the number's, not a name)
    if (t.post === '-' && next && TENS.has(t.norm) && t.tags.has('ProperNoun') && CARDINALS.has(next.norm) && (CARDINALS.get(next.norm) ?? 10) < 10) {
      t.tags.clear();
      for (const tag of ['Value', 'TextValue', 'Cardinal']) t.tags.add(tag);
    }
    if (t.norm.endsWith("'s") && !CONTRACTED.has(t.norm)) t.tags.add('Possessive');
    if (t.post === '-' || (i > 0 && terms[i - 1]!.post === '-')) t.tags.add('Hyphenated');
  }
  countedNouns(terms);
}

/** Forms of "be" a passive participle follows. */
const BE_PASSIVE = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be']);

/** A year ("in 2024 costs rose") is no count of what follows it. */
const YEAR = /^(?:1[89]|2[01])\d\d$/;

/**
 * "the 1.9 million phones", "2.3 million folding phones": after a count, a plural the tagger read as
 * a present-tense verb is the counted noun (when WordNet has it as a noun), and an -ing word before it
 * a modifier. Not after "one" ("no one knows") or a year.
 */
function countedNouns(terms: readonly TermTok[]): void {
  for (let i = 1; i < terms.length; i++) {
    const prev = terms[i - 1]!;
    if (!prev.tags.has('Value') || prev.tags.has('Ordinal') || prev.norm === 'one' || YEAR.test(prev.norm) || /[,;:()]/.test(prev.post) || prev.post === '-') continue;
    let k = i;
    // (past an -ing modifier or a noun one: "2.3 million folding phones", "24 tour boats")
    // (a separate word of three letters or more: "e-bikes" is one coined noun)
    const modifier = (t: TermTok) => t.tags.has('Gerund') || (t.tags.has('Noun') && t.tags.has('Singular') && !t.tags.has('ProperNoun') && t.post !== '-' && t.norm.length >= 3);
    if (modifier(terms[k]!) && terms[k + 1] && !/[,;:()]/.test(terms[k]!.post)) k++;
    const t = terms[k]!;
    if (!t.tags.has('Verb') || !t.tags.has('PresentTense') || t.tags.has('Gerund') || !/^\p{Ll}{3,}s$/u.test(t.text) || t.tags.has('Noun')) continue;
    const noun = singular(t.norm);
    if (noun === t.norm || (wordnet()?.synsets(noun, 'n').length ?? 0) === 0) continue;
    for (let x = i; x <= k; x++) {
      const w = terms[x]!;
      const hyphen = w.tags.has('Hyphenated');
      w.tags.clear();
      if (hyphen) w.tags.add('Hyphenated');
      if (x < k) w.tags.add('Adjective');
      else for (const tag of ['Noun', 'Plural']) w.tags.add(tag);
    }
  }
}

/** Tagged tokens of `text.slice(start, end)`; a token's `text` is always `text.slice(tok.start, tok.end)`. */
export function tagRange(text: string, start: number, end: number): Tok[] {
  const toks = tokenizeRange(text, start, end);
  tagTokens(toks);
  return toks;
}

const pastCache = new Map<string, boolean>();
/** The word is the simple past of some verb (rose <- rise), by compromise's conjugator. */
function isPastForm(word: string): boolean {
  let v = pastCache.get(word);
  if (v === undefined) {
    const w = world();
    const inf = w.methods.two.transform.verb.toInfinitive(word, w.model, 'PastTense');
    v = !!inf && inf !== word && w.methods.two.transform.verb.conjugate(inf, w.model).PastTense === word;
    if (pastCache.size < 10_000) pastCache.set(word, v);
  }
  return v;
}

const participleCache = new Map<string, boolean>();
/** The word is the past participle of some verb (cut, taken, closed), by compromise's conjugator. */
function isParticipleForm(word: string): boolean {
  let v = participleCache.get(word);
  if (v === undefined) {
    const w = world();
    const verb = w.methods.two.transform.verb;
    // (a verb WordNet has: the conjugator makes "law" a past tense of "law")
    v = [verb.toInfinitive(word, w.model, 'Participle'), verb.toInfinitive(word, w.model, 'PastTense')].some((inf: string | undefined) => {
      if (!inf || (wordnet()?.synsets(inf, 'v').length ?? 0) === 0) return false;
      const forms = verb.conjugate(inf, w.model);
      return forms.Participle === word || forms.PastTense === word;
    });
    if (participleCache.size < 10_000) participleCache.set(word, v);
  }
  return v;
}

// ---- lemmas ---------------------------------------------------------------------------------

const singularCache = new Map<string, string>();
/** Singular form of a (lower-case) noun: conversations -> conversation, children -> child. */
export function singular(word: string): string {
  let s = singularCache.get(word);
  if (s === undefined) {
    const w = world();
    s = word === 'men' ? 'man' : word.length > 3 && /s$|children$|men$|people$|feet$|teeth$|mice$|geese$|data$/.test(word) ? w.methods.two.transform.noun.toSingular(word, w.model) : word;
    if (!s) s = word;
    // ("mathematics", "economics", "news": a noun WordNet lists as it is, whose cut form it lacks)
    if (s !== word && /s$/.test(word)) {
      const wn = wordnet();
      if (wn && wn.synsets(s, 'n').length === 0 && wn.synsets(word, 'n').length > 0) s = word;
    }
    if (singularCache.size < 50_000) singularCache.set(word, s);
  }
  return s;
}

/** The tag set that reads a word as a past form, for infinitive(). */
export const PAST_TENSE: ReadonlySet<string> = new Set(['PastTense']);

const infinitiveCache = new Map<string, string>();
/** Infinitive of a (lower-case) verb form: enrolled -> enrol, told -> tell, is -> be. */
export function infinitive(word: string, tags?: ReadonlySet<string>): string {
  const tense = tags?.has('PastTense')
    ? 'PastTense'
    : tags?.has('Gerund')
      ? 'Gerund'
      : tags?.has('Participle')
        ? 'Participle'
        : tags?.has('PresentTense') && !tags.has('Infinitive')
          ? 'PresentTense'
          : undefined;
  const key = `${word}|${tense ?? ''}`;
  let s = infinitiveCache.get(key);
  if (s === undefined) {
    const w = world();
    // ("access", "discuss", "stress": a word ending in -ss is no third-person form to strip)
    const base = word.endsWith('ss') && tense !== 'PastTense' && tense !== 'Gerund' && tense !== 'Participle';
    s = !base && (tense || word.endsWith('s') || word.endsWith('ed') || word.endsWith('ing')) ? w.methods.two.transform.verb.toInfinitive(word, w.model, tense) : word;
    if (!s) s = word;
    if (infinitiveCache.size < 50_000) infinitiveCache.set(key, s);
  }
  return s;
}

/** Every inflected form of a verb, from compromise's conjugator: say -> says, said, saying. */
export function verbForms(lemma: string): string[] {
  const w = world();
  const forms = w.methods.two.transform.verb.conjugate(lemma, w.model);
  const out = new Set<string>([lemma]);
  for (const v of Object.values(forms)) if (v && !v.includes(' ')) out.add(v);
  return [...out];
}

/** Tags the lexicon gives a lower-case word, without context. */
export function lexiconTags(word: string): string[] {
  const v = world().model.one.lexicon[word];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

const PLACE_TAGS = new Set(['Place', 'Country', 'City', 'Region']);
/** A place the lexicon knows ("paris", "new hampshire", "iowa"), lower case. */
export function isPlaceName(word: string): boolean {
  return lexiconTags(word).some((t) => PLACE_TAGS.has(t));
}

/** Lower-case number words: cardinals, ordinals and multipliers (see `wordNumberValue`). */
export function numberWords(): string[] {
  return [...CARDINALS.keys(), ...ORDINALS.keys(), ...SCALES.keys()];
}

/** Words compromise treats as heads of organisation names (department, authority, institute ...). */
export function isOrgWord(word: string): boolean {
  return Object.prototype.hasOwnProperty.call(world().model.two.orgWords ?? {}, word);
}

/** Abbreviations compromise knows (dr, prof, gen ...). */
export function isAbbreviation(word: string): boolean {
  return Object.prototype.hasOwnProperty.call(world().model.one.abbreviations ?? {}, word);
}

// Number words. A closed, numeric vocabulary: a table is the honest representation (compromise's
// own number parser would need its full tagging pipeline for each phrase).
/** "twenty" ... "ninety": the words a hyphened number opens with. */
const TENS = new Set(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);
const CARDINALS = new Map<string, number>(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((w, i) => [w, i] as [string, number])
    .concat('twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, (i + 2) * 10] as [string, number]))
    .concat([['fourty', 40]]),
);
const ORDINALS = new Map<string, number>(
  'zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth'
    .split(' ')
    .map((w, i) => [w, i] as [string, number])
    .concat('twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth'.split(' ').map((w, i) => [w, (i + 2) * 10] as [string, number])),
);
const SCALES = new Map<string, number>([
  ['hundred', 1e2],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
  ['hundredth', 1e2],
  ['thousandth', 1e3],
  ['millionth', 1e6],
]);

/** The value of a number written in digits ("3", "3rd", "12") or words ("three", "third", "twenty-one"). */
export function numberValue(word: string): number | null {
  const digits = /^(\d+)/.exec(word);
  return digits ? Number(digits[1]) : wordNumberValue(word);
}

/**
 * Value of a number written in words ("sixth" -> 6, "twenty five" -> 25, "one hundred and five" -> 105,
 * "two million" -> 2000000); null if a word is not a number word.
 */
export function wordNumberValue(phrase: string): number | null {
  const words = phrase.toLowerCase().split(/[\s-]+/).filter((w) => w !== '' && w !== 'and');
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    const small = CARDINALS.get(w) ?? ORDINALS.get(w);
    if (small !== undefined) {
      current += small;
      seen = true;
      continue;
    }
    const scale = SCALES.get(w);
    if (scale === undefined) return null;
    if (scale === 100) current = (current || 1) * 100;
    else {
      total += (current || 1) * scale;
      current = 0;
    }
    seen = true;
  }
  return seen ? total + current : null;
}
