import type { SummaryContext } from '..';
import { resolveSource } from '../../sources';
import { progressBlock } from '../summary';

/**
 * The plan tab's follow-up section: the figures per check-in as chart series and table rows,
 * with the plan's own yearly expectations as reference lines. Plain localised strings; the page
 * draws the chart itself (SVG from this origin, no library, no CDN).
 */
export interface TabProgressView {
  show: boolean;
  title: string;
  chartTitle: string;
  chartLabel: string;
  tableCaption: string;
  momentLabel: string;
  series: { id: string; label: string }[];
  /** `sub`: how long after the start, so a yearly expectation reads right against it. */
  points: { label: string; sub: string; values: Record<string, number | null>; note: string }[];
  /** Reference lines: the plan's own expectation per year for a series. */
  expected: { series: string; label: string; value: number }[];
  empty: string;
  next: string;
  expectations: string;
  caution: string;
  source: { label: string; url: string };
  noteLabel: string;
}

export function tabProgressView(ctx: SummaryContext): TabProgressView {
  const { t, locale } = ctx;
  const model = ctx.progress;
  const block = progressBlock(ctx, model);
  const label = (f: string) => t(`followup:progress.figures.${f}`);
  const series = model.figures.map((f) => ({ id: f, label: label(f) }));
  const expected: TabProgressView['expected'] = [];
  if (model.expected.trajectories !== undefined)
    expected.push({
      series: 'trajectories',
      label: `${label('trajectories')}: ${t('followup:progress.expected', { count: model.expected.trajectories })}`,
      value: model.expected.trajectories,
    });
  // The plan's "successful referrals" are counted at the success moment it chose last.
  const success = model.figures.filter((f) => f !== 'trajectories' && f !== 'associations');
  const lastSuccess = success[success.length - 1];
  if (model.expected.referrals !== undefined && lastSuccess)
    expected.push({
      series: lastSuccess,
      label: `${label('referrals')}: ${t('followup:progress.expected', { count: model.expected.referrals })}`,
      value: model.expected.referrals,
    });
  const source = resolveSource('s6Benchmark', locale);
  return {
    show: block.show,
    title: block.title,
    chartTitle: t('followup:progress.chartTitle'),
    chartLabel: t('followup:progress.chartLabel'),
    tableCaption: t('followup:progress.tableCaption'),
    momentLabel: t('followup:progress.moment'),
    series,
    points: model.points.map((p) => ({
      label: p.dateLabel,
      sub:
        p.afterMonths !== undefined
          ? t('followup:progress.afterMonths', { count: p.afterMonths })
          : '',
      values: Object.fromEntries(model.figures.map((f) => [f, p.figures[f] ?? null])),
      note: p.note ?? '',
    })),
    expected,
    empty: block.empty,
    next: block.next,
    expectations: block.expectations,
    caution: block.caution,
    source: { label: `${source.docTitle} — ${source.sectionTitle}`, url: source.url },
    noteLabel: t('followup:progress.noteBy'),
  };
}
