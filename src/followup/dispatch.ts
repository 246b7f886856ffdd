import { logId } from '../logging';
import { viewContext } from '../presentation';
import { checkinCardData } from '../presentation/chat';
import { renderCard } from '../cards';
import { answerValues, type Guide } from '../guide';
import { stampCardLocale, translator } from '../i18n';
import type { Logger } from '../logging';
import type { PlanStore } from '../plans';
import type { ConnectorApi } from '../connector';
import { claimFor, isClaimed, recordFailure, type JobResult } from '../jobs';
import { isWorkingHours } from './calendar';
import { dueCheckin, scheduleOf, type DuePick } from './schedule';
import type { ScheduleDoc, ScheduleStore } from './schedule-store';
import { checkinView } from './view-models';

export interface DispatchDeps {
  schedules: ScheduleStore;
  plans: PlanStore;
  guide: Guide;
  transport: ConnectorApi;
  logger: Logger;
  /** The scheduler's clock (movable in local mode). */
  now: () => Date;
  retryBaseMs: number;
  /** Identifies this process in claims, so it never mistakes another's claim for its own. */
  processId: string;
}

export type DispatchResult = JobResult;

/**
 * Sends the check-in one plan owes, if any: claims it with an eTag-checked write (so of several
 * bot processes on one store exactly one sends), renders the card from the plan as it is now,
 * posts it into the plan's own conversation and records the outcome. A process killed between
 * claim and send leaves a claim that expires; the check-in then goes out once more.
 */
export async function dispatch(deps: DispatchDeps, planKey: string): Promise<DispatchResult> {
  const now = deps.now();
  if (!isWorkingHours(now)) return 'skipped';
  const read = await deps.plans.lookup(planKey);
  // An unreadable plan is an administrator's to look at; nothing to send.
  if (!read.ok) return 'skipped';
  const plan = read.plan;
  if (!plan) {
    // The plan was deleted (privacy, retention): its schedule goes with it.
    await deps.schedules.delete(planKey);
    return 'skipped';
  }
  const schedule = scheduleOf(answerValues(plan));
  const at = now.getTime();
  const claimed = await deps.schedules.update<{ doc: ScheduleDoc; pick: DuePick } | undefined>(
    planKey,
    (doc) => {
      if (!doc || doc.unreachable || (doc.retryAt ?? 0) > at || isClaimed(doc.claim, at))
        return { result: undefined };
      const pick = dueCheckin(schedule, doc.sent, now);
      if (!pick) return { result: undefined };
      const { moment } = pick;
      const claim = { moment: moment.id, date: moment.date, ...claimFor(deps.processId, at) };
      const next = { ...doc, claim };
      return { next, result: { doc: next, pick } };
    },
  );
  if (!claimed) return 'skipped';
  const { doc, pick } = claimed;
  const t = translator(doc.ref.locale);
  const ctx = viewContext(deps.guide, plan, doc.ref.locale, t);
  const card = renderCard(
    'followup-checkin',
    checkinCardData(
      ctx,
      checkinView(ctx.answers, doc.ref.locale, now, {
        moment: pick.moment.id,
        missed: pick.missed.map((m) => m.date),
      }),
    ),
  );
  stampCardLocale(card.content, doc.ref.locale);
  try {
    await deps.transport.send(doc.ref.serviceUrl, doc.ref.conversationId, {
      type: 'message',
      text: '',
      textFormat: 'markdown',
      attachments: [card],
    });
  } catch (error) {
    return keepForRetry(deps, planKey, error);
  }
  // Outside the try: a storage hiccup after a successful send must not be retried as a send.
  await deps.schedules.update(planKey, (current) => {
    if (!current) return { result: undefined };
    const sentAt = deps.now().toISOString();
    const sent = { ...current.sent, [pick.moment.id]: { date: pick.moment.date, at: sentAt } };
    for (const m of pick.missed) sent[m.id] = { date: m.date, at: sentAt, missed: true };
    const { claim: _claim, retryAt: _retry, lastError: _error, ...rest } = current;
    return { next: { ...rest, sent, attempts: 0, sends: current.sends + 1 }, result: undefined };
  });
  deps.logger.info(
    { plan: logId(planKey), moment: pick.moment.id, folded: pick.missed.length },
    'follow-up check-in sent',
  );
  return 'sent';
}

/** Records a refused check-in: retried after a backoff, or paused while the conversation is gone. */
async function keepForRetry(
  deps: DispatchDeps,
  planKey: string,
  error: unknown,
): Promise<DispatchResult> {
  const { failed, written: retryAt } = await recordFailure(deps, error, (failed) =>
    deps.schedules.update<number | undefined>(planKey, (current) => {
      if (!current) return { result: undefined };
      const { claim: _claim, ...rest } = current;
      if (failed.gone)
        return {
          next: {
            ...rest,
            unreachable: { at: deps.now().toISOString(), status: failed.status },
          },
          result: undefined,
        };
      const retry = failed.retry(current.attempts);
      return { next: { ...rest, ...retry }, result: retry.retryAt };
    }),
  );
  if (failed.gone) {
    deps.logger.warn(
      { plan: logId(planKey), status: failed.status },
      'follow-up: the plan conversation can no longer be reached (bot removed or conversation gone); check-ins wait until someone writes to the bot there again',
    );
    return 'unreachable';
  }
  deps.logger.warn(
    {
      plan: logId(planKey),
      status: failed.status,
      kind: failed.kind,
      retryInMs: retryAt === undefined ? undefined : Math.round(retryAt - deps.now().getTime()),
    },
    'follow-up check-in not delivered; will retry',
  );
  return 'failed';
}
