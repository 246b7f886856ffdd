import type { DownloadFile, PlanFile } from '../downloads';
import { scheduleOf, withProgress } from '../followup';
import type { Guide, PlanState } from '../guide';
import { translator, type Locale } from '../i18n';
import {
  documentFile,
  viewContext,
  type DocumentId,
  type DocumentInput,
  type SummaryContext,
} from '../presentation';
import { DOCX_TYPE, planDocx, planFileName, planMarkdown } from '../presentation/exports';

/** The documents' input, with the follow-up figures the export of every answer shows. */
type PlanFileInput = DocumentInput & { ctx: SummaryContext };

/** The plan as the documents read it, with the confirmed follow-up dates (not the skipped ones). */
export function documentInput(
  guide: Guide,
  state: PlanState,
  locale: Locale,
  now: Date,
): PlanFileInput {
  const ctx = withProgress(viewContext(guide, state, locale, translator(locale)));
  const schedule = scheduleOf(ctx.answers);
  // Only a schedule the team confirmed (it then has a start); a proposal is no agreement.
  const followUpDates =
    schedule.stopped || !schedule.start
      ? []
      : schedule.moments.filter((m) => !m.skipped).map((m) => m.date);
  return { ctx, now, followUpDates };
}

/**
 * Renders one file of the plan for `createPlanDownload` (src/downloads): one of the documents,
 * or without `document` the export of every answer.
 */
export function planFileRenderer(input: PlanFileInput) {
  return async ({
    document,
    format,
  }: PlanFile & { document?: DocumentId }): Promise<DownloadFile> => {
    if (document) return documentFile(document, input, format);
    const { ctx, now } = input;
    return format === 'docx'
      ? {
          content: await planDocx(ctx, now),
          filename: planFileName(ctx, 'docx'),
          contentType: DOCX_TYPE,
        }
      : {
          content: planMarkdown(ctx, now),
          filename: planFileName(ctx, 'md'),
          contentType: 'text/markdown; charset=utf-8',
        };
  };
}
