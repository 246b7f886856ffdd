import type { AnswerError, AnswerValue, Position, QuestionDefinition } from '../../guide';
import { isAnswered } from '../../guide';
import { inputIdFor } from '../submit-schema';
import {
  adviceItems,
  formatDateTime,
  questionLabel,
  sourceLine,
  stepTitle,
  type ViewContext,
} from './view-context';

export interface StepNotice {
  text: string;
  style: 'attention' | 'accent' | 'good';
}

function inputValue(q: QuestionDefinition, value: AnswerValue | undefined): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(',') : String(value);
}

function questionData(ctx: ViewContext, q: QuestionDefinition, error?: AnswerError) {
  const { t, state } = ctx;
  const record = state.answers[q.id];
  const choices =
    q.type === 'yesno'
      ? ['yes', 'no'].map((id) => ({ title: t(`bot:yesno.${id}`), value: id }))
      : (q.choices ?? []).map((c) => ({
          title: t(`guide:questions.${q.id}.choices.${c.id}`),
          value: c.id,
        }));
  const answeredBy =
    record && isAnswered(record.value)
      ? t('bot:step.answeredBy', {
          name: record.by.name || t('bot:someone'),
          when: formatDateTime(record.at, ctx.locale),
        })
      : '';
  const maxLength = q.maxLength ?? (q.type === 'multiline' ? 3000 : 300);
  return {
    inputId: inputIdFor(q.id),
    helpId: `help_${q.id}`,
    type: q.type,
    label: `${questionLabel(ctx, q)}${q.required ? '' : ` ${t('bot:step.optional')}`}`,
    value: inputValue(q, record?.value),
    numberValue: typeof record?.value === 'number' ? record.value : 0,
    min: q.min ?? 0,
    max: q.max ?? 1_000_000,
    placeholder: t(`guide:questions.${q.id}.placeholder`, { defaultValue: '' }),
    maxLength,
    choices,
    choiceStyle: choices.length > 4 ? 'compact' : 'expanded',
    help: t(`guide:questions.${q.id}.help`),
    examples: q.examples ? t(`guide:questions.${q.id}.examples`) : '',
    source: sourceLine(ctx, q.source, true),
    helpLabel: t('bot:step.helpToggle'),
    // Shown by the card itself when a number is out of range, and read with the input's label.
    rangeError: t('bot:answerErrors.outOfRange', { min: q.min ?? 0, max: q.max ?? 1_000_000 }),
    error: error ? t(`bot:answerErrors.${error}`, { min: q.min, max: q.max, maxLength }) : '',
    answeredBy,
  };
}

/** Template data for `cards/step.json`: one part of a step, answers pre-filled, help behind toggles. */
export function stepCardData(
  ctx: ViewContext,
  position: Position,
  errors: Record<string, AnswerError> = {},
  notices: StepNotice[] = [],
  qnaLinks: { entryId: string; title: string }[] = [],
) {
  const { t, guide } = ctx;
  const { step } = position;
  const part = guide.step(step).parts[position.part] ?? guide.step(step).parts[0]!;
  const visibleParts = guide.visibleParts(step, ctx.answers);
  const partNumber = Math.max(1, visibleParts.indexOf(position.part) + 1);
  const title = stepTitle(ctx, step);
  const progress = t('bot:step.progress', {
    step,
    total: guide.stepCount,
    part: partNumber,
    parts: visibleParts.length,
  });
  return {
    // Also what Web Chat's screen reader says when the card arrives: a notice (e.g. what could
    // not be saved) is heard with the progress line, not only seen in the card.
    fallbackText: [`${progress} — ${title}`, ...notices.map((n) => n.text)].join(' '),
    progress,
    stepTitle: title,
    intro: position.part === visibleParts[0] ? t(`guide:steps.s${step}.intro`) : '',
    notices,
    parts: [
      {
        title: t(`guide:parts.${part.id}.title`),
        intro: t(`guide:parts.${part.id}.intro`),
        source: sourceLine(ctx, part.source),
        questions: part.questions
          .filter((q) => guide.isVisible(q, ctx.answers))
          .map((q) => questionData(ctx, q, errors[q.id])),
        resources: part.resources.map((group) => ({
          heading: t(`guide:resourceGroups.${group.id}`),
          items: group.items,
        })),
      },
    ],
    advice: adviceItems(ctx, (rule) => rule.step === step),
    adviceTitle: t('bot:advice.title'),
    qna: qnaLinks,
    step,
    part: position.part,
    revision: ctx.state.revision,
    hasPrevious: guide.previousPosition(position, ctx.answers) !== undefined,
    labels: {
      next: guide.nextPosition(position, ctx.answers) ? t('bot:step.next') : t('bot:step.finish'),
      back: t('bot:step.back'),
      overview: t('bot:step.overview'),
    },
  };
}
