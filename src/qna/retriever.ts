import MiniSearch, { type SearchOptions } from 'minisearch';
import { LOCALES, type Locale } from '../i18n';
import { typoBudget, type Analyzer } from './analyzer';
import type { KnowledgeBase } from './knowledge-base';
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
  /** What the question asks for, from its question words; undefined when it does not say. */
  type?: QuestionType;
  hits: RetrievalHit[];
}

interface IndexedEntry {
  id: string;
  title: string;
  variants: string[];
  keywords: string[];
  answer: string;
}

// Field weights: a title is a compact statement of the topic, keywords are curated terms,
// variants are many phrasings whose bulk already gives them weight through term frequency.
// The answer text carries the facts themselves ("Uit De Marge", "QR-code") but also much
// incidental wording, so it counts for less.
const BOOST = { title: 2, keywords: 1.5, variants: 1, answer: 0.8 };

const SEARCH_OPTIONS: SearchOptions = {
  boost: BOOST,
  combineWith: 'OR',
  prefix: (term) => term.length >= 4 && !/^\d+$/.test(term),
  fuzzy: (term) => typoBudget(term),
  // Typo and prefix matches count for a fraction of an exact match: they rescue misspellings and
  // word beginnings without letting "project" outweigh an exact hit through "projectoproep".
  weights: { fuzzy: 0.3, prefix: 0.2 },
  // Queries arrive already analysed, so MiniSearch must not split or alter them again.
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term,
};

/**
 * The lexical retriever: one MiniSearch index over both locales' titles, variants, keywords and
 * answers, built once when the service starts. Questions in either language find an entry; the answer
 * language is decided elsewhere, by the user's locale.
 */
export class Retriever {
  private readonly index: MiniSearch<IndexedEntry>;
  private readonly vocabulary: Record<Locale, Set<string>> = { nl: new Set(), en: new Set() };
  private readonly indexedTerms = new Set<string>();
  private readonly answersOf = new Map<string, readonly QuestionType[]>();

  constructor(
    kb: KnowledgeBase,
    private readonly analyzer: Analyzer,
    private readonly offTopicWords: ReadonlySet<string> = new Set(),
  ) {
    this.index = new MiniSearch<IndexedEntry>({
      fields: ['title', 'variants', 'keywords', 'answer'],
      storeFields: [],
      tokenize: (text) => text.split(' ').filter((t) => t.length > 0),
      processTerm: (term) => term,
      extractField: (doc, field) => {
        const value = doc[field as keyof IndexedEntry];
        return Array.isArray(value) ? value.join(' ') : value;
      },
      searchOptions: SEARCH_OPTIONS,
    });
    for (const entry of kb.entries) this.answersOf.set(entry.id, entry.answers);
    const docs = kb.entries.map((entry) => this.toIndexed(entry));
    this.index.addAll(docs);
    for (const doc of docs) {
      for (const text of [doc.title, doc.answer, ...doc.variants, ...doc.keywords]) {
        for (const term of text.split(' ')) this.indexedTerms.add(term);
      }
    }
    this.buildVocabulary(kb);
  }

  private toIndexed(entry: KnowledgeBase['entries'][number]): IndexedEntry {
    const per = (pick: (lng: Locale) => string[]): string[] =>
      LOCALES.flatMap((lng) => pick(lng).flatMap((text) => this.analyzer.terms(text, lng)));
    return {
      id: entry.id,
      title: per((lng) => [entry.texts[lng].title]).join(' '),
      variants: per((lng) => entry.texts[lng].variants),
      // Keywords mix languages, so they are analysed both ways and deduplicated.
      keywords: [...new Set(per(() => entry.keywords))],
      answer: per((lng) => [entry.texts[lng].answer]).join(' '),
    };
  }

  /** Words that occur in one locale's KB phrasing only; they vote on the language of a question. */
  private buildVocabulary(kb: KnowledgeBase): void {
    const seen: Record<Locale, Set<string>> = { nl: new Set(), en: new Set() };
    for (const entry of kb.entries) {
      for (const lng of LOCALES) {
        const t = entry.texts[lng];
        for (const text of [t.title, ...t.variants]) words(text).forEach((w) => seen[lng].add(w));
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

  search(question: string, locale: Locale): RetrievalResult {
    const language = this.detectLanguage(question, locale);
    const terms = [
      ...new Set(this.analyzer.terms(question, language, (t) => this.indexedTerms.has(t))),
    ];
    const weak = terms.filter((t) => this.analyzer.isWeakTerm(t));
    const type = questionType(question);
    const offTopic = words(question).some((w) => this.offTopicWords.has(w));
    if (terms.length === 0 || offTopic) return { terms, weak, offTopic, language, type, hits: [] };
    const hits = this.index.search(terms.join(' ')).map((r) => ({
      entryId: String(r.id),
      score: r.score,
      matched: [...new Set(r.queryTerms)],
      exact: [...new Set(r.queryTerms)].filter((t) => t in r.match),
      answers: this.answersOf.get(String(r.id)) ?? [],
    }));
    return { terms, weak, offTopic, language, type, hits };
  }
}
