import type { TurnContext } from 'botbuilder';
import { renderCard } from '../cards';
import { DOWNLOAD_TTL_MS, type DownloadStore } from '../downloads';
import { translator, type Locale } from '../i18n';
import type { Logger } from '../logging';
import { planKey, type PlanStore, type UserPrefsStore } from '../plans';
import { erasePlan, exportConversationData } from '../privacy';
import type { BrugStorage } from '../storage';
import { logId } from './turn-info';

export interface PrivacyDeps {
  storage: BrugStorage;
  plans: PlanStore;
  prefs: UserPrefsStore;
  downloads: DownloadStore;
  /** Origin that download links point to (the bot's public URL). */
  baseUrl: () => string;
  logger: Logger;
  now: () => Date;
  /**
   * Runs the deletion and then replaces the plan's steering note with "plan verwijderd op … door
   * …" (src/steering). Without it the plan is simply deleted.
   */
  withdrawNote?: (
    planKey: string,
    byName: string | undefined,
    remove: () => Promise<number>,
  ) => Promise<number>;
}

/** "mijn gegevens" and "verwijder plan": the GDPR side of the conversation. */
export class PrivacyHandler {
  constructor(private readonly deps: PrivacyDeps) {}

  private key(context: TurnContext): string {
    return planKey(context.activity.channelId, context.activity.conversation.id);
  }

  async sendMyData(context: TurnContext, locale: Locale): Promise<void> {
    const { channelId, from } = context.activity;
    const t = translator(locale);
    const key = this.key(context);
    const json = await exportConversationData(
      this.deps,
      key,
      channelId,
      from?.id ?? '',
      this.deps.now(),
      { plan: t('bot:privacy.about.plan'), you: t('bot:privacy.about.you') },
    );
    // Made from the plan: deleting the plan revokes this link too.
    const token = await this.deps.downloads.create(
      json,
      'brugbot-gegevens.json',
      'application/json',
      DOWNLOAD_TTL_MS,
      key,
    );
    const url = `${this.deps.baseUrl()}/download/${token}`;
    await context.sendActivity({
      type: 'message',
      textFormat: 'markdown',
      text: t('bot:privacy.myData', { url }),
    });
  }

  async askDelete(context: TurnContext, locale: Locale): Promise<void> {
    const t = translator(locale);
    const plan = await this.deps.plans.read(this.key(context)).catch(() => undefined);
    if (!plan) {
      await context.sendActivity(t('bot:privacy.nothingToDelete'));
      return;
    }
    const card = renderCard('confirm-delete', {
      fallbackText: t('bot:privacy.deleteTitle'),
      title: t('bot:privacy.deleteTitle'),
      text: t('bot:privacy.deleteText'),
      revision: plan.revision,
      labels: { confirm: t('bot:privacy.deleteConfirm'), cancel: t('bot:privacy.deleteCancel') },
    });
    await context.sendActivity({ type: 'message', attachments: [card] });
  }

  /** Deletes only if nobody changed the plan since the card was shown, so a stale press cannot wipe new work. */
  async confirmDelete(context: TurnContext, locale: Locale, revision: number): Promise<void> {
    const t = translator(locale);
    const key = this.key(context);
    const plan = await this.deps.plans.read(key).catch(() => undefined);
    if (plan && plan.revision !== revision) {
      await context.sendActivity(t('bot:privacy.deleteExpired'));
      return;
    }
    // Everything made from the plan goes, and the deleted bytes with it (src/privacy).
    const remove = () => erasePlan(this.deps, key);
    const by = context.activity.from?.name?.trim() || undefined;
    const removed = this.deps.withdrawNote
      ? await this.deps.withdrawNote(key, by, remove)
      : await remove();
    this.deps.logger.info(
      { conversation: logId(key), documents: removed },
      'plan deleted on request',
    );
    const { channelId, from } = context.activity;
    const language = from?.id ? (await this.deps.prefs.get(channelId, from.id)).locale : undefined;
    const kept = language
      ? t('bot:privacy.keptLanguage', { language: t(`bot:privacy.languages.${language}`) })
      : t('bot:privacy.keptNothing');
    await context.sendActivity(t('bot:privacy.deleted', { kept }));
  }

  async cancelDelete(context: TurnContext, locale: Locale): Promise<void> {
    await context.sendActivity(translator(locale)('bot:privacy.deleteCancelled'));
  }
}
