import { describe, expect, it } from 'vitest';
import { anchor, anchorAll, type Selector } from './anchor';

/** A selector as the app stores it: offsets plus the quote with 32 characters of context each side. */
function select(text: string, quote: string, occurrence = 0): Selector {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`not found: ${quote}`);
  const end = start + quote.length;
  return { start, end, exact: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
}

const P1 = 'The ministry published its annual report on Monday. It said spending on consultants rose sharply.';
const P2 = 'Officials declined to comment on the figures. A spokesperson said the review was ongoing.';
const P3 = 'The minister told parliament that the budget would rise by five percent next year. Critics were unconvinced.';
const P4 = 'In a separate statement, the agency said the contract had been awarded lawfully. The auditor disagreed with the agency.';
const P5 = 'The report will be debated in committee. The agency said it welcomed the debate.';
const V1 = [P1, P2, P3, P4, P5].join('\n\n');

// Version 2: two sentences inserted before P2, a word changed in P3, P4 removed.
const INSERTED = 'New evidence emerged late on Tuesday. Reporters obtained internal emails. ';
const V2 = [P1, INSERTED + P2, P3.replace('would rise by', 'would fall by'), P5].join('\n\n');

describe('anchor', () => {
  const unchanged = select(V1, 'It said spending on consultants rose sharply.');
  const moved = select(V1, 'A spokesperson said the review was ongoing.');
  const edited = select(V1, 'the budget would rise by five percent next year');
  const removed = select(V1, 'the contract had been awarded lawfully');
  const removedShort = select(V1, 'agency', 1); // "The auditor disagreed with the agency."
  const twiceSecond = select(V1, 'agency said', 1); // in P5; "agency said" also occurs in P4, which is removed
  const last = select(V1, 'it welcomed the debate');

  it('keeps annotations whose offsets still hold the quote', () => {
    expect(anchor(V2, unchanged)).toEqual({ start: unchanged.start, end: unchanged.end, how: 'position' });
  });

  it('moves annotations after inserted text (exact quote)', () => {
    const a = anchor(V2, moved)!;
    expect(a.how).toBe('exact');
    expect(a.start).toBe(moved.start + INSERTED.length);
    expect(V2.slice(a.start, a.end)).toBe(moved.exact);
    const b = anchor(V2, last)!;
    expect(b.how).toBe('exact');
    expect(V2.slice(b.start, b.end)).toBe(last.exact);
  });

  it('finds an edited quote approximately (fuzzy)', () => {
    const a = anchor(V2, edited)!;
    expect(a.how).toBe('fuzzy');
    expect(V2.slice(a.start, a.end)).toBe('the budget would fall by five percent next year');
  });

  it('orphans annotations whose passage was removed, even when a short quote occurs elsewhere', () => {
    expect(anchor(V2, removed)).toBeNull();
    expect(V2).toContain('agency');
    expect(anchor(V2, removedShort)).toBeNull();
  });

  it('chooses among repeated quotes by context', () => {
    const a = anchor(V2, twiceSecond)!;
    expect(a).not.toBeNull();
    expect(V2.slice(a.start - 6, a.end + 12)).toBe('. The agency said it welcomed');
    // The same quote with the first occurrence's context picks the first one.
    const text = 'The agency said yes. Later, the board met. The agency said no.';
    const first = select(text, 'The agency said', 0);
    const second = select(text, 'The agency said', 1);
    const shifted = 'Preface. ' + text;
    expect(anchor(shifted, first)!.start).toBe(first.start + 9);
    expect(anchor(shifted, second)!.start).toBe(second.start + 9);
  });

  it('orphans a quote changed beyond recognition, and handles empty or out-of-range selectors', () => {
    const rewritten = V1.replace(P3, 'Parliament heard nothing about money this year, according to the clerk. Critics were unconvinced.');
    expect(anchor(rewritten, edited)).toBeNull();
    expect(anchor(V1, { start: 0, end: 0, exact: '', prefix: '', suffix: '' })).toBeNull();
    const beyond = { ...moved, start: V1.length + 100, end: V1.length + 140 };
    expect(anchor(V1, beyond)!.start).toBe(moved.start);
  });

  it('anchorAll re-anchors a whole set, in input order', () => {
    const sels = [last, removed, unchanged, edited, moved, removedShort, twiceSecond];
    const results = anchorAll(V2, sels);
    expect(results.map((r) => r?.how ?? 'orphan')).toEqual(['exact', 'orphan', 'position', 'fuzzy', 'exact', 'orphan', 'exact']);
    results.forEach((r, i) => {
      if (r && r.how !== 'fuzzy') expect(V2.slice(r.start, r.end)).toBe(sels[i]!.exact);
    });
  });
});

