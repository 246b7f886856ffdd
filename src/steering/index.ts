import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config';
import type { Guide } from '../guide';
import { JobRunner } from '../jobs';
import type { Logger } from '../logging';
import type { PlanStore } from '../plans';
import type { BrugStorage } from '../storage';
import type { ConnectorApi } from '../connector';
import { deliver, type DeliveryDeps } from './delivery';
import { outboxJob } from './outbox-worker';
import { PostStore, type PostDoc } from './post-store';
import { SteeringHandler } from './steering-handler';
import { SteeringService } from './steering-service';
import { LOCAL_STEERING_CHANNEL, type SteeringTarget } from './targets';

/** The steering group's note: linking a channel, posting and updating it, the durable outbox. */
export { SteeringHandler } from './steering-handler';
export { mountSteeringFeed } from './feed-page';
export { LOCAL_STEERING_CHANNEL, type SteeringTarget } from './targets';
/** Shared with the follow-up's proactive check-ins: one Connector client, one backoff rule. */

export interface SteeringDeps {
  config: AppConfig;
  storage: BrugStorage;
  guide: Guide;
  plans: PlanStore;
  logger: Logger;
  now: () => Date;
  /** The URL the server listens on; known only after `listen()`. */
  listeningUrl: () => string;
  /** The Connector client, with the host's outbound token (one for steering and follow-up). */
  transport: ConnectorApi;
}

export interface Steering {
  handler: SteeringHandler;
  start(): void;
  stop(): Promise<void>;
  outboxLength(): Promise<number>;
  /** The local channel's notes and their version history (the /steering feed). */
  versions(): Promise<PostDoc[]>;
}

/** Configured channel first; in local mode without one, the bot's own local steering channel. */
function defaultTarget(config: AppConfig): SteeringTarget | undefined {
  const channel = config.steering.channel;
  if (channel) return { kind: 'teams', ...channel };
  return config.localMode
    ? { kind: 'local', serviceUrl: '', channelId: LOCAL_STEERING_CHANNEL }
    : undefined;
}

export function createSteering(deps: SteeringDeps): Steering {
  const { config } = deps;
  const { transport } = deps;
  // Post stores hold no state of their own: the worker's and the service's share the storage.
  const posts = new PostStore(deps.storage);
  const delivery: DeliveryDeps = {
    posts,
    plans: deps.plans,
    guide: deps.guide,
    transport,
    logger: deps.logger,
    now: deps.now,
    publicBaseUrl: () => config.publicBaseUrl,
    localServiceUrl: deps.listeningUrl,
    teamsAppId: config.steering.teamsAppId,
    debounceMs: config.steering.debounceMs,
    retryBaseMs: config.steering.retryBaseMs,
    // Outbox claims name their process, so a process never mistakes another's claim for its own.
    processId: randomUUID(),
  };
  const worker = new JobRunner(
    outboxJob({ posts, logger: deps.logger, deliver: (planKey) => deliver(delivery, planKey) }),
    { pollMs: config.steering.pollMs, logger: deps.logger },
  );
  const service = new SteeringService({
    storage: deps.storage,
    transport,
    logger: deps.logger,
    now: deps.now,
    defaultTarget: defaultTarget(config),
    localServiceUrl: deps.listeningUrl,
    debounceMs: config.steering.debounceMs,
    wake: () => worker.kick(),
  });
  return {
    handler: new SteeringHandler(service, deps.plans, deps.guide, deps.logger, deps.now),
    start: () => worker.start(),
    stop: () => worker.stop(),
    outboxLength: () => posts.outboxLength(),
    versions: async () => (await posts.all()).filter((p) => p.target.kind === 'local'),
  };
}
