import type { Guide } from '../guide';
import { translator } from '../i18n';
import { steeringProgressLine } from '../followup';
import { claimFor, isClaimed, type JobResult } from '../jobs';
import type { PlanStore } from '../plans';
import { logId } from '../logging';
import { viewContext } from '../presentation';
import {
  briefDigest,
  buildBrief,
  changesLine,
  steeringNote,
  withdrawnNote,
} from '../presentation/steering';
import { failureKind, type OutgoingMessage } from '../connector';
import { planLink } from './plan-link';
import type { PostDoc } from './post-store';
import { keepForRetry, recordSuccess, withoutPending, type RecordDeps } from './delivery-records';

export interface DeliveryDeps extends RecordDeps {
  plans: PlanStore;
  guide: Guide;
  /** The bot's public origin (the tab's web fallback in deep links); undefined when it has none. */
  publicBaseUrl: () => string | undefined;
  /** The Teams app id for deep links to the plan tab. */
  teamsAppId?: string;
  debounceMs: number;
  retryBaseMs: number;
  /** Identifies this process in outbox claims. */
  processId: string;
}

export type DeliveryResult = Extract<JobResult, 'sent' | 'failed' | 'skipped'>;

/**
 * Sends what one plan owes its steering channel: claims the outbox entry (an eTag-checked write,
 * so of several bot processes exactly one sends), renders the note from the plan as it is now,
 * posts a new thread or updates the posted message in place, and records the outcome. A failure
 * keeps the entry with an exponential backoff; nothing is dropped. A deleted plan's tombstone
 * sends the "plan verwijderd" notice in place of the note, and then goes.
 */
export async function deliver(deps: DeliveryDeps, planKey: string): Promise<DeliveryResult> {
  const now = deps.now().getTime();
  const { result: claimed } = await deps.posts.update<PostDoc | undefined>(planKey, (current) => {
    const pending = current?.pending;
    if (!current || !pending || pending.dueAt > now || isClaimed(pending.claim, now))
      return { result: undefined };
    const next = { ...current, pending: { ...pending, claim: claimFor(deps.processId, now) } };
    return { next, result: next };
  });
  if (!claimed?.pending) return 'skipped';
  if (claimed.withdrawn) return withdraw(deps, planKey, claimed);
  const read = await deps.plans.lookup(planKey);
  // A store that does not answer is not a deleted plan: the claim runs out and the post is retried.
  if (!read.ok && read.reason === 'unavailable') throw read.error;
  const state = read.ok ? read.plan : undefined;
  if (!state) {
    // The plan was deleted (privacy) or is unreadable: there is nothing left to tell anyone.
    await deps.posts.update(planKey, (c) =>
      c ? { next: withoutPending(c), result: undefined } : { result: undefined },
    );
    return 'skipped';
  }
  const t = translator(claimed.locale);
  const ctx = viewContext(deps.guide, state, claimed.locale, t);
  const updating = Boolean(claimed.conversationId && claimed.activityId);
  const digest = briefDigest(ctx);
  const changes = updating ? changesLine(ctx, claimed.sentDigest, digest) : '';
  // The follow-up's one line of progress (issue 16), from the plan already read for the note.
  const progress = steeringProgressLine(ctx, deps.now());
  const message = steeringNote(ctx, {
    now: deps.now(),
    changes,
    updated: updating,
    planUrl: planLink(claimed.target, planKey, buildBrief(ctx).title, {
      teamsAppId: deps.teamsAppId,
      publicBaseUrl: deps.publicBaseUrl(),
      localServiceUrl: deps.localServiceUrl,
    }),
    ...(progress ? { progress } : {}),
  });
  const outcome = await send(deps, claimed, message, true);
  if (outcome === 'failed') return 'failed';
  // After the send: a storage hiccup after a successful send must not be retried as a send.
  await recordSuccess(deps, planKey, claimed, outcome.ids, outcome.created, {
    digest,
    ...(changes ? { changes } : {}),
  });
  return 'sent';
}

/**
 * Posts or updates one message. With `mayCreate` false (the withdrawal notice), a message that
 * is gone stays gone: there is nothing to withdraw.
 */
async function send(
  deps: DeliveryDeps,
  claimed: PostDoc,
  message: OutgoingMessage,
  mayCreate: boolean,
): Promise<
  { ids: { conversationId: string; activityId: string } | undefined; created: boolean } | 'failed'
> {
  const target = claimed.target;
  const serviceUrl = target.kind === 'local' ? deps.localServiceUrl() : target.serviceUrl;
  const channel = { channelId: target.channelId, tenantId: target.tenantId, teamId: target.teamId };
  let ids =
    claimed.conversationId && claimed.activityId
      ? { conversationId: claimed.conversationId, activityId: claimed.activityId }
      : undefined;
  try {
    if (ids) {
      try {
        await deps.transport.updateActivity(
          serviceUrl,
          ids.conversationId,
          ids.activityId,
          message,
        );
        return { ids, created: false };
      } catch (error) {
        // The message or thread is gone (deleted, or the local channel restarted): post anew.
        if (failureKind(error) !== 'channelGone') throw error;
        ids = undefined;
      }
    }
    if (!mayCreate) return { ids: undefined, created: false };
    return { ids: await deps.transport.createThread(serviceUrl, channel, message), created: true };
  } catch (error) {
    await keepForRetry(deps, claimed.planKey, claimed, error);
    return 'failed';
  }
}

/** Replaces the posted note with the notice that its plan was deleted, then drops the tombstone. */
async function withdraw(
  deps: DeliveryDeps,
  planKey: string,
  claimed: PostDoc,
): Promise<DeliveryResult> {
  const withdrawn = claimed.withdrawn!;
  const t = translator(claimed.locale);
  const message = withdrawnNote(
    { t, locale: claimed.locale },
    new Date(withdrawn.at),
    withdrawn.by,
  );
  const outcome = await send(deps, claimed, message, false);
  if (outcome === 'failed') return 'failed';
  const { result: done } = await deps.posts.update<boolean>(planKey, (current) =>
    // A new plan in the same conversation may have been shared meanwhile: keep that one.
    current?.withdrawn && current.activityId === claimed.activityId
      ? { next: { ...withoutPending(current) }, result: true }
      : { result: false },
  );
  if (done) await deps.posts.remove(planKey);
  deps.logger.info({ plan: logId(planKey) }, 'steering note withdrawn');
  return 'sent';
}
