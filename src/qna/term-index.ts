import SearchableMap from 'minisearch/SearchableMap';

/**
 * A document as analysed terms, one list per field in the order of `TermIndexOptions.boosts`.
 * Terms come as numbers that `termText` turns into text, so that indexing need not look up each
 * occurrence of a term by its text.
 */
export interface IndexedDoc {
  id: string;
  fields: readonly (readonly number[])[];
}

export interface TermIndexOptions {
  /** Weight of each field, in field order. */
  boosts: readonly number[];
  /** Whether a query term also matches indexed terms that start with it. */
  prefix: (term: string) => boolean;
  /** How many edits a query term may be away from an indexed term it matches. */
  typos: (term: string) => number;
  /** Share of an exact match's score that a prefix or a typo match earns. */
  weights: { prefix: number; fuzzy: number };
}

export interface ScoredDoc {
  id: string;
  score: number;
  /** Query terms the document matched in any way, in query order. */
  matched: string[];
  /** Query terms the document contains literally. */
  exact: string[];
}

/** One indexed term a query term stands for: itself, a longer word it begins, or a near miss. */
interface Expansion {
  term: number;
  weight: number;
  literal: boolean;
}

/** A query term with its expansions; `first` numbers its first expansion across the query. */
interface QueryTerm {
  term: string;
  expansions: Expansion[];
  first: number;
  /** The most this term can add to a document's sum. */
  bound: number;
  /** Exact sums per document, once the term's postings have been visited. */
  sums?: TermSums;
}

interface TermSums {
  sum: Float64Array;
  /** 1 + where the document was first met (expansion and field), 0 when it was not. */
  first: Int32Array;
}

interface Match {
  sum: number;
  literal: boolean;
  where: number;
}

interface Candidate extends ScoredDoc {
  /** Where MiniSearch would first have met the document; orders equal scores the same way. */
  firstSeen: number;
}

// MiniSearch's BM25+ defaults: the ranking the confidence policy and the eval were tuned on.
const K = 1.2;
const B = 0.7;
const D = 0.5;
// The bounds and the exact scores add the same terms in different orders; this margin absorbs
// the rounding so that pruning never drops a document that belongs in the answer.
const SLACK = 1e-9;

/**
 * An inverted index that scores exactly like MiniSearch (same BM25+, field boosts, prefix and
 * typo weights, and the same summation order, so scores agree to the last bit) but returns only
 * the documents scoring at least `minShare` of the best one. Terms are visited from the most to
 * the least selective, and a common term's postings are skipped once no document that holds only
 * the remaining terms could reach that share (MaxScore). The radix tree for prefix and typo
 * lookups is MiniSearch's own, filled in the same order, so expansions come in the same order.
 */
export class TermIndex {
  private readonly ids: string[];
  private readonly fieldCount: number;
  private readonly termIds = new Map<string, number>();
  private readonly dictionary = new SearchableMap<number>();
  /** Unique terms per document and field, and their running mean per field, as MiniSearch keeps them. */
  private readonly fieldLength: Int32Array;
  private readonly avgFieldLength: number[];
  // Postings of (term, field), key = term * fieldCount + field: positions offsets[key] up to
  // offsets[key + 1] of docs (ascending) and tfs; idf and the highest score per key.
  private offsets = new Int32Array(1);
  private docs = new Int32Array(0);
  private tfs = new Int32Array(0);
  private idf = new Float64Array(0);
  private maxRaw = new Float64Array(0);

