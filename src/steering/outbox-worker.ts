import type { Logger } from '../logging';
import type { DeliveryResult } from './delivery';
import type { PostStore } from './post-store';

/**
 * Teams allows a bot 7 operations per second per thread; every send here is one operation
 * (plus a confirmation in another conversation), so this bot-wide cap keeps far below it even
 * when many plans are due at once.
 */
const MAX_SENDS_PER_SECOND = 4;

export interface OutboxWorkerDeps {
  posts: PostStore;
  deliver: (planKey: string) => Promise<DeliveryResult>;
  pollMs: number;
  logger: Logger;
}

/**
 * Drains the durable outbox in the background: every `pollMs` (and right after a share) it
 * offers each owed plan to `deliver`, which claims, sends and reschedules. Timers are unref'd so
 * they never keep the process alive; `stop()` waits for a send in flight.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly recentSends: number[] = [];

  constructor(private readonly deps: OutboxWorkerDeps) {}

  start(): void {
    this.deps.posts.restoreIndex().then(
      (restored) =>
        restored && this.deps.logger.warn({ restored }, 'restored steering outbox entries'),
      (error: unknown) =>
        this.deps.logger.error(
          { err: (error as Error).name },
          'could not check the steering outbox',
        ),
    );
    this.timer = setInterval(() => void this.tick(), this.deps.pollMs);
    this.timer.unref();
  }

  /** Runs a pass soon, without waiting for the next poll. */
  wake(): void {
    if (this.stopped) return;
    setTimeout(() => void this.tick(), 0).unref();
  }

  /** One pass over the outbox; overlapping calls join the running pass and ask for one more. */
  tick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass()
      .catch((error: unknown) =>
        this.deps.logger.error({ err: (error as Error).name }, 'steering outbox pass failed'),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
    return this.running;
  }

  private async pass(): Promise<void> {
    for (const planKey of await this.deps.posts.owed()) {
      if (this.stopped || !this.hasBudget()) return;
      const result = await this.deps.deliver(planKey).catch((error: unknown) => {
        this.deps.logger.error(
          { err: (error as Error).name },
          'steering delivery failed unexpectedly',
        );
        return 'failed' as const;
      });
      if (result !== 'skipped') this.recentSends.push(Date.now());
      // SQLite answers synchronously: without this, a long outbox would hold turns until it ends.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private hasBudget(): boolean {
    const cutoff = Date.now() - 1000;
    while (this.recentSends.length && this.recentSends[0]! < cutoff) this.recentSends.shift();
    return this.recentSends.length < MAX_SENDS_PER_SECOND;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
