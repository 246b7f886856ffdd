/**
 * A declined question as the knowledge-base maintainer may see it: lower-case, without URLs,
 * e-mail addresses, phone numbers or any other digits, without punctuation, at most 160
 * characters. Own code: `validator` and `libphonenumber-js` recognise a whole string as an
 * address or number, not such things inside running text, and a regular expression per kind
 * is all this needs.
 */
const URL_LIKE = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/giu;
/** A run of digits with the separators phone numbers use (+32 3 123 45 67, 0470/12.34.56). */
const PHONE = /\+?\d[\d\s./()-]{5,}\d/gu;
const DIGITS = /\p{N}+/gu;
const NOT_A_WORD = /[^\p{L}\s'-]+/gu;

export const MAX_NORMALISED_CHARS = 160;

export function normaliseQuestion(text: string): string {
  return text
    .toLowerCase()
    .replace(URL_LIKE, ' ')
    .replace(EMAIL, ' ')
    .replace(PHONE, ' ')
    .replace(DIGITS, ' ')
    .replace(NOT_A_WORD, ' ')
    .replace(/(^|\s)['-]+|['-]+(?=\s|$)/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, MAX_NORMALISED_CHARS)
    .trim();
}