  constructor(
    docs: readonly IndexedDoc[],
    termText: (n: number) => string,
    private readonly options: TermIndexOptions,
  ) {
    this.ids = docs.map((d) => d.id);
    this.fieldCount = options.boosts.length;
    this.fieldLength = new Int32Array(docs.length * this.fieldCount);
    this.avgFieldLength = options.boosts.map(() => 0);
    this.index(docs, termText);
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  private index(docs: readonly IndexedDoc[], termText: (n: number) => string): void {
    const F = this.fieldCount;
    const keys: number[] = [];
    const postedDocs: number[] = [];
    const tfs: number[] = [];
    // Per term: the (document, field) it was last counted for, and where its count sits.
    const lastField: number[] = [];
    const slot: number[] = [];
    // The caller's term numbers to this index's ids, which count terms in first-seen order;
    // -1 for an empty term, which MiniSearch's tokenizer would have dropped.
    const idOf: number[] = [];
    let field = 0;
    docs.forEach((doc, d) => {
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
            tfs[slot[id]!]! += 1;
            continue;
          }
          lastField[id] = field;
          slot[id] = keys.length;
          keys.push(id * F + f);
          postedDocs.push(d);
          tfs.push(1);
          unique += 1;
        }
        this.fieldLength[d * F + f] = unique;
        // MiniSearch's running mean, step for step, so that field lengths normalise identically.
        this.avgFieldLength[f] = (this.avgFieldLength[f]! * d + unique) / (d + 1);
      }
    });
    this.sortPostings(keys, postedDocs, tfs);
    // First-seen order, as MiniSearch inserts: the tree's shape, and so the order of prefix and typo
    // expansions, then matches, and the scores add up in the same order.
    for (const [term, id] of this.termIds) this.dictionary.set(term, id);
  }

  /** Counting sort by key; stable, so each key's documents stay ascending. */
  private sortPostings(keys: number[], postedDocs: number[], tfs: number[]): void {
    const keyCount = this.termIds.size * this.fieldCount;
    const offsets = new Int32Array(keyCount + 1);
    for (const key of keys) offsets[key + 1] = offsets[key + 1]! + 1;
    for (let k = 0; k < keyCount; k += 1) offsets[k + 1] = offsets[k + 1]! + offsets[k]!;
    const cursor = offsets.slice(0, keyCount);
    this.docs = new Int32Array(keys.length);
    this.tfs = new Int32Array(keys.length);
    keys.forEach((key, i) => {
      const at = cursor[key]!;
      cursor[key] = at + 1;
      this.docs[at] = postedDocs[i]!;
      this.tfs[at] = tfs[i]!;
    });
    this.offsets = offsets;
    const total = this.ids.length;
    this.idf = new Float64Array(keyCount);
    this.maxRaw = new Float64Array(keyCount);
    for (let key = 0; key < keyCount; key += 1) {
      const matching = offsets[key + 1]! - offsets[key]!;
      if (matching === 0) continue;
      this.idf[key] = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
      let max = 0;
      for (let at = offsets[key]!; at < offsets[key + 1]!; at += 1) {
        max = Math.max(max, this.raw(key, at));
      }
      this.maxRaw[key] = max;
    }
  }

  /** MiniSearch's BM25+ for the posting at `at`, written as MiniSearch writes it. */
  private raw(key: number, at: number): number {
    const f = key % this.fieldCount;
    const termFreq = this.tfs[at]!;
    const fieldLength = this.fieldLength[this.docs[at]! * this.fieldCount + f]!;
    const avgFieldLength = this.avgFieldLength[f]!;
    return (
      this.idf[key]! *
      (D + (termFreq * (K + 1)) / (termFreq + K * (1 - B + (B * fieldLength) / avgFieldLength)))
    );
  }

  /** The term itself, then longer words it begins, then near misses: MiniSearch's order and weights. */
  private expand(term: string): Expansion[] {
    const out: Expansion[] = [];
    const self = this.termIds.get(term);
    if (self !== undefined) out.push({ term: self, weight: 1, literal: true });
    const prefixed = new Set<string>();
    if (this.options.prefix(term)) {
      for (const [word, id] of this.dictionary.atPrefix(term)) {
        const distance = word.length - term.length;
        if (!distance) continue;
        prefixed.add(word);
        const weight = (this.options.weights.prefix * word.length) / (word.length + 0.3 * distance);
        out.push({ term: id, weight, literal: false });
      }
    }
    const typos = this.options.typos(term);
    if (typos > 0) {
      for (const [word, [id, distance]] of this.dictionary.fuzzyGet(term, typos)) {
        if (!distance || prefixed.has(word)) continue;
        const weight = (this.options.weights.fuzzy * word.length) / (word.length + distance);
        out.push({ term: id, weight, literal: false });
      }
    }
    return out;
  }

  /** The most one query term can add to any document's sum. */
  private bound(expansions: readonly Expansion[]): number {
    let sum = 0;
    for (const e of expansions) {
      this.options.boosts.forEach((boost, f) => {
        sum += e.weight * boost * this.maxRaw[e.term * this.fieldCount + f]!;
      });
    }
    return sum * (1 + SLACK);
  }

  /**
   * Documents scoring at least `minShare` of the best, sorted by score (ties in MiniSearch's
   * order). Terms should be distinct; the score is, as in MiniSearch, the sum over matched terms
   * times their number.
   */
  search(terms: readonly string[], minShare: number): ScoredDoc[] {
    const query = this.plan(terms);
    const scored = this.candidates(query, minShare).map((doc) => this.score(doc, query));
    const best = scored.reduce((max, s) => Math.max(max, s.score), 0);
    return scored
      .filter((s) => s.score >= best * minShare)
      .sort((a, b) => b.score - a.score || a.firstSeen - b.firstSeen)
      .map(({ id, score, matched, exact }) => ({ id, score, matched, exact }));
  }

  private plan(terms: readonly string[]): QueryTerm[] {
    let position = 0;
    return terms.map((term) => {
      const expansions = this.expand(term);
      const first = position;
      position += expansions.length;
      return { term, expansions, first, bound: this.bound(expansions) };
    });
  }

  /**
   * Term at a time, most selective first: stops once the terms left could not lift an unseen
   * document to `minShare` of the best seen so far, then keeps the documents whose sum plus those
   * terms' bounds could still reach it. Each visited term keeps its exact per-document sums.
   */
  private candidates(query: QueryTerm[], minShare: number): number[] {
    const n = this.ids.length;
    const partial = new Float64Array(n);
    const count = new Int32Array(n);
    const seen: number[] = [];
    const order = [...query].sort((a, b) => b.bound - a.bound);
    const rest = order.map((_, p) => order.slice(p).reduce((s, q) => s + q.bound, 0));
    let best = 0;
    let p = 0;
    for (; p < order.length; p += 1) {
      if ((order.length - p) * rest[p]! < minShare * best * (1 - SLACK)) break;
      const q = order[p]!;
      const sums = { sum: new Float64Array(n), first: new Int32Array(n) };
      q.sums = sums;
      this.forEachPosting(q, (doc, where, contribution) => {
        if (sums.first[doc] === 0) {
          sums.first[doc] = where + 1;
          if (count[doc] === 0) seen.push(doc);
          count[doc] = count[doc]! + 1;
        }
        sums.sum[doc] = sums.sum[doc]! + contribution;
        partial[doc] = partial[doc]! + contribution;
        best = Math.max(best, count[doc]! * partial[doc]);
      });
    }
    const left = order.length - p;
    const leftSum = rest[p] ?? 0;
    const floor = minShare * best * (1 - SLACK);
    return seen.filter((doc) => (count[doc]! + left) * (partial[doc]! + leftSum) >= floor);
  }

  /** Every posting of a query term, in MiniSearch's order: expansions, then fields, then documents. */
  private forEachPosting(
    q: QueryTerm,
    visit: (doc: number, where: number, contribution: number) => void,
  ): void {
    const F = this.fieldCount;
    q.expansions.forEach((e, i) => {
      for (let f = 0; f < F; f += 1) {
        const key = e.term * F + f;
        const weight = e.weight * this.options.boosts[f]!;
        const where = (q.first + i) * F + f;
        for (let at = this.offsets[key]!; at < this.offsets[key + 1]!; at += 1) {
          visit(this.docs[at]!, where, weight * this.raw(key, at));
        }
      }
    });
  }

  /**
   * The exact score, summed in MiniSearch's order (terms, then expansions, then fields): from a
   * visited term's sums, or by looking the document up in a skipped term's postings.
   */
  private score(doc: number, query: QueryTerm[]): Candidate {
    let total = 0;
    let firstSeen = -1;
    const matched: string[] = [];
    const exact: string[] = [];
    for (const q of query) {
      const found = q.sums ? this.visited(q, q.sums, doc) : this.lookUp(q, doc);
      if (!found) continue;
      total += found.sum;
      matched.push(q.term);
      if (found.literal) exact.push(q.term);
      if (firstSeen < 0) firstSeen = found.where * this.ids.length + doc;
    }
    return { id: this.ids[doc]!, score: total * matched.length, matched, exact, firstSeen };
  }

  private visited(q: QueryTerm, sums: TermSums, doc: number): Match | undefined {
    const first = sums.first[doc]!;
    if (first === 0) return undefined;
    const where = first - 1;
    // The literal term, when indexed, is the first expansion; a document that holds it meets it first.
    const literal = q.expansions[0]?.literal === true && where < (q.first + 1) * this.fieldCount;
    return { sum: sums.sum[doc]!, literal, where };
  }

  private lookUp(q: QueryTerm, doc: number): Match | undefined {
    const F = this.fieldCount;
    let match: Match | undefined;
    q.expansions.forEach((e, i) => {
      for (let f = 0; f < F; f += 1) {
        const key = e.term * F + f;
        const at = this.find(key, doc);
        if (at < 0) continue;
        const contribution = e.weight * this.options.boosts[f]! * this.raw(key, at);
        match ??= { sum: 0, literal: false, where: (q.first + i) * F + f };
        match.sum += contribution;
        match.literal ||= e.literal;
      }
    });
    return match;
  }

  /** Position of `doc` in the postings of `key`, or -1. */
  private find(key: number, doc: number): number {
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
}
