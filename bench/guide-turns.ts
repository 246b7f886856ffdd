import type { BenchConnector } from './bench-connector';
import type { BotChild } from './bot-child';
import { Driver, stats, type LatencyStats } from './driver';
import { echoWalk, runConversations, walkGuide } from './guide-walk';

export interface TurnFigures extends LatencyStats {
  conversations: number;
  concurrency: number;
  /** CPU milliseconds the bot process spent per request (user + system). */
  cpuMsPerTurn: number;
}

export interface GuideTurnFigures {
  submitsPerWalk: number;
  baseline: TurnFigures[];
  brugbot: TurnFigures[];
  /** One conversation walked start to end, to read its stored state back. */
  sampleConversationId: string;
  /** VmRSS of each process after all levels: the same number of requests for both. */
  rssAfterBytes: { brugbot: number; baseline: number };
}

/** Conversations per level: enough samples for a p99 (≥ 400 at c=1), short enough for the budget. */
const LEVELS = [
  { concurrency: 1, conversations: 20 },
  { concurrency: 50, conversations: 50 },
];
// Brugbot's first ~200 turns run 30-40 % slower (JIT); measured turns should be steady ones.
const WARM_UP_CONVERSATIONS = 10;

async function level(
  bot: BotChild,
  connector: BenchConnector,
  concurrency: number,
  conversations: number,
  walk: (driver: Driver, id: string) => Promise<number[]>,
): Promise<TurnFigures & { ids: string[] }> {
  const driver = new Driver(bot.url);
  const cpuBefore = bot.cpuSeconds();
  const run = await runConversations(conversations, concurrency, connector, (id) =>
    walk(driver, id),
  );
  const cpuMs = (bot.cpuSeconds() - cpuBefore) * 1000;
  driver.close();
  if (driver.failures > 0) throw new Error(`${driver.failures} requests got an HTTP status ≥ 300`);
  return {
    ...stats(run.latencies, run.wallMs),
    conversations,
    concurrency,
    cpuMsPerTurn: cpuMs / run.latencies.length,
    ids: run.conversationIds,
  };
}

/**
 * Card submits at 1 and at 50 concurrent conversations. The two bots take turns level by level
 * (baseline, Brugbot, baseline, Brugbot), so a neighbour's load on this shared machine hits both
 * alike; the baseline sends exactly as many messages per conversation as a guide walk has submits.
 */
export async function runGuideTurns(
  brugbot: BotChild,
  baseline: BotChild,
  connector: BenchConnector,
): Promise<GuideTurnFigures> {
  const guideWalk = (driver: Driver, id: string) => walkGuide(driver, connector, id);
  const warm = await level(brugbot, connector, 1, WARM_UP_CONVERSATIONS, guideWalk);
  const submitsPerWalk = Math.round(warm.n / WARM_UP_CONVERSATIONS);
  const echo = (driver: Driver, id: string) => echoWalk(driver, connector, id, submitsPerWalk);
  await level(baseline, connector, 1, WARM_UP_CONVERSATIONS, echo);

  const result: GuideTurnFigures = {
    submitsPerWalk,
    baseline: [],
    brugbot: [],
    sampleConversationId: '',
    rssAfterBytes: { brugbot: 0, baseline: 0 },
  };
  for (const { concurrency, conversations } of LEVELS) {
    const { ids: _b, ...base } = await level(baseline, connector, concurrency, conversations, echo);
    const { ids, ...brug } = await level(brugbot, connector, concurrency, conversations, guideWalk);
    result.baseline.push(base);
    result.brugbot.push(brug);
    result.sampleConversationId ||= ids[0] ?? '';
  }
  result.rssAfterBytes = { brugbot: brugbot.rssBytes(), baseline: baseline.rssBytes() };
  return result;
}
