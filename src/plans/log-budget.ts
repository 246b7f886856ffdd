import type { PlanState } from '../guide';
import type { BrugStorage } from '../storage';
import { compactLog } from './log-compaction';

/** Plans whose last compaction could not get under the budget, remembered to avoid looping. */
const MAX_REMEMBERED = 10_000;

/**
 * Keeps every plan's change log within `budgetBytes`. The plan counts its log's bytes on each
 * write (`logBytes`); a write that takes it over the budget (or a plan from before the count)
 * starts a compaction of that plan in the background, one at a time per plan, reading a page at
 * a time so other conversations' turns run in between. The turn that crossed the line does not
 * wait for it.
 */
export class LogBudget {
  private readonly running = new Map<string, Promise<void>>();
  /** Bytes a plan's log held after a compaction that stayed over budget. */
  private readonly stuckAt = new Map<string, number>();

  constructor(
    private readonly storage: BrugStorage,
    readonly budgetBytes: number,
    private readonly onError: (error: unknown) => void,
    private readonly setCount: (
      planKey: string,
      update: (counted: number | undefined) => number,
    ) => Promise<unknown>,
  ) {}

  /** Called after each plan write with the plan as written. */
  afterWrite(planKey: string, written: PlanState | undefined): void {
    if (!written || written.revision === 0) return;
    const counted = written.logBytes;
    const over = counted === undefined || counted > this.budgetBytes;
    const stuck = this.stuckAt.get(planKey);
    if (!over || this.running.has(planKey)) return;
    if (stuck !== undefined && counted !== undefined && counted < stuck + this.budgetBytes / 10)
      return;
    const run = this.compact(planKey).finally(() => this.running.delete(planKey));
    this.running.set(planKey, run);
  }

  /** Resolves when the plan's compaction in progress, if any, is done (deletion waits for it). */
  async settled(planKey: string): Promise<void> {
    await this.running.get(planKey);
  }

  /** Resolves when no compaction is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  private async compact(planKey: string): Promise<void> {
    try {
      const items = await this.storage.read([planKey]);
      const countedBefore = (items[planKey] as { logBytes?: number } | undefined)?.logBytes ?? 0;
      const { after } = await compactLog(this.storage, planKey, this.budgetBytes);
      // Entries written while compacting are in the count but were not in the listing.
      await this.setCount(
        planKey,
        (counted) => after + Math.max(0, (counted ?? 0) - countedBefore),
      );
      if (after > this.budgetBytes) {
        this.stuckAt.set(planKey, after);
        if (this.stuckAt.size > MAX_REMEMBERED)
          this.stuckAt.delete(this.stuckAt.keys().next().value!);
      } else this.stuckAt.delete(planKey);
    } catch (error) {
      this.onError(error);
    }
  }
}
