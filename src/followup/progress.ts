import { shorten } from '../presentation';
import type { Answers } from '../guide';
import type { Locale } from '../i18n';
import { resolveSource } from '../sources';
import { formatDate, sourceLine, type ViewContext } from '../presentation';
import {
  COUNT_FIGURES,
  FU,
  scheduleOf,
  successMomentsOf,
  type CountFigure,
  type MomentId,
  type SentMap,
  nextMoment,
} from './schedule';

/** A YYYY-MM-DD date as a reader sees it; noon UTC keeps it on the same day in every zone. */
export function formatDay(date: string, locale: Locale): string {
  return formatDate(`${date}T12:00:00Z`, locale);
}

export interface ProgressPoint {
  moment: MomentId;
  date: string;
  dateLabel: string;
  figures: Partial<Record<CountFigure, number>>;
  note?: string;
}

export interface ProgressModel {
  scheduled: boolean;
  stopped: boolean;
  /** The figures the plan chose to count, in display order. */
  figures: CountFigure[];
  points: ProgressPoint[];
  /** The plan's own yearly expectations (step 6), never the research benchmark. */
  expected: { trajectories?: number; referrals?: number };
  nextDate?: string;
}

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
      const figures: ProgressPoint['figures'] = {};
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

/**
 * The summary card's and the export's block: one line per check-in, expectations, caution.
 * Without a clock of its own the summary takes real time, or the plan's last change when that
 * is later (a moved dev clock stamps follow-up answers in the future).
 */
export function progressBlock(
  ctx: ViewContext,
  noteLimit = Number.MAX_SAFE_INTEGER,
  maxRows = Number.MAX_SAFE_INTEGER,
  at?: Date,
) {
  const now = at ?? new Date(Math.max(Date.now(), Date.parse(ctx.state.updatedAt) || 0));
  const model = progressOf(ctx.answers, ctx.locale, now);
  const { t } = ctx;
  const expectations = expectationsList(ctx, model);
  const benchmark = resolveSource('s6Benchmark', ctx.locale);
  return {
    show: model.scheduled || model.points.length > 0,
    title: t('followup:progress.title'),
    // The card shows the latest check-ins; the tab and the export have room for all of them.
    rows: model.points.slice(-maxRows).map((p) => ({
      text: t('followup:progress.row', { date: p.dateLabel, list: figuresList(ctx, model, p) }),
      // Cut like the summary's answers when the card must fit its budget; the export has room.
      note: p.note && noteLimit > 0 ? shorten(p.note, noteLimit) : '',
    })),
    empty: model.points.length ? '' : t('followup:progress.empty'),
    earlier:
      model.points.length > maxRows
        ? t('followup:progress.earlier', { count: model.points.length - maxRows })
        : '',
    next: model.stopped
      ? t('followup:progress.stopped')
      : model.nextDate
        ? t('followup:progress.next', { date: formatDay(model.nextDate, ctx.locale) })
        : '',
    expectations: expectations ? t('followup:progress.expectations', { list: expectations }) : '',
    caution: t('followup:progress.caution'),
    source: sourceLine(ctx, 's6Benchmark', true),
    sourceTitle: `${benchmark.docTitle} — ${benchmark.sectionTitle}`,
    sourceUrl: benchmark.url,
  };
}

/**
 * The one line of progress for the steering group's note: the latest figures next to the
 * plan's own expectations, or when the first card comes. Empty when the plan has no follow-up.
 * This is the hook the steering note calls (see README, "Follow-up").
 */
export function steeringProgressLine(ctx: ViewContext, now: Date): string {
  const model = progressOf(ctx.answers, ctx.locale, now);
  const { t } = ctx;
  const last = model.points[model.points.length - 1];
  if (!last) {
    return model.nextDate && !model.stopped
      ? t('followup:progress.lineNone', { date: formatDay(model.nextDate, ctx.locale) })
      : '';
  }
  const list = model.figures
    .filter((f) => last.figures[f] !== undefined)
    .map((f) => {
      const base = `${last.figures[f]} ${t(`followup:progress.figures.${f}`)}`;
      const expected = f === 'trajectories' ? model.expected.trajectories : undefined;
      return expected !== undefined
        ? `${base} (${t('followup:progress.expected', { count: expected })})`
        : base;
    })
    .join(', ');
  return t('followup:progress.line', { date: last.dateLabel, list });
}
