import { TermPostings, type IndexedDoc } from './term-postings';

export type { IndexedDoc } from './term-postings';

export interface TermIndexOptions {
  /** Weight of each field, in the order of `IndexedDoc.fields`. */
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
  /** 1 + where (expansion and field) the document was first met; 0 when it was not. */
  first: Int32Array;
}

interface Candidate {
  doc: number;
  score: number;
  /** Where MiniSearch would first have met the document; orders equal scores the same way. */
  firstSeen: number;
}

// The bounds and the exact scores add the same numbers in different orders; this margin absorbs
// the rounding, so that pruning never drops a document that belongs in the answer.
const SLACK = 1e-9;

/**
 * A term index that scores like MiniSearch (BM25+, field boosts, prefix and typo weights, summed
 * in the same order, so scores agree to the last bit) but returns only the documents scoring at
 * least `minShare` of the best. Terms are visited from the most to the least selective, and the
 * postings of common terms are skipped once no document holding only those could reach that share
 * (MaxScore); the documents left are then scored exactly.
 */
export class TermIndex {
  private readonly postings: TermPostings;
  private readonly scratch: Scratch;

  /** Reads `docs` once, in order (see `TermPostings`). */
  constructor(
    docs: Iterable<IndexedDoc>,
    termText: (n: number) => string,
    private readonly options: TermIndexOptions,
  ) {
    this.postings = new TermPostings(docs, termText, options.boosts.length);
    this.scratch = new Scratch(this.postings.ids.length);
  }

  has(term: string): boolean {
    return this.postings.idOf(term) !== undefined;
  }

