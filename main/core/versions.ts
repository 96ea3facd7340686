// What changed between two versions of a document, sentence by sentence: both texts are split with
// segmentSentences, the sentence sequences are diffed (Myers' O(ND) algorithm with the linear-space
// middle-snake split), and within each run of differences a removed sentence and an added one that
// share most of their words (Dice similarity over words > 0.5) are paired as one changed sentence.
import { segmentSentences, type Span } from '../../common/segment';

export type { Span } from '../../common/segment';

export interface SentenceDiff {
  /** Sentences only in the new text (spans in newText). */
  added: Span[];
  /** Sentences only in the old text (spans in oldText). */
  removed: Span[];
  /** A sentence of the old text rewritten in the new one. */
  changed: Array<{ old: Span; new: Span }>;
}

/** Word similarity above which a removed and an added sentence count as one sentence changed. */
export const CHANGED_SIMILARITY = 0.5;

/** Sentence pairs (old index, new index) that are equal, in order: a longest common subsequence. */
export function commonPairs(a: ArrayLike<number>, b: ArrayLike<number>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // An explicit stack of sub-problems keeps deep recursion away from very different texts.
  type Task = { alo: number; ahi: number; blo: number; bhi: number } | { pairs: Array<[number, number]> };
  const tasks: Task[] = [{ alo: 0, ahi: a.length, blo: 0, bhi: b.length }];
  while (tasks.length) {
    const t = tasks.pop()!;
    if ('pairs' in t) {
      out.push(...t.pairs);
      continue;
    }
    let { alo, ahi, blo, bhi } = t;
    const head: Array<[number, number]> = [];
    while (alo < ahi && blo < bhi && a[alo] === b[blo]) head.push([alo++, blo++]);
    const tail: Array<[number, number]> = [];
    while (alo < ahi && blo < bhi && a[ahi - 1] === b[bhi - 1]) tail.unshift([--ahi, --bhi]);
    out.push(...head);
    if (alo === ahi || blo === bhi) {
      out.push(...tail);
      continue;
    }
    const split = middle(a, alo, ahi, b, blo, bhi);
    // Tasks run last-in first-out: push the right half's work first.
    tasks.push({ pairs: tail });
    if (split && (split[0] > alo || split[1] > blo) && (split[0] < ahi || split[1] < bhi)) {
      tasks.push({ alo: split[0], ahi, blo: split[1], bhi });
      tasks.push({ alo, ahi: split[0], blo, bhi: split[1] });
    }
  }
  return out;
}

/**
 * A point (x, y) on an optimal edit path of a[alo..ahi) against b[blo..bhi), found by running the
 * forward and reverse searches until they meet; null when the two share nothing.
 */
function middle(a: ArrayLike<number>, alo: number, ahi: number, b: ArrayLike<number>, blo: number, bhi: number): [number, number] | null {
  const n = ahi - alo;
  const m = bhi - blo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD + 2;
  const v1 = new Int32Array(size).fill(-1);
  const v2 = new Int32Array(size).fill(-1);
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;
  const delta = n - m;
  const front = (delta & 1) !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  for (let d = 0; d < maxD; d++) {
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const i1 = offset + k1;
      let x1 = k1 === -d || (k1 !== d && v1[i1 - 1]! < v1[i1 + 1]!) ? v1[i1 + 1]! : v1[i1 - 1]! + 1;
      let y1 = x1 - k1;
      while (x1 < n && y1 < m && a[alo + x1] === b[blo + y1]) {
        x1++;
        y1++;
      }
      v1[i1] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const i2 = offset + delta - k1;
        if (i2 >= 0 && i2 < size && v2[i2] !== -1 && x1 >= n - v2[i2]!) return [alo + x1, blo + y1];
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const i2 = offset + k2;
      let x2 = k2 === -d || (k2 !== d && v2[i2 - 1]! < v2[i2 + 1]!) ? v2[i2 + 1]! : v2[i2 - 1]! + 1;
      let y2 = x2 - k2;
      while (x2 < n && y2 < m && a[ahi - 1 - x2] === b[bhi - 1 - y2]) {
        x2++;
        y2++;
      }
      v2[i2] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const i1 = offset + delta - k2;
        if (i1 >= 0 && i1 < size && v1[i1] !== -1) {
          const x1 = v1[i1]!;
          const y1 = offset + x1 - i1;
          if (x1 >= n - x2) return [alo + x1, blo + y1];
        }
      }
    }
  }
  return null;
}

