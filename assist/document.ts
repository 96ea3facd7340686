// The document as the rules see it: sentences (from common/segment), their paragraphs, and
// tokens tagged on demand, one sentence at a time, so a long text never goes through the tagger
// in one piece and sentences no rule needs are never tagged at all.

import { paragraphs, segmentSentences, type Span } from '../common/segment';
import { CURRENCY_SYMBOLS, DOCUMENT_CUE_VERBS, MONTHS, PHRASAL_CUES, QUOTE_CUE_VERBS, STRONG_CUE_VERBS, TIME_UNITS, WEAK_CUE_VERBS, WEEKDAYS } from './lexicon';
import { numberWords, singular, tagTokens, tokenizeRange, verbForms, type Tok } from './nlp';

export interface Sentence {
  index: number;
  start: number;
  end: number;
  paragraph: number;
}

interface Triggers {
  number: RegExp;
  cue: RegExp;
  month: RegExp;
  numberWords: ReadonlySet<string>;
  cueWords: ReadonlySet<string>;
}

let triggers: Triggers | undefined;
/** Fractions no number word names ("a quarter of its members", "half of the price", "half an hour"). */
const FRACTION_TRIGGERS = ['half', 'quarter', 'quarters'];
const NUMERIC_DATE = /\d{4}-\d\d-\d\d|\d{1,2}\/\d{1,2}\/\d{2,4}/;
function wordAlternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}
/** Cheap tests that say whether a sentence can hold a quantity, an attribution or a date. */
function getTriggers(): Triggers {
  if (!triggers) {
    const units = [...TIME_UNITS.keys()].flatMap((u) => [u, `${u}s`]);
    const cues = [...STRONG_CUE_VERBS, ...WEAK_CUE_VERBS, ...QUOTE_CUE_VERBS, ...DOCUMENT_CUE_VERBS, ...PHRASAL_CUES.keys()].flatMap(verbForms);
    triggers = {
      numberWords: new Set(numberWords()),
      cueWords: new Set([...cues.map((c) => c.toLowerCase()), 'according']),
      // ("a dozen people", "half a dozen boats": a dozen is twelve; "a quarter of its members", "half of the price": shares)
      number: new RegExp(`[${[...CURRENCY_SYMBOLS.keys()].join('')}]|\\b(?:${wordAlternation(numberWords())})\\b|\\ba\\s+dozen\\b|\\b(?:${wordAlternation(FRACTION_TRIGGERS)})\\s+(?:of|an?)\\b|\\ban?\\s+(?:${wordAlternation(units)})\\b|\\b(?:${wordAlternation(units)})-long\\b`, 'i'),
      // (and a quotation's tag of any verb: '"It was cold," she joked.')
      cue: new RegExp(`\\b(?:${wordAlternation([...cues, 'according'])})\\b|,["”]\\s+(?:he|she|they|\\p{Lu}[\\p{L}'’-]+)\\s+\\p{Ll}+(?:ed|ew|ook|oke|ang|ung|aid|ote|ave)\\b`, 'iu'),
      month: new RegExp(`\\b(?:${wordAlternation([...MONTHS, ...WEEKDAYS, 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'])})\\b`, 'i'),
    };
  }
  return triggers;
}

export class AssistDoc {
  readonly text: string;
  readonly sentences: Sentence[];
  readonly paragraphs: Span[];
  private readonly tokenCache: (Tok[] | undefined)[];
  private readonly flags: Uint8Array; // bit 1: computed, 2: number, 4: cue, 8: date

  constructor(text: string) {
    this.text = text;
    this.paragraphs = paragraphs(text);
    const spans: Span[] = [];
    for (const p of this.paragraphs) {
      // Intl.Segmenter is quadratic on one long string: feed very long paragraphs in pieces, cut
      // where a sentence plainly ends (". " before a capital).
      for (const [a, b] of pieces(text, p.start, p.end)) for (const x of segmentSentences(text, a, b)) spans.push(x);
    }
    this.sentences = [];
    let p = 0;
    for (const s of spans) {
      while (p < this.paragraphs.length - 1 && this.paragraphs[p]!.end <= s.start) p++;
      this.sentences.push({ index: this.sentences.length, start: s.start, end: s.end, paragraph: p });
    }
    this.tokenCache = new Array<Tok[] | undefined>(this.sentences.length);
    this.flags = new Uint8Array(this.sentences.length);
  }

  sentenceText(i: number): string {
    const s = this.sentences[i];
    return s ? this.text.slice(s.start, s.end) : '';
  }

