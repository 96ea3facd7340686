// Time scopes that bound a count or a rank: "this year", "since 2019", "since January",
// "in its history", "in nearly three years", "last year". A scope is an interval of months
// (year * 12 + month - 1), resolved against the document's reference date.

import { MONTHS, TIME_UNITS } from './lexicon';
import { singular, type Tok } from './nlp';
import { breaksAfter, isNumberTok } from './tokens';
import { numberValueAt } from './numerals';

export interface Scope {
  /** First and last month of the interval (inclusive); -Infinity for "ever". */
  from: number;
  to: number;
  /** Token range of the phrase (inclusive). */
  first: number;
  last: number;
  label: string;
  /** Wholly before the reference year ("last year", "in 2019"). */
  past: boolean;
}

const SCOPE_UNITS = new Map<string, number>([
  ['year', 12],
  ['month', 1],
  ['week', 0],
  ['season', 12],
  ['decade', 120],
  ['century', 1200],
]);

/** The seasons, by their first and last month (0-based; winter runs into the next year's February). */
const SEASONS = new Map<string, readonly [number, number]>([
  ['spring', [2, 4]],
  ['summer', [5, 7]],
  ['autumn', [8, 10]],
  ['winter', [11, 13]],
]);

/** Words that can open a scope phrase (the loop below looks no further at other words). */
const SCOPE_WORDS = new Set(['over', 'this', 'current', 'next', 'last', 'past', 'previous', 'in', 'during', 'throughout', 'for', 'within', 'ago', 'ever', 'on', 'all-time', 'now', 'currently', 'today', 'presently']);

function yearOf(t: Tok | undefined): number | null {
  if (!t || !/^\d{4}$/.test(t.text)) return null;
  const y = Number(t.text);
  return y >= 1800 && y <= 2200 ? y : null;
}

function monthOf(t: Tok | undefined): number {
  if (!t) return -1;
  const n = t.norm.replace(/\.$/, '');
  const i = MONTHS.indexOf(n);
  if (i >= 0) return i;
  return -1;
}