  /**
   * Documents scoring at least `minShare` of the best, sorted by score (ties in MiniSearch's
   * order). Terms should be distinct; the score is, as in MiniSearch, the sum over matched terms
   * times their number.
   */
  search(terms: readonly string[], minShare: number): ScoredDoc[] {
    const query = this.plan(terms);
    const seen: number[] = [];
    try {
      const scored: Candidate[] = [];
      let best = 0;
      // Best bound first: once a bound falls below the share of the best exact score, so do the rest.
      for (const { doc, bound } of this.candidates(query, minShare, seen)) {
        if (bound < minShare * best * (1 - SLACK)) break;
        const candidate = this.score(doc, query);
        scored.push(candidate);
        best = Math.max(best, candidate.score);
      }
      return scored
        .filter((s) => s.score >= best * minShare)
        .sort((a, b) => b.score - a.score || a.firstSeen - b.firstSeen)
        .map((s) => ({
          id: this.postings.ids[s.doc]!,
          score: s.score,
          ...this.terms(s.doc, query),
        }));
    } finally {
      this.scratch.clear(seen);
    }
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

  /** The term itself, then longer words it begins, then near misses: MiniSearch's order and weights. */
  private expand(term: string): Expansion[] {
    const { dictionary } = this.postings;
    const out: Expansion[] = [];
    const self = this.postings.idOf(term);
    if (self !== undefined) out.push({ term: self, weight: 1, literal: true });
    const prefixed = new Set<string>();
    if (this.options.prefix(term)) {
      for (const [word, id] of dictionary.atPrefix(term)) {
        const distance = word.length - term.length;
        if (!distance) continue;
        prefixed.add(word);
        const weight = (this.options.weights.prefix * word.length) / (word.length + 0.3 * distance);
        out.push({ term: id, weight, literal: false });
      }
    }
    const typos = this.options.typos(term);
    if (typos > 0) {
      for (const [word, [id, distance]] of dictionary.fuzzyGet(term, typos)) {
        if (!distance || prefixed.has(word)) continue;
        const weight = (this.options.weights.fuzzy * word.length) / (word.length + distance);
        out.push({ term: id, weight, literal: false });
      }
    }
    return out;
  }

  private bound(expansions: readonly Expansion[]): number {
    let sum = 0;
    for (const e of expansions) {
      this.options.boosts.forEach((boost, f) => {
        sum += e.weight * boost * this.postings.maxScore[e.term * this.options.boosts.length + f]!;
      });
    }
    return sum * (1 + SLACK);
  }

  /**
   * Term at a time, most selective first: stops once the terms left could not lift an unseen
   * document to `minShare` of the best seen so far, then keeps the documents whose sum plus those
   * terms' bounds could still reach it. Each visited term keeps its exact per-document sums.
   */
  private candidates(
    query: QueryTerm[],
    minShare: number,
    seen: number[],
  ): { doc: number; bound: number }[] {
    const { partial, count } = this.scratch;
    const { offsets, docs, scores } = this.postings;
    const F = this.options.boosts.length;
    const order = [...query].sort((a, b) => b.bound - a.bound);
    const rest = order.map((_, p) => order.slice(p).reduce((s, q) => s + q.bound, 0));
    let best = 0;
    let p = 0;
    for (; p < order.length; p += 1) {
      if ((order.length - p) * rest[p]! < minShare * best * (1 - SLACK)) break;
      const q = order[p]!;
      const sums = (q.sums = this.scratch.termSums(p));
      q.expansions.forEach((e, i) => {
        for (let f = 0; f < F; f += 1) {
          const key = e.term * F + f;
          const weight = e.weight * this.options.boosts[f]!;
          const where = (q.first + i) * F + f + 1;
          for (let at = offsets[key]!; at < offsets[key + 1]!; at += 1) {
            const doc = docs[at]!;
            const contribution = weight * scores[at]!;
            if (sums.first[doc] === 0) {
              sums.first[doc] = where;
              if (count[doc] === 0) seen.push(doc);
              count[doc] = count[doc]! + 1;
            }
            sums.sum[doc] = sums.sum[doc]! + contribution;
            partial[doc] = partial[doc]! + contribution;
            best = Math.max(best, count[doc]! * partial[doc]);
          }
        }
      });
    }
    const left = order.length - p;
    const leftSum = rest[p] ?? 0;
    const floor = minShare * best * (1 - SLACK);
    return seen
      .map((doc) => ({
        doc,
        bound: (count[doc]! + left) * (partial[doc]! + leftSum) * (1 + SLACK),
      }))
      .filter((c) => c.bound >= floor)
      .sort((a, b) => b.bound - a.bound);
  }

  /**
   * The exact score, summed in MiniSearch's order (terms, then expansions, then fields): from a
   * visited term's sums, or by looking the document up in a skipped term's postings.
   */
  private score(doc: number, query: readonly QueryTerm[]): Candidate {
    const F = this.options.boosts.length;
    let total = 0;
    let quality = 0;
    let firstSeen = -1;
    for (const q of query) {
      let sum = 0;
      let where = -1;
      if (q.sums) {
        where = q.sums.first[doc]! - 1;
        sum = q.sums.sum[doc]!;
      } else {
        q.expansions.forEach((e, i) => {
          for (let f = 0; f < F; f += 1) {
            const at = this.postings.find(e.term * F + f, doc);
            if (at < 0) continue;
            sum += e.weight * this.options.boosts[f]! * this.postings.scores[at]!;
            if (where < 0) where = (q.first + i) * F + f;
          }
        });
      }
      if (where < 0) continue;
      total += sum;
      quality += 1;
      if (firstSeen < 0) firstSeen = where * this.postings.ids.length + doc;
    }
    return { doc, score: total * quality, firstSeen };
  }

  /** Which query terms a document matched, and which of those it holds literally. */
  private terms(doc: number, query: readonly QueryTerm[]): { matched: string[]; exact: string[] } {
    const F = this.options.boosts.length;
    const holds = (e: Expansion): boolean =>
      this.options.boosts.some((_, f) => this.postings.find(e.term * F + f, doc) >= 0);
    const matched: string[] = [];
    const exact: string[] = [];
    for (const q of query) {
      const literal = q.expansions[0]?.literal === true ? q.expansions[0] : undefined;
      if (q.sums) {
        // Expansions are visited in order, so a document holding the literal term meets it first.
        const where = q.sums.first[doc]! - 1;
        if (where < 0) continue;
        matched.push(q.term);
        if (literal && where < (q.first + 1) * F) exact.push(q.term);
      } else if (q.expansions.some(holds)) {
        matched.push(q.term);
        if (literal && holds(literal)) exact.push(q.term);
      }
    }
    return { matched, exact };
  }
}

// Questions rarely have more terms than this; a longer one allocates sums for the rest.
const KEPT_TERM_SUMS = 12;

/**
 * Per-document sums, kept between questions and cleared entry by entry: fresh arrays of 10 000
 * entries for every term of every question kept the garbage collector busy.
 */
class Scratch {
  readonly partial: Float64Array;
  readonly count: Int32Array;
  private readonly sums: TermSums[] = [];
  private used = 0;

  constructor(private readonly size: number) {
    this.partial = new Float64Array(size);
    this.count = new Int32Array(size);
  }

  /** Zeroed sums for the query's `p`-th visited term. */
  termSums(p: number): TermSums {
    const fresh = (): TermSums => ({
      sum: new Float64Array(this.size),
      first: new Int32Array(this.size),
    });
    if (p >= KEPT_TERM_SUMS) return fresh();
    this.used = Math.max(this.used, p + 1);
    return (this.sums[p] ??= fresh());
  }

  /** Zeroes every entry a query touched; `seen` lists each document any visited term met. */
  clear(seen: readonly number[]): void {
    const sums = this.sums.slice(0, this.used);
    for (const doc of seen) {
      this.partial[doc] = 0;
      this.count[doc] = 0;
      for (const s of sums) {
        s.sum[doc] = 0;
        s.first[doc] = 0;
      }
    }
    this.used = 0;
  }
}