// ------------------------------------------------------------------ scale

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** About `size` characters of English-like text: paragraphs of sentences from a skewed vocabulary. */
function corpus(size: number, seed: number): string {
  const rand = rng(seed);
  const syllables = ['ka', 'to', 'ri', 'men', 'sa', 'lo', 'ver', 'din', 'tu', 'pra', 'gel', 'mo', 'sen', 'da', 'ric', 'po', 'lan', 'te', 'vo', 'nu'];
  const vocab: string[] = ['the', 'of', 'and', 'to', 'in', 'a', 'that', 'said', 'was', 'for', 'on', 'with', 'by', 'it', 'as', 'from'];
  while (vocab.length < 3000) {
    const n = 1 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += syllables[Math.floor(rand() * syllables.length)];
    vocab.push(w);
  }
  const paras: string[] = [];
  let total = 0;
  while (total < size) {
    const sentences: string[] = [];
    const count = 2 + Math.floor(rand() * 5);
    for (let s = 0; s < count; s++) {
      const words: string[] = [];
      const len = 8 + Math.floor(rand() * 18);
      for (let w = 0; w < len; w++) words.push(vocab[Math.floor(vocab.length * rand() ** 2.5)]!);
      const sentence = words.join(' ');
      sentences.push(sentence[0]!.toUpperCase() + sentence.slice(1) + '.');
    }
    const p = sentences.join(' ');
    paras.push(p);
    total += p.length + 2;
  }
  return paras.join('\n\n');
}

