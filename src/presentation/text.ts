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
