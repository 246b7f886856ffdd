import type { DownloadStore } from '../downloads';
import { DOWNLOAD_TTL_MS } from '../downloads';
import { DOCX_TYPE, planDocx, planFileName } from '../export';
import type { Guide } from '../guide';
import { translator } from '../i18n';
import type { Logger } from '../logging';
import type { PlanStore } from '../plans';
import { logId } from '../bot/turn-info';
import { escapeMessageText } from '../bot/text';
import { viewContext, type ViewContext } from '../bot/views/view-context';
import { retryDelayMs } from './backoff';
import { failureKind, type FailureKind, type SteeringTransport } from './connector-transport';
import { steeringNote } from './note-card';
import type { PostDoc, PostStore } from './post-store';
import { postLink } from './post-link';
import { sameTarget } from './targets';

export interface DeliveryDeps {
  posts: PostStore;
  plans: PlanStore;
  guide: Guide;
  downloads: DownloadStore;
  transport: SteeringTransport;
  logger: Logger;
  now: () => Date;
  /** Public origin for export links; '' when the bot has none people could open. */
  publicBaseUrl: () => string;
  /** The bot's own URL, where the local steering channel lives (local mode). */
  localServiceUrl: () => string;
  debounceMs: number;
  retryBaseMs: number;
  /** Identifies this process in outbox claims. */
  processId: string;
}

/** Longer than a Connector call can take (15 s timeout), so a live claim is never taken over. */
const CLAIM_MS = 60_000;

export type DeliveryResult = 'sent' | 'failed' | 'skipped';

/**
 * Sends what one plan owes its steering channel: claims the outbox entry (an eTag-checked write,
 * so of several bot processes exactly one sends), renders the note from the plan as it is now,
 * posts a new thread or updates the posted message in place, and records the outcome. A failure
 * keeps the entry with an exponential backoff; nothing is dropped.
 */
export async function deliver(deps: DeliveryDeps, planKey: string): Promise<DeliveryResult> {
  const now = deps.now().getTime();
  const { result: claimed } = await deps.posts.update<PostDoc | undefined>(planKey, (current) => {
    const pending = current?.pending;
    if (!current || !pending || pending.dueAt > now || (pending.claim && pending.claim.until > now))
      return { result: undefined };
    const next = {
      ...current,
      pending: { ...pending, claim: { by: deps.processId, until: now + CLAIM_MS } },
    };
    return { next, result: next };
  });
  if (!claimed?.pending) return 'skipped';
  const state = await deps.plans.read(planKey).catch(() => undefined);
  if (!state) {
    // The plan was deleted (privacy) or is unreadable: there is nothing left to tell anyone.
    await deps.posts.update(planKey, (c) =>
      c ? { next: withoutPending(c), result: undefined } : { result: undefined },
    );
    return 'skipped';
  }
  const t = translator(claimed.locale);
  const ctx = viewContext(deps.guide, state, claimed.locale, t);
  const exportLink = await createExportLink(deps, ctx);
  const updating = Boolean(claimed.conversationId && claimed.activityId);
  const message = steeringNote(ctx, {
    firstPostedAt: updating ? claimed.firstPostedAt : undefined,
    now: deps.now(),
    exportLink,
  });
  const target = claimed.target;
  const serviceUrl = target.kind === 'local' ? deps.localServiceUrl() : target.serviceUrl;
  const channel = { channelId: target.channelId, tenantId: target.tenantId, teamId: target.teamId };
  let ids = updating
    ? { conversationId: claimed.conversationId!, activityId: claimed.activityId! }
    : undefined;
  let created = false;
  try {
    if (ids) {
      try {
        await deps.transport.updateActivity(
          serviceUrl,
          ids.conversationId,
          ids.activityId,
          message,
        );
      } catch (error) {
        // The message or thread is gone (deleted, or the local channel restarted): post anew.
        if (failureKind(error) !== 'channelGone') throw error;
        ids = undefined;
      }
    }
    if (!ids) {
      ids = await deps.transport.createThread(serviceUrl, channel, message);
      created = true;
    }
  } catch (error) {
    await recordFailure(deps, planKey, claimed, error);
    return 'failed';
  }
  // Outside the try: a storage hiccup after a successful send must not be retried as a send.
  await recordSuccess(deps, planKey, claimed, ids, created);
  return 'sent';
}

