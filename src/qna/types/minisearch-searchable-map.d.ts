// MiniSearch exports its radix tree as `minisearch/SearchableMap`, but the project's `node`
// module resolution does not read package exports; this covers the part the term index uses.
declare module 'minisearch/SearchableMap' {
  export default class SearchableMap<T = unknown> {
    set(key: string, value: T): this;
    get(key: string): T | undefined;
    atPrefix(prefix: string): SearchableMap<T>;
    /** Every key within `maxEditDistance` (Levenshtein) of `key`, with its value and distance. */
    fuzzyGet(key: string, maxEditDistance: number): Map<string, [T, number]>;
    entries(): IterableIterator<[string, T]>;
    [Symbol.iterator](): IterableIterator<[string, T]>;
  }
}
