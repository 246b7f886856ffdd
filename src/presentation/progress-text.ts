import type { Locale } from '../i18n';
import { formatDate, type ViewContext } from './view-context';

/** A YYYY-MM-DD date as a reader sees it; noon UTC keeps it on the same day in every zone. */
export function formatDay(date: string, locale: Locale): string {
  return formatDate(`${date}T12:00:00Z`, locale);
}

/**
 * The follow-up figures over time as every surface receives them (plain data; src/followup
 * reads them from the plan's answers with `progressOf`).
 */
export interface ProgressPoint {
  moment: string;
  date: string;
  dateLabel: string;
  figures: Partial<Record<string, number>>;
  note?: string;
  /** Whole months after the confirmed start (never negative); absent without a start. */
  afterMonths?: number;
}

export interface ProgressModel {
  scheduled: boolean;
  stopped: boolean;
  /** The figures the plan chose to count, in display order. */
  figures: string[];
  points: ProgressPoint[];
  /** The plan's own yearly expectations (step 6), never the research benchmark. */
  expected: { trajectories?: number; referrals?: number };
  nextDate?: string;
}

/** "12 trajecten, 8 ingeschreven na proefsessies": the figures of one point, in plan order. */
export function figuresList(ctx: Pick<ViewContext, 't'>, model: ProgressModel, p: ProgressPoint) {
  return model.figures
    .filter((f) => p.figures[f] !== undefined)
    .map((f) => `${p.figures[f]} ${ctx.t(`followup:progress.figures.${f}`)}`)
    .join(', ');
}

export function expectationsList(ctx: Pick<ViewContext, 't'>, model: ProgressModel): string {
  const { trajectories, referrals } = model.expected;
  return [
    trajectories !== undefined
      ? `${trajectories} ${ctx.t('followup:progress.figures.trajectories')}`
      : '',
    referrals !== undefined ? `${referrals} ${ctx.t('followup:progress.figures.referrals')}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}
