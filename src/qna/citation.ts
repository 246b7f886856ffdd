import { z } from 'zod';
import type { QnaAnswer } from './types';

// Limits from the Teams citation format, which Copilot shares (see /work/shared/PLATFORM.md).
export const CITATION_NAME_MAX = 80;
export const CITATION_ABSTRACT_MAX = 160;
export const CITATIONS_MAX = 20;

/** The sources that get a citation (and a marker): never more than the format allows. */
const cited = (answer: QnaAnswer) => answer.sources.slice(0, CITATIONS_MAX);

export const citationEntitySchema = z
  .object({
    type: z.literal('https://schema.org/Message'),
    '@type': z.literal('Message'),
    '@context': z.literal('https://schema.org'),
    '@id': z.literal(''),
    citation: z
      .array(
        z.object({
          '@type': z.literal('Claim'),
          position: z.number().int().min(1),
          appearance: z.object({
            '@type': z.literal('DigitalDocument'),
            name: z.string().min(1).max(CITATION_NAME_MAX),
            abstract: z.string().min(1).max(CITATION_ABSTRACT_MAX),
            url: z.string().url(),
          }),
        }),
      )
      .min(1)
      .max(CITATIONS_MAX),
  })
  .strict();

export type CitationEntity = z.infer<typeof citationEntitySchema>;

/** Shortens at a word boundary and marks the cut, so a citation never shows half a word. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—-]+$/, '')}…`;
}

/** "[1] [2]": one marker per cited section, in the order of `answer.sources`; none without a citation. */
export function citationMarkers(answer: QnaAnswer): string {
  return cited(answer)
    .map((_, i) => `[${i + 1}]`)
    .join(' ');
}

/** The answer text with its markers, for Teams, which links each `[n]` to citation n. */
export function answerText(answer: QnaAnswer): string {
  return `${answer.text} ${citationMarkers(answer)}`;
}

/** Teams citation entity: one claim per cited section, numbered like the markers. */
export function citationEntity(answer: QnaAnswer): CitationEntity {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    citation: cited(answer).map(({ docTitle, sectionTitle, url }, i) => ({
      '@type': 'Claim' as const,
      position: i + 1,
      appearance: {
        '@type': 'DigitalDocument' as const,
        name: clip(docTitle, CITATION_NAME_MAX),
        abstract: clip(`${sectionTitle}: ${answer.text}`, CITATION_ABSTRACT_MAX),
        url,
      },
    })),
  };
}
