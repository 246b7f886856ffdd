/**
 * Text people typed, made safe to show to others. It is stored exactly as typed (nothing is
 * lost); these run where it is shown.
 */

// NUL and other C0/C1 controls except tab and line breaks: invisible, and NUL breaks .docx XML.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Bidi embeddings, overrides and isolates: U+202E turns "exe.txt" into "txt.exe" on screen.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
// Zero-width space, word joiner and BOM: they split or hide words ("ad\u200bmin" looks like "admin").
// Joiners (U+200C, U+200D) stay: emoji sequences and some scripts need them.
const ZERO_WIDTH = /[\u200b\u2060\ufeff]/g;

/** Typed text without invisible controls, bidi overrides or zero-width spaces. */
export function plainText(text: string): string {
  return text.replace(CONTROLS, '').replace(BIDI_CONTROLS, '').replace(ZERO_WIDTH, '');
}

/**
 * `plainText`, and `{{` broken with an invisible word joiner: the Adaptive Cards renderer turns
 * `{{DATE(…)}}` and `{{TIME(…)}}` in any TextBlock into a formatted date, and it has no escape.
 */
export function rendererText(text: string): string {
  return plainText(text).replace(/\{\{/g, '{\u2060{');
}

/** Properties the renderer shows as text; `value` only outside inputs (facts, choices). */
const SHOWN = new Set([
  'text',
  'title',
  'fallbackText',
  'label',
  'placeholder',
  'altText',
  'errorMessage',
]);

/**
 * Applies `rendererText` to every shown string of an expanded card, in place. Input values (the
 * editor must get back exactly what is stored) and action data (submitted, never shown) are left
 * alone. Our own texts pass through unchanged: they contain none of these characters.
 */
export function makeCardTextInert(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) makeCardTextInert(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const object = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(object)) {
    if (key === 'data') continue;
    if (typeof value === 'string') {
      if (SHOWN.has(key) || (key === 'value' && object.type === undefined))
        object[key] = rendererText(value);
    } else {
      makeCardTextInert(value);
    }
  }
}
