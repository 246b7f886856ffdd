import { z } from 'zod';
import type { QnaAnswer } from './types';

// Limits from the Teams citation format (see /work/shared/PLATFORM.md).
export const CITATION_NAME_MAX = 80;
export const CITATION_ABSTRACT_MAX = 160;

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
      .max(20),
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

/** The answer text as shown with its citation: Teams links the `[1]` marker to the entity. */
export function answerText(answer: QnaAnswer): string {
  return `${answer.text} [1]`;
}

/** Teams citation entity pointing at the answer's source document and section. */
export function citationEntity(answer: QnaAnswer): CitationEntity {
  const { docTitle, sectionTitle, url } = answer.source;
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    citation: [
      {
        '@type': 'Claim',
        position: 1,
        appearance: {
          '@type': 'DigitalDocument',
          name: clip(docTitle, CITATION_NAME_MAX),
          abstract: clip(`${sectionTitle}: ${answer.text}`, CITATION_ABSTRACT_MAX),
          url,
        },
      },
    ],
  };
}
