import { shorten, sourceLine, type ViewContext } from '..';
import { expectationsList, figuresList, formatDay, type ProgressModel } from '..';
import { resolveSource } from '../../sources';

/**
 * The summary card's, the tab's and the export's follow-up block: one line per check-in,
 * expectations, caution. The figures come in as plain data (`progressOf` in src/followup).
 */
export function progressBlock(
  ctx: ViewContext,
  model: ProgressModel,
  noteLimit = Number.MAX_SAFE_INTEGER,
  maxRows = Number.MAX_SAFE_INTEGER,
) {
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

export type ProgressBlock = ReturnType<typeof progressBlock>;
