import type { Job } from '../jobs';
import type { Logger } from '../logging';
import type { DeliveryResult } from './delivery';
import type { PostStore } from './post-store';

/**
 * The steering outbox as a job for the runner (src/jobs): every pass offers each plan that owes
 * its channel a send to `deliver`, which claims, sends and reschedules. At start, index entries
 * a crash may have lost are restored first.
 */
export function outboxJob(deps: {
  posts: PostStore;
  deliver: (planKey: string) => Promise<DeliveryResult>;
  logger: Logger;
}): Job {
  return {
    name: 'steering outbox',
    keys: () => deps.posts.owed(),
    run: (planKey) => deps.deliver(planKey),
    recover: async () => {
      const restored = await deps.posts.restoreIndex();
      if (restored) deps.logger.warn({ restored }, 'restored steering outbox entries');
    },
  };
}
