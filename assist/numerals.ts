// Reading the value of a number that starts at a token: digits ("4,800", "6.5-kilometre", "$5bn",
// "68%", "3rd", "4.2 million") or words ("five", "twenty-five", "one hundred and five", "sixth"),
// the latter through compromise's number parser.

import { CURRENCY_PREFIXES, CURRENCY_SYMBOLS, MEASURE_UNITS, MULTIPLIERS, type Approx } from './lexicon';
import { wordNumberValue, type Tok } from './nlp';
import { hyphenJoined, isDigitNumber, isNumberTok, isOrdinalTok } from './tokens';

export interface NumberAt {
  value: number;
  /** Token range (inclusive). */
  first: number;
  last: number;
  ordinal: boolean;
  /** "68%" */
  percent: boolean;
  /** "$5bn" */
  currency: string | null;
  /** A unit glued on with a hyphen: "6.5-kilometre" -> "kilometre". */
  suffix: string | null;
  /** "31-14": the second number. */
  rangeTo: number | null;
  /** Written in words. */
  words: boolean;
  /** A bound told after the figure: "40 or more", "40 or so", "200-plus", "300-odd". */
  after?: Approx;
}

/** "or more", "or so", "or fewer" after a figure (or after its unit: "three hours or less"). */
const OR_AFTER: ReadonlyMap<string, Approx> = new Map([
  ['more', 'atLeast'],
  ['over', 'atLeast'],
  ['above', 'atLeast'],
  ['so', 'about'],
  ['thereabouts', 'about'],
  ['fewer', 'upTo'],
  ['less', 'upTo'],
  ['under', 'upTo'],
  ['below', 'upTo'],
]);
/** "200-plus", "300-odd". */
const GLUED_AFTER: ReadonlyMap<string, Approx> = new Map([
  ['plus', 'atLeast'],
  ['odd', 'about'],
]);

/** The bound told right after token `last` ("or more", "or so"), and the token it ends on. */
export function orAfter(toks: readonly Tok[], last: number): { approx: Approx; last: number } | null {
  const approx = toks[last + 1]?.norm === 'or' ? OR_AFTER.get(toks[last + 2]?.norm ?? '') : undefined;
  // (not "40 or more than 50 ...": a comparison goes on)
  if (approx === undefined || toks[last + 3]?.norm === 'than' || isNumberTok(toks[last + 3])) return null;
  return { approx, last: last + 2 };
}

const DIGITS = /^([$€£¥₹₽₩]|[A-Z]{1,3}\$)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(.*)$/;

function isMultiplierTok(t: Tok | undefined): number | null {
  if (!t) return null;
  return MULTIPLIERS.get(t.norm) ?? null;
}

/** The number starting at token k, or null when token k does not start a number (or is a date, a time, a code). */
export function numberValueAt(toks: readonly Tok[], k: number): NumberAt | null {
  const n = plainNumberAt(toks, k);
  // "two and a half hours", "one-and-a-half years": a half more
  if (n && !n.ordinal && !n.percent && n.suffix === null && toks[n.last + 1]?.norm === 'and' && toks[n.last + 2]?.norm === 'a' && toks[n.last + 3]?.norm === 'half') {
    return { ...n, value: n.value + 0.5, last: n.last + 3 };
  }
  if (n && !n.ordinal && !n.percent) {
    // ("200-plus staff", "300-odd members")
    if (n.suffix !== null && GLUED_AFTER.has(n.suffix)) return { ...n, suffix: null, after: GLUED_AFTER.get(n.suffix)! };
    const glued = toks[n.last + 1];
    if (n.suffix === null && hyphenJoined(toks[n.last]!) && glued && GLUED_AFTER.has(glued.norm)) return { ...n, last: n.last + 1, after: GLUED_AFTER.get(glued.norm)! };
    // ("40 or more people", "40 or so minutes")
    const or = n.suffix === null && n.currency === null ? orAfter(toks, n.last) : null;
    if (or) return { ...n, last: or.last, after: or.approx };
  }
  return n;
}

/** Fractions that name a share: "a third of", "two-thirds of", "half of" (and a part of a multiplier, below). */
export const FRACTIONS: ReadonlyMap<string, number> = new Map([['half', 1 / 2], ['third', 1 / 3], ['thirds', 1 / 3], ['quarter', 1 / 4], ['quarters', 1 / 4], ['fifth', 1 / 5], ['fifths', 1 / 5]]);
export const FRACTION_NUMERATORS: ReadonlyMap<string, number> = new Map([['one', 1], ['two', 2], ['three', 3], ['four', 4]]);

/**
 * "half a million", "a quarter of a million", "three quarters of a billion", "two-thirds of a
 * million": a part of a multiplier is a number (250,000), not a share.
 */
export function fractionOfMultiplier(toks: readonly Tok[], k: number): NumberAt | null {
  const t = toks[k];
  if (!t) return null;
  if (t.norm === 'half' && (toks[k + 1]?.norm === 'a' || toks[k + 1]?.norm === 'one')) {
    const mult = isMultiplierTok(toks[k + 2]);
    return mult === null ? null : { value: mult / 2, first: k, last: k + 2, ordinal: false, percent: false, currency: null, suffix: null, rangeTo: null, words: true };
  }
  const numerator = t.norm === 'a' || t.norm === 'one' ? 1 : (FRACTION_NUMERATORS.get(t.norm) ?? 0);
  const fraction = FRACTIONS.get(toks[k + 1]?.norm ?? '');
  if (numerator === 0 || fraction === undefined || toks[k + 2]?.norm !== 'of' || toks[k + 3]?.norm !== 'a') return null;
  const mult = isMultiplierTok(toks[k + 4]);
  if (mult === null || numerator * fraction >= 1) return null;
  return { value: numerator * fraction * mult, first: k, last: k + 4, ordinal: false, percent: false, currency: null, suffix: null, rangeTo: null, words: true, after: 'about' };
}

