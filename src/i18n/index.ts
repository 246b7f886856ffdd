import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { paths } from '../paths';

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type { TFunction };

/** Maps a channel locale such as `nl-BE` or `en-US` to a supported one; Dutch is the default. */
export function resolveLocale(raw: string | undefined | null): Locale {
  const lang = (raw ?? '').toLowerCase().split(/[-_]/)[0];
  return lang === 'en' ? 'en' : 'nl';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Reads every `locales/<lng>/<namespace>.json` once, synchronously, so no turn touches the disk. */
export function loadResources(dir = paths.locales): Record<string, Record<string, unknown>> {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const lng of LOCALES) {
    const lngDir = path.join(dir, lng);
    resources[lng] = {};
    for (const file of fs.readdirSync(lngDir).filter((f) => f.endsWith('.json'))) {
      resources[lng]![path.basename(file, '.json')] = JSON.parse(
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

/** A translator bound to one locale. */
export function translator(locale: Locale): TFunction {
  return getI18n().getFixedT(locale);
}