/** A fresh .docx link per send: download links expire, and each update refreshes the note's. */
async function createExportLink(deps: DeliveryDeps, ctx: ViewContext) {
  const base = deps.publicBaseUrl();
  if (!base) return undefined;
  const docx = await planDocx(ctx, deps.now());
  const token = await deps.downloads.create(docx, planFileName(ctx, 'docx'), DOCX_TYPE);
  return {
    url: `${base}/download/${token}`,
    expiresAt: new Date(deps.now().getTime() + DOWNLOAD_TTL_MS),
  };
}

function withoutPending(doc: PostDoc): PostDoc {
  const { pending: _pending, ...rest } = doc;
  return rest;
}

async function recordSuccess(
  deps: DeliveryDeps,
  planKey: string,
  claimed: PostDoc,
  ids: { conversationId: string; activityId: string },
  created: boolean,
): Promise<void> {
  const sent = claimed.pending!;
  const now = deps.now();
  await deps.posts.update(planKey, (current) => {
    if (!current) return { result: undefined };
    // Someone re-pointed the plan at another channel meanwhile: that request still stands.
    if (!sameTarget(current.target, claimed.target)) return { result: undefined };
    const base: PostDoc = {
      ...current,
      ...ids,
      firstPostedAt: created ? now.toISOString() : (current.firstPostedAt ?? now.toISOString()),
      lastSentAt: now.getTime(),
      sentHash: sent.hash,
      sends: current.sends + 1,
    };
    const pending = current.pending;
    if (!pending || pending.seq === sent.seq)
      return { next: withoutPending(base), result: undefined };
    // More changed while we were sending: send again, but not before the debounce has passed.
    const { claim: _claim, ...rest } = pending;
    const sameNotify = JSON.stringify(rest.notify) === JSON.stringify(sent.notify);
    const { notify, ...withoutNotify } = rest;
    const owed = {
      ...withoutNotify,
      ...(sameNotify || !notify ? {} : { notify }),
      attempts: 0,
      dueAt: Math.max(pending.dueAt, now.getTime() + deps.debounceMs),
    };
    return { next: { ...base, pending: owed }, result: undefined };
  });
  deps.logger.info(
    { plan: logId(planKey), created },
    created ? 'steering note posted' : 'steering note updated',
  );
  if (!sent.notify) return;
  const t = translator(sent.notify.locale);
  const link = postLink(claimed.target, ids, deps.localServiceUrl);
  const label = claimed.target.label
    ? escapeMessageText(claimed.target.label)
    : t('steering:channel.default');
  const text = link
    ? t('steering:result.postedLink', { channel: label, link })
    : t('steering:result.posted', { channel: label });
  await notify(deps, sent.notify, text);
}

async function recordFailure(
  deps: DeliveryDeps,
  planKey: string,
  claimed: PostDoc,
  error: unknown,
): Promise<void> {
  const kind = failureKind(error);
  const now = deps.now().getTime();
  const retryAfter = (error as { retryAfterMs?: number }).retryAfterMs;
  const { result: tell } = await deps.posts.update<PostDoc['pending']>(planKey, (current) => {
    const pending = current?.pending;
    if (!current || !pending) return { result: undefined };
    const { claim: _claim, ...rest } = pending;
    const next = {
      ...rest,
      attempts: pending.attempts + 1,
      dueAt: now + retryDelayMs(pending.attempts, deps.retryBaseMs, retryAfter),
      lastError: kind,
      failureNotified: pending.failureNotified || Boolean(pending.notify),
    };
    return {
      next: { ...current, pending: next },
      result: pending.notify && !pending.failureNotified ? pending : undefined,
    };
  });
  deps.logger.warn(
    { plan: logId(planKey), kind, status: (error as { status?: number }).status },
    'steering post failed; kept in the outbox',
  );
  if (!tell?.notify) return;
  const t = translator(tell.notify.locale);
  const channel = claimed.target.label
    ? escapeMessageText(claimed.target.label)
    : t('steering:channel.default');
  await notify(deps, tell.notify, t(`steering:result.${kind satisfies FailureKind}`, { channel }));
}

/** Tells the person who shared; losing this message is acceptable, losing the post is not. */
async function notify(
  deps: DeliveryDeps,
  to: NonNullable<NonNullable<PostDoc['pending']>['notify']>,
  text: string,
): Promise<void> {
  try {
    await deps.transport.send(to.serviceUrl, to.conversationId, {
      type: 'message',
      text,
      textFormat: 'markdown',
    });
  } catch (error) {
    deps.logger.warn({ err: (error as Error).name }, 'could not tell the user how sharing went');
  }
}
