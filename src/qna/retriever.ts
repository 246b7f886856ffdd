import { LOCALES, type Locale } from '../i18n';
import { typoBudget, type Analyzer } from './analyzer';
import type { KnowledgeBase } from './knowledge-base';
import { questionType, type QuestionType } from './question-type';
import { TermIndex, type IndexedDoc } from './term-index';
import { words } from './text';

export interface RetrievalHit {
  entryId: string;
  score: number;
  /** Query terms this entry matched in any way (exactly, by prefix or by a typo). */
  matched: string[];
  /** Query terms this entry contains literally. */
  exact: string[];
  /** The kinds of question the entry answers (who, why, how many, ...). */
  answers: readonly QuestionType[];
}

export interface RetrievalResult {
  /** Distinct analysed query terms; empty when the question held only stop words. */
  terms: string[];
  /** Query terms that are question words; they rank but do not show understanding. */
  weak: string[];
  language: Locale;
  /** The question names something outside the bot's scope (content/qna/off-topic.json). */
  offTopic: boolean;
  /** The analysed terms of those off-topic words. */
  offTopicTerms: string[];
  /** What the question asks for, from its question words; undefined when it does not say. */
  type?: QuestionType;
  hits: RetrievalHit[];
}

// Field weights: a title is a compact statement of the topic, keywords are curated terms,
// variants are many phrasings whose bulk already gives them weight through term frequency.
// The answer text carries the facts themselves ("Uit De Marge", "QR-code") but also much
// incidental wording, so it counts for less. The order is the fields' order in the index.
const FIELDS = ['title', 'variants', 'keywords', 'answer'] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = {
  title: 2,
  keywords: 1.5,
  variants: 1,
  answer: 0.8,
};

/**
 * The lexical retriever: one term index over both locales' titles, variants, keywords and
 * answers, built once when the service starts. Questions in either language find an entry; the answer
 * language is decided elsewhere, by the user's locale.
 */
export class Retriever {
  private readonly index: TermIndex;
  private readonly vocabulary: Record<Locale, Set<string>> = { nl: new Set(), en: new Set() };
  private readonly answersOf = new Map<string, readonly QuestionType[]>();

  constructor(
    kb: KnowledgeBase,
    private readonly analyzer: Analyzer,
    private readonly offTopicWords: ReadonlySet<string> = new Set(),
  ) {
    for (const entry of kb.entries) this.answersOf.set(entry.id, entry.answers);
    // Titles and variants are each locale's own phrasing; their words vote on a question's language.
    const phrasing = {};
    const keywordTerms = new Map<string, number[]>();
    this.index = new TermIndex(
      this.indexed(kb, phrasing, keywordTerms),
      (n) => analyzer.termText(n),
      {
        boosts: FIELDS.map((f) => BOOST[f]),
        prefix: (term) => term.length >= 4 && !/^\d+$/.test(term),
        typos: (term) => typoBudget(term),
        // Typo and prefix matches count for a fraction of an exact match: they rescue misspellings and
        // word beginnings without letting "project" outweigh an exact hit through "projectoproep".
        weights: { fuzzy: 0.3, prefix: 0.2 },
      },
    );
    this.buildVocabulary(phrasing);
  }

  /** Entry by entry, so that each entry's analysis is garbage before the next one is made. */
  private *indexed(
    kb: KnowledgeBase,
    phrasing: object,
    keywordTerms: Map<string, number[]>,
  ): Generator<IndexedDoc> {
    for (const entry of kb.entries) yield this.toIndexed(entry, phrasing, keywordTerms);
  }

  /**
   * The entry's analysed fields, nl then en. The words of its titles and variants go into
   * `phrasing`; keywords, curated terms many entries share, are analysed once through `keywordTerms`.
   */
  private toIndexed(
    entry: KnowledgeBase['entries'][number],
    phrasing: object,
    keywordTerms: Map<string, number[]>,
  ): IndexedDoc {
    const title: number[] = [];
    const variants: number[] = [];
    const keywords: number[] = [];
    const answer: number[] = [];
    const phrased = (lng: Locale, text: string, out: number[]): void =>
      this.analyzer.termNumbers(words(text), lng, out, phrasing);
    for (const lng of LOCALES) {
      const texts = entry.texts[lng];
      phrased(lng, texts.title, title);
      for (const v of texts.variants) phrased(lng, v, variants);
      this.analyzer.termNumbers(words(texts.answer), lng, answer);
      // Keywords mix languages, so they are analysed both ways (and deduplicated below).
      for (const k of entry.keywords) {
        const key = `${lng}:${k}`;
        let terms = keywordTerms.get(key);
        if (!terms) {
          terms = [];
          this.analyzer.termNumbers(words(k), lng, terms);
          keywordTerms.set(key, terms);
        }
        keywords.push(...terms);
      }
    }
    const fields: Record<(typeof FIELDS)[number], number[]> = {
      title,
      variants,
      keywords: [...new Set(keywords)],
      answer,
    };
    return { id: entry.id, fields: FIELDS.map((f) => fields[f]) };
  }

  /** Words that occur in one locale's KB phrasing (titles and variants) only; they vote on the language of a question. */
  private buildVocabulary(phrasing: object): void {
    const seen = {
      nl: new Set(this.analyzer.wordsSeenBy(phrasing, 'nl')),
      en: new Set(this.analyzer.wordsSeenBy(phrasing, 'en')),
    };
    for (const lng of LOCALES) {
      const other = lng === 'nl' ? seen.en : seen.nl;
      for (const w of seen[lng]) if (!other.has(w)) this.vocabulary[lng].add(w);
    }
  }

  /** Guesses the question's language from stop words and language-specific KB words; ties go to the user's locale. */
  detectLanguage(question: string, locale: Locale): Locale {
    const stopVotes = this.analyzer.stopwordVotes(question);
    const tokens = words(question);
    const vote = (lng: Locale): number =>
      stopVotes[lng] + tokens.filter((w) => this.vocabulary[lng].has(w)).length;
    const nl = vote('nl');
    const en = vote('en');
    if (nl === en) return locale;
    return nl > en ? 'nl' : 'en';
  }

  /**
   * Hits scoring at least `minShare` of the best hit, best first; the rest cannot change an
   * answer, and leaving them out lets the index skip most postings of common terms.
   */
  search(question: string, locale: Locale, minShare = 0): RetrievalResult {
    const language = this.detectLanguage(question, locale);
    const terms = [...new Set(this.analyzer.terms(question, language, (t) => this.index.has(t)))];
    const weak = terms.filter((t) => this.analyzer.isWeakTerm(t));
    const type = questionType(question);
    const named = words(question).filter((w) => this.offTopicWords.has(w));
    const offTopic = named.length > 0;
    const offTopicTerms = named.flatMap((w) => this.analyzer.terms(w, language));
    if (terms.length === 0 || offTopic)
      return { terms, weak, offTopic, offTopicTerms, language, type, hits: [] };
    const hits = this.index.search(terms, minShare).map((r) => ({
      entryId: r.id,
      score: r.score,
      matched: r.matched,
      exact: r.exact,
      answers: this.answersOf.get(r.id) ?? [],
    }));
    return { terms, weak, offTopic, offTopicTerms, language, type, hits };
  }
}
