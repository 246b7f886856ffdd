import { formatDay, type ProgressModel, type ViewContext } from '..';

/**
 * The one line of progress for the steering group's note: the latest figures next to the
 * plan's own expectations, or when the first card comes. Empty when the plan has no follow-up.
 * The figures come in as plain data (`progressOf` in src/followup).
 */
export function progressLine(ctx: ViewContext, model: ProgressModel): string {
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
