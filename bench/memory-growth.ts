import type { BenchConnector } from './bench-connector';
import type { BotChild } from './bot-child';
import { Driver } from './driver';
import { runConversations, walkGuide } from './guide-walk';

export interface MemoryPoint {
  conversations: number;
  rssBytes: number;
  /** V8 heap after a forced full GC: what is really retained, unlike RSS. */
  heapAfterGcBytes: number;
}

export interface MemoryFigures {
  points: MemoryPoint[];
  /** RSS after 1 000 full plans. */
  rssAt1000Bytes: number;
  /** RSS growth per 1 000 more conversations, from the points after the first 1 000. */
  rssGrowthPer1000Bytes: number;
  heapGrowthPer1000Bytes: number;
  /** How many conversations after the first 1 000 the growth was measured over. */
  growthOver: number;
  /** False when the time budget ran out before the target: growth is then measured over fewer. */
  complete: boolean;
}

const BATCH = 250;
const CONCURRENCY = 25;

/**
 * Full guide walks in batches of 500, RSS (from /proc) and post-GC heap after each batch. The
 * walk stops at `target` conversations or when `budgetMs` is spent, whichever comes first, so the
 * whole bench stays bounded on a busy machine.
 */
export async function runMemoryGrowth(
  bot: BotChild,
  connector: BenchConnector,
  target: number,
  budgetMs: number,
): Promise<MemoryFigures> {
  const driver = new Driver(bot.url);
  const deadline = performance.now() + budgetMs;
  const points: MemoryPoint[] = [];
  let done = 0;
  let batchMs = 0;
  while (done < target && performance.now() + batchMs < deadline) {
    const run = await runConversations(BATCH, CONCURRENCY, connector, (id) =>
      walkGuide(driver, connector, id),
    );
    batchMs = run.wallMs;
    done += BATCH;
    points.push({
      conversations: done,
      rssBytes: bot.rssBytes(),
      heapAfterGcBytes: await bot.heapAfterGc(),
    });
  }
  driver.close();
  if (driver.failures > 0)
    throw new Error(`memory run: ${driver.failures} requests got an HTTP status ≥ 300`);
  const at1000 = points.find((p) => p.conversations === 1000);
  const last = points[points.length - 1];
  const growthOver = at1000 && last ? last.conversations - at1000.conversations : 0;
  const growth = (pick: (p: MemoryPoint) => number) =>
    at1000 && last && growthOver > 0 ? ((pick(last) - pick(at1000)) / growthOver) * 1000 : NaN;
  return {
    points,
    rssAt1000Bytes: at1000?.rssBytes ?? NaN,
    rssGrowthPer1000Bytes: growth((p) => p.rssBytes),
    heapGrowthPer1000Bytes: growth((p) => p.heapAfterGcBytes),
    growthOver,
    complete: done >= target,
  };
}
