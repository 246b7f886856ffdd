import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { getI18n, LOCALES, type Locale } from '../i18n';
import { paths } from '../paths';
import { docOfSection, isKnownSection } from '../sources';
import { QUESTION_TYPES, type QuestionType } from './question-type';
import { countSentences } from './text';

export const MAX_TITLE_LENGTH = 40;
export const MAX_ANSWER_SENTENCES = 3;
export const MIN_VARIANTS = 4;

const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'id must be camelCase'),
    /** Every section the answer draws on, most important first (document + section + link). */
    sources: z.array(z.string().min(1)).min(1),
    /**
     * Words or phrases (Dutch, as the seeds spell them) that carry the answer; at least one cited
     * section must contain all of them. A test checks this against the seed passages.
     */
    keyTerms: z.array(z.string().min(2)).min(1),
    /**
     * `source`: the answer says what the cited passages say. `suggestion`: Brugbot's own advice,
     * shown as such and never citing the instrument (as for advice rules).
     */
    kind: z.enum(['source', 'suggestion']).default('source'),
    /** Kinds of question this entry answers; retrieval prefers it for those. */
    answers: z.array(z.enum(QUESTION_TYPES)).default([]),
    relatedSteps: z.array(z.number().int().min(1).max(6)),
    keywords: z.array(z.string().min(1)).optional(),
  })
  .strict();

const textsSchema = z.object({
  title: z.string().min(1).max(MAX_TITLE_LENGTH),
  answer: z
    .string()
    .min(1)
    .refine((s) => countSentences(s) <= MAX_ANSWER_SENTENCES, {
      message: `answer longer than ${MAX_ANSWER_SENTENCES} sentences`,
    }),
  more: z.string().min(1),
  variants: z.array(z.string().min(1)).min(MIN_VARIANTS),
});

const uiSchema = z.object({
  decline: z.string().min(1),
  didYouMean: z.string().min(1),
  source: z.string().min(1),
  sourceLine: z.string().includes('{{doc}}').includes('{{section}}'),
  more: z.string().min(1),
  openSource: z.string().min(1),
  relatedSteps: z.string().min(1),
  stepButton: z.string().includes('{{step}}'),
  /** The title of a quote, per document ("Uit het praktijkverhaal Kortrijk"). */
  quoteFrom: z.record(z.string().min(1)),
  quoteLabel: z.string().min(1),
  /** Under every quote; in English it also says that the source, and so the quote, is Dutch. */
  quoteNote: z.string().min(1),
  quoteMore: z.string().includes('{{doc}}'),
});

const bundleSchema = z.object({ ui: uiSchema, entries: z.record(z.unknown()) });

export type EntryTexts = z.infer<typeof textsSchema>;

export interface KbEntry {
  id: string;
  sources: string[];
  keyTerms: string[];
  kind: 'source' | 'suggestion';
  answers: QuestionType[];
  relatedSteps: number[];
  keywords: string[];
  texts: Record<Locale, EntryTexts>;
}

export interface KnowledgeBase {
  entries: KbEntry[];
  byId: ReadonlyMap<string, KbEntry>;
}

/** Raised when content/qna or locales/<lng>/qna.json is inconsistent; the message lists every problem. */
export class QnaContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Q&A content:\n- ${problems.join('\n- ')}`);
    this.name = 'QnaContentError';
  }
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/**
 * Checks the entry list against the section catalogue and both locales' texts, collecting all
 * problems (each naming its entry id) before failing, so one run shows the whole to-do list.
 */
export function validateKnowledgeBase(
  rawEntries: unknown,
  bundles: Record<Locale, unknown>,
): KnowledgeBase {
  const problems: string[] = [];
  const list = z.array(z.unknown()).safeParse(rawEntries);
  if (!list.success) throw new QnaContentError(['entries.json must be an array']);

  const parsedBundles = {} as Record<Locale, z.infer<typeof bundleSchema>>;
  for (const lng of LOCALES) {
    const bundle = bundleSchema.safeParse(bundles[lng]);
    if (!bundle.success) problems.push(`locales/${lng}/qna.json: ${describe(bundle.error)}`);
    else parsedBundles[lng] = bundle.data;
  }
  if (problems.length > 0) throw new QnaContentError(problems);

  const entries: KbEntry[] = [];
  const seen = new Set<string>();
  list.data.forEach((raw, index) => {
    const parsed = entrySchema.safeParse(raw);
    const label = parsed.success ? parsed.data.id : `#${index}`;
    if (!parsed.success) {
      problems.push(`entry ${label}: ${describe(parsed.error)}`);
      return;
    }
    const entry = parsed.data;
    if (seen.has(entry.id)) problems.push(`entry ${entry.id}: duplicate id`);
    seen.add(entry.id);
    for (const section of entry.sources) {
      if (!isKnownSection(section))
        problems.push(`entry ${entry.id}: unknown section "${section}"`);
      else if (entry.kind === 'suggestion' && docOfSection(section) === 'instrument')
        problems.push(`entry ${entry.id}: Brugbot's own suggestion must not cite the instrument`);
    }
    const texts = {} as Record<Locale, EntryTexts>;
    for (const lng of LOCALES) {
      const rawTexts = parsedBundles[lng].entries[entry.id];
      if (rawTexts === undefined) {
        problems.push(
          `entry ${entry.id}: missing ${lng} texts (locales/${lng}/qna.json entries.${entry.id})`,
        );
        continue;
      }
      const checked = textsSchema.safeParse(rawTexts);
      if (checked.success) texts[lng] = checked.data;
      else problems.push(`entry ${entry.id}: ${lng} ${describe(checked.error)}`);
    }
    entries.push({ ...entry, keywords: entry.keywords ?? [], texts });
  });
  for (const lng of LOCALES) {
    for (const id of Object.keys(parsedBundles[lng].entries)) {
      if (!seen.has(id)) problems.push(`locales/${lng}/qna.json: texts for unknown entry ${id}`);
    }
  }
  if (problems.length > 0) throw new QnaContentError(problems);
  return { entries, byId: new Map(entries.map((e) => [e.id, e])) };
}

/** Loads content/qna/entries.json and the qna namespace that i18next already read at start-up. */
export function loadKnowledgeBase(): KnowledgeBase {
  const file = path.join(paths.content, 'qna', 'entries.json');
  const rawEntries: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const i18n = getI18n();
  const bundles = {} as Record<Locale, unknown>;
  for (const lng of LOCALES) bundles[lng] = i18n.getResourceBundle(lng, 'qna');
  return validateKnowledgeBase(rawEntries, bundles);
}
