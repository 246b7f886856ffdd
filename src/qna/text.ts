/**
 * Plain-text helpers shared by the analyzer, the knowledge-base validation and the tests.
 * They are deliberately dependency-free so that checks (copy detection, eval separation)
 * normalise text in exactly the same way as retrieval does.
 */

/** Lowercases and strips diacritics, so "één", "strategieën" and "Één" compare equal to "een", "strategieen". */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const NON_ASCII = /[\u0080-\uffff]/;
const NON_WORD = /[^a-z0-9]+/;
const nonEmpty = (w: string): boolean => w.length > 0;

/**
 * Splits text into lowercase, accent-free words. Punctuation becomes a word break
 * ("bottom-up" → "bottom", "up"); "%" becomes the word "procent" so "50%" can match a synonym.
 * The accented numeral "één" is read as "1" before folding, because folded "een" is an article.
 */
export function words(text: string): string[] {
  // Most KB text is plain ASCII: nothing to fold and no "één", so skip the Unicode passes.
  if (!NON_ASCII.test(text)) {
    const lower = text.toLowerCase();
    const split = (lower.includes('%') ? lower.replace(/%/g, ' procent ') : lower).split(NON_WORD);
    // Separators at either end leave one empty string there; none can occur in between.
    if (split[split.length - 1] === '') split.pop();
    if (split[0] === '') split.shift();
    return split;
  }
  const withNumerals = text.replace(/(^|[^\p{L}])[ée]én(?=$|[^\p{L}])/giu, '$11');
  return foldAccents(withNumerals)
    .replace(/%/g, ' procent ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(nonEmpty);
}

/** Normalised form used to compare whole questions: folded words joined by single spaces. */
export function normaliseQuestion(text: string): string {
  return words(text).join(' ');
}

// Abbreviations whose full stop does not end a sentence; answers should avoid them, but the
// counter must not punish them with a false "too many sentences" error.
const ABBREVIATIONS = /\b(bv|bijv|vb|o\.a|e\.g|i\.e|nr|enz|etc|vzw|ca|dr|mr|mevr|st)\./gi;

/** Counts sentences by terminal punctuation followed by whitespace or the end of the text. */
export function countSentences(text: string): number {
  const cleaned = text.replace(ABBREVIATIONS, '$1').trim();
  if (cleaned.length === 0) return 0;
  const ends = cleaned.match(/[.!?]+(?=\s|$)/g) ?? [];
  const endsWithTerminal = /[.!?]["')\]]*$/.test(cleaned);
  return ends.length + (endsWithTerminal ? 0 : 1);
}
