import type { Locale } from '../i18n';
import type { ProgressModel, ProgressPoint } from './progress-model';
import { formatDate, type ViewContext } from './view-context';

/** A YYYY-MM-DD date as a reader sees it; noon UTC keeps it on the same day in every zone. */
export function formatDay(date: string, locale: Locale): string {
  return formatDate(`${date}T12:00:00Z`, locale);
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