function plainNumberAt(toks: readonly Tok[], k: number): NumberAt | null {
  const t = toks[k];
  if (!t) return null;
  const part = fractionOfMultiplier(toks, k);
  if (part) return part;
  // "a dozen people" (twelve), "half a dozen boats" (six); "dozens" alone is no figure.
  if ((t.norm === 'a' && toks[k + 1]?.norm === 'dozen') || (t.norm === 'half' && toks[k + 1]?.norm === 'a' && toks[k + 2]?.norm === 'dozen')) {
    const last = t.norm === 'a' ? k + 1 : k + 2;
    return { value: t.norm === 'a' ? 12 : 6, first: k, last, ordinal: false, percent: false, currency: null, suffix: null, rangeTo: null, words: true };
  }
  // "a couple of hours" (about two), "a couple of hundred fans" (about 200)
  if (t.norm === 'a' && toks[k + 1]?.norm === 'couple' && toks[k + 2]?.norm === 'of' && toks[k + 3]) {
    const mult = isMultiplierTok(toks[k + 3]);
    return { value: 2 * (mult ?? 1), first: k, last: mult !== null ? k + 3 : k + 2, ordinal: false, percent: false, currency: null, suffix: null, rangeTo: null, words: true, after: 'about' };
  }
  if (!isNumberTok(t)) return null;
  if (isDigitNumber(t)) {
    const m = DIGITS.exec(t.text);
    if (!m) return null;
    let value = Number(m[2]!.replace(/,/g, '') + (m[3] ?? ''));
    if (!Number.isFinite(value)) return null;
    const currency = m[1] ? (CURRENCY_SYMBOLS.get(m[1]) ?? CURRENCY_PREFIXES.get(m[1]) ?? null) : null;
    if (m[1] && currency === null) return null;
    const rest = m[4] ?? '';
    let ordinal = false;
    let percent = false;
    let suffix: string | null = null;
    let rangeTo: number | null = null;
    if (rest === '') {
      // plain
    } else if (/^(st|nd|rd|th)$/i.test(rest)) ordinal = true;
    else if (rest === '%' || /^pc$/i.test(rest)) percent = true;
    // ("26C", "79F", "-9°C": a temperature glued to the number)
    else if (/^°?[CF]$/.test(rest)) suffix = /C$/.test(rest) ? '°c' : '°f';
    else if (MULTIPLIERS.has(rest.toLowerCase())) value *= MULTIPLIERS.get(rest.toLowerCase())!;
    else if (/^[-‐]\p{L}+$/u.test(rest)) suffix = rest.slice(1).toLowerCase();
    // "160km/h", "25mm", "40kg": a unit of measure glued to the number
    else if (MEASURE_UNITS.has(rest.toLowerCase())) suffix = rest.toLowerCase();
    else if (/^[-–]\d+$/.test(rest)) rangeTo = Number(rest.slice(1));
    else return null; // 12:17, 9am, 2025-07-22, 1990s, 3/4 ...
    let last = k;
    const next = toks[k + 1];
    const mult = !hyphenJoined(t) && rest === '' ? isMultiplierTok(next) : null;
    if (mult !== null) {
      value *= mult;
      last = k + 1;
    } else if (rest === '' && hyphenJoined(t) && next && hyphenJoined(next) && isMultiplierTok(next) !== null && /^\p{L}+$/u.test(toks[k + 2]?.text ?? '')) {
      // "the 800-million-euro package", "a 4.2-billion-dollar deal": the multiplier and the unit glued on
      value *= isMultiplierTok(next)!;
      suffix = toks[k + 2]!.norm;
      last = k + 2;
    }
    return { value, first: k, last, ordinal, percent, currency, suffix, rangeTo, words: false };
  }
  // Words: "five", "twenty-five", "one hundred and five", "two million", "sixth".
  const parts: string[] = [t.norm];
  let last = k;
  for (let x = k + 1; x < toks.length; x++) {
    const prev = toks[x - 1]!;
    const cur = toks[x]!;
    if (prev.post !== ' ' && !hyphenJoined(prev)) break;
    // ("her fifth five-wicket haul": an ordinal ends the number; "fifth five" is no ten)
    if (isOrdinalTok(prev)) break;
    if (isNumberTok(cur) && !isDigitNumber(cur)) {
      parts.push(cur.norm);
      last = x;
      continue;
    }
    if (cur.norm === 'and' && (prev.norm === 'hundred' || prev.norm === 'thousand') && isNumberTok(toks[x + 1]) && !isDigitNumber(toks[x + 1]!)) {
      parts.push('and');
      continue;
    }
    break;
  }
  if (parts[parts.length - 1] === 'and') parts.pop();
  let value = wordNumberValue(parts.join(' '));
  if (value === null) return null;
  // ("two dozen boats": 24)
  if (toks[last + 1]?.norm === 'dozen' && !isOrdinalTok(toks[last])) {
    value *= 12;
    last++;
  }
  return { value, first: k, last, ordinal: isOrdinalTok(toks[last]), percent: false, currency: null, suffix: null, rangeTo: null, words: true };
}
