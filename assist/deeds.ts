// One deed told twice: "Police arrested 14 protesters" ... "17 protesters were arrested", "The crash
// killed at least nine people" ... "seven people died", "cut 300 jobs" ... "the 450 layoffs". A count
// need not point back ("the 17") when both mentions count what one act did to the same kind of thing:
// the same verb, verbs of one synset, a verb and the one it causes (kill > die, WordNet's '>'), or a
// verb and the noun of its act (die / death, lay off / layoff). Updates keep them apart ("17 more",
// "another 17", "a further", "rising to", "in total", "now").

import { infinitive } from './nlp';
import type { Quantity } from './quantities';
import { wordnet, type Synset } from './wordnet';

/** Verbs that report or link, and say nothing about what was done. */
const NOT_DEEDS = new Set([
  'say', 'tell', 'report', 'add', 'state', 'announce', 'confirm', 'claim', 'estimate', 'believe', 'note', 'explain', 'insist', 'write',
  'suggest', 'show', 'be', 'have', 'do', 'make', 'get', 'put', 'give', 'take', 'include', 'number', 'total', 'reach', 'rise', 'fall',
  'increase', 'decrease', 'count', 'put', 'record', 'bring', 'leave', 'see', 'find', 'expect', 'need', 'remain', 'stand', 'become', 'go',
]);

/** What WordNet lacks: cutting jobs, posts or staff is laying them off. */
const JOB_NOUNS = new Set(['job', 'post', 'position', 'role', 'worker', 'staff', 'employee']);
const JOB_CUT_VERBS = new Set(['cut', 'shed', 'axe', 'ax', 'eliminate', 'slash', 'drop']);
/** Also what WordNet lacks: holding someone is arresting them (WordNet files "detain" under confining). */
const SAME_ACTS: ReadonlyArray<ReadonlySet<string>> = [new Set(['arrest', 'detain', 'apprehend'])];
/** "job cuts", "job losses": the noun of laying off. */
const JOB_LOSS_NOUNS = new Set(['cut', 'loss', 'reduction', 'cutback']);

/** An update, not the same figure told again: "17 more", "another", "a further", "rising to", "in total". */
const UPDATE = /\b(?:more(?!\s+than)|another|additional|further|later|now|risen|rising|rose|climbed|total|overall|altogether|in all|so far|new|again|extra|other|second|subsequently|since then)\b/i;

const verbCache = new Map<string, string[]>();

/** The WordNet verb lemmas a word form can be ("arrested" -> arrest, "died" -> die, "carried" -> carry). */
export function verbForms(word: string): string[] {
  const w = word.toLowerCase();
  const known = verbCache.get(w);
  if (known) return known;
  const wn = wordnet();
  const out: string[] = [];
  if (wn) {
    const tries = new Set([w]);
    if (w.endsWith('ied')) tries.add(`${w.slice(0, -3)}y`);
    if (w.endsWith('ed')) {
      tries.add(w.slice(0, -2));
      tries.add(w.slice(0, -1));
      if (/([b-df-hj-np-tv-z])\1ed$/.test(w)) tries.add(w.slice(0, -3));
    }
    if (w.endsWith('s')) tries.add(w.slice(0, -1));
    // ("stolen", "sold", "laid": irregular forms, by compromise's conjugation tables)
    if (!w.endsWith('ed')) tries.add(infinitive(w, new Set([w.endsWith('en') ? 'Participle' : 'PastTense'])));
    for (const t of tries) if (t.length >= 3 && wn.synsets(t, 'v').length > 0) out.push(t);
  }
  verbCache.set(w, out);
  return out;
}

const QUAL_BEFORE = /(?:\s+(?:at least|about|around|nearly|almost|some|more than|over|up to|roughly|an estimated|a total of|as many as))?\s*$/i;

