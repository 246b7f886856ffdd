import fs from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { paths } from '../paths';
import { makeCardTextInert } from './inert-text';

export { plainText, rendererText } from './inert-text';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Well inside Teams' ~100 KB message limit, and inside Power Automate's 28 KB. */
export const CARD_BUDGET_BYTES = 24 * 1024;

export interface CardAttachment {
  contentType: typeof CARD_CONTENT_TYPE;
  content: Record<string, unknown>;
}

const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let cached = templates.get(name);
  if (!cached) {
    const file = path.join(paths.cards, `${name}.json`);
    cached = new ACData.Template(JSON.parse(fs.readFileSync(file, 'utf8')));
    templates.set(name, cached);
  }
  return cached;
}

/**
 * Binds a template from `cards/` to data. Templates are parsed once per process; user text only
 * ever lands in JSON string values, never in the template source, so it cannot alter the card.
 * Every shown string is then made inert for the renderer (`makeCardTextInert`), whichever view
 * put it there.
 */
export function renderCard(name: string, data: object): CardAttachment {
  const content = template(name).expand({ $root: data }) as Record<string, unknown>;
  makeCardTextInert(content);
  return { contentType: CARD_CONTENT_TYPE, content };
}

export function cardBytes(card: CardAttachment): number {
  return Buffer.byteLength(JSON.stringify(card.content), 'utf8');
}
