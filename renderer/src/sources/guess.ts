import type { Source } from '../../../common/domain';
import { nameKey } from '../../../common/selectors';

// What to offer as the source of an attribution phrase. An existing source named in the phrase
// (by name or alias) comes first; otherwise the longest run of capitalised words, after any title
// ("presidential aide Yury Ushakov said" -> "Yury Ushakov", "Foreign Minister Sergey Lavrov" ->
// "Sergey Lavrov"). Simple and general: no name lists beyond titles and sentence openers.

/** Capitalised words that open sentences or phrases, never a name. */
const OPENERS = new Set(
  (
    'a an the according as at but by for from he her his however in it its meanwhile on she so ' +
    'that their these they this those to we when while with'
  ).split(' '),
);

/** Titles and roles: the name follows them. */
const TITLES = new Set(
  (
    'aide adviser advisor ambassador cardinal chairman chairwoman chair chancellor chief commander ' +
    'commissioner congressman congresswoman councillor councilor dr director general governor judge ' +
    'king leader lord mayor minister mr mrs ms pm pope premier president prime prince princess prof ' +
    'professor queen rep representative secretary sen senator sheikh sir speaker spokesman ' +
    'spokesperson spokeswoman'
  ).split(' '),
);

/** Lower-case words that may sit inside a name ("Ministry of Defence", "Ursula von der Leyen"). */
const CONNECTORS = new Set(['of', 'de', 'der', 'van', 'von', 'bin', 'al', 'la', 'le', 'du', 'da', 'for', 'and']);

function clean(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+/u, '').replace(/(['’]s)?[^\p{L}\p{N}.]*$/u, '').replace(/\.$/, '');
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** A proper-noun run in the phrase, or '' when there is none. */
export function guessSourceName(phrase: string): string {
  const words = phrase.split(/\s+/).map(clean).filter(Boolean);
  const runs: string[][] = [];
  let run: string[] = [];
  const close = () => {
    while (run.length && CONNECTORS.has(run[run.length - 1]!)) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (const word of words) {
    const lower = word.toLowerCase();
    if (isCapitalised(word) && !(run.length === 0 && OPENERS.has(lower))) run.push(word);
    else if (run.length > 0 && CONNECTORS.has(word)) run.push(word);
    else close();
  }
  close();
  // Drop everything up to the last title: the name comes after it.
  const named = runs
    .map((r) => {
      let last = -1;
      r.forEach((w, i) => TITLES.has(w.toLowerCase()) && (last = i));
      return last >= 0 && last < r.length - 1 ? r.slice(last + 1) : r;
    })
    .filter((r) => !(r.length === 1 && TITLES.has(r[0]!.toLowerCase())));
  let best: string[] | null = null;
  for (const r of named) if (!best || r.length >= best.length) best = r;
  return best ? best.join(' ') : '';
}

function containsWords(haystack: string, needle: string): boolean {
  const n = needle.trim().toLowerCase();
  if (!n) return false;
  const h = haystack.toLowerCase();
  let at = h.indexOf(n);
  while (at >= 0) {
    const before = at === 0 ? '' : h[at - 1]!;
    const after = h[at + n.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = h.indexOf(n, at + 1);
  }
  return false;
}

/** The existing source whose name or alias the phrase names (the longest such mention wins). */
export function sourceNamedIn(phrase: string, sources: readonly Source[]): Source | null {
  let best: { source: Source; length: number } | null = null;
  for (const s of sources) {
    for (const name of [s.name, ...s.aliases]) {
      if (containsWords(phrase, name) && (!best || name.length > best.length)) best = { source: s, length: name.length };
    }
  }
  return best?.source ?? null;
}

/** The source whose name or one alias is exactly `text` (ignoring case and outer spaces). */
export function sourceNamed(text: string, sources: readonly Source[]): Source | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  return (
    sources.find((s) => s.name.toLowerCase() === t) ??
    sources.find((s) => s.aliases.some((a) => a.toLowerCase() === t)) ??
    null
  );
}

/** Type-ahead over names and aliases: names that start with the query first, then any word match. */
export function searchSources(query: string, sources: readonly Source[], limit = 50): Source[] {
  const q = query.trim().toLowerCase();
  if (!q) return sources.slice(0, limit);
  const scored: Array<{ s: Source; score: number }> = [];
  for (const s of sources) {
    const name = s.name.toLowerCase();
    let score = name.startsWith(q) ? 0 : name.includes(q) ? 2 : Infinity;
    for (const a of s.aliases) {
      const alias = a.toLowerCase();
      score = Math.min(score, alias.startsWith(q) ? 1 : alias.includes(q) ? 3 : Infinity);
    }
    if (score === Infinity && q.split(/\s+/).every((w) => name.includes(w) || s.aliases.some((a) => a.toLowerCase().includes(w)))) score = 4;
    if (score !== Infinity) scored.push({ s, score });
  }
  scored.sort((x, y) => x.score - y.score || x.s.name.localeCompare(y.s.name));
  return scored.slice(0, limit).map((x) => x.s);
}

/** A name as two names are compared: accents, case, width and invisible characters folded. */
function folded(name: string): string {
  return nameKey(name).normalize('NFKD').replace(/\p{M}/gu, '');
}

/**
 * The existing source the analyst most likely means by `text`, for Enter with nothing highlighted:
 * the exact name or alias (accents and case aside), else the one person whose surname it is
 * ("Ushakov" for "Yury Ushakov"), else the one source whose name or alias starts with it. Null
 * when none, or when it is not clear which.
 */
export function bestSourceMatch(text: string, sources: readonly Source[]): Source | null {
  const t = folded(text);
  if (!t) return null;
  const names = (s: Source) => [s.name, ...s.aliases].map(folded);
  const exact = sources.filter((s) => names(s).includes(t));
  if (exact.length === 1) return exact[0]!;
  const one = (list: Source[]) => (list.length === 1 ? list[0]! : null);
  if (!t.includes(' ')) {
    const bySurname = one(sources.filter((s) => names(s).some((n) => n.includes(' ') && n.split(' ').at(-1) === t)));
    if (bySurname) return bySurname;
  }
  return one(sources.filter((s) => names(s).some((n) => n.startsWith(t))));
}

/** An existing source whose name shares a word (4 letters or more) with `text`: maybe the same one. */
export function similarSource(text: string, sources: readonly Source[]): Source | null {
  const words = folded(text).split(' ').filter((w) => w.length >= 4);
  if (words.length === 0) return null;
  return sources.find((s) => [s.name, ...s.aliases].some((n) => folded(n).split(' ').some((w) => words.includes(w)))) ?? null;
}
