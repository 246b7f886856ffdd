import type { PlanState, QuestionDefinition } from '../guide';
import { isAnswered } from '../guide';
import { resolveSource } from '../sources';
import {
  adviceItems,
  authorName,
  formatAnswer,
  formatList,
  formatDate,
  formatDateTime,
  questionLabel,
  stepTitle,
  type ViewContext,
} from '../bot/views/view-context';

type PlanStatus = PlanState['status'];

export interface SummaryAnswer {
  questionId: string;
  label: string;
  value: string;
  /** Display name of whoever last changed this answer. */
  by: string;
  at: string;
  truncated: boolean;
}

export interface SummaryAdvice {
  text: string;
  /** "Bron: [section](url)" markdown, for cards. */
  source: string;
  severity: string;
  /** The same source as plain parts, for documents that make their own links (the export). */
  sourceTitle: string;
  sourceUrl: string;
}

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
}

/**
 * Long answers are cut for the card (Teams' message limit); the export carries them whole.
 * Callers that must fit a byte budget try these limits in turn.
 */
export const CARD_ANSWER_LIMITS: readonly number[] = [600, 300, 150, 60];
export const CARD_ANSWER_LIMIT = 600;

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

/** adviceItems plus each rule's source as title and URL; both walk activeAdvice in the same order. */
function adviceWithSources(ctx: ViewContext): SummaryAdvice[] {
  const rules = ctx.guide.activeAdvice(ctx.answers);
  return adviceItems(ctx).map((item, i) => {
    const source = resolveSource(rules[i]!.rule.source, ctx.locale);
    return {
      ...item,
      sourceTitle: `${source.docTitle} — ${source.sectionTitle}`,
      sourceUrl: source.url,
    };
  });
}

function answerOf(
  ctx: ViewContext,
  q: QuestionDefinition,
  limit: number,
): SummaryAnswer | undefined {
  const record = ctx.state.answers[q.id];
  if (!record || !isAnswered(record.value)) return undefined;
  const full = formatAnswer(ctx, q, record.value);
  const cut = truncate(full, limit);
  return {
    questionId: q.id,
    label: questionLabel(ctx, q),
    value: cut.text,
    truncated: cut.truncated,
    by: authorName(ctx, record.by),
    at: record.at,
  };
}

/** "Ingevuld door jou en Bram, laatst op 23 nov. 10:00": who answered a step, said once. */
function contributorsLine(ctx: ViewContext, answers: SummaryAnswer[]): string {
  if (answers.length === 0) return '';
  const names = [...new Set(answers.map((a) => a.by))];
  const last = answers.reduce((max, a) => (a.at > max ? a.at : max), answers[0]!.at);
  return ctx.t('bot:summary.contributors', {
    names: formatList(names, ctx.locale),
    when: formatDateTime(last, ctx.locale),
  });
}

/** The plan as a reader needs it: answers per step, the advice that applies, and what is still open. */
export function buildSummary(ctx: ViewContext, limit = CARD_ANSWER_LIMIT): SummaryModel {
  const { guide, t, state } = ctx;
  const orgName = typeof ctx.answers.orgName === 'string' ? ctx.answers.orgName : '';
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
    advice: adviceWithSources(ctx),
    openPoints,
    truncatedCount: steps.reduce((n, s) => n + s.answers.filter((a) => a.truncated).length, 0),
  };
}
