import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { paths } from '../paths';

import { LOCALES, type Locale } from './language-rule';

export {
  LOCALES,
  type Locale,
  type LanguageSignals,
  isLocale,
  pickLocale,
  localeToKeep,
  cardLocaleOf,
  stampCardLocale,
} from './language-rule';
export type { TFunction };

/** Reads every `locales/<lng>/<namespace>.json` once, synchronously, so no turn touches the disk. */
export function loadResources(dir = paths.locales): Record<string, Record<string, unknown>> {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const lng of LOCALES) {
    const lngDir = path.join(dir, lng);
    const namespaces: Record<string, unknown> = {};
    resources[lng] = namespaces;
    for (const file of fs.readdirSync(lngDir).filter((f) => f.endsWith('.json'))) {
      namespaces[path.basename(file, '.json')] = JSON.parse(
        fs.readFileSync(path.join(lngDir, file), 'utf8'),
      );
    }
  }
  return resources;
}

let shared: i18n | undefined;

/** One initialised i18next instance for the process (init is synchronous with inline resources). */
export function getI18n(): i18n {
  if (shared) return shared;
  const instance = i18next.createInstance();
  const resources = loadResources();
  void instance.init({
    resources: resources as never,
    lng: 'nl',
    fallbackLng: 'nl',
    supportedLngs: [...LOCALES],
    ns: Object.keys(resources.nl ?? {}),
    defaultNS: 'bot',
    interpolation: { escapeValue: false },
    returnNull: false,
    initImmediate: false,
    showSupportNotice: false,
  } as never);
  shared = instance;
  return instance;
}

// i18next copies its whole options object on every lookup (~8 µs), and a card asks for the same
// fixed labels (~100 of them) on every turn; plain lookups, with no options, are resolved once.
const PLAIN_CACHE_LIMIT = 10_000;
const translators = new Map<Locale, TFunction>();

/** A translator bound to one locale. */
export function translator(locale: Locale): TFunction {
  const existing = translators.get(locale);
  if (existing) return existing;
  const fixed = getI18n().getFixedT(locale);
  const call = fixed as unknown as (...args: unknown[]) => unknown;
  const plain = new Map<string, unknown>();
  const cached = (key: unknown, ...rest: unknown[]): unknown => {
    if (rest.length > 0 || typeof key !== 'string') return call(key, ...rest);
    let text = plain.get(key);
    if (text === undefined) {
      text = call(key);
      if (plain.size < PLAIN_CACHE_LIMIT) plain.set(key, text);
    }
    return text;
  };
  const t = cached as unknown as TFunction;
  translators.set(locale, t);
  return t;
}
