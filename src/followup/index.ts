import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { AppConfig } from '../config';
import type { Guide, PlanState } from '../guide';
import type { Locale } from '../i18n';
import type { Logger } from '../logging';
import type { PlanStore } from '../plans';
import type { BrugStorage } from '../storage';
import { ConnectorTransport, tokenSource, type SteeringTransport } from '../steering';
import { SchedulerClock } from './clock';
import { dispatch } from './dispatch';
import { FollowupHandler } from './followup-handler';
import { ScheduleStore } from './schedule-store';
import { FollowupWorker, type PassCounts } from './worker';

/** The follow-up after the plan: schedule, durable check-ins, proactive cards, progress. */
export { FollowupHandler, type FollowupAction } from './followup-handler';
export { followupKeysOf } from './schedule-store';
export { progressBlock, progressOf, steeringProgressLine, formatDay } from './progress';
export { SchedulerClock } from './clock';
export { tabProgressView, type TabProgressView } from './tab-progress';
export { isWorkingHours } from './calendar';
export type { PassCounts } from './worker';

export interface FollowupDeps {
  config: AppConfig;
  storage: BrugStorage;
  guide: Guide;
  plans: PlanStore;
  logger: Logger;
  clock: SchedulerClock;
  afterChange: (
    context: TurnContext,
    locale: Locale,
    key: string,
    state: PlanState,
  ) => Promise<void>;
  /** Replaces the Connector client (tests of the dispatch logic). */
  transport?: SteeringTransport;
}

export interface Followup {
  handler: FollowupHandler;
  clock: SchedulerClock;
  /** One pass now: what the dev clock route runs after moving the clock. */
  runDue(): Promise<PassCounts>;
  start(): void;
  stop(): Promise<void>;
}

export function createFollowup(deps: FollowupDeps): Followup {
  const { config, clock } = deps;
  const schedules = new ScheduleStore(deps.storage);
  const transport = deps.transport ?? new ConnectorTransport(tokenSource(config));
  const processId = randomUUID();
  const worker = new FollowupWorker({
    planKeys: () => schedules.planKeys(),
    pollMs: config.followup.pollMs,
    logger: deps.logger,
    dispatch: (planKey) =>
      dispatch(
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
      ),
  });
  const handler = new FollowupHandler({
    guide: deps.guide,
    plans: deps.plans,
    schedules,
    logger: deps.logger,
    now: () => clock.now(),
    afterChange: deps.afterChange,
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
