import type { AfterSave } from '../after-save';
import { renderCard } from '../cards';
import { cardFallback, planUnreadableText } from '../presentation';
import { downloadFor, type DownloadStore } from '../downloads';
import { logId, type Logger } from '../logging';
import type { PlanStore, UserPrefsStore } from '../plans';
import { erasePlan, exportConversationData } from '../privacy';
import type { BrugStorage } from '../storage';
import type { Turn } from '../turn';

export interface PrivacyDeps {
  storage: BrugStorage;
  plans: PlanStore;
  prefs: UserPrefsStore;
  downloads: DownloadStore;
  /** Origin that download links point to (the bot's public URL). */
  baseUrl: () => string;
  logger: Logger;
  now: () => Date;
  /** Where a committed deletion goes (the steering note is replaced by "plan verwijderd …"). */
  afterSave: Pick<AfterSave, 'dispatch'>;
}

/** "mijn gegevens" and "verwijder plan": the GDPR side of the conversation. */
export class PrivacyHandler {
  constructor(private readonly deps: PrivacyDeps) {}

  async sendMyData(turn: Turn): Promise<void> {
    const { t, planKey: key } = turn;
    const json = await exportConversationData(
      this.deps,
      key,
      turn.channelId,
      turn.userId,
      this.deps.now(),
      {
        plan: t('bot:privacy.about.plan'),
        you: t('bot:privacy.about.you'),
        usage: t('bot:privacy.about.usage'),
      },
    );
    // Made from the plan: deleting the plan revokes this link too; a new one replaces it.
    const token = await downloadFor(turn, () =>
      this.deps.downloads.create(json, 'brugbot-gegevens.json', 'application/json', {
        owner: { userId: turn.actor.id, tenantId: turn.tenantId },
        planKey: key,
        kind: 'data',
      }),
    );
    if (token === undefined) return;
    const url = `${this.deps.baseUrl()}/download/${token}`;
    await turn.send({
      type: 'message',
      textFormat: 'markdown',
      text: t('bot:privacy.myData', { url }),
    });
  }

  async askDelete(turn: Turn): Promise<void> {
    const { t } = turn;
    const read = await this.deps.plans.lookup(turn.planKey);
    if (!read.ok) return turn.send(planUnreadableText(turn.t, read));
    const plan = read.plan;
    if (!plan) {
      await turn.send(t('bot:privacy.nothingToDelete'));
      return;
    }
    const card = renderCard('confirm-delete', {
      fallbackText: cardFallback(t('bot:privacy.deleteTitle'), t('bot:fallback.deletePlan')),
      title: t('bot:privacy.deleteTitle'),
      text: t('bot:privacy.deleteText'),
      revision: plan.revision,
      labels: { confirm: t('bot:privacy.deleteConfirm'), cancel: t('bot:privacy.deleteCancel') },
    });
    await turn.send({ type: 'message', attachments: [card] });
  }

  /** Deletes only if nobody changed the plan since the card was shown, so a stale press cannot wipe new work. */
  async confirmDelete(turn: Turn, revision: number): Promise<void> {
    const { t, planKey: key } = turn;
    // An outage must not skip the revision check: without the plan nothing is deleted.
    const read = await this.deps.plans.lookup(turn.planKey);
    if (!read.ok) return turn.send(planUnreadableText(turn.t, read));
    const plan = read.plan;
    if (plan && plan.revision !== revision) {
      await turn.send(t('bot:privacy.deleteExpired'));
      return;
    }
    // Everything made from the plan goes, and the deleted bytes with it (src/privacy).
    const by = turn.actor.name?.trim() || undefined;
    const { documents, effects } = await erasePlan(this.deps, key, by);
    this.deps.logger.info({ conversation: logId(key), documents }, 'plan deleted on request');
    await this.deps.afterSave.dispatch({ planKey: key, turn, effects });
    const language = turn.chosenLocale;
    const kept = language
      ? t('bot:privacy.keptLanguage', { language: t(`bot:privacy.languages.${language}`) })
      : t('bot:privacy.keptNothing');
    await turn.send(t('bot:privacy.deleted', { kept }));
  }

  async cancelDelete(turn: Turn): Promise<void> {
    await turn.send(turn.t('bot:privacy.deleteCancelled'));
  }
}
