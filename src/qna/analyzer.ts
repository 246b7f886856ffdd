import fs from 'node:fs';
import path from 'node:path';
import { newStemmer, type Stemmer } from 'snowball-stemmers';
import { z } from 'zod';
import { LOCALES, type Locale } from '../i18n';
import { paths } from '../paths';
import { words } from './text';

const synonymFileSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });
const wordListSchema = z.object({ nl: z.array(z.string()), en: z.array(z.string()) });
const stopwordFileSchema = wordListSchema.extend({ weak: wordListSchema });
export type SynonymGroups = z.infer<typeof synonymFileSchema>['groups'];
export type Stopwords = z.infer<typeof stopwordFileSchema>;

/** One of each per language. */
const perLocale = <T>(make: () => T): Record<Locale, T> => ({ nl: make(), en: make() });

/**
 * Distinct words per language the caches hold: the KB's words (some 2 000 per language; 10 000 in
 * the bench's 1 000-entry KB) and, up to this bound, those of questions.
 */
const STEM_CACHE_LIMIT = 50_000;

/**
 * One word's analysis: its stem, the term it yields unless it is `dropped` as a stop word, and the
 * phrases it may start.
 */
interface TokenInfo {
  stem: string;
  text: string;
  dropped: boolean;
  synonym: boolean;
  phrases: Phrase[] | undefined;
}

interface Phrase {
  stems: Record<Locale, string[]>;
  text: string;
  langs: readonly Locale[];
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit ("profeil" → "profiel"),
 * with an early exit once a whole row exceeds `max`.
 */
function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/** How many typos a word of this length may carry; short words must match exactly. */
export function typoBudget(word: string): number {
  if (/^\d+$/.test(word) || word.length < 5) return 0;
  return word.length < 9 ? 1 : 2;
}

/**
 * Turns text into search terms for one language: phrase synonyms first (they may contain
 * stop words, e.g. "in dienst nemen"), then stop words out, then Snowball stems, then
 * single-word synonyms mapped onto one canonical term. Index and queries use the same
 * analyzer, so a synonym typed by a user lands on the same term as the KB's own wording.
 */
export class Analyzer {
  private readonly stemmers: Record<Locale, Stemmer> = {
    nl: newStemmer('dutch'),
    en: newStemmer('english'),
  };
  private readonly stop: Record<Locale, Set<string>>;
  private readonly surfaceSynonyms: Record<Locale, Map<string, string>> = perLocale(
    () => new Map(),
  );
  private readonly stemSynonyms: Record<Locale, Map<string, string>> = perLocale(() => new Map());
  private readonly phrases: Phrase[] = [];
  private readonly weak = new Set<string>();
  // Building the index stems the same few thousand words over and over, which costs most of its
  // time in Snowball without a cache. Bounded, so questions cannot grow it.
  private readonly stemCache: Record<Locale, Map<string, string>> = perLocale(() => new Map());
  // Per word, everything `terms` needs, in one lookup. Bounded like the stem cache; emptied
  // whenever the phrase index is rebuilt.
  private readonly tokenCache: Record<Locale, Map<string, TokenInfo>> = perLocale(() => new Map());
  // Phrases by language and first stem, in `phrases` order: every token used to test every phrase
  // (after the stem cache, the largest cost of indexing); now only those that start with it.
  private phrasesByFirstStem: Record<Locale, Map<string, Phrase[]>> = perLocale(() => new Map());

  constructor(stopwords: Stopwords, groups: SynonymGroups) {
    this.stop = { nl: new Set(stopwords.nl), en: new Set(stopwords.en) };
    for (const group of groups) this.addGroup(group);
    this.indexPhrases();
    for (const lang of LOCALES) {
      for (const word of stopwords.weak[lang])
        this.terms(word, lang).forEach((t) => this.weak.add(t));
    }
    // Longest phrases first, so "karel de grote hogeschool" wins over "karel de grote".
    this.phrases.sort((a, b) => b.stems.nl.length - a.stems.nl.length);
    this.indexPhrases();
  }

  private indexPhrases(): void {
    // Cached words point at the phrase lists they start; those lists are rebuilt here.
    for (const lang of LOCALES) this.tokenCache[lang].clear();
    this.phrasesByFirstStem = perLocale(() => new Map());
    for (const phrase of this.phrases) {
      for (const lang of phrase.langs) {
        const first = phrase.stems[lang][0]!;
        const bucket = this.phrasesByFirstStem[lang].get(first) ?? [];
        bucket.push(phrase);
        this.phrasesByFirstStem[lang].set(first, bucket);
      }
    }
  }

  private stem(word: string, lang: Locale): string {
    const cache = this.stemCache[lang];
    let stem = cache.get(word);
    if (stem === undefined) {
      stem = this.stemUncached(word, lang);
      if (cache.size < STEM_CACHE_LIMIT) cache.set(word, stem);
    }
    return stem;
  }

  private stemUncached(word: string, lang: Locale): string {
    // Snowball only removes suffixes of letters, so it returns a word that ends in a digit (a number,
    // a code like "covid19") unchanged, at about 10 µs a word; skip it.
    if (/\d$/.test(word)) return word;
    // Snowball leaves Dutch present tenses of -eren verbs ("evalueert", "registreer") apart
    // from their infinitive; map them onto it so "wie evalueert" meets "evalueren".
    if (lang === 'en') return this.stemmers.en.stem(word);
    const base = word.length >= 7 ? word.replace(/eer(t?)$/, 'eren') : word;
    // Snowball also keeps base and inflected adjectives apart ("individueel" vs "individuele",
    // "kwalitatief" vs "kwalitatieve"); undouble the vowel so both meet.
    return this.stemmers.nl.stem(base).replace(/eel$/, 'el').replace(/ief$/, 'iev');
  }

