import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { paths } from '../paths';
import { translator, type Locale } from '../i18n';

const catalogueSchema = z.object({
  docs: z.array(z.object({ id: z.string(), seed: z.string(), url: z.string().url() })),
  sections: z.array(z.object({ id: z.string(), doc: z.string() })),
});

export const sourceRefSchema = z.object({ section: z.string() });
export type SourceRef = z.infer<typeof sourceRefSchema>;

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
