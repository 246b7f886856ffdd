import MiniSearch, { type SearchOptions } from 'minisearch';
import { LOCALES, type Locale } from '../i18n';
import { typoBudget, type Analyzer } from './analyzer';
import type { KbEntry, KnowledgeBase } from './knowledge-base';
import { questionType, type QuestionType } from './question-type';
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
// incidental wording, so it counts for less.
const FIELDS = ['title', 'variants', 'keywords', 'answer'] as const;
type Field = (typeof FIELDS)[number];
const BOOST: Record<Field, number> = { title: 2, keywords: 1.5, variants: 1, answer: 0.8 };

// Text reaches MiniSearch already analysed (see `fieldTerms`): its terms joined by single spaces.
const splitTerms = (text: string): string[] => text.split(' ').filter((t) => t.length > 0);
const asIs = (term: string): string => term;

const SEARCH_OPTIONS: SearchOptions = {
  boost: BOOST,
  combineWith: 'OR',
  prefix: (term) => term.length >= 4 && !/^\d+$/.test(term),
  fuzzy: (term) => typoBudget(term),
  // Typo and prefix matches count for a fraction of an exact match: they rescue misspellings and
  // word beginnings without letting "project" outweigh an exact hit through "projectoproep".
  weights: { fuzzy: 0.3, prefix: 0.2 },
  tokenize: splitTerms,
  processTerm: asIs,
};

/**
 * The lexical retriever: one MiniSearch index (BM25+) over both locales' titles, variants,
 * keywords and answers, built once, with the first question. Each text is analysed by the
 * `Analyzer` in its own language (Snowball stems, stop words, synonyms), so MiniSearch itself only
 * splits the analysed terms. Questions in either language find an entry; the answer language is
 * decided elsewhere, by the user's locale.
 */
export class Retriever {
  private readonly index: MiniSearch<KbEntry>;
  private readonly indexedTerms = new Set<string>();
  private readonly vocabulary: Record<Locale, Set<string>> = { nl: new Set(), en: new Set() };
  private readonly answersOf = new Map<string, readonly QuestionType[]>();

  constructor(
    kb: KnowledgeBase,
    private readonly analyzer: Analyzer,
    private readonly offTopicWords: ReadonlySet<string> = new Set(),
  ) {
    for (const entry of kb.entries) this.answersOf.set(entry.id, entry.answers);
    const keywordTerms = new Map<string, string[]>();
    this.index = new MiniSearch<KbEntry>({
      fields: [...FIELDS],
      storeFields: [],
      extractField: (entry, field) =>
        field === 'id' ? entry.id : this.fieldTerms(entry, field as Field, keywordTerms).join(' '),
      tokenize: splitTerms,
      processTerm: (term) => {
        this.indexedTerms.add(term);
        return term;
      },
      searchOptions: SEARCH_OPTIONS,
    });
    this.index.addAll(kb.entries);
    this.buildVocabulary(kb);
  }

  /**
   * One field's analysed terms, nl then en. Keywords mix languages, so they are analysed both
   * ways and deduplicated; they are curated terms many entries share, so each is analysed once.
   */
  private fieldTerms(entry: KbEntry, field: Field, keywordTerms: Map<string, string[]>): string[] {
    const terms = (lng: Locale, texts: readonly string[]): string[] =>
      texts.flatMap((text) => this.analyzer.terms(text, lng));
    if (field === 'keywords') {
      const keyword = (lng: Locale, k: string): string[] => {
        const key = `${lng}:${k}`;
        let found = keywordTerms.get(key);
        if (!found) keywordTerms.set(key, (found = this.analyzer.terms(k, lng)));
        return found;
      };
      return [...new Set(LOCALES.flatMap((lng) => entry.keywords.flatMap((k) => keyword(lng, k))))];
    }
    return LOCALES.flatMap((lng) => {
      const texts = entry.texts[lng];
      if (field === 'variants') return terms(lng, texts.variants);
      return terms(lng, [field === 'title' ? texts.title : texts.answer]);
    });
  }

  /** Words that occur in one locale's KB phrasing (titles and variants) only; they vote on the language of a question. */
  private buildVocabulary(kb: KnowledgeBase): void {
    const seen: Record<Locale, Set<string>> = { nl: new Set(), en: new Set() };
    for (const entry of kb.entries) {
      for (const lng of LOCALES) {
        const t = entry.texts[lng];
        for (const text of [t.title, ...t.variants]) for (const w of words(text)) seen[lng].add(w);
      }
    }
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

  /** Every entry the question matches, best first (ties in MiniSearch's order). */
  search(question: string, locale: Locale): RetrievalResult {
    const language = this.detectLanguage(question, locale);
    const terms = [
      ...new Set(this.analyzer.terms(question, language, (t) => this.indexedTerms.has(t))),
    ];
    const weak = terms.filter((t) => this.analyzer.isWeakTerm(t));
    const type = questionType(question);
    const named = words(question).filter((w) => this.offTopicWords.has(w));
    const offTopic = named.length > 0;
    const offTopicTerms = named.flatMap((w) => this.analyzer.terms(w, language));
    if (terms.length === 0 || offTopic)
      return { terms, weak, offTopic, offTopicTerms, language, type, hits: [] };
    const hits = this.index.search(terms.join(' ')).map((r) => {
      const id = String(r.id);
      const matched = [...new Set(r.queryTerms)];
      return {
        entryId: id,
        score: r.score,
        matched,
        // `match` is keyed by the entry's own terms: a query term among them occurs literally.
        exact: matched.filter((t) => Object.hasOwn(r.match, t)),
        answers: this.answersOf.get(id) ?? [],
      };
    });
    return { terms, weak, offTopic, offTopicTerms, language, type, hits };
  }
}
