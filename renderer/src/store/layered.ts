// A read-only map that shares most of itself with the map it was made from: changes go into a
// small top layer over a base that is never written again, so a change costs what it changes,
// not a copy of thousands of entries. Once the top layer grows past an eighth of the base, the two
// fold into a new base (amortised: a few entries' work per change).

/** What the store's indexes offer their readers. */
export interface Lookup<K, V> {
  get(key: K): V | undefined;
  has(key: K): boolean;
  readonly size: number;
}

/** A removed key, in the top layer. */
const GONE = Symbol('gone');

export class Layered<K, V> implements Lookup<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly top: ReadonlyMap<K, V | typeof GONE>,
    readonly size: number,
  ) {}

  static from<K, V>(entries: Iterable<readonly [K, V]>): Layered<K, V> {
    const base = new Map(entries);
    return new Layered(base, new Map(), base.size);
  }

  get(key: K): V | undefined {
    const v = this.top.get(key);
    if (v === GONE) return undefined;
    return v !== undefined ? v : this.base.get(key);
  }

  has(key: K): boolean {
    const v = this.top.get(key);
    return v === undefined ? this.base.has(key) : v !== GONE;
  }

  /** This map with `set` written and `removed` taken out (this one is left as it is). */
  with(set: Iterable<readonly [K, V]>, removed: Iterable<K>): Layered<K, V> {
    const top = new Map(this.top);
    let size = this.size;
    for (const key of removed) {
      if (!hasIn(this.base, top, key)) continue;
      size--;
      top.set(key, GONE);
    }
    for (const [key, value] of set) {
      if (!hasIn(this.base, top, key)) size++;
      top.set(key, value);
    }
    if (top.size <= Math.max(32, this.base.size >> 3)) return new Layered(this.base, top, size);
    return Layered.from(mergedEntries(this.base, top));
  }

  /** Every entry (for tests and folding): the base's not overridden, then the top layer's. */
  entries(): Array<[K, V]> {
    return mergedEntries(this.base, this.top);
  }
}

function hasIn<K, V>(base: ReadonlyMap<K, V>, top: ReadonlyMap<K, V | typeof GONE>, key: K): boolean {
  const v = top.get(key);
  return v === undefined ? base.has(key) : v !== GONE;
}

function mergedEntries<K, V>(base: ReadonlyMap<K, V>, top: ReadonlyMap<K, V | typeof GONE>): Array<[K, V]> {
  const out: Array<[K, V]> = [];
  for (const [key, value] of base) if (!top.has(key)) out.push([key, value]);
  for (const [key, value] of top) if (value !== GONE) out.push([key, value]);
  return out;
}
