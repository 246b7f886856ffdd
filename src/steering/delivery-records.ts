import { translator } from '../i18n';
import { logId } from '../logging';
import { escapeMessageText } from '../presentation';
import type { ConnectorApi, FailureKind } from '../connector';
import { recordFailure } from '../jobs';
import type { Logger } from '../logging';
import type { BriefDigest } from '../presentation/steering';
import { MAX_VERSIONS, type PostDoc, type PostStore, type PostVersion } from './post-store';
import { postLink } from './post-link';
import { sameTarget } from './targets';

/** What the outbox records after a send: the post's new state, or the retry it still owes. */
export interface RecordDeps {
  posts: PostStore;
  transport: ConnectorApi;
  logger: Logger;
  now: () => Date;
  /** The bot's own URL, where the local steering channel lives (local mode). */
  localServiceUrl: () => string;
  debounceMs: number;
  retryBaseMs: number;
}

/** What one send carried, for the record kept after it succeeded. */
export interface Sent {
  digest?: BriefDigest;
  changes?: string;
}

export function withoutPending(doc: PostDoc): PostDoc {
  const { pending: _pending, ...rest } = doc;
  return rest;
}

export async function recordSuccess(
  deps: RecordDeps,
  planKey: string,
  claimed: PostDoc,
  ids: { conversationId: string; activityId: string } | undefined,
  created: boolean,
  carried: Sent,
): Promise<void> {
  if (!ids) return;
  const sent = claimed.pending!;
  const now = deps.now();
  const version: PostVersion = {
    at: now.toISOString(),
    kind: created ? 'posted' : 'updated',
    ...(carried.changes ? { changes: carried.changes.slice(0, 1000) } : {}),
  };
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
      ...(carried.digest ? { sentDigest: carried.digest } : {}),
      versions: [...(created ? [] : (current.versions ?? [])), version].slice(-MAX_VERSIONS),
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
      since: now.getTime(),
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

/** Keeps a refused send in the outbox with its backoff, and tells the sharer once. */
export async function keepForRetry(
  deps: RecordDeps,
  planKey: string,
  claimed: PostDoc,
  error: unknown,
): Promise<void> {
  const { failed, written: tell } = await recordFailure(deps, error, async (failed) => {
    const { result } = await deps.posts.update<PostDoc['pending']>(planKey, (current) => {
      const pending = current?.pending;
      if (!current || !pending) return { result: undefined };
      const { claim: _claim, ...rest } = pending;
      const { retryAt, ...retry } = failed.retry(pending.attempts);
      const next = {
        ...rest,
        ...retry,
        dueAt: retryAt,
        failureNotified: pending.failureNotified || Boolean(pending.notify),
      };
      return {
        next: { ...current, pending: next },
        result: pending.notify && !pending.failureNotified ? pending : undefined,
      };
    });
    return result;
  });
  deps.logger.warn(
    { plan: logId(planKey), kind: failed.kind, status: failed.status || undefined },
    'steering post failed; kept in the outbox',
  );
  if (!tell?.notify) return;
  const t = translator(tell.notify.locale);
  const channel = claimed.target.label
    ? escapeMessageText(claimed.target.label)
    : t('steering:channel.default');
  await notify(
    deps,
    tell.notify,
    t(`steering:result.${failed.kind satisfies FailureKind}`, { channel }),
  );
}

/** Tells the person who shared; losing this message is acceptable, losing the post is not. */
async function notify(
  deps: RecordDeps,
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
