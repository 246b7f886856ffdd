import type { AfterSave, Effect } from '../after-save';
import type { Logger } from '../logging';
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
  /** What each part is and whether deleting the plan erases it, in the reader's language. */
  about: { plan: string; you: string; usage: string },
): Promise<string> {
  const read = await deps.plans.lookup(planKey);
  // An outage fails the export (the user is told); only an unreadable plan is exported as null.
  if (!read.ok && read.reason === 'unavailable') throw read.error;
  const plan = read.ok ? read.plan : undefined;
  const you = await deps.prefs.get(channelId, userId);
  const related = await deps.plans.related(planKey);
  const head = JSON.stringify(
    { exportedAt: now.toISOString(), about, plan: plan ?? null, related, you },
    null,
    2,
  );
  // The change log a page at a time, one entry per line: other turns run between pages, and the
  // file grows with the log's budget, not with everything the plan went through.
  const parts = [head.slice(0, -2), ',\n  "changeLog": ['];
  let first = true;
  for await (const page of deps.plans.log.pages(planKey)) {
    for (const entry of page) {
      parts.push(`${first ? '' : ','}\n    ${JSON.stringify(entry)}`);
      first = false;
    }
  }
  parts.push(first ? ']\n}' : '\n  ]\n}');
  return parts.join('');
}

export interface EraseDeps {
  storage: BrugStorage;
  plans: PlanStore;
  downloads: DownloadStore;
  logger: Logger;
}

/**
 * Deletes a plan and every copy made from it: its download links first (so a crash halfway
 * leaves the plan to delete again, never a link to a deleted plan), then the plan, its change
 * log and the steering documents, then the store erases the deleted bytes from its files.
 * Language preferences are not touched: they belong to people, not to the plan.
 *
 * Returns how many documents went and the committed deletion's effect, which carries the
 * documents kept beside the plan as they were (the steering note is withdrawn from its post).
 */
export async function erasePlan(
  deps: EraseDeps,
  planKey: string,
  by?: string,
): Promise<{ documents: number; effects: Effect[] }> {
  const removed = await deps.plans.related(planKey);
  const downloads = await deps.downloads.revokeForPlan(planKey);
  const documents = await deps.plans.delete(planKey);
  if (!(await deps.storage.eraseDeleted()))
    deps.logger.warn('deleted data is still in the write-ahead log; erased at the next deletion');
  return {
    documents: downloads + documents,
    effects: [{ kind: 'planDeleted', ...(by ? { by } : {}), removed }],
  };
}

/**
 * Deletes plans (and their change logs) untouched for `retentionDays`, and expired download
 * links. Logs counts only: no keys, since a key contains a conversation id.
 */
export async function purgeExpired(
  deps: {
    storage: BrugStorage;
    plans: PlanStore;
    downloads: DownloadStore;
    logger: Logger;
    /** Where each deletion goes once committed (the steering note is withdrawn, src/steering). */
    afterSave: Pick<AfterSave, 'dispatch'>;
  },
  retentionDays: number,
  now: Date,
): Promise<{ plans: number; downloads: number }> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000).toISOString();
  let plans = 0;
  for (const key of await deps.plans.keys()) {
    // Read just before it is judged, so a plan touched during the purge is judged as it is now.
    const read = await deps.plans.lookup(key);
    // An outage ends the purge (it runs again); an unreadable plan is kept for an administrator.
    if (!read.ok && read.reason === 'unavailable') throw read.error;
    if (!read.ok || !read.plan || read.plan.updatedAt >= cutoff) continue;
    const { effects } = await erasePlan(deps, key);
    await deps.afterSave.dispatch({ planKey: key, effects });
    plans++;
  }
  // Expired exports hold whole plans: out of the files too, not only out of the table.
  const downloads = await purgeDownloads(deps.storage, deps.downloads);
  deps.logger.info({ plans, downloads, retentionDays }, 'retention purge done');
  return { plans, downloads };
}

/** Deletes expired download links and erases their bytes from the store's files. */
export async function purgeDownloads(
  storage: BrugStorage,
  downloads: DownloadStore,
): Promise<number> {
  const purged = await downloads.purgeExpired();
  if (purged > 0) await storage.eraseDeleted();
  return purged;
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