function words(s: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of s.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

/** Dice coefficient of two word counts (with multiplicity), 0..1; null when neither has a word. */
function dice(wa: Map<string, number>, wb: Map<string, number>): number | null {
  let na = 0;
  let nb = 0;
  let common = 0;
  for (const c of wa.values()) na += c;
  for (const [w, c] of wb) {
    nb += c;
    common += Math.min(c, wa.get(w) ?? 0);
  }
  return na + nb === 0 ? null : (2 * common) / (na + nb);
}

/** Dice coefficient over the words of two sentences (counted with multiplicity), 0..1. */
export function wordSimilarity(a: string, b: string): number {
  return dice(words(a), words(b)) ?? (a.trim() === b.trim() ? 1 : 0);
}

/** Pairs (old, new) of similar sentences in one run of differences, in order, maximising total similarity. */
function pairSimilar(oldS: string[], newS: string[]): Array<[number, number]> {
  const n = oldS.length;
  const m = newS.length;
  if (n === 0 || m === 0) return [];
  if (n * m > 250_000) {
    // Too large to weigh every pair: pair greedily along the run.
    const pairs: Array<[number, number]> = [];
    let j = 0;
    for (let i = 0; i < n && j < m; i++) {
      for (let k = j; k < Math.min(m, j + 20); k++) {
        if (wordSimilarity(oldS[i]!, newS[k]!) > CHANGED_SIMILARITY) {
          pairs.push([i, k]);
          j = k + 1;
          break;
        }
      }
    }
    return pairs;
  }
  const oldWords = oldS.map(words);
  const newWords = newS.map(words);
  const sim = (i: number, j: number): number => dice(oldWords[i]!, newWords[j]!) ?? 0;
  // dp[i][j]: best total similarity pairing old[0..i) with new[0..j) without crossing.
  const w = m + 1;
  const dp = new Float64Array((n + 1) * w);
  const weight = new Float64Array(n * m);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = sim(i - 1, j - 1);
      weight[(i - 1) * m + (j - 1)] = s;
      let best = Math.max(dp[(i - 1) * w + j]!, dp[i * w + j - 1]!);
      if (s > CHANGED_SIMILARITY) best = Math.max(best, dp[(i - 1) * w + j - 1]! + s);
      dp[i * w + j] = best;
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const s = weight[(i - 1) * m + (j - 1)]!;
    if (s > CHANGED_SIMILARITY && dp[i * w + j] === dp[(i - 1) * w + j - 1]! + s) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (dp[i * w + j] === dp[(i - 1) * w + j]) i--;
    else j--;
  }
  return pairs.reverse();
}

/** Sentences added, removed and changed from `oldText` to `newText`. */
export function diffSentences(oldText: string, newText: string): SentenceDiff {
  const oldSpans = segmentSentences(oldText);
  const newSpans = segmentSentences(newText);
  const oldStr = oldSpans.map((s) => oldText.slice(s.start, s.end));
  const newStr = newSpans.map((s) => newText.slice(s.start, s.end));
  // Sentences compare by their words and punctuation; re-wrapped lines are not a change.
  const ids = new Map<string, number>();
  const id = (s: string) => {
    const key = s.replace(/\s+/g, ' ');
    let v = ids.get(key);
    if (v === undefined) ids.set(key, (v = ids.size));
    return v;
  };
  const a = Int32Array.from(oldStr, id);
  const b = Int32Array.from(newStr, id);
  const pairs = commonPairs(a, b);

  const diff: SentenceDiff = { added: [], removed: [], changed: [] };
  let i = 0;
  let j = 0;
  const flush = (iEnd: number, jEnd: number) => {
    const removedIdx: number[] = [];
    const addedIdx: number[] = [];
    for (let k = i; k < iEnd; k++) removedIdx.push(k);
    for (let k = j; k < jEnd; k++) addedIdx.push(k);
    const similar = pairSimilar(removedIdx.map((k) => oldStr[k]!), addedIdx.map((k) => newStr[k]!));
    const pairedOld = new Set(similar.map(([p]) => p));
    const pairedNew = new Set(similar.map(([, q]) => q));
    removedIdx.forEach((k, idx) => {
      if (!pairedOld.has(idx)) diff.removed.push(oldSpans[k]!);
    });
    addedIdx.forEach((k, idx) => {
      if (!pairedNew.has(idx)) diff.added.push(newSpans[k]!);
    });
    for (const [p, q] of similar) diff.changed.push({ old: oldSpans[removedIdx[p]!]!, new: newSpans[addedIdx[q]!]! });
  };
  for (const [pi, pj] of pairs) {
    if (pi > i || pj > j) flush(pi, pj);
    i = pi + 1;
    j = pj + 1;
  }
  if (i < a.length || j < b.length) flush(a.length, b.length);
  return diff;
}
