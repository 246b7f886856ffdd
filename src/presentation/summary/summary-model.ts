import type { PlanState, QuestionDefinition } from '../../guide';
import { isAnswered } from '../../guide';
import { plainText } from '../../cards';
import { progressBlock, type ProgressBlock } from './progress-block';
import {
  adviceItems,
  authorName,
  formatAnswer,
  formatList,
  formatDate,
  formatDateTime,
  questionLabel,
  stepTitle,
  type SummaryContext,
  type ViewContext,
} from '..';
import type { AdviceView } from '..';

type PlanStatus = PlanState['status'];

export interface SummaryAnswer {
  questionId: string;
  label: string;
  value: string;
  /** Display name of whoever last changed this answer; empty when there is no one to tell apart. */
  by: string;
  at: string;
  truncated: boolean;
}

/** Advice with its label, reason and every cited source (see presentation/advice-view.ts). */
export type SummaryAdvice = AdviceView;

export interface SummaryModel {
  title: string;
  /** The organisation or municipality as typed (answer `orgName`); empty when not given yet. */
  org: string;
  meta: string;
  status: PlanStatus;
  updatedAt: string;
  completedAt?: string;
  steps: { number: number; title: string; answers: SummaryAnswer[]; contributors: string }[];
  advice: SummaryAdvice[];
  openPoints: { step: number; text: string }[];
  truncatedCount: number;
  /** The follow-up figures over time (src/followup), for the card, the tab and the export. */
  progress: ProgressBlock;
}

/**
 * Long answers are cut for the card (Teams' message limit); the export carries them whole.
 * Callers that must fit a byte budget try these limits in turn.
 */
export const CARD_ANSWER_LIMITS: readonly number[] = [600, 300, 150, 60];
export const CARD_ANSWER_LIMIT = 600;
/** Above this a caller is not fitting a card (the tab, the export). */
const NO_CARD_LIMIT = 10_000;

/** Cuts on code points, so an emoji at the cut is never split into a lone surrogate. */
function truncate(text: string, limit: number): { text: string; truncated: boolean } {
  if (text.length <= limit) return { text, truncated: false };
  const chars = [...text];
  if (chars.length <= limit) return { text, truncated: false };
  return {
    text: `${chars
      .slice(0, limit - 1)
      .join('')
      .trimEnd()}…`,
    truncated: true,
  };
}

function answerOf(
  ctx: ViewContext,
  q: QuestionDefinition,
  limit: number,
): SummaryAnswer | undefined {
  const record = ctx.state.answers[q.id];
  if (!record || !isAnswered(record.value)) return undefined;
  // Cards, the note, the exports and the tab all show this model: typed text is cleaned here.
  const full = plainText(formatAnswer(ctx, q, record.value));
  const cut = truncate(full, limit);
  return {
    questionId: q.id,
    label: questionLabel(ctx, q),
    value: cut.text,
    truncated: cut.truncated,
    by: plainText(authorName(ctx, record.by)),
    at: record.at,
  };
}

/** "Ingevuld door jou en Bram, laatst op 23 nov. 10:00": who answered a step, said once. */
function contributorsLine(ctx: ViewContext, answers: SummaryAnswer[]): string {
  if (answers.length === 0) return '';
  const names = [...new Set(answers.map((a) => a.by).filter(Boolean))];
  const last = answers.reduce((max, a) => (a.at > max ? a.at : max), answers[0]!.at);
  const when = formatDateTime(last, ctx.locale);
  // One person without a name (local mode): when, not who.
  if (names.length === 0) return ctx.t('bot:summary.lastAnswered', { when });
  return ctx.t('bot:summary.contributors', { names: formatList(names, ctx.locale), when });
}

/** The follow-up block at the size the caller can afford: the card the latest, the rest all. */
function progressOfSize(ctx: SummaryContext, limit: number) {
  const model = ctx.progress;
  if (limit >= NO_CARD_LIMIT) return progressBlock(ctx, model);
  // The card is near Teams' budget with a full plan: the latest figures only, so the block
  // (about 1 KB) does not push the plan's own answers into being cut.
  return progressBlock(ctx, model, limit >= 300 ? 150 : 0, 1);
}

/** The plan as a reader needs it: answers per step, the advice that applies, and what is still open. */
export function buildSummary(ctx: SummaryContext, limit = CARD_ANSWER_LIMIT): SummaryModel {
  const { guide, t, state } = ctx;
  const orgName = typeof ctx.answers.orgName === 'string' ? plainText(ctx.answers.orgName) : '';
  const steps = guide.definition.steps.map((s) => {
    const answers = guide
      .visibleQuestionsOf(s.number, ctx.answers)
      .map((q) => answerOf(ctx, q, limit))
      .filter((a): a is SummaryAnswer => a !== undefined);
    return {
      number: s.number,
      title: t('bot:summary.stepHeading', { step: s.number, title: stepTitle(ctx, s.number) }),
      answers,
      contributors: contributorsLine(ctx, answers),
    };
  });
  const openPoints = guide.openPoints(ctx.answers).map((q) => ({
    step: guide.stepOfQuestion(q.id) ?? 0,
    text: t('bot:summary.openPoint', {
      step: guide.stepOfQuestion(q.id),
      label: questionLabel(ctx, q),
    }),
  }));
  return {
    title: orgName ? t('bot:summary.titleWithOrg', { org: orgName }) : t('bot:summary.title'),
    org: orgName,
    status: state.status,
    updatedAt: state.updatedAt,
    ...(state.completedAt ? { completedAt: state.completedAt } : {}),
    meta: t('bot:summary.meta', {
      date: formatDate(state.updatedAt, ctx.locale),
      status: t(`bot:summary.status.${state.status}`),
    }),
    steps,
    advice: adviceItems(ctx),
    openPoints,
    truncatedCount: steps.reduce((n, s) => n + s.answers.filter((a) => a.truncated).length, 0),
    progress: progressOfSize(ctx, limit),
  };
}
