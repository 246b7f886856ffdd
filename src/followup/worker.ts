import type { Job } from '../jobs';
import type { DispatchResult } from './dispatch';

/**
 * The follow-up check-ins as a job for the runner (src/jobs): every pass offers each plan with
 * a schedule to `dispatch`, which claims the due check-in, sends it and records the outcome.
 */
export function checkinJob(deps: {
  planKeys: () => Promise<string[]>;
  dispatch: (planKey: string) => Promise<DispatchResult>;
}): Job {
  return { name: 'follow-up check-ins', keys: deps.planKeys, run: deps.dispatch };
}