  /** A member may be prefixed "nl:" or "en:" when the word means something else in the other language ("kind"). */
  private addGroup(group: string[]): void {
    const canonical = this.stem(words(group[0] ?? '').join(''), 'nl');
    for (const raw of group) {
      const restricted = /^(nl|en):/.exec(raw)?.[1] as Locale | undefined;
      const langs: readonly Locale[] = restricted ? [restricted] : LOCALES;
      const parts = words(restricted ? raw.slice(3) : raw);
      if (parts.length > 1) {
        const stems = {
          nl: parts.map((p) => this.stem(p, 'nl')),
          en: parts.map((p) => this.stem(p, 'en')),
        };
        this.phrases.push({ stems, text: canonical, langs });
      } else if (parts[0]) {
        for (const lang of langs) {
          this.surfaceSynonyms[lang].set(parts[0], canonical);
          this.stemSynonyms[lang].set(this.stem(parts[0], lang), canonical);
        }
      }
    }
  }

  /** Question words ("waarom", "how many"): they help ranking but say nothing about the topic. */
  isWeakTerm(term: string): boolean {
    return this.weak.has(term);
  }

  isStopword(word: string, lang?: Locale): boolean {
    return lang ? this.stop[lang].has(word) : this.stop.nl.has(word) || this.stop.en.has(word);
  }

  /** Stop-word hits per language: a cheap, robust signal for short chat questions. */
  stopwordVotes(text: string): Record<Locale, number> {
    const tokens = words(text);
    return {
      nl: tokens.filter((w) => this.stop.nl.has(w)).length,
      en: tokens.filter((w) => this.stop.en.has(w)).length,
    };
  }

  /**
   * Analyses text written in `lang`. With `isKnown` (queries only), a word whose stem the index
   * does not know but that is one typo away from a synonym is read as that synonym; MiniSearch's
   * own fuzzy matching cannot find it, because the index holds only the canonical term.
   */
  terms(text: string, lang: Locale, isKnown?: (term: string) => boolean): string[] {
    return this.termsOfWords(words(text), lang, isKnown);
  }

  /** `terms` for text already split by `words`, so a caller that needs the words too splits once. */
  termsOfWords(
    tokens: readonly string[],
    lang: Locale,
    isKnown?: (term: string) => boolean,
  ): string[] {
    const out: string[] = [];
    for (let i = 0; i < tokens.length;) {
      const info = this.tokenInfo(tokens[i]!, lang);
      const phrase = info.phrases && this.phraseAt(info.phrases, tokens, i, lang);
      if (phrase) {
        out.push(phrase.text);
        i += phrase.stems[lang].length;
        continue;
      }
      if (!info.dropped) {
        const unknown = isKnown && !info.synonym && !isKnown(info.stem);
        out.push((unknown ? this.closeSynonym(tokens[i]!, lang) : undefined) ?? info.text);
      }
      i += 1;
    }
    return out;
  }

  /** The first of `candidates` (phrases starting with word `i`, longest first) the words spell out. */
  private phraseAt(
    candidates: readonly Phrase[],
    tokens: readonly string[],
    i: number,
    lang: Locale,
  ): Phrase | undefined {
    for (const phrase of candidates) {
      const stems = phrase.stems[lang];
      let k = 1;
      for (; k < stems.length; k += 1) {
        const token = tokens[i + k];
        if (token === undefined || this.tokenInfo(token, lang).stem !== stems[k]) break;
      }
      if (k === stems.length) return phrase;
    }
    return undefined;
  }

  /** What analysis makes of one word, remembered: indexing meets the same words again and again. */
  private tokenInfo(token: string, lang: Locale): TokenInfo {
    const cache = this.tokenCache[lang];
    let info = cache.get(token);
    if (info) return info;
    const stem = this.stem(token, lang);
    const dropped = this.isStopword(token) || (token.length < 2 && !/^\d$/.test(token));
    const synonym = this.surfaceSynonyms[lang].get(token) ?? this.stemSynonyms[lang].get(stem);
    info = {
      stem,
      text: synonym ?? stem,
      dropped,
      synonym: synonym !== undefined,
      phrases: this.phrasesByFirstStem[lang].get(stem),
    };
    if (cache.size < STEM_CACHE_LIMIT) cache.set(token, info);
    return info;
  }

  private closeSynonym(token: string, lang: Locale): string | undefined {
    const budget = typoBudget(token);
    if (budget === 0) return undefined;
    for (const [surface, canonical] of this.surfaceSynonyms[lang]) {
      if (withinDistance(token, surface, budget)) return canonical;
    }
    return undefined;
  }
}

/** Reads the stop-word and synonym lists from `content/qna/` once. */
export function createAnalyzer(dir = path.join(paths.content, 'qna')): Analyzer {
  const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const stopwords = stopwordFileSchema.parse(read('stopwords.json'));
  const synonyms = synonymFileSchema.parse(read('synonyms.json'));
  return new Analyzer(stopwords, synonyms.groups);
}