/** The verbs of the act a count is the object or subject of, read from its clause and the words next to it. */
function deedVerbs(q: Quantity, text: string): string[] {
  const out = new Set<string>();
  if (q.frame.verb && !NOT_DEEDS.has(q.frame.verb)) out.add(q.frame.verb);
  // "17 protesters were arrested", "seven people died": the verb right after the counted phrase.
  const after = /^\s+(?:(?:were|was|had been|have been|has been|are|is|got)\s+)?(?:\p{L}+ly\s+)?(\p{L}+ed|died|cut|shed|hurt|lost|held|fled|\p{L}+en|sold|told|caught|bought|built|brought|sent|spent|struck|hit|shot|freed|seized|won|beaten|taken|thrown)\b/iu.exec(text.slice(q.end, q.end + 40));
  if (after) for (const v of verbForms(after[1]!)) if (!NOT_DEEDS.has(v)) out.add(v);
  // "cut 300 jobs": the verb right before the figure, when the tagger did not take it for one.
  const before = new RegExp(`\\b(\\p{Ll}+)${QUAL_BEFORE.source}`, 'iu').exec(text.slice(Math.max(0, q.start - 40), q.start));
  if (before && out.size === 0 && /(?:ed|cut|shed|axe)$/.test(before[1]!)) for (const v of verbForms(before[1]!)) if (!NOT_DEEDS.has(v)) out.add(v);
  if (q.head && JOB_NOUNS.has(q.head) && [...out].some((v) => JOB_CUT_VERBS.has(v))) out.add('lay_off');
  // "laid off 800 staff"
  if (/\b(?:lay|lays|laid|laying)\s+off\s+(?:\S+\s+){0,3}$/i.test(text.slice(Math.max(0, q.start - 40), q.start))) out.add('lay_off');
  return [...out];
}

const deedCache = new WeakMap<Quantity, string[]>();
function deedsOf(q: Quantity, text: string): string[] {
  let d = deedCache.get(q);
  if (!d) deedCache.set(q, (d = deedVerbs(q, text)));
  return d;
}

const pairCache = new Map<string, boolean>();

function verbSenses(v: string): Synset[] {
  return wordnet()?.synsets(v, 'v').slice(0, 4) ?? [];
}

/** Two verbs name one act: the same lemma, a shared sense, or one causes the other (kill > die). */
export function sameAct(x: string, y: string): boolean {
  if (x === y || SAME_ACTS.some((g) => g.has(x) && g.has(y))) return true;
  const key = x < y ? `${x}|${y}` : `${y}|${x}`;
  const known = pairCache.get(key);
  if (known !== undefined) return known;
  const wn = wordnet();
  let result = false;
  if (wn) {
    const sx = verbSenses(x);
    const sy = verbSenses(y);
    const ix = new Set(sx.map((s) => s.offset));
    const iy = new Set(sy.map((s) => s.offset));
    result =
      sy.some((s) => ix.has(s.offset)) ||
      wn.reach(sx, ['>'], 1).some((s) => iy.has(s.offset)) ||
      wn.reach(sy, ['>'], 1).some((s) => ix.has(s.offset));
  }
  pairCache.set(key, result);
  return result;
}

/** A noun naming the act of a verb, or of one it causes: "death" for die and kill, "layoff" for lay off, "arrest" for arrest. */
export function actNoun(noun: string, verb: string): boolean {
  const key = `${noun}<<${verb}`;
  const known = pairCache.get(key);
  if (known !== undefined) return known;
  const wn = wordnet();
  let result = false;
  if (wn) {
    const vs = verbSenses(verb);
    const ids = new Set([...vs, ...wn.reach(vs, ['>'], 1)].map((s) => s.offset));
    result = wn.synsets(noun, 'n').slice(0, 4).some((s) => s.pointers.some((p) => p.symbol === '+' && p.pos === 'v' && ids.has(p.offset)));
  }
  pairCache.set(key, result);
  return result;
}

