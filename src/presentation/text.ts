import { plainText } from '../cards';

/**
 * Makes user-typed text inert in a Teams/Web Chat text message: no HTML, no <at> mentions,
 * no markdown emphasis, links or headings, and no invisible controls (`plainText`).
 */
export function escapeMessageText(text: string): string {
  return plainText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1');
}

/** Shortens for quoting back in a message, keeping whole characters (emoji included). */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * A card's `fallbackText`: what it is, then what to do. Clients that cannot render the card
 * (some Copilot clients drop parts of cards) show this instead, and Web Chat reads it aloud,
 * so the second sentence names the typed command that reaches the same place.
 */
export function cardFallback(what: string, whatToDo: string): string {
  const trimmed = what.replace(/[\s.:;]+$/, '');
  return /[!?]$/.test(trimmed) ? `${trimmed} ${whatToDo}` : `${trimmed}. ${whatToDo}`;
}
