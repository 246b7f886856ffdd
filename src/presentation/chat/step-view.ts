import type { AnswerError, AnswerValue, Position, QuestionDefinition } from '../../guide';
import { inputIdFor, isAnswered, maxLengthOf } from '../../guide';
import {
  adviceItems,
  cardFallback,
  answeredByLine,
  questionLabel,
  sourceLine,
  stepTitle,
  type ViewContext,
} from '..';
import { stepPosition } from './step-position';

export interface StepNotice {
  text: string;
  style: 'attention' | 'accent' | 'good';
}

export interface StepCardExtras {
  errors?: Record<string, AnswerError>;
  /** Required questions left empty that the user chose to fill in ("Invullen"). */
  open?: string[];
  notices?: StepNotice[];
  qnaLinks?: { entryId: string; title: string }[];
}

function inputValue(value: AnswerValue | undefined): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * The allowed range, shown under a number input. The card sets no `min`/`max` on Input.Number:
 * Adaptive Cards (JS 3.0) then rejects an empty field as NaN and blocks the whole card without a
 * word, so the range is shown here and checked by the bot, which answers next to the input.
 */
function hintOf(ctx: ViewContext, q: QuestionDefinition): string {
  if (q.type === 'number' && q.min !== undefined && q.max !== undefined)
    return ctx.t('bot:step.range', { min: q.min, max: q.max });
  return '';
}

function questionData(
  ctx: ViewContext,
  q: QuestionDefinition,
  error: AnswerError | undefined,
  open: boolean,
  inDeepenPart: boolean,
) {
  const { t, state } = ctx;
  const record = state.answers[q.id];
  const choices =
    q.type === 'yesno'
      ? ['yes', 'no'].map((id) => ({ title: t(`bot:yesno.${id}`), value: id }))
      : (q.choices ?? []).map((c) => ({
          title: t(`guide:questions.${q.id}.choices.${c.id}`),
          value: c.id,
        }));
  const answeredBy = record && isAnswered(record.value) ? answeredByLine(ctx, record) : '';
  const maxLength = maxLengthOf(q);
  const required = q.required && !inDeepenPart;
  const errorText = error
    ? t(`bot:answerErrors.${error}`, { min: q.min, max: q.max, maxLength, count: q.maxSelected })
    : open
      ? t('bot:step.stillOpen')
      : '';
  return {
    inputId: inputIdFor(q.id),
    helpId: `help_${q.id}`,
    type: q.type,
    label: `${questionLabel(ctx, q)}${required ? ' *' : ''}`,
    value: inputValue(record?.value),
    numberValue: typeof record?.value === 'number' ? record.value : 0,
    placeholder: t(`guide:questions.${q.id}.placeholder`, { defaultValue: '' }),
    maxLength,
    choices,
    hint: hintOf(ctx, q),
    help: t(`guide:questions.${q.id}.help`),
    examples: q.examples ? t(`guide:questions.${q.id}.examples`) : '',
    source: sourceLine(ctx, q.source, true),
    helpLabel: t('bot:step.helpToggle'),
    error: errorText,
    answeredBy,
    required,
  };
}

/** "Stap 3 van 6 · 2 van 4", or "Stap 1 van 6 · verdiepen" on an optional part. */
function progressLine(ctx: ViewContext, position: Position): string {
  const { guide, t } = ctx;
  const base = { step: position.step, total: guide.stepCount };
  if (guide.isDeepen(position)) return t('bot:step.progressDeepen', base);
  const { part, parts } = stepPosition(ctx, position);
  if (parts <= 1) return t('bot:step.progressSingle', base);
  return t('bot:step.progress', { ...base, part, parts });
}

/**
 * The ids the "more" toggle shows and hides. They are top-level elements of the card, not one
 * container, because Copilot drops action sets nested in containers; only ids the card holds.
 */
function moreTargets(deepen: boolean, qna: boolean): string[] {
  return [
    ...(deepen ? ['more-deepen-title', 'more-deepen'] : []),
    ...(qna ? ['more-qna-title', 'more-qna'] : []),
    'more-overview',
  ];
}

/** Template data for `cards/step.json`: one part of a step, answers pre-filled, help behind toggles. */
export function stepCardData(ctx: ViewContext, position: Position, extras: StepCardExtras = {}) {
  const { t, guide } = ctx;
  const { step } = position;
  const part = guide.step(step).parts[position.part] ?? guide.step(step).parts[0]!;
  const open = new Set(extras.open ?? []);
  const deepenPart = guide.isDeepen(position);
  const questions = part.questions
    .filter((q) => guide.isVisible(q, ctx.answers))
    .map((q) => questionData(ctx, q, extras.errors?.[q.id], open.has(q.id), deepenPart));
  const title = stepTitle(ctx, step);
  const progress = progressLine(ctx, position);
  const isFirst = position.part === guide.routeParts(step, ctx.answers)[0];
  const deepen = guide
    .deepenParts(step, ctx.answers)
    .filter((i) => i !== position.part)
    .map((i) => ({ title: t(`guide:parts.${guide.step(step).parts[i]!.id}.title`), target: i }));
  const qna = extras.qnaLinks ?? [];
  return {
    // Also what Web Chat's screen reader says when the card arrives: a notice (e.g. what could
    // not be saved) is heard with the progress line, not only seen in the card.
    fallbackText: cardFallback(
      [`${progress} — ${title}`, ...(extras.notices ?? []).map((n) => n.text)].join(' '),
      t('bot:fallback.step'),
    ),
    progress,
    stepTitle: title,
    intro: isFirst ? t(`guide:steps.s${step}.intro`) : '',
    notices: extras.notices ?? [],
    requiredLegend: questions.some((q) => q.required) ? t('bot:step.requiredLegend') : '',
    part: {
      title: t(`guide:parts.${part.id}.title`),
      intro: t(`guide:parts.${part.id}.intro`),
      source: sourceLine(ctx, part.source),
      questions,
      resources: part.resources.map((group) => ({
        heading: t(`guide:resourceGroups.${group.id}`),
        items: group.items,
      })),
    },
    advice: adviceItems(ctx, (rule) => rule.step === step),
    adviceTitle: t('bot:advice.title'),
    more: {
      label: t(deepen.length ? 'bot:step.moreWithDeepen' : 'bot:step.more', {
        count: deepen.length,
      }),
      deepenTitle: t('bot:step.deepenTitle'),
      deepen,
      qnaTitle: t('bot:step.qnaTitle'),
      qna,
      targets: moreTargets(deepen.length > 0, qna.length > 0),
    },
    step,
    partIndex: position.part,
    revision: ctx.state.revision,
    hasPrevious: guide.previousPosition(position, ctx.answers) !== undefined,
    labels: {
      next: guide.nextPosition(position, ctx.answers) ? t('bot:step.next') : t('bot:step.finish'),
      back: t('bot:step.back'),
      overview: t('bot:step.overview'),
    },
  };
}
