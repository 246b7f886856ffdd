import type { DownloadStore } from '../downloads';
import { DOCX_TYPE, planDocx, planFileName } from '../export';
import type { Guide, PlanState } from '../guide';
import { translator, type Locale } from '../i18n';
import { viewContext } from '../bot/views/view-context';

/**
 * The plan as a Word document, the same file the bot's "exporteer" makes, handed out as a
 * time-limited `/download/<token>` link: the browser cannot send the SSO token along with a
 * plain download, so the token is checked when the link is made, not when it is followed.
 */
export async function exportPlanDocx(
  deps: { guide: Guide; downloads: DownloadStore },
  planKey: string,
  state: PlanState,
  locale: Locale,
  now: Date,
): Promise<string> {
  const ctx = viewContext(deps.guide, state, locale, translator(locale));
  const token = await deps.downloads.create(
    await planDocx(ctx, now),
    planFileName(ctx, 'docx'),
    DOCX_TYPE,
    planKey,
  );
  return `/download/${token}`;
}
