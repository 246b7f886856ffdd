import type { Logger } from '../logging';
import { migratePlanState } from '../guide';
import type { PlanStore, UserPrefsStore } from '../plans';
import type { BrugStorage } from '../storage';
import type { DownloadStore } from '../downloads';

/**
 * Everything the bot keeps about one conversation and about the person asking, as one JSON
 * document (GDPR right of access). Other people's preferences are not included.
 */
export async function exportConversationData(
  deps: { plans: PlanStore; prefs: UserPrefsStore },
  planKey: string,
  channelId: string,
  userId: string,
  now: Date,
): Promise<string> {
  const plan = await deps.plans.read(planKey).catch(() => undefined);
  const changeLog = await deps.plans.log.entries(planKey);
  const you = await deps.prefs.get(channelId, userId);
  const related = await deps.plans.related(planKey);
  return JSON.stringify(
    { exportedAt: now.toISOString(), plan: plan ?? null, changeLog, related, you },
    null,
    2,
  );
}

/**
 * Deletes plans (and their change logs) untouched for `retentionDays`, and expired download
 * links. Logs counts only: no keys, since a key contains a conversation id.
 */
export async function purgeExpired(
  deps: { storage: BrugStorage; plans: PlanStore; downloads: DownloadStore; logger: Logger },
  retentionDays: number,
  now: Date,
): Promise<{ plans: number; downloads: number }> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000).toISOString();
  let plans = 0;
  for (const key of await deps.storage.listKeys('plan/')) {
    const stored: unknown = (await deps.storage.read([key]))[key];
    let updatedAt: string | undefined;
    try {
      updatedAt = migratePlanState(stored).updatedAt;
    } catch {
      // An unreadable plan is kept for an administrator to look at; retention judges readable ones.
      continue;
    }
    if (updatedAt < cutoff) {
      await deps.plans.delete(key);
      plans++;
    }
  }
  const downloads = await deps.downloads.purgeExpired();
  deps.logger.info({ plans, downloads, retentionDays }, 'retention purge done');
  return { plans, downloads };
}

/** Runs the purge now and then every `everyMs`, without keeping the process alive. */
export function scheduleRetention(
  run: () => Promise<unknown>,
  everyMs: number,
  logger: Logger,
): () => void {
  const tick = () => {
    run().catch((e: unknown) => logger.error({ err: (e as Error).name }, 'retention purge failed'));
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
