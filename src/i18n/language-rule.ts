import { z } from 'zod';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a channel locale such as `nl-BE` or `en-US` to a supported one; anything else is Dutch. */
function fromTag(raw: string | undefined | null): Locale | undefined {
  const lang = (raw ?? '').toLowerCase().split(/[-_]/)[0];
  return lang === 'en' ? 'en' : lang === 'nl' ? 'nl' : undefined;
}

/** What one activity (or page request) says about the language, strongest first. */
export interface LanguageSignals {
  /** What the person chose ("taal en", the language button), kept per person. */
  chosen?: Locale | undefined;
  /** The language of the card the person pressed: the `lng` its buttons carry. */
  card?: Locale | undefined;
  /** The channel's locale tag (`en-US`, `nl-BE`); Teams' install event has none. */
  channel?: string | null | undefined;
  /** A group chat or channel: the card pressed may have been written for someone else. */
  shared?: boolean | undefined;
}

/**
 * The one language rule, for every surface and activity type: the person's choice, else the
 * language of the card they answered (so the next card is in the language of the one they
 * pressed, even where the client's locale differs), else the channel's locale, else Dutch.
 */
export function pickLocale(signals: LanguageSignals): Locale {
  return signals.chosen ?? signals.card ?? fromTag(signals.channel) ?? 'nl';
}

/**
 * The language to keep for the person, if this activity settles one: in their own chat, they
 * answered a card in a language other than their client's, without having chosen. Brugbot's own
 * rule: answering a card means reading its language, so later typed messages (which carry the
 * client's locale) get the same language instead of switching mid-conversation. The card's
 * language switch undoes it. In a group the card may be a colleague's, so nothing is kept.
 */
export function localeToKeep(signals: LanguageSignals): Locale | undefined {
  if (signals.chosen || !signals.card || signals.shared) return undefined;
  return signals.card === (fromTag(signals.channel) ?? 'nl') ? undefined : signals.card;
}

/** The field in every button's data that names the card's language. */
export const CARD_LOCALE_KEY = 'lng';

const cardLocale = z.object({ [CARD_LOCALE_KEY]: z.enum(LOCALES) });

/** The language of the card a submit came from, when its data says so. */
export function cardLocaleOf(value: unknown): Locale | undefined {
  const parsed = cardLocale.safeParse(value);
  return parsed.success ? parsed.data[CARD_LOCALE_KEY] : undefined;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function stampActions(node: unknown, locale: Locale): void {
  if (Array.isArray(node)) {
    for (const item of node) stampActions(item, locale);
    return;
  }
  if (!isObject(node)) return;
  if (node.type === 'Action.Submit') {
    const data = node.data;
    if (isObject(data)) node.data = { ...data, [CARD_LOCALE_KEY]: locale };
    else if (data === undefined) node.data = { [CARD_LOCALE_KEY]: locale };
  }
  for (const value of Object.values(node))
    if (typeof value === 'object') stampActions(value, locale);
}

/**
 * Marks an Adaptive Card with its language: `lang` on the card (what the client formats dates
 * with) and `lng` in every Action.Submit's data, so a press says which language the person read.
 * Changes the card in place and returns it.
 */
export function stampCardLocale<T extends Json>(card: T, locale: Locale): T {
  (card as Json).lang = locale;
  stampActions(card.body, locale);
  stampActions(card.actions, locale);
  return card;
}
