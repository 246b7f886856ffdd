import type { SummaryContext } from '..';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The plan as a Word document. `docx` takes ~30 ms to load and most processes never export, so
 * it is loaded with the first export instead of at start-up.
 */
export async function planDocx(ctx: SummaryContext, now: Date): Promise<Buffer> {
  const { buildPlanDocx } = await import('./docx-document');
  return buildPlanDocx(ctx, now);
}
