import { createPlanDownload, downloadFor, type DownloadStore } from '../downloads';
import type { Guide, PlanState } from '../guide';
import { logId, type Logger } from '../logging';
import type { PlanStore } from '../plans';
import { planUnreadableText } from '../presentation';
import type { Turn } from '../turn';
import { documentInput, planFileRenderer } from './plan-documents';

export interface ExportDeps {
  guide: Guide;
  plans: PlanStore;
  downloads: DownloadStore;
  /** Origin the download links point to (the bot's public URL). */
  baseUrl: () => string;
  logger: Logger;
  now: () => Date;
}

/**
 * The conversation's plan when it holds answers; otherwise says `emptyKey` (or the storage
 * error) to the user and gives undefined. The export and the documents both start here.
 */
export async function answeredPlan(
  turn: Turn,
  deps: Pick<ExportDeps, 'plans' | 'logger'>,
  emptyKey: string,
): Promise<PlanState | undefined> {
  const read = await deps.plans.lookup(turn.planKey);
  if (!read.ok) {
    await turn.send(planUnreadableText(turn.t, read));
    return undefined;
  }
  if (!read.plan || Object.keys(read.plan.answers).length === 0) {
    await turn.send(turn.t(emptyKey));
    return undefined;
  }
  return read.plan;
}

/**
 * "exporteer": the plan as .docx and as Markdown, handed out as time-limited download links,
 * which work the same in Teams and in Web Chat (a bot cannot attach files in Teams without a
 * consent flow). The files are written in the asker's language.
 */
export class ExportHandler {
  constructor(private readonly deps: ExportDeps) {}

  async send(turn: Turn): Promise<void> {
    const { t, locale, planKey } = turn;
    const state = await answeredPlan(turn, this.deps, 'exports:nothingYet');
    if (!state) return;
    const render = planFileRenderer(documentInput(this.deps.guide, state, locale, this.deps.now()));
    const made = { owner: { userId: turn.actor.id, tenantId: turn.tenantId }, planKey };
    const make = (format: 'docx' | 'md') =>
      createPlanDownload(this.deps.downloads, made, { format }, render);
    const tokens = await downloadFor(turn, async () => ({
      docx: await make('docx'),
      markdown: await make('md'),
    }));
    if (tokens === undefined) return;
    const url = (token: string) => `${this.deps.baseUrl()}/download/${token}`;
    this.deps.logger.info({ plan: logId(planKey) }, 'plan exported');
    await turn.send({
      type: 'message',
      textFormat: 'markdown',
      text: t('exports:ready', { docx: url(tokens.docx), markdown: url(tokens.markdown) }),
    });
  }
}
