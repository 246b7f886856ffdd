import type { DownloadOwner } from './download-index';
import type { DownloadStore } from './index';

/** A file ready to hand out: what the renderers of src/export and src/presentation make. */
export interface DownloadFile {
  content: Buffer | string;
  filename: string;
  contentType: string;
}

/** Which file of a plan: the export of every answer, or one of its documents; Word or Markdown. */
export interface PlanFile {
  document?: string;
  format: 'docx' | 'md';
}

/** For whom and from which plan a download is made; a shorter life for the tab's links. */
export interface PlanDownloadRequest {
  owner: DownloadOwner;
  planKey: string;
  ttlMs?: number;
}

/**
 * The one place a plan's files become downloads, for the chat ("exporteer", "documenten") and
 * the tab alike: the file is made at the moment it is asked for (`render`, given by the caller so
 * this folder needs no renderer) and stored tied to the plan, so deleting the plan revokes it.
 * One live link per plan, file, format and person: asking again replaces it.
 */
export async function createPlanDownload<F extends PlanFile>(
  store: DownloadStore,
  request: PlanDownloadRequest,
  file: F,
  render: (file: F) => Promise<DownloadFile>,
): Promise<string> {
  const { content, filename, contentType } = await render(file);
  const kind = file.document ? `${file.document}.${file.format}` : file.format;
  return store.create(content, filename, contentType, { ...request, kind });
}
