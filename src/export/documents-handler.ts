import { createPlanDownload, DOWNLOAD_TTL_MS, downloadFor } from '../downloads';
import { logId } from '../logging';
import { documentsOf, documentTitle, type DocumentId } from '../presentation';
import type { Turn } from '../turn';
import { answeredPlan, type ExportDeps } from './export-handler';
import { documentInput, planFileRenderer } from './plan-documents';

/**
 * "documenten": the documents written from the plan (college note, vacancy or tender,
 * commitment statement, evaluation framework, beliefs note), each as Word and Markdown, made
 * now and handed out as time-limited links like "exporteer". Only whoever can read the plan in
 * this conversation gets them; the files are in the asker's language.
 */
export class DocumentsHandler {
  constructor(private readonly deps: ExportDeps) {}

  async send(turn: Turn): Promise<void> {
    const { t, locale, planKey } = turn;
    const state = await answeredPlan(turn, this.deps, 'documents:chat.nothingYet');
    if (!state) return;
    const input = documentInput(this.deps.guide, state, locale, this.deps.now());
    const url = (token: string) => `${this.deps.baseUrl()}/download/${token}`;
    const lines = [t('documents:chat.intro', { hours: DOWNLOAD_TTL_MS / 3_600_000 }), ''];
    const made = { owner: { userId: turn.actor.id, tenantId: turn.tenantId }, planKey };
    const render = planFileRenderer(input);
    const links = await downloadFor(turn, async () => {
      const documents: { id: DocumentId; docx: string; markdown: string }[] = [];
      for (const id of documentsOf(input.ctx)) {
        const [docx, markdown] = await Promise.all(
          (['docx', 'md'] as const).map((format) =>
            createPlanDownload(this.deps.downloads, made, { document: id, format }, render),
          ),
        );
        documents.push({ id, docx: docx!, markdown: markdown! });
      }
      return documents;
    });
    if (links === undefined) return;
    for (const { id, docx, markdown } of links)
      lines.push(
        t('documents:chat.line', {
          title: documentTitle(input.ctx, id),
          docx: url(docx),
          markdown: url(markdown),
        }),
      );
    lines.push(t('documents:chat.appendix', { title: t('documents:titles.allAnswers') }));
    this.deps.logger.info({ plan: logId(planKey) }, 'plan documents made');
    await turn.send({ type: 'message', textFormat: 'markdown', text: lines.join('\n') });
  }
}
