import type { TurnContext } from 'botbuilder';
import type { Guide } from '../guide';
import { translator, type Locale } from '../i18n';
import { answersAsOf, planKey, type PlanStore } from '../plans';
import { summaryCard } from './views/other-views';
import { formatDate, viewContext } from './views/view-context';

/** "stand op <datum>": the summary of the plan as it stood at the end of that day. */
export class HistoryHandler {
  constructor(private readonly deps: { guide: Guide; plans: PlanStore }) {}

  async sendAsOf(context: TurnContext, locale: Locale, date: Date): Promise<void> {
    const t = translator(locale);
    const key = planKey(context.activity.channelId, context.activity.conversation.id);
    const plan = await this.deps.plans.read(key).catch(() => undefined);
    if (!plan) {
      await context.sendActivity(t('bot:history.noPlan'));
      return;
    }
    const answers = answersAsOf(await this.deps.plans.log.entries(key), date);
    const asOf = date.toISOString() < plan.updatedAt ? date.toISOString() : plan.updatedAt;
    const ctx = viewContext(this.deps.guide, { ...plan, answers, updatedAt: asOf }, locale, t);
    await context.sendActivity({
      type: 'message',
      text: t('bot:history.asOf', { date: formatDate(date.toISOString(), locale) }),
      attachments: [summaryCard(ctx)],
    });
  }
}
