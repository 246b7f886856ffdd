import type { DownloadRequest, DownloadStore } from '../downloads';
import { scheduleOf } from '../followup';
import type { Guide, PlanState } from '../guide';
import { translator, type Locale } from '../i18n';
import { documentFile, viewContext, type DocumentId, type DocumentInput } from '../presentation';

/** The plan as the documents read it, with the confirmed follow-up dates (not the skipped ones). */
export function documentInput(
  guide: Guide,
  state: PlanState,
  locale: Locale,
  now: Date,
): DocumentInput {
  const ctx = viewContext(guide, state, locale, translator(locale));
  const schedule = scheduleOf(ctx.answers);
  // Only a schedule the team confirmed (it then has a start); a proposal is no agreement.
  const followUpDates =
    schedule.stopped || !schedule.start
      ? []
      : schedule.moments.filter((m) => !m.skipped).map((m) => m.date);
  return { ctx, now, followUpDates };
}

/**
 * Makes one document at the moment it is asked for and stores it as a time-limited download
 * tied to the plan (deleting the plan revokes it). Returns the download token.
 */
export async function storeDocument(
  downloads: DownloadStore,
  made: Omit<DownloadRequest, 'kind'>,
  input: DocumentInput,
  id: DocumentId,
  format: 'docx' | 'md',
): Promise<string> {
  const file = await documentFile(id, input, format);
  // One live link per plan, document, format and person: asking again replaces it.
  return downloads.create(file.content, file.filename, file.contentType, {
    ...made,
    kind: `${id}.${format}`,
  });
}
