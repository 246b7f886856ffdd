import SearchableMap from 'minisearch/SearchableMap';

/**
 * A document as analysed terms, one list per field. Terms come as numbers that `termText` turns
 * into text, so that indexing need not look up each occurrence of a term by its text.
 */
export interface IndexedDoc {
  id: string;
  fields: readonly (readonly number[])[];
}

// MiniSearch's BM25+ defaults: the ranking the confidence policy and the eval were tuned on.
const K = 1.2;
const B = 0.7;
const D = 0.5;

/**
 * The postings of every (term, field), each with its BM25+ score computed exactly as MiniSearch
 * computes it (same formula, document frequencies and running mean of field lengths), so that
 * sums of these scores equal MiniSearch's to the last bit. Terms are numbered in first-seen order
 * and go into MiniSearch's radix tree in that order, which makes the tree, and so the order of
 * prefix and typo expansions, the same as MiniSearch's.
 */
export class TermPostings {
  readonly ids: string[] = [];
  readonly dictionary = new SearchableMap<number>();
  private readonly termIds = new Map<string, number>();
  // Postings of key = term * fieldCount + field sit at offsets[key] up to offsets[key + 1] of
  // docs (ascending) and scores; maxScore is the highest score per key.
  offsets = new Int32Array(1);
  docs = new Int32Array(0);
  scores = new Float64Array(0);
  maxScore = new Float64Array(0);

  /** Reads `docs` once, in order; a generator lets each document's arrays die young. */
  constructor(
    docs: Iterable<IndexedDoc>,
    termText: (n: number) => string,
    readonly fieldCount: number,
  ) {
    this.build(docs, termText);
  }

  idOf(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** Position of `doc` in the postings of `key`, or -1. */
  find(key: number, doc: number): number {
    let lo = this.offsets[key]!;
    let hi = this.offsets[key + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.docs[mid]!;
      if (at === doc) return mid;
      if (at < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private build(docs: Iterable<IndexedDoc>, termText: (n: number) => string): void {
    const F = this.fieldCount;
    const postings = new PostingBuffer();
    const fieldLength: number[] = [];
    const avgFieldLength = new Array<number>(F).fill(0);
    // Per term: the (document, field) it was last counted in, and where that count sits.
    const lastField: number[] = [];
    const slot: number[] = [];
    // The caller's term numbers to ids here; -1 for an empty term, which MiniSearch would drop.
    const idOf: number[] = [];
    let field = 0;
    let d = 0;
    for (const doc of docs) {
      this.ids.push(doc.id);
      for (let f = 0; f < F; f += 1) {
        field += 1;
        let unique = 0;
        for (const n of doc.fields[f] ?? []) {
          let id = idOf[n];
          if (id === undefined) {
            const text = termText(n);
            id = text.length === 0 ? -1 : this.termIds.size;
            idOf[n] = id;
            if (id >= 0) this.termIds.set(text, id);
          }
          if (id < 0) continue;
          if (lastField[id] === field) {
            postings.tfs[slot[id]!]! += 1;
            continue;
          }
          lastField[id] = field;
          slot[id] = postings.push(id * F + f, d);
          unique += 1;
        }
        fieldLength.push(unique);
        // MiniSearch's running mean, step for step, so that lengths normalise identically.
        avgFieldLength[f] = (avgFieldLength[f]! * d + unique) / (d + 1);
      }
      d += 1;
    }
    const keys = postings.keys.subarray(0, postings.length);
    const at = this.sort(keys, postings.docs);
    this.score(keys, postings.tfs, at, fieldLength, avgFieldLength);
    for (const [term, id] of this.termIds) this.dictionary.set(term, id);
  }

  /** Counting sort by key (stable: documents stay ascending); returns each posting's new place. */
  private sort(keys: Int32Array, postedDocs: Int32Array): Int32Array {
    const keyCount = this.termIds.size * this.fieldCount;
    const offsets = new Int32Array(keyCount + 1);
    for (const key of keys) offsets[key + 1] = offsets[key + 1]! + 1;
    for (let k = 0; k < keyCount; k += 1) offsets[k + 1] = offsets[k + 1]! + offsets[k]!;
    const cursor = offsets.slice(0, keyCount);
    const at = new Int32Array(keys.length);
    this.docs = new Int32Array(keys.length);
    keys.forEach((key, i) => {
      const place = cursor[key]!;
      cursor[key] = place + 1;
      at[i] = place;
      this.docs[place] = postedDocs[i]!;
    });
    this.offsets = offsets;
    return at;
  }

  /** MiniSearch's BM25+ per posting, written as MiniSearch writes it (the order of operations counts). */
  private score(
    keys: Int32Array,
    tfs: Int32Array,
    at: Int32Array,
    fieldLengths: readonly number[],
    avgFieldLengths: readonly number[],
  ): void {
    const total = this.ids.length;
    this.scores = new Float64Array(keys.length);
    this.maxScore = new Float64Array(this.offsets.length - 1);
    keys.forEach((key, i) => {
      const place = at[i]!;
      const termFreq = tfs[i]!;
      const matching = this.offsets[key + 1]! - this.offsets[key]!;
      const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
      const f = key % this.fieldCount;
      const fieldLength = fieldLengths[this.docs[place]! * this.fieldCount + f]!;
      const avgFieldLength = avgFieldLengths[f]!;
      const score =
        idf *
        (D + (termFreq * (K + 1)) / (termFreq + K * (1 - B + (B * fieldLength) / avgFieldLength)));
      this.scores[place] = score;
      this.maxScore[key] = Math.max(this.maxScore[key]!, score);
    });
  }
}

/** Postings as they are read (key, document, term frequency), in typed arrays that double as needed. */
class PostingBuffer {
  keys = new Int32Array(1024);
  docs = new Int32Array(1024);
  tfs = new Int32Array(1024);
  length = 0;

  /** Adds a posting with frequency 1 and returns its place. */
  push(key: number, doc: number): number {
    if (this.length === this.keys.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const bigger = new Int32Array(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.keys = grow(this.keys);
      this.docs = grow(this.docs);
      this.tfs = grow(this.tfs);
    }
    this.keys[this.length] = key;
    this.docs[this.length] = doc;
    this.tfs[this.length] = 1;
    return this.length++;
  }
}
