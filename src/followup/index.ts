import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config';
import type { Guide } from '../guide';
import { viewContext } from '../presentation';
import { translator, type Locale } from '../i18n';
import type { Logger } from '../logging';
import type { PlanStore } from '../plans';
import type { BrugStorage } from '../storage';
import type { ConnectorApi } from '../connector';
import { SchedulerClock } from './clock';
import { dispatch } from './dispatch';
import { FollowupHandler, type AfterChange, type CheckinUsage } from './followup-handler';
import { ScheduleStore } from './schedule-store';
import { steeringProgressLine } from './progress';
import { FollowupWorker, type PassCounts } from './worker';

/** The follow-up after the plan: schedule, durable check-ins, proactive cards, progress. */
export { FollowupHandler } from './followup-handler';
export { followupActionSchemas, type FollowupAction } from './actions';
export { followupKeysOf } from './schedule-store';
export { progressBlock, progressOf, steeringProgressLine } from './progress';
export { SchedulerClock } from './clock';
export { isWorkingHours, monthsAround } from './calendar';
export { scheduleOf } from './schedule';

export interface FollowupDeps {
  config: AppConfig;
  storage: BrugStorage;
  guide: Guide;
  plans: PlanStore;
  logger: Logger;
  clock: SchedulerClock;
  afterChange: AfterChange;
  /** The Connector client, with the host's outbound token (one for steering and follow-up). */
  transport: ConnectorApi;
  /** Counts check-ins sent and answered (src/insight); nothing about whom. */
  usage?: CheckinUsage;
}

export interface Followup {
  handler: FollowupHandler;
  clock: SchedulerClock;
  /** One pass now: what the dev clock route runs after moving the clock. */
  runDue(): Promise<PassCounts>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * The steering note's progress line for a plan (createSteering's `progress` hook): the latest
 * figures against the plan's own expectations, or when the first card comes; undefined when
 * the plan has no follow-up.
 */
export function progressLineFor(deps: { plans: PlanStore; guide: Guide; now: () => Date }) {
  return async (planKey: string, locale: Locale): Promise<string | undefined> => {
    const read = await deps.plans.lookup(planKey);
    if (!read.ok) throw read.error;
    const plan = read.plan;
    if (!plan) return undefined;
    const ctx = viewContext(deps.guide, plan, locale, translator(locale));
    return steeringProgressLine(ctx, deps.now()) || undefined;
  };
}

export function createFollowup(deps: FollowupDeps): Followup {
  const { config, clock } = deps;
  const schedules = new ScheduleStore(deps.storage);
  const { transport } = deps;
  const processId = randomUUID();
  const worker = new FollowupWorker({
    planKeys: () => schedules.planKeys(),
    pollMs: config.followup.pollMs,
    logger: deps.logger,
    dispatch: async (planKey) => {
      const outcome = await dispatch(
        {
          schedules,
          plans: deps.plans,
          guide: deps.guide,
          transport,
          logger: deps.logger,
          now: () => clock.now(),
          retryBaseMs: config.followup.retryBaseMs,
          processId,
        },
        planKey,
      );
      if (outcome === 'sent') await deps.usage?.('sent');
      return outcome;
    },
  });
  const handler = new FollowupHandler({
    guide: deps.guide,
    plans: deps.plans,
    schedules,
    logger: deps.logger,
    now: () => clock.now(),
    afterChange: deps.afterChange,
    ...(deps.usage ? { usage: deps.usage } : {}),
    wake: () => void worker.tick(),
  });
  return {
    handler,
    clock,
    runDue: () => worker.tick(),
    start: () => worker.start(),
    stop: () => worker.stop(),
  };
}
