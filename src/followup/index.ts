import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config';
import type { Guide } from '../guide';
import { JobRunner, type PassCounts } from '../jobs';
import type { Logger } from '../logging';
import type { PlanStore } from '../plans';
import type { BrugStorage } from '../storage';
import type { ConnectorApi } from '../connector';
import { SchedulerClock } from './clock';
import { dispatch } from './dispatch';
import type { AfterSave } from '../after-save';
import { FollowupHandler } from './followup-handler';
import { ScheduleStore } from './schedule-store';
import { checkinJob } from './worker';

/** The follow-up after the plan: schedule, durable check-ins, proactive cards, progress. */
export { FollowupHandler } from './followup-handler';
export { followupActionSchemas, type FollowupAction } from './actions';
export { planProgress, steeringProgressLine, withProgress } from './progress';
export { SchedulerClock } from './clock';
export { isWorkingHours } from './calendar';
export { scheduleOf } from './schedule';

export interface FollowupDeps {
  config: AppConfig;
  storage: BrugStorage;
  guide: Guide;
  plans: PlanStore;
  logger: Logger;
  clock: SchedulerClock;
  /** The after-save pipeline: a follow-up answer is a committed change like any other. */
  afterSave: AfterSave;
  /** The Connector client, with the host's outbound token (one for steering and follow-up). */
  transport: ConnectorApi;
}

export interface Followup {
  handler: FollowupHandler;
  clock: SchedulerClock;
  /** After the dev clock moved: the pass in progress and one after it, counted together. */
  runDue(): Promise<PassCounts>;
  start(): void;
  stop(): Promise<void>;
}

export function createFollowup(deps: FollowupDeps): Followup {
  const { config, clock } = deps;
  const schedules = new ScheduleStore(deps.storage);
  const { transport } = deps;
  const processId = randomUUID();
  const job = checkinJob({
    planKeys: () => schedules.planKeys(),
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
      if (outcome === 'sent')
        await deps.afterSave.dispatch({ planKey, effects: [{ kind: 'checkinSent' }] });
      return outcome;
    },
  });
  const worker = new JobRunner(job, { pollMs: config.followup.pollMs, logger: deps.logger });
  const handler = new FollowupHandler({
    guide: deps.guide,
    plans: deps.plans,
    schedules,
    logger: deps.logger,
    now: () => clock.now(),
    afterSave: deps.afterSave,
    wake: () => worker.kick(),
  });
  return {
    handler,
    clock,
    runDue: () => worker.settle(),
    start: () => worker.start(),
    stop: () => worker.stop(),
  };
}
