import type { Logger } from '../logging';

/** What one run of a job did for one key. */
export type JobResult = 'sent' | 'failed' | 'unreachable' | 'skipped';

export type PassCounts = Record<JobResult, number>;

/**
 * One kind of background work the runner drives (the steering outbox, the follow-up check-ins).
 * `run` claims the key's work with an eTag-checked write (`claimFor`), sends, and records the
 * outcome (`recordFailure` on a refusal); the runner owns the loop, its pacing and its errors.
 */
export interface Job {
  /** Names the job in log lines, e.g. "steering outbox". */
  name: string;
  /** The keys a pass offers to `run`, in order. */
  keys(): Promise<string[]>;
  run(key: string): Promise<JobResult>;
  /** Repairs what a crash may have left behind; runs once when the runner starts. */
  recover?(): Promise<void>;
}

/**
 * Teams allows a bot 7 operations per second per conversation or thread; every send is one
 * (a steering note can add a confirmation in another conversation), so this cap per job keeps a
 * backlog (after an outage, or many plans due at once) well below it, instead of a burst.
 */
const MAX_SENDS_PER_SECOND = 4;

const noCounts = (): PassCounts => ({ sent: 0, failed: 0, unreachable: 0, skipped: 0 });

/** Lets pending I/O (incoming turns) run before the next key. */
const yieldToTurns = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs one job in the background: a pass every `pollMs`, and one soon after `kick()` (a share,
 * a schedule change, the dev clock). Each pass offers every key to the job, at most
 * MAX_SENDS_PER_SECOND sends a second, yielding to turns between keys. A call during a pass
 * gets a pass that starts after it; several such calls share that one. Timers are unref'd so
 * they never keep the process alive; `stop()` waits for a send in flight.
 */
export class JobRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<PassCounts> | undefined;
  private queued: Promise<PassCounts> | undefined;
  private stopped = false;
  private readonly recentSends: number[] = [];

  constructor(
    private readonly job: Job,
    private readonly options: { pollMs: number; logger: Logger },
  ) {}

  start(): void {
    this.job
      .recover?.()
      .catch((error: unknown) =>
        this.options.logger.error(
          { err: (error as Error).name },
          `${this.job.name}: recovery at start failed`,
        ),
      );
    this.timer = setInterval(() => void this.tick(), this.options.pollMs);
    this.timer.unref();
  }

  /** Runs a pass soon, without waiting for the next poll (and without waiting for it here). */
  kick(): void {
    if (this.stopped) return;
    setTimeout(() => void this.tick(), 0).unref();
  }

  /** One pass over the job's keys: joins a pass that has not started yet, else queues one. */
  tick(): Promise<PassCounts> {
    if (this.stopped) return Promise.resolve(noCounts());
    if (this.queued) return this.queued;
    const begin = (): Promise<PassCounts> => {
      this.queued = undefined;
      if (this.stopped) return Promise.resolve(noCounts());
      const pass = this.pass()
        .catch((error: unknown) => {
          this.options.logger.error({ err: (error as Error).name }, `${this.job.name} pass failed`);
          return noCounts();
        })
        .finally(() => {
          if (this.running === pass) this.running = undefined;
        });
      this.running = pass;
      return pass;
    };
    if (!this.running) return begin();
    this.queued = this.running.then(begin, begin);
    return this.queued;
  }

  /**
   * After the clock moved (the dev clock): the pass in progress, which may already have met the
   * new time, and one pass after it, counted together, so a caller sees every send the move caused.
   */
  async settle(): Promise<PassCounts> {
    const during = this.running ? await this.running : noCounts();
    const after = await this.tick();
    return {
      sent: during.sent + after.sent,
      failed: during.failed + after.failed,
      unreachable: during.unreachable + after.unreachable,
      skipped: during.skipped + after.skipped,
    };
  }

  private async pass(): Promise<PassCounts> {
    const counts = noCounts();
    for (const key of await this.job.keys()) {
      if (this.stopped) break;
      await this.waitForBudget();
      if (this.stopped) break;
      const result = await this.job.run(key).catch((error: unknown) => {
        this.options.logger.error(
          { err: (error as Error).name },
          `${this.job.name} failed unexpectedly`,
        );
        return 'failed' as const;
      });
      counts[result]++;
      if (result !== 'skipped') this.recentSends.push(Date.now());
      // SQLite answers synchronously, so without this a pass over thousands of keys (each read
      // and checked) would run as one block of microtasks and hold every turn until it ends.
      await yieldToTurns();
    }
    return counts;
  }

  private async waitForBudget(): Promise<void> {
    for (;;) {
      const cutoff = Date.now() - 1000;
      while (this.recentSends.length && this.recentSends[0]! < cutoff) this.recentSends.shift();
      if (this.recentSends.length < MAX_SENDS_PER_SECOND || this.stopped) return;
      await new Promise((r) => setTimeout(r, this.recentSends[0]! - cutoff).unref());
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.queued?.catch(() => undefined);
    await this.running?.catch(() => undefined);
  }
}