describe('anchor at scale', () => {
  it('re-anchors 5,000 annotations on a 1 MB text edited in many places within a few seconds', () => {
    const rand = rng(42);
    const v1 = corpus(1024 * 1024, 1);
    const paraStarts: number[] = [0];
    for (let i = v1.indexOf('\n\n'); i !== -1; i = v1.indexOf('\n\n', i + 1)) paraStarts.push(i + 2);

    // 5,000 annotations: phrases of 3-12 words at random places.
    const sels: Selector[] = [];
    while (sels.length < 5000) {
      let start = Math.floor(rand() * (v1.length - 200));
      while (start > 0 && v1[start - 1] !== ' ' && v1[start - 1] !== '\n') start--;
      let end = start;
      const words = 3 + Math.floor(rand() * 10);
      for (let w = 0; w < words; w++) {
        const next = v1.indexOf(' ', end + 1);
        if (next === -1) break;
        end = next;
      }
      if (end <= start || v1.slice(start, end).includes('\n')) continue;
      sels.push({ start, end, exact: v1.slice(start, end), prefix: v1.slice(Math.max(0, start - 32), start), suffix: v1.slice(end, end + 32) });
    }

    // Version 2: 40 sentences inserted, 30 paragraphs removed, 200 words changed, from the end backwards.
    type Edit = { at: number; remove: number; insert: string };
    const edits: Edit[] = [];
    for (let i = 0; i < 40; i++) edits.push({ at: paraStarts[Math.floor(rand() * paraStarts.length)]!, remove: 0, insert: 'An inserted sentence appears here for the test number ' + i + '. ' });
    const removedParas = new Set<number>();
    while (removedParas.size < 30) removedParas.add(1 + Math.floor(rand() * (paraStarts.length - 2)));
    for (const p of removedParas) edits.push({ at: paraStarts[p]!, remove: paraStarts[p + 1]! - paraStarts[p]!, insert: '' });
    for (let i = 0; i < 200; i++) {
      const sel = sels[Math.floor(rand() * sels.length)]!;
      const space = v1.indexOf(' ', sel.start + 1);
      if (space === -1 || space + 1 >= sel.end) continue;
      const wordEnd = v1.indexOf(' ', space + 1);
      if (wordEnd === -1 || wordEnd > sel.end || wordEnd - space < 4) continue;
      edits.push({ at: space + 1, remove: wordEnd - space - 1, insert: 'changed' });
    }
    edits.sort((a, b) => b.at - a.at);
    let v2 = v1;
    let lastAt = Infinity;
    const applied: Edit[] = [];
    for (const e of edits) {
      if (e.at + e.remove > lastAt) continue; // overlapping edit: skip
      v2 = v2.slice(0, e.at) + e.insert + v2.slice(e.at + e.remove);
      lastAt = e.at;
      applied.push(e);
    }
    // Where each annotation should be now: null if any of it was deleted or replaced.
    applied.reverse();
    const expected = sels.map((sel) => {
      let shift = 0;
      let touched = false;
      let deleted = false;
      for (const e of applied) {
        if (e.at + e.remove <= sel.start) shift += e.insert.length - e.remove;
        else if (e.at < sel.end && (e.remove > 0 || e.at > sel.start)) {
          touched = true;
          if (e.insert === '' && e.at <= sel.start && e.at + e.remove >= sel.end) deleted = true;
        }
      }
      return { start: sel.start + shift, touched, deleted };
    });

    const t0 = performance.now();
    const results = anchorAll(v2, sels);
    const ms = performance.now() - t0;
    const counts = { position: 0, exact: 0, fuzzy: 0, orphan: 0 };
    let misplaced = 0;
    let lostIntact = 0;
    let deletedButFound = 0;
    let editedLost = 0;
    let editedMisplaced = 0;
    results.forEach((r, i) => {
      counts[r?.how ?? 'orphan']++;
      if (r && r.how !== 'fuzzy') expect(v2.slice(r.start, r.end)).toBe(sels[i]!.exact);
      if (r?.how === 'fuzzy') expect(r.end).toBeGreaterThan(r.start);
      const want = expected[i]!;
      if (!want.touched && !r) lostIntact++;
      if (r && !want.touched && r.start !== want.start) misplaced++;
      if (want.deleted && r) deletedButFound++;
      if (want.touched && !want.deleted && !r) editedLost++;
      if (want.touched && !want.deleted && r && Math.abs(r.start - want.start) > 12) editedMisplaced++;
    });
    const deleted = expected.filter((e) => e.deleted).length;
    const edited = expected.filter((e) => e.touched && !e.deleted).length;
    console.log({ deleted, edited, misplaced, lostIntact, deletedButFound, editedLost, editedMisplaced });
    // Untouched passages are all found where they went; removed ones are orphans; edited ones mostly found.
    expect(misplaced).toBe(0);
    expect(lostIntact).toBe(0);
    expect(deletedButFound).toBeLessThanOrEqual(Math.ceil(deleted * 0.05));
    // A 3-word quote with one word replaced differs by more than 30%: an orphan by design.
    expect(editedLost).toBeLessThanOrEqual(Math.ceil(edited * 0.2));
    expect(editedMisplaced).toBe(0);
    console.log(`5,000 re-anchors on ${(v2.length / 1024 / 1024).toFixed(2)} MB: ${ms.toFixed(0)} ms`, counts);
    expect(counts.exact).toBeGreaterThan(2500);
    expect(counts.fuzzy).toBeGreaterThan(50);
    expect(counts.orphan).toBeGreaterThan(30);
    expect(counts.orphan).toBeLessThan(400);
    expect(ms).toBeLessThan(5000);

    // Unchanged text: every annotation anchors by position, nearly free.
    const t1 = performance.now();
    const same = anchorAll(v1, sels);
    const ms1 = performance.now() - t1;
    expect(same.every((r) => r?.how === 'position')).toBe(true);
    // Text inserted at the very start: every annotation moves, found by the exact path.
    const shifted = 'A new first paragraph.\n\n' + v1;
    const t2 = performance.now();
    const moved = anchorAll(shifted, sels);
    const ms2 = performance.now() - t2;
    expect(moved.every((r, i) => r?.how === 'exact' && r.start === sels[i]!.start + 24)).toBe(true);
    console.log(`unchanged: ${ms1.toFixed(0)} ms; all shifted: ${ms2.toFixed(0)} ms`);
    expect(ms2).toBeLessThan(1000);
  }, 60_000);
});
