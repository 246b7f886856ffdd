import type { TFunction } from 'i18next';
import type { Locale } from '../i18n';
import { resolveSource } from '../sources';
import {
  answerValues,
  type ActiveAdvice,
  type Answers,
  type Derived,
  type Guide,
  type PlanState,
  type QuestionDefinition,
} from '../guide';
import type { AnswerValue } from '../guide';
import { presentAdvice, type AdviceView } from './advice-view';
import type { ProgressModel } from './progress-model';

export interface ViewContext {
  guide: Guide;
  state: PlanState;
  locale: Locale;
  t: TFunction;
  answers: Answers;
  /** Who is looking: their own answers read "jij", colleagues' answers carry a name. */
  viewer?: { id: string; name?: string };
  /** Where the plan can be read in full (the plan tab), for answers the card shortens. */
  planUrl?: string;
  /** Linked steering channels the summary card offers to share with (read from storage per turn). */
  steeringChoices?: { title: string; value: string }[];
  /** The advice that holds for `answers`, when the engine already evaluated it this turn. */
  advice?: ActiveAdvice[];
  /**
   * The follow-up figures (plain data), filled by whoever builds a view that shows them: the
   * summary card, the plan tab, the export (`withProgress` in src/followup reads them).
   */
  progress?: ProgressModel;
}

/** A context for the views that show the follow-up figures: the summary, the tab, the export. */
export type SummaryContext = ViewContext & { progress: ProgressModel };

export function viewContext(
  guide: Guide,
  state: PlanState,
  locale: Locale,
  t: TFunction,
  extra: Pick<ViewContext, 'viewer' | 'planUrl'> & { derived?: Derived } = {},
): ViewContext {
  const { derived, ...rest } = extra;
  // What the engine derived from this very state is reused, never computed again.
  return {
    guide,
    state,
    locale,
    t,
    answers: derived?.answers ?? answerValues(state),
    ...(derived?.advice ? { advice: derived.advice } : {}),
    ...rest,
  };
}

const intlLocale = (locale: Locale) => (locale === 'nl' ? 'nl-BE' : 'en-GB');

// Building an Intl.DateTimeFormat costs ~35 µs (ICU set-up), formatting with one ~1 µs; a step
// card formats a date per answered question and the summary one per answer, so build each once.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(locale: Locale, kind: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      intlLocale(locale),
      // Both in Brussels time: a plan saved at 00:16 Brussels time is dated that day, not the day before.
      kind === 'date'
        ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Brussels' }
        : {
            day: 'numeric',
            month: 'short',
            hour: '2-digit',
            minute: '2-digit',
            timeZone: 'Europe/Brussels',
          },
    );
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDate(iso: string, locale: Locale): string {
  return cachedFormat(locale, 'date').format(new Date(iso));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return cachedFormat(locale, 'dateTime').format(new Date(iso));
}

/** "a, b en c" / "a, b and c": lists as people write them. */
export function formatList(items: string[], locale: Locale): string {
  return new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(items);
}

/**
 * "Ingevuld door jou · 30 nov., 00:16" or a colleague's name: whose answer this is, and when.
 * "Ingevuld op 30 nov., 00:16" when there is no one else to tell apart (see authorName).
 */
export function answeredByLine(
  ctx: ViewContext,
  record: { by: { id: string; name?: string }; at: string },
): string {
  return answeredLine(ctx, authorName(ctx, record.by), record.at);
}

/** The same line from a name already chosen by authorName (empty: the date alone). */
export function answeredLine(ctx: ViewContext, name: string, at: string): string {
  const when = formatDateTime(at, ctx.locale);
  return name
    ? ctx.t('bot:step.answeredBy', { name, when })
    : ctx.t('bot:step.answeredAt', { when });
}

// Counted once per plan state: a summary asks for every answer's author.
const contributorCounts = new WeakMap<PlanState, number>();

/** How many people answered this plan's questions (by id), as the answers stand now. */
function contributorCount(state: PlanState): number {
  let count = contributorCounts.get(state);
  if (count === undefined) {
    count = new Set(Object.values(state.answers).map((a) => a.by.id)).size;
    contributorCounts.set(state, count);
  }
  return count;
}

/**
 * Who gave an answer, as the reader should read it: "jou" for the reader's own, the name the
 * channel gave, and "een collega" only for another person than the reader in a plan with more
 * than one contributor. Empty when there is nobody to tell apart: a plan one person filled in
 * without a name (local mode) is never said to be a colleague's.
 */
export function authorName(ctx: ViewContext, by: { id: string; name?: string }): string {
  if (ctx.viewer && by.id && by.id === ctx.viewer.id) return ctx.t('bot:you');
  if (by.name) return by.name;
  return contributorCount(ctx.state) > 1 ? ctx.t('bot:someone') : '';
}

/** An answer as a reader sees it: choice labels instead of ids, localised numbers and dates. */
export function formatAnswer(ctx: ViewContext, q: QuestionDefinition, value: AnswerValue): string {
  const { t, locale } = ctx;
  const label = (id: string) =>
    q.type === 'yesno' ? t(`bot:yesno.${id}`) : t(`guide:questions.${q.id}.choices.${id}`);
  // Labels keep their capitals: some are names ("Huis van het Kind"), which no rule tells apart.
  if (Array.isArray(value)) return formatList(value.map(label), locale);
  if (q.type === 'choice' || q.type === 'yesno') return label(String(value));
  if (q.type === 'number' && typeof value === 'number')
    return value.toLocaleString(intlLocale(locale));
  if (q.type === 'date' && typeof value === 'string') return formatDate(value, locale);
  return String(value);
}

/**
 * "Bron: [document — section](url)", for TextBlocks whose text comes from our own content only.
 * Compact lines name the section only; cards name the full document once, in their footer.
 */
export function sourceLine(ctx: ViewContext, sectionId: string, compact = false): string {
  const s = resolveSource(sectionId, ctx.locale);
  const label = compact ? s.sectionTitle : `${s.docTitle} — ${s.sectionTitle}`;
  return ctx.t('bot:source', { link: `[${label}](${s.url})` });
}

export function stepTitle(ctx: ViewContext, step: number): string {
  return ctx.t(`guide:steps.s${step}.title`);
}

export function questionLabel(ctx: ViewContext, q: QuestionDefinition): string {
  return ctx.t(`guide:questions.${q.id}.label`);
}

/** Active advice with label, reason and sources; see advice-view.ts. */
export function adviceItems(
  ctx: ViewContext,
  include: (rule: ActiveAdvice['rule']) => boolean = () => true,
): AdviceView[] {
  return presentAdvice(ctx, include);
}

/** “Label a”, “Label b” en “Label c”: question labels inside a sentence. */
export function quotedLabels(ctx: ViewContext, ids: string[]): string {
  const labels = ids
    .map((id) => ctx.guide.question(id))
    .filter((q) => q !== undefined)
    .map((q) => `“${questionLabel(ctx, q)}”`);
  return formatList(labels, ctx.locale);
}
