import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { paths } from '../paths';
import type { Analyzer } from './analyzer';

const passagesSchema = z.object({
  sections: z.array(
    z
      .object({
        id: z.string().min(1),
        /** Words naming the document ("Kortrijk"); every sentence of the section counts as holding them. */
        context: z.string(),
        /** Paragraphs of sentences, each exactly as in the seed (whitespace collapsed). */
        paragraphs: z.array(z.array(z.string().min(1)).min(1)).min(1),
      })
      .strict(),
  ),
});
export type PassageSections = z.infer<typeof passagesSchema>['sections'];

/** content/qna/passages.json: the seeds' sentences per section (scripts/extract-passages.ts). */
export function loadPassages(dir = path.join(paths.content, 'qna')): PassageSections {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'passages.json'), 'utf8'));
  return passagesSchema.parse(raw).sections;
}

/** One to three neighbouring sentences of one section, quoted as they stand in the seed. */
export interface PassageQuote {
  sectionId: string;
  sentences: string[];
  /** Share of the question's topic terms the quote holds, weighted by how rare each term is. */
  coverage: number;
  /** The question's terms the quote holds. */
  matched: string[];
}

export interface QuotePolicy {
  /** Weighted coverage a quote needs; stricter than for entries, since no one curated it. */
  minCoverage: number;
  /** Topic terms the quote must hold: one shared word is chance, not an answer. */
  minMatched: number;
  maxSentences: number;
  /** The sentences after the match join the quote, as context, while it stays this short. */
  maxWords: number;
}

export const DEFAULT_QUOTE_POLICY: QuotePolicy = {
  minCoverage: 0.75,
  minMatched: 2,
  maxSentences: 3,
  maxWords: 60,
};

interface Unit {
  section: string;
  /** Its paragraph, numbered across the whole file. */
  paragraph: number;
  text: string;
  /** The sentence's own terms plus its document's context terms. */
  terms: ReadonlySet<string>;
  own: ReadonlySet<string>;
}

/**
 * The fallback when no knowledge-base entry fits: the seed sentences that hold most of the
 * question, weighted by rarity (a word every passage uses, such as "verbindingsambassadeur", says
 * little; one only the answer uses, such as "QR-code", says much). MiniSearch, which ranks the
 * entries, scores by BM25 but cannot say which share of the question a window of sentences
 * covers, and coverage is what tells an answer from a passage that only shares a word or two.
 */
export class PassageIndex {
  private readonly units: Unit[] = [];
  private readonly df = new Map<string, number>();

  constructor(
    sections: PassageSections,
    private readonly analyzer: Analyzer,
    private readonly policy: QuotePolicy = DEFAULT_QUOTE_POLICY,
  ) {
    let paragraph = 0;
    for (const section of sections) {
      const context = analyzer.terms(section.context, 'nl');
      for (const sentences of section.paragraphs) {
        paragraph += 1;
        for (const text of sentences) {
          const own = new Set(analyzer.terms(text, 'nl'));
          const terms = new Set([...own, ...context]);
          this.units.push({ section: section.id, paragraph, text, terms, own });
          for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
        }
      }
    }
  }

  private idf(term: string): number {
    return Math.log(1 + this.units.length / ((this.df.get(term) ?? 0) + 0.5));
  }

  /** The window and the sentences after it in its paragraph, up to the quote's length and words. */
  private withContext(start: number, end: number): Unit[] {
    const words = (u: Unit): number => u.text.split(' ').length;
    const chosen = this.units.slice(start, end + 1);
    let total = chosen.reduce((n, u) => n + words(u), 0);
    for (let next = this.units[end + 1]; next && chosen.length < this.policy.maxSentences;) {
      const last = chosen[chosen.length - 1]!;
      if (next.paragraph !== last.paragraph || total + words(next) > this.policy.maxWords) break;
      chosen.push(next);
      total += words(next);
      next = this.units[end + chosen.length];
    }
    return chosen;
  }

  /** The best quote for the question's topic terms, or undefined when none covers enough of them. */
  best(terms: readonly string[], weak: readonly string[]): PassageQuote | undefined {
    const topical = [...new Set(terms)].filter((t) => !weak.includes(t));
    if (topical.length < this.policy.minMatched) return undefined;
    const total = topical.reduce((sum, t) => sum + this.idf(t), 0);
    let best: { start: number; end: number; covered: number; matched: string[] } | undefined;
    for (let start = 0; start < this.units.length; start += 1) {
      const first = this.units[start]!;
      // A quote starts and ends with a sentence that itself holds a term of the question.
      if (!topical.some((t) => first.own.has(t))) continue;
      const matched = new Set<string>();
      for (let end = start; end < start + this.policy.maxSentences; end += 1) {
        const unit = this.units[end];
        if (!unit || unit.section !== first.section) break;
        const adds = topical.some((t) => unit.own.has(t) && !matched.has(t));
        for (const t of topical) if (unit.terms.has(t)) matched.add(t);
        if (matched.size < this.policy.minMatched || (end > start && !adds)) continue;
        const covered = [...matched].reduce((sum, t) => sum + this.idf(t), 0) / total;
        // Shorter quotes win ties: a window only grows when it adds a term.
        if (!best || covered > best.covered + 1e-9)
          best = { start, end, covered, matched: [...matched] };
      }
    }
    if (!best || best.covered < this.policy.minCoverage) return undefined;
    const chosen = this.withContext(best.start, best.end);
    return {
      sectionId: chosen[0]!.section,
      sentences: chosen.map((u) => u.text),
      coverage: best.covered,
      matched: best.matched,
    };
  }
}