  /**
   * Tagged tokens of sentence i (tagged on first use). The tagger reads a sentence with a figure,
   * a reporting verb or a date name whole; any other gets lexicon tags.
   */
  tokens(i: number): Tok[] {
    let toks = this.tokenCache[i];
    if (!toks) {
      const s = this.sentences[i];
      toks = s ? tokenizeRange(this.text, s.start, s.end) : [];
      tagTokens(toks, worthTagging(toks));
      this.tokenCache[i] = toks;
    }
    return toks;
  }

  /** Drop sentence i's tokens (a long document is processed one sentence at a time). */
  release(i: number): void {
    this.tokenCache[i] = undefined;
  }

  isTagged(i: number): boolean {
    return this.tokenCache[i] !== undefined;
  }

  private flag(i: number, bit: number): boolean {
    let f = this.flags[i] ?? 0;
    if (!(f & 1)) {
      const t = getTriggers();
      const s = this.sentenceText(i);
      const digit = /\d/.test(s);
      const date = digit && (t.month.test(s) || NUMERIC_DATE.test(s));
      f = 1 | (digit || t.number.test(s) ? 2 : 0) | (t.cue.test(s) ? 4 : 0) | (date ? 8 : 0);
      this.flags[i] = f;
    }
    return (f & bit) !== 0;
  }
  /** The sentence may hold a number (digits, number words, time units, a currency sign). */
  mayHaveNumber(i: number): boolean {
    return this.flag(i, 2);
  }
  /** The sentence has a reporting verb or "according". */
  mayHaveCue(i: number): boolean {
    return this.flag(i, 4);
  }
  /** The sentence has a calendar date (a month or weekday name near a digit, or a numeric date). */
  mayHaveDate(i: number): boolean {
    return this.flag(i, 8);
  }

  /** Index of the sentence containing `offset`, or the last sentence starting before it. */
  sentenceIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sentences[mid]!.start <= offset) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }
}

const DATE_NAMES = new Set<string>([...MONTHS, ...WEEKDAYS]);
const YEAR_OR_TIME = /^(1[89]\d\d|2[01]\d\d)$|:|^\d{4}-\d\d/;

/**
 * Whether the tagger reads a sentence: one with a figure, a reporting verb or a month or weekday
 * name, whole (what a figure is of, who did what and when can sit anywhere in it: "had worked for
 * Crustworks Bakery in Avonmouth for nine years"); any other gets lexicon tags only. Tagging six
 * words either side of each figure instead cost recall on unseen text and saved no measurable time
 * (1 MB suggest, ratio 1.01).
 */
function worthTagging(toks: readonly Tok[]): boolean {
  const t = getTriggers();
  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k]!;
    const c = tok.text.charCodeAt(0);
    const digit = c >= 48 && c <= 57;
    const trigger =
      (digit && !YEAR_OR_TIME.test(tok.text)) ||
      t.numberWords.has(tok.norm) ||
      ((tok.norm === 'a' || tok.norm === 'an') && TIME_UNITS.has(singular(toks[k + 1]?.norm ?? ''))) ||
      (tok.norm === 'dozen' && toks[k - 1]?.norm === 'a') ||
      // ("about a quarter of the country's trotting horses": the fraction's sentence is read whole too)
      (FRACTION_TRIGGERS.includes(tok.norm) && /^(?:of|an?)$/.test(toks[k + 1]?.norm ?? '')) ||
      (TIME_UNITS.has(tok.norm) && toks[k + 1]?.norm === 'long') ||
      /^[A-Z]{1,3}\$\d/.test(tok.text) ||
      /[$€£¥₹₽₩]/.test(tok.pre) ||
      t.cueWords.has(tok.norm) ||
      // ("after last Wednesday's government session": a weekday's possessive names a day too)
      (c >= 65 && c <= 90 && DATE_NAMES.has(tok.norm.replace(/['’]s$/, '')));
    if (trigger) return true;
  }
  return false;
}

const PIECE = 8_000;
const PLAIN_END = /[.!?]["”’)]*\s+(?=["“‘(]?\p{Lu})/gu;

/** Ranges of a paragraph to segment separately: the whole paragraph unless it is very long. */
function pieces(text: string, start: number, end: number): [number, number][] {
  if (end - start <= PIECE * 2) return [[start, end]];
  const out: [number, number][] = [];
  let a = start;
  while (end - a > PIECE * 2) {
    PLAIN_END.lastIndex = a + PIECE;
    let m = PLAIN_END.exec(text);
    // not after an abbreviation or an initial ("Dr. Amina", "J. Smith", "U.S. Senate")
    while (m && /(?:^|[\s.(])(?:\p{Lu}\p{L}{0,3}|\p{L})$/u.test(text.slice(Math.max(0, m.index - 6), m.index))) m = PLAIN_END.exec(text);
    if (!m || m.index >= end - PIECE) break;
    const cut = m.index + m[0].length;
    out.push([a, cut]);
    a = cut;
  }
  out.push([a, end]);
  return out;
}
