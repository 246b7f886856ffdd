import type { DocumentWriter } from './document-writer';
import { longDate } from './document-writer';

/**
 * When the plan is evaluated: the confirmed follow-up schedule where there is one, else the
 * moments the plan describes.
 */
export function evaluationMoments(w: DocumentWriter): void {
  const dates = w.followUpDates.map((d) => longDate(new Date(`${d}T12:00:00Z`), w.ctx.locale));
  if (dates.length) {
    w.p(w.t('evaluation.schedule', { count: dates.length }));
    w.bullets(dates.map((d) => [d]));
  }
  if (w.value('followUpMoments')) {
    w.p(w.t('evaluation.moments'));
    w.prose('followUpMoments');
  } else if (!dates.length)
    w.p(...w.line('evaluation.momentsOpen', { open: w.decide('followUpMoments') }));
}
