import type { AnswerError, Condition, Position, QuestionDefinition } from '../../guide';
import { inputIdFor, isAnswered, maxLengthOf } from '../../guide';
import { choicesOf, refusalText, shownValue } from './refusal';
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
  /** Tips said for the first time, shown in this card only. */
  advice?: string[];
  /** What a refused submit sent: the card shows it again instead of the stored answers. */
  sent?: Record<string, string>;
}

/**
 * "(als je “Iets anders” koos)": when a follow-up question applies, for a card that shows it
 * before its answer is given. Conditions beyond one choice read as "if it applies".
 */
function followUpNote(ctx: ViewContext, q: QuestionDefinition, when: Condition): string {
  if ('q' in when && (when.op === 'equals' || when.op === 'in' || when.op === 'includesAny')) {
    const ids = when.op === 'equals' ? [String(when.value)] : when.values;
    const asked = ctx.guide.question(when.q);
    const titles = asked ? choicesOf(ctx, asked) : [];
    const names = ids.map((id) => `“${titles.find((c) => c.value === id)?.title ?? id}”`);
    return ctx.t('bot:followUp.ifChoice', { choices: names.join(ctx.t('bot:followUp.or')) });
  }
  if ('q' in when && when.op === 'answered') return ctx.t('bot:followUp.ifAnswered');
  return ctx.t('bot:followUp.ifApplies');
}

/**
 * The allowed range, shown under a number input. The card sets no `min`/`max` on Input.Number:
 * Adaptive Cards (JS 3.0) then rejects an empty field as NaN and blocks the whole card without a
 * word, so the range is shown here and checked by the bot, which answers next to the input.
 */
function hintOf(ctx: ViewContext, q: QuestionDefinition): string {
  if (q.type === 'number' && q.min !== undefined && q.max !== undefined)
    return ctx.t('bot:refusal.range', { min: q.min, max: q.max });
  return '';
}

interface QuestionState {
  error: AnswerError | undefined;
  open: boolean;
  inDeepenPart: boolean;
  sent: string | undefined;
}

function questionData(ctx: ViewContext, q: QuestionDefinition, s: QuestionState) {
  const { t, state } = ctx;
  const record = state.answers[q.id];
  const answeredBy = record && isAnswered(record.value) ? answeredByLine(ctx, record) : '';
  const maxLength = maxLengthOf(q);
  const applies = ctx.guide.isVisible(q, ctx.answers);
  const required = q.required && !s.inDeepenPart && applies;
  const errorText = s.error
    ? refusalText(ctx, q, s.error, s.sent)
    : s.open
      ? t('bot:step.stillOpen')
      : '';
  const note = q.showIf && ctx.guide.isFollowUp(q) ? ` ${followUpNote(ctx, q, q.showIf)}` : '';
  const shown = shownValue(q, record?.value, s.sent);
  return {
    inputId: inputIdFor(q.id),
    helpId: `help-${q.id}`,
    type: q.type,
    label: `${questionLabel(ctx, q)}${required ? ' *' : ''}${note}`,
    value: shown.number === undefined && q.type === 'number' ? '' : shown.text,
    numberValue: shown.number ?? 0,
    placeholder: t(`guide:questions.${q.id}.placeholder`, { defaultValue: '' }),
    maxLength,
    choices: choicesOf(ctx, q),
    hint: hintOf(ctx, q),
    help: t(`guide:questions.${q.id}.help`),
    examples: q.examples ? t(`guide:questions.${q.id}.examples`) : '',
    source: sourceLine(ctx, q.source, true),
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
    'arrow-more-down',
    'arrow-more-up',
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
    .filter((q) => guide.isOnCard(q, ctx.answers))
    .map((q) =>
      questionData(ctx, q, {
        error: extras.errors?.[q.id],
        open: open.has(q.id),
        inDeepenPart: deepenPart,
        sent: extras.sent?.[q.id],
      }),
    );
  const advised = new Set(extras.advice ?? []);
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
      // One toggle opens the guidance of every question on the card; its ▾ turns into ▴.
      help: {
        show: `${t('bot:step.helpToggle')} ▾`,
        hide: `${t('bot:step.helpToggle')} ▴`,
        label: t('bot:step.helpToggle'),
        targets: ['arrow-help-down', 'arrow-help-up', ...questions.map((q) => q.helpId)],
      },
      resources: part.resources.map((group) => ({
        heading: t(`guide:resourceGroups.${group.id}`),
        items: group.items,
      })),
    },
    advice: adviceItems(ctx, (rule) => advised.has(rule.id)),
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
