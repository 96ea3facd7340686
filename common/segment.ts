// Sentence segmentation over plain text. Intl.Segmenter does the work, one paragraph at a time
// (it is quadratic on one long string in Node 20), and splits it makes after abbreviations are
// merged back ("Mr. Smith", "the U.S. Senate").

export interface Span {
  start: number;
  end: number;
}

/** Abbreviations that are followed by a name or a number, never by the end of a sentence. */
const TITLES = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm sen rep gov pres st jr sr rev hon ' +
    'coun cllr supt insp det cpl pte atty asst assoc ' +
    'fr mt ft vs approx dept inc corp co ltd bros ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf al'
  ).split(' '),
);

/** An abbreviation that stands before a name or a number, never at a sentence's end ("Coun.", "Supt."). */
export function isTitleAbbreviation(word: string): boolean {
  return TITLES.has(word.toLowerCase());
}

/** Words that usually open a sentence; after "U.S." they mean the sentence ended there. */
const OPENERS = new Set(
  (
    'the a an it its he she they we i you this that these those there but and or so yet ' +
    'in on at for as if when while after before since however meanwhile his her their our'
  ).split(' '),
);

/** A word of four letters or more, its stop and the space before a number ("began. 2026"). */
const NUMBER_OPENS = /(?<![\p{L}.])(\p{L}{4,})\.\s+(?=\p{N})/gu;

let segmenter: Intl.Segmenter | undefined;
function sentenceSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return segmenter;
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0' || ch === '\f' || ch === '\v';
}

/** The word (letters and inner dots) that ends at `end`, without its final dot, lower-cased. */
function wordBeforeDot(text: string, end: number): string {
  let i = end - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i]!)) i--;
  return text.slice(i + 1, end).toLowerCase();
}

function shouldJoin(text: string, seg: Span, next: Span): boolean {
  let e = seg.end;
  while (e > seg.start && isSpace(text[e - 1]!)) e--;
  if (text[e - 1] !== '.') return false;
  const word = wordBeforeDot(text, e - 1);
  if (!word) return false;
  const nextWord = /^[\p{L}\p{N}]+/u.exec(text.slice(next.start, next.start + 40))?.[0] ?? '';
  if (!nextWord) return false;
  if (/^\p{Ll}/u.test(nextWord)) return true;
  // (a number goes on a sentence after a title, an abbreviation of three letters or fewer or an
  // initialism, "No. 5", "approx. 30", "Fig. 3"; after another word it opens one, split above)
  if (/^\p{N}/u.test(nextWord) && (TITLES.has(word) || word.length <= 3 || word.includes('.'))) return true;
  if (TITLES.has(word)) return true;
  // An initial ("J. Smith") or an initialism ("U.S.", "U.N."): join unless a sentence opener follows.
  if (/^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return !OPENERS.has(nextWord.toLowerCase());
  return false;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text[start]!)) start++;
  while (end > start && isSpace(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** Sentences of one paragraph (no line breaks inside the range are required, but allowed). */
function segmentParagraph(text: string, start: number, end: number, out: Span[]): void {
  const raw: Span[] = [];
  for (const s of sentenceSegmenter().segment(text.slice(start, end))) {
    // (the segmenter runs on past a stop before a number, "since monitoring began. 2026 thus becomes
    // the third": after a word of four letters or more that is no abbreviation, the number opens a sentence)
    let from = start + s.index;
    const to = from + s.segment.length;
    for (const m of s.segment.matchAll(NUMBER_OPENS)) {
      if (TITLES.has(m[1]!.toLowerCase())) continue;
      const cut = start + s.index + m.index + m[0].length;
      raw.push({ start: from, end: cut });
      from = cut;
    }
    raw.push({ start: from, end: to });
  }
  let current: Span | null = null;
  for (const seg of raw) {
    if (current && shouldJoin(text, current, seg)) {
      current = { start: current.start, end: seg.end };
    } else {
      if (current) pushTrimmed(text, current, out);
      current = seg;
    }
  }
  if (current) pushTrimmed(text, current, out);
}

function pushTrimmed(text: string, span: Span, out: Span[]): void {
  const t = trimSpan(text, span.start, span.end);
  if (t) out.push(t);
}

/** Paragraph ranges: runs of text separated by line breaks. */
export function paragraphs(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  while (start < to) {
    let nl = text.indexOf('\n', start);
    if (nl === -1 || nl > to) nl = to;
    const t = trimSpan(text, start, nl);
    if (t) out.push(t);
    start = nl + 1;
  }
  return out;
}

/** Every sentence of `text` (or of the range from..to), trimmed of surrounding white space. */
export function segmentSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  for (const p of paragraphs(text, from, to)) segmentParagraph(text, p.start, p.end, out);
  return out;
}

/**
 * The sentence that contains `offset` (or the nearest one in its paragraph), or null on a blank
 * line. `within` bounds it further: a table's cell (its cells are joined by tabs, and a sentence
 * never runs from one into the next).
 */
export function sentenceAt(text: string, offset: number, within?: Span): Span | null {
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  if (within) {
    lineStart = Math.max(lineStart, within.start);
    lineEnd = Math.min(lineEnd, within.end);
    if (lineEnd <= lineStart) return null;
  }
  const sentences = segmentSentences(text, lineStart, lineEnd);
  if (sentences.length === 0) return null;
  for (const s of sentences) if (offset <= s.end) return s;
  return sentences[sentences.length - 1]!;
}
