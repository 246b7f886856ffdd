import { withProgress } from '../followup';
import type { Guide } from '../guide';
import type { Logger } from '../logging';
import { answersAsOf, type PlanStore } from '../plans';
import { formatDate, planUnreadableText, viewContext } from '../presentation';
import type { Turn } from '../turn';
import { summaryCard } from '../presentation/chat';

/** "stand op <datum>": the summary of the plan as it stood at the end of that day. */
export class HistoryHandler {
  constructor(private readonly deps: { guide: Guide; plans: PlanStore; logger: Logger }) {}

  async sendAsOf(turn: Turn, date: Date): Promise<void> {
    const { t, locale, planKey } = turn;
    const read = await this.deps.plans.lookup(turn.planKey);
    if (!read.ok) return turn.send(planUnreadableText(turn.t, read));
    const plan = read.plan;
    if (!plan) {
      await turn.send(t('bot:history.noPlan'));
      return;
    }
    // A page of the log at a time, letting other turns run between pages.
    const { answers, summarisedUntil } = await answersAsOf(
      this.deps.plans.log.pages(planKey),
      date,
    );
    const asOf = date.toISOString() < plan.updatedAt ? date.toISOString() : plan.updatedAt;
    const ctx = withProgress(
      viewContext(this.deps.guide, { ...plan, answers, updatedAt: asOf }, locale, t),
    );
    const intro = t('bot:history.asOf', { date: formatDate(date.toISOString(), locale) });
    const note = summarisedUntil
      ? ` ${t('bot:history.summarised', { date: formatDate(summarisedUntil, locale) })}`
      : '';
    await turn.send({
      type: 'message',
      text: intro + note,
      attachments: [summaryCard(ctx)],
    });
  }
}
