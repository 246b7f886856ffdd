import type { Answers } from '../guide';
import { monthsAround } from './calendar';
import type { Locale } from '../i18n';
import {
  formatDay,
  type ProgressModel,
  type ProgressPoint,
  type SummaryContext,
  type ViewContext,
} from '../presentation';
import { progressLine } from '../presentation/steering';
import {
  COUNT_FIGURES,
  FU,
  scheduleOf,
  successMomentsOf,
  type CountFigure,
  type SentMap,
  nextMoment,
} from './schedule';

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The figures a plan asks for: trajectories, its own success moments, associations reached. */
export function figuresOf(answers: Answers): CountFigure[] {
  const chosen = new Set<string>(successMomentsOf(answers));
  return COUNT_FIGURES.filter((f) => f === 'trajectories' || f === 'associations' || chosen.has(f));
}

/** The follow-up figures over time, from the plan's answers (so "as of" views replay them too). */
export function progressOf(
  answers: Answers,
  locale: Locale,
  now: Date,
  sent: SentMap = {},
): ProgressModel {
  const schedule = scheduleOf(answers);
  const points = schedule.moments
    .filter((m) => m.answered)
    .map((m): ProgressPoint => {
      const figures: Partial<Record<CountFigure, number>> = {};
      for (const f of COUNT_FIGURES) {
        const v = num(answers[`${FU}${m.id}.${f}`]);
        if (v !== undefined) figures[f] = v;
      }
      const note = answers[`${FU}${m.id}.note`];
      return {
        moment: m.id,
        date: m.date,
        dateLabel: formatDay(m.date, locale),
        figures,
        ...(typeof note === 'string' && note ? { note } : {}),
        ...(schedule.start
          ? { afterMonths: Math.max(0, monthsAround(schedule.start, m.date)) }
          : {}),
      };
    });
  const next = nextMoment(schedule, sent, now);
  return {
    scheduled: schedule.moments.length > 0,
    stopped: schedule.stopped,
    figures: figuresOf(answers),
    points,
    expected: {
      ...(num(answers.expectedTrajectories) !== undefined
        ? { trajectories: num(answers.expectedTrajectories) }
        : {}),
      ...(num(answers.expectedReferrals) !== undefined
        ? { referrals: num(answers.expectedReferrals) }
        : {}),
    },
    ...(next ? { nextDate: next.date } : {}),
  };
}

/**
 * The figures for a view without a clock of its own: real time, or the plan's last change when
 * that is later (a moved dev clock stamps follow-up answers in the future).
 */
export function planProgress(answers: Answers, locale: Locale, updatedAt: string): ProgressModel {
  return progressOf(answers, locale, new Date(Math.max(Date.now(), Date.parse(updatedAt) || 0)));
}

/**
 * A view context with the plan's follow-up figures, for the views that show them (the summary
 * card, the tab, the export): the figures are read here, the presentation only draws them.
 */
export function withProgress<C extends ViewContext>(ctx: C): C & SummaryContext {
  return { ...ctx, progress: planProgress(ctx.answers, ctx.locale, ctx.state.updatedAt) };
}

/**
 * The steering note's progress line (presentation/steering) from the plan's figures now.
 * This is the hook the steering note calls (see README, "Follow-up").
 */
export function steeringProgressLine(ctx: ViewContext, now: Date): string {
  return progressLine(ctx, progressOf(ctx.answers, ctx.locale, now));
}
