import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { paths } from '../paths';
import { translator, type Locale } from '../i18n';

/**
 * A passage of a seed document, from the first occurrence of `from` up to (not including) the
 * next occurrence of `to`, compared with whitespace collapsed. Boundaries are data so that tests
 * can check that a figure or term really sits in the passage a text cites, not just the document.
 */
const passageSchema = z
  .object({ from: z.string().min(8), to: z.string().min(8).optional() })
  .strict();

const catalogueSchema = z.object({
  docs: z.array(z.object({ id: z.string(), seed: z.string(), url: z.string().url() })),
  sections: z.array(
    z.object({ id: z.string(), doc: z.string(), passages: z.array(passageSchema).min(1) }).strict(),
  ),
});

export interface ResolvedSource {
  sectionId: string;
  docId: string;
  docTitle: string;
  sectionTitle: string;
  url: string;
}

const catalogue = catalogueSchema.parse(
  JSON.parse(fs.readFileSync(path.join(paths.content, 'sources.json'), 'utf8')),
);
const sectionsById = new Map(catalogue.sections.map((s) => [s.id, s]));
const docsById = new Map(catalogue.docs.map((d) => [d.id, d]));

export function isKnownSection(sectionId: string): boolean {
  return sectionsById.has(sectionId);
}

/** The document a section belongs to ("instrument", "kortrijk", ...). */
export function docOfSection(sectionId: string): string | undefined {
  return sectionsById.get(sectionId)?.doc;
}

/** Every section id, in catalogue order (the instrument first). */
export function sectionIds(): string[] {
  return catalogue.sections.map((s) => s.id);
}

/** The seed file a section is cut from (tooling and checks only; the seeds are not shipped). */
export function seedOfSection(sectionId: string): string {
  const doc = docsById.get(sectionsById.get(sectionId)?.doc ?? '');
  if (!doc) throw new Error(`Unknown source section "${sectionId}"`);
  return doc.seed;
}

/** Turns a section id from the content into the document title, section title and public link. */
export function resolveSource(sectionId: string, locale: Locale): ResolvedSource {
  const section = sectionsById.get(sectionId);
  const doc = section && docsById.get(section.doc);
  if (!section || !doc) throw new Error(`Unknown source section "${sectionId}"`);
  const t = translator(locale);
  return {
    sectionId,
    docId: doc.id,
    docTitle: t(`sources:docs.${doc.id}`),
    sectionTitle: t(`sources:sections.${section.id}`),
    url: doc.url,
  };
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The text of a section's passages, cut from the seed documents in `seedDir` (the seeds are not
 * shipped with the bot; checks and tooling read them). Throws when a boundary is not found, so a
 * wrong boundary cannot silently widen a passage to the whole document.
 */
export function sectionPassage(sectionId: string, seedDir: string): string {
  const section = sectionsById.get(sectionId);
  const doc = section && docsById.get(section.doc);
  if (!section || !doc) throw new Error(`Unknown source section "${sectionId}"`);
  const text = collapse(fs.readFileSync(path.join(seedDir, doc.seed), 'utf8'));
  return section.passages
    .map(({ from, to }) => {
      const start = text.indexOf(from);
      if (start < 0) throw new Error(`${sectionId}: start "${from}" not in ${doc.seed}`);
      const end = to === undefined ? text.length : text.indexOf(to, start + from.length);
      if (end < 0) throw new Error(`${sectionId}: end "${to}" not in ${doc.seed}`);
      return text.slice(start, end);
    })
    .join(' … ');
}
