import type { Logger } from '../logging';
import type { DispatchResult } from './dispatch';

/**
 * Teams allows a bot 7 operations per second per conversation, and check-ins go to different
 * conversations; this bot-wide cap keeps a backlog (after an outage) from arriving as a burst.
 */
const MAX_SENDS_PER_SECOND = 4;

export interface FollowupWorkerDeps {
  planKeys: () => Promise<string[]>;
  dispatch: (planKey: string) => Promise<DispatchResult>;
  pollMs: number;
  logger: Logger;
}

export type PassCounts = Record<DispatchResult, number>;

/** Lets pending I/O (incoming turns) run before the next plan. */
export const yieldToTurns = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Looks for due check-ins every `pollMs` (and on demand, for the dev clock) and hands each plan
 * to `dispatch`, which claims, sends and records. Timers are unref'd; `stop()` waits for a send
 * in flight.
 */
export class FollowupWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PassCounts> | undefined;
  private stopped = false;
  private readonly recentSends: number[] = [];

  constructor(private readonly deps: FollowupWorkerDeps) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.deps.pollMs);
    this.timer.unref();
  }

  /** One pass over every plan with a schedule; a call during a pass waits for it, then runs its own. */
  async tick(): Promise<PassCounts> {
    while (this.running) await this.running.catch(() => undefined);
    if (this.stopped) return { sent: 0, failed: 0, unreachable: 0, skipped: 0 };
    this.running = this.pass()
      .catch((error: unknown) => {
        this.deps.logger.error({ err: (error as Error).name }, 'follow-up pass failed');
        return { sent: 0, failed: 0, unreachable: 0, skipped: 0 };
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<PassCounts> {
    const counts: PassCounts = { sent: 0, failed: 0, unreachable: 0, skipped: 0 };
    for (const planKey of await this.deps.planKeys()) {
      if (this.stopped) break;
      await this.waitForBudget();
      const result = await this.deps.dispatch(planKey).catch((error: unknown) => {
        this.deps.logger.error({ err: (error as Error).name }, 'follow-up dispatch failed');
        return 'failed' as const;
      });
      counts[result]++;
      if (result !== 'skipped') this.recentSends.push(Date.now());
      // SQLite answers synchronously, so without this a pass over thousands of plans (each read
      // and checked) would run as one block of microtasks and hold every turn until it ends.
      await yieldToTurns();
    }
    return counts;
  }

  private async waitForBudget(): Promise<void> {
    for (;;) {
      const cutoff = Date.now() - 1000;
      while (this.recentSends.length && this.recentSends[0]! < cutoff) this.recentSends.shift();
      if (this.recentSends.length < MAX_SENDS_PER_SECOND) return;
      await new Promise((r) => setTimeout(r, this.recentSends[0]! - cutoff).unref());
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