/** What a count is narrowed to right after its verb: "died in the collapse of the market" -> collapse. */
const RESTRICTION = /^\s+(?:(?:were|was|had been|have been|has been)\s+)?(?:\p{L}+ed|died|hurt|lost|held)?\s*(?:in|at|inside|outside|from|during|near|on)\s+(?:the\s+|a\s+|its\s+|their\s+)?(\p{L}+)/iu;
const NOT_RESTRICTIONS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|total|all|morning|afternoon|evening|night|weekend|week|day|year|month|\d)/i;
function restriction(q: Quantity, text: string): string | null {
  // ("were injured seriously", "died instantly": a manner that picks some of them out)
  const manner = /^\s+(?:(?:were|was|had been|have been|has been)\s+)?(?:\p{L}+ed|died|hurt)\s+(\p{L}+ly)\b/iu.exec(text.slice(q.end, q.end + 60));
  if (manner) return manner[1]!.toLowerCase();
  const m = RESTRICTION.exec(text.slice(q.end, q.end + 60));
  return m && !NOT_RESTRICTIONS.test(m[1]!) ? m[1]!.toLowerCase() : null;
}

/** A count told of an update rather than restated ("17 more", "another 17", "rising to 31"). */
function update(q: Quantity, text: string): boolean {
  if (q.subset || q.compared) return true;
  const sentenceStart = Math.max(0, text.lastIndexOf('.', q.start) + 1, q.start - 120);
  return UPDATE.test(text.slice(sentenceStart, q.start)) || UPDATE.test(text.slice(q.start, Math.min(text.length, q.end + 25)).split(/[.;!?]/)[0]!);
}

/**
 * Two counts of what one act did to the same kind of thing: same (or related) act, and heads of one
 * kind (`sameThing`), or one head the noun of the other's act ("cut 300 jobs" / "the 450 layoffs").
 */
export function sameDeed(a: Quantity, b: Quantity, text: string, sameThing: (x: string, y: string) => boolean, oneText = false): boolean {
  if (a.kind !== 'count' || b.kind !== 'count' || a.head === null || b.head === null) return false;
  const va = deedsOf(a, text);
  const vb = deedsOf(b, text);
  if (va.length === 0 && vb.length === 0) return false;
  // "in Paris" / "in Lyon": told of different named places or parties.
  // (within one text both must name one: a lead's "in Kenya" and a later sentence that names nowhere
  // are one place; across documents a name on one side only already parts them)
  if ((oneText ? a.names.length > 0 && b.names.length > 0 : a.names.length > 0 || b.names.length > 0) && !a.names.some((n) => b.names.includes(n))) return false;
  const acts = va.some((x) => vb.some((y) => sameAct(x, y)));
  const things = a.head === b.head || sameThing(a.head, b.head);
  // ("the 1,100 job cuts": the noun of laying off)
  const jobLoss = (q: Quantity) => JOB_LOSS_NOUNS.has(q.head!) && q.mods.some((m) => JOB_NOUNS.has(m));
  const layOffs = (vs: string[]) => vs.includes('lay_off');
  if ((jobLoss(b) && layOffs(va) && vb.length === 0) || (jobLoss(a) && layOffs(vb) && va.length === 0)) return sameSite(a, b, text);
  const named = vb.length === 0 ? va.some((v) => actNoun(b.head!, v)) : va.length === 0 ? vb.some((v) => actNoun(a.head!, v)) : false;
  if (!((acts && things) || named)) return false;
  return sameSite(a, b, text);
}

/** Nothing narrows one count to a part of the other, and neither is an update. */
function sameSite(a: Quantity, b: Quantity, text: string): boolean {
  // "killed 31 people" / "26 people died in the collapse of the market": the smaller one, told of a
  // place or cause the other is not, is a part.
  const ra = restriction(a, text);
  const rb = restriction(b, text);
  if (ra !== rb && ((rb !== null && b.value < a.value) || (ra !== null && a.value < b.value))) return false;
  return !update(a, text) && !update(b, text);
}
