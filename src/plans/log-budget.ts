import type { PlanState } from '../guide';
import type { BrugStorage } from '../storage';
import { compactLog } from './log-compaction';

/** Plans whose last compaction could not get under the budget, remembered to avoid looping. */
const MAX_REMEMBERED = 10_000;
/** Past this share of the budget a plan's own turns wait for its compaction (the hard ceiling). */
const CEILING = 1.5;

/**
 * Keeps every plan's change log within `budgetBytes`. The plan counts its log's bytes on each
 * write (`logBytes`); a write that takes it over the budget (or a plan from before the count)
 * starts a compaction of that plan in the background, one at a time per plan, reading a page at
 * a time so other conversations' turns run in between. The turn that crossed the line does not
 * wait for it; only when one plan is edited faster than it is compacted do its own turns wait,
 * past CEILING times the budget, so no plan's log outgrows that.
 */
export class LogBudget {
  private readonly running = new Map<string, Promise<void>>();
  /** Bytes a plan's log held after a compaction that stayed over budget. */
  private readonly stuckAt = new Map<string, number>();
  /** Plans whose count the compaction is writing (that write must not wait for itself). */
  private readonly counting = new Set<string>();

  constructor(
    private readonly storage: BrugStorage,
    readonly budgetBytes: number,
    private readonly onError: (error: unknown) => void,
    private readonly setCount: (
      planKey: string,
      update: (counted: number | undefined) => number,
    ) => Promise<unknown>,
  ) {}

  /**
   * Called after each plan write with the plan as written; resolves at once unless this plan is
   * past the ceiling while its compaction runs.
   */
  async afterWrite(planKey: string, written: PlanState | undefined): Promise<void> {
    if (!written || written.revision === 0 || this.counting.has(planKey)) return;
    const counted = written.logBytes;
    const running = this.running.get(planKey);
    if (running) {
      if (counted !== undefined && counted > this.budgetBytes * CEILING) await running;
      return;
    }
    const stuck = this.stuckAt.get(planKey);
    if (counted !== undefined && counted <= this.budgetBytes) return;
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
    } finally {
      this.counting.delete(planKey);
    }
  }
}
