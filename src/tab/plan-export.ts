import { createPlanDownload, type DownloadOwner, type DownloadStore } from '../downloads';
import { documentInput, planFileRenderer } from '../export';
import type { Guide, PlanState } from '../guide';
import type { Locale } from '../i18n';
import type { DocumentId } from '../presentation';

/**
 * A tab download is made when someone clicks, for that person, and followed at once: ten
 * minutes is room for a slow network, and no link outlives the moment it was made for.
 */
export const TAB_DOWNLOAD_TTL_MS = 10 * 60 * 1000;

export type ExportFormat = 'docx' | 'md';

/**
 * The plan as a Word document or Markdown, the same files the bot's "exporteer" makes, handed
 * out as a short-lived `/download/<token>` link: the browser cannot send the SSO token along
 * with a plain download, so access is checked when the link is made, right before it is used.
 */
export async function exportPlan(
  deps: { guide: Guide; downloads: DownloadStore },
  planKey: string,
  state: PlanState,
  locale: Locale,
  format: ExportFormat,
  now: Date,
  owner: DownloadOwner,
  /** One of the documents written from the plan; without it, all answers (the export). */
  document?: DocumentId,
): Promise<{ url: string; expiresAt: string }> {
  // Same files and kinds as the chat's: one live file per plan, document, format and person.
  const token = await createPlanDownload(
    deps.downloads,
    { owner, planKey, ttlMs: TAB_DOWNLOAD_TTL_MS },
    { ...(document ? { document } : {}), format },
    planFileRenderer(documentInput(deps.guide, state, locale, now)),
  );
  return {
    url: `/download/${token}`,
    expiresAt: new Date(now.getTime() + TAB_DOWNLOAD_TTL_MS).toISOString(),
  };
}
