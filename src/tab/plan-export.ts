import type { DownloadOwner, DownloadStore } from '../downloads';
import { documentInput, storeDocument } from '../export';
import type { Guide, PlanState } from '../guide';
import { translator, type Locale } from '../i18n';
import { viewContext, type DocumentId } from '../presentation';
import { DOCX_TYPE, planDocx, planFileName, planMarkdown } from '../presentation/exports';

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
  const ctx = viewContext(deps.guide, state, locale, translator(locale));
  const base = { owner, planKey, ttlMs: TAB_DOWNLOAD_TTL_MS };
  // Same kinds as the chat's export: one live file per plan, format and person.
  const made = { ...base, kind: format };
  const token = document
    ? await storeDocument(
        deps.downloads,
        base,
        documentInput(deps.guide, state, locale, now),
        document,
        format,
      )
    : format === 'docx'
      ? await deps.downloads.create(
          await planDocx(ctx, now),
          planFileName(ctx, 'docx'),
          DOCX_TYPE,
          made,
        )
      : await deps.downloads.create(
          planMarkdown(ctx, now),
          planFileName(ctx, 'md'),
          'text/markdown; charset=utf-8',
          made,
        );
  return {
    url: `/download/${token}`,
    expiresAt: new Date(now.getTime() + TAB_DOWNLOAD_TTL_MS).toISOString(),
  };
}
