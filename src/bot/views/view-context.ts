import type { TFunction } from 'i18next';
import type { Locale } from '../../i18n';
import { resolveSource } from '../../sources';
import {
  answerValues,
  type ActiveAdvice,
  type Answers,
  type Guide,
  type PlanState,
  type QuestionDefinition,
} from '../../guide';
import type { AnswerValue } from '../../guide';

export interface ViewContext {
  guide: Guide;
  state: PlanState;
  locale: Locale;
  t: TFunction;
  answers: Answers;
  /** Linked steering channels the summary card offers to share with (read from storage per turn). */
  steeringChoices?: { title: string; value: string }[];
}

export function viewContext(
  guide: Guide,
  state: PlanState,
  locale: Locale,
  t: TFunction,
): ViewContext {
  return { guide, state, locale, t, answers: answerValues(state) };
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
      kind === 'date'
        ? { day: 'numeric', month: 'short', year: 'numeric' }
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

/** An answer as a reader sees it: choice labels instead of ids, localised numbers and dates. */
export function formatAnswer(ctx: ViewContext, q: QuestionDefinition, value: AnswerValue): string {
  const { t, locale } = ctx;
  const label = (id: string) =>
    q.type === 'yesno' ? t(`bot:yesno.${id}`) : t(`guide:questions.${q.id}.choices.${id}`);
  if (Array.isArray(value)) return value.map(label).join(', ');
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

/** Active advice rendered with its interpolated numbers and its source. */
export function adviceItems(
  ctx: ViewContext,
  include: (rule: ActiveAdvice['rule']) => boolean = () => true,
): { text: string; source: string; severity: string }[] {
  return ctx.guide
    .activeAdvice(ctx.answers)
    .filter((a) => include(a.rule))
    .map((a) => ({
      // The marker is also said in words, for screen readers and for readers who do not know it.
      text: `${ctx.t(`bot:advice.marker.${a.rule.severity === 'warning' ? 'warning' : 'tip'}`)} ${ctx.t(`guide:advice.${a.rule.id}`, a.params)}`,
      source: sourceLine(ctx, a.rule.source, true),
      severity: a.rule.severity,
    }));
}