/** Every scope phrase in a sentence. `ref` is the reference month (year * 12 + month - 1). */
export function findScopes(toks: readonly Tok[], ref: number): Scope[] {
  const out: Scope[] = [];
  const Y = Math.floor(ref / 12);
  const covered = new Set<number>();
  const norm = (k: number): string => toks[k]?.norm ?? '';
  const push = (first: number, last: number, from: number, to: number): void => {
    for (let x = first; x <= last; x++) covered.add(x);
    out.push({ first, last, from, to, label: toks.slice(first, last + 1).map((t) => t.text).join(' '), past: to < Y * 12 });
  };
  // "since 2019", "since January", "since Trump's return to office in January"
  for (let k = 0; k < toks.length; k++) {
    if (norm(k) !== 'since') continue;
    for (let x = k + 1; x < Math.min(toks.length, k + 9); x++) {
      const y = yearOf(toks[x]);
      if (y !== null) {
        push(k, x, y * 12, ref);
        break;
      }
      const m = monthOf(toks[x]);
      if (m >= 0) {
        const yy = yearOf(toks[x + 1]) ?? (m <= ref % 12 ? Y : Y - 1);
        push(k, x, yy * 12 + m, ref);
        break;
      }
      if (breaksAfter(toks[x]!)) break;
    }
  }
  for (let k = 0; k < toks.length; k++) {
    if (covered.has(k)) continue;
    const w = norm(k);
    if (!SCOPE_WORDS.has(w)) continue;
    const unit = SCOPE_UNITS.get(singular(norm(k + 1)));
    if ((w === 'this' || w === 'current') && unit !== undefined && !covered.has(k + 1)) {
      const from = unit === 12 ? Y * 12 : unit === 120 ? Math.floor(Y / 10) * 120 : unit === 1200 ? Math.floor(Y / 100) * 1200 : ref;
      push(k, k + 1, from, ref);
      continue;
    }
    // ("next year", "next month": the period after this one)
    if (w === 'next' && unit !== undefined && norm(k - 1) !== 'the') {
      if (unit === 12) push(k, k + 1, (Y + 1) * 12, (Y + 1) * 12 + 11);
      else if (unit === 1) push(k, k + 1, ref + 1, ref + 1);
      else push(k, k + 1, ref, ref + Math.max(unit, 1));
      continue;
    }
    // ("last summer": the most recent one before now; "over the last five summers": as many years back)
    const season = SEASONS.get(singular(norm(k + 1)));
    if ((w === 'last' || w === 'past' || w === 'previous') && season && norm(k - 1) !== 'the') {
      const year = ref % 12 > season[1] ? Y : Y - 1;
      push(k, k + 1, year * 12 + season[0], year * 12 + season[1]);
      continue;
    }
    if ((w === 'over' || w === 'in' || w === 'during' || w === 'for') && norm(k + 1) === 'the' && (norm(k + 2) === 'last' || norm(k + 2) === 'past') && isNumberTok(toks[k + 3])) {
      const v = numberValueAt(toks, k + 3);
      if (v && SEASONS.has(singular(norm(v.last + 1)))) {
        push(k, v.last + 1, ref - v.value * 12, ref);
        continue;
      }
    }
    if ((w === 'last' || w === 'past' || w === 'previous') && unit !== undefined) {
      const rolling = norm(k - 1) === 'the';
      if (rolling) push(k - 1, k + 1, ref - Math.max(unit, 1), ref);
      else if (unit === 12) push(k, k + 1, (Y - 1) * 12, (Y - 1) * 12 + 11);
      else if (unit === 1) push(k, k + 1, ref - 1, ref - 1);
      else if (unit === 120) push(k, k + 1, ref - 120, ref);
      else push(k, k + 1, ref, ref);
      continue;
    }
    if (w === 'in' || w === 'during' || w === 'throughout' || w === 'for' || w === 'within') {
      // in 2023 / in January (2024)
      const y = yearOf(toks[k + 1]);
      if (y !== null && (w === 'in' || w === 'during' || w === 'throughout')) {
        push(k, k + 1, y * 12, y * 12 + 11);
        continue;
      }
      const m = monthOf(toks[k + 1]);
      if (m >= 0 && w === 'in') {
        const yy = yearOf(toks[k + 2]);
        const year = yy ?? (m <= ref % 12 ? Y : Y - 1);
        push(k, yy !== null ? k + 2 : k + 1, year * 12 + m, year * 12 + m);
        continue;
      }
      // in its history / in history
      let x = k + 1;
      if (['its', 'their', 'the', 'his', 'her', 'our'].includes(norm(x))) x++;
      if (norm(x) === 'history' && w === 'in') {
        push(k, x, -Infinity, ref);
        continue;
      }
      // in (the past) (nearly) three years / within a decade
      x = k + 1;
      let rolling = false;
      if (norm(x) === 'the' && (norm(x + 1) === 'past' || norm(x + 1) === 'last')) {
        x += 2;
        rolling = true;
      }
      if (['nearly', 'almost', 'about', 'around', 'more', 'over', 'just', 'some'].includes(norm(x))) x += norm(x) === 'more' || norm(x) === 'just' ? 2 : 1;
      const numTok = toks[x];
      let n: number | null = null;
      let numEnd = x;
      if (numTok && (numTok.norm === 'a' || numTok.norm === 'an')) n = 1;
      else if (isNumberTok(numTok)) {
        const v = numberValueAt(toks, x);
        if (v) {
          n = v.value;
          numEnd = v.last;
        }
      }
      const u = SCOPE_UNITS.get(singular(norm(numEnd + 1)));
      if (n !== null && u !== undefined && TIME_UNITS.has(singular(norm(numEnd + 1))) && (w === 'in' || w === 'within' || rolling)) {
        push(k, numEnd + 1, ref - n * Math.max(u, 1), ref);
        continue;
      }
    }
    // "three years ago", "two months ago"
    if (w === 'ago' && k >= 2) {
      const u = SCOPE_UNITS.get(singular(norm(k - 1)));
      let x = k - 2;
      let n: number | null = null;
      if (toks[x]?.norm === 'a' || toks[x]?.norm === 'an') n = 1;
      else {
        while (x > 0 && isNumberTok(toks[x - 1])) x--;
        const v = isNumberTok(toks[x]) ? numberValueAt(toks, x) : null;
        if (v && v.last === k - 2) n = v.value;
      }
      if (u !== undefined && n !== null) {
        const at = ref - n * Math.max(u, 1);
        push(x, k, at, at);
        out[out.length - 1]!.past = true;
        continue;
      }
    }
    if (w === 'ever' || (w === 'on' && norm(k + 1) === 'record') || w === 'all-time') {
      push(k, w === 'on' ? k + 1 : k, -Infinity, ref);
      continue;
    }
    // "It now produces ...": the present.
    if (w === 'now' || w === 'currently' || w === 'today' || w === 'presently') {
      push(k, k, ref, ref);
    }
  }
  // A year on its own ("in the 2019 election", "2019's figures") bounds what is said in its clause.
  for (let k = 0; k < toks.length; k++) {
    if (covered.has(k)) continue;
    const y = yearOf(toks[k]);
    if (y !== null) push(k, k, y * 12, y * 12 + 11);
  }
  return out;
}

/**
 * The scope that applies to token idx: the nearest one in its chunk, else one in a fronted chunk
 * that opens the sentence ("Since January, they have held five meetings").
 */
export function scopeFor(scopes: readonly Scope[], chunks: readonly number[], idx: number): Scope | null {
  let best: Scope | null = null;
  let bestD = Infinity;
  const c = chunks[idx];
  for (const s of scopes) {
    const sc = chunks[s.first];
    const same = sc === c;
    // ("set the record of 2 hours 1 minute 39 seconds, last year in Berlin": a scope that opens the
    // chunk right after the figure's is the figure's too)
    const trailing = c !== undefined && sc === c + 1 && chunks[s.first - 1] === c;
    if (!same && !trailing && !(sc === 0 && s.last < idx)) continue;
    const d = (same ? 0 : 1000) + (idx < s.first ? s.first - idx : idx - s.last);
    if (d < bestD) {
      bestD = d;
      best = s;
    }
  }
  return best;
}

export type ScopeRelation = 'same' | 'aInB' | 'bInA' | 'overlap' | 'disjoint';

/**
 * How two scopes relate. A missing scope is taken to be the same as the other one, except that a
 * statement without one is about the present, so it does not meet one wholly in the past.
 */
export function relate(a: Scope | null, b: Scope | null): ScopeRelation {
  if (!a && !b) return 'same';
  if (!a || !b) return (a ?? b)!.past ? 'disjoint' : 'same';
  const eq = (x: number, y: number): boolean => x === y || Math.abs(x - y) <= 0;
  if (eq(a.from, b.from) && eq(a.to, b.to)) return 'same';
  if (a.to < b.from || b.to < a.from) return 'disjoint';
  if (a.from >= b.from && a.to <= b.to) return 'aInB';
  if (b.from >= a.from && b.to <= a.to) return 'bInA';
  return 'overlap';
}
