import { randomUUID } from 'node:crypto';
import type { BenchConnector } from './bench-connector';
import { BotChild, type BotKind } from './bot-child';
import { activity, Driver, percentile, user } from './driver';

export interface ColdStartFigures {
  runs: number;
  /** Spawn → listening (the child's "ready" over IPC). */
  listenMedianMs: number;
  /** Spawn → the first "start" message answered with HTTP 200 (reply delivered to the Connector). */
  firstTurnMedianMs: number;
  firstTurnMaxMs: number;
}

/**
 * From `spawn` of a fresh process to its first answered turn, as a redeploy or a scale-out would
 * see it. Each Brugbot run gets a new SQLite file (`env()`), so schema creation is included.
 */
export async function coldStart(
  kind: BotKind,
  connector: BenchConnector,
  env: () => Record<string, string>,
  logFile?: () => string,
  runs = 5,
): Promise<ColdStartFigures> {
  const listen: number[] = [];
  const firstTurn: number[] = [];
  for (let run = 0; run < runs; run++) {
    const bot = await BotChild.start(kind, { env: env(), logFile: logFile?.() });
    const driver = new Driver(bot.url);
    const conversationId = `a:${randomUUID()}`;
    await driver.post(activity(connector.url, conversationId, user(0), { text: 'start' }));
    firstTurn.push(performance.now() - bot.spawnedAt);
    listen.push(bot.readyAt - bot.spawnedAt);
    driver.close();
    connector.forget(conversationId);
    await bot.stop();
    if (driver.failures > 0) throw new Error(`${kind}: the first turn was not answered with a 200`);
  }
  return {
    runs,
    listenMedianMs: percentile(listen, 50),
    firstTurnMedianMs: percentile(firstTurn, 50),
    firstTurnMaxMs: Math.max(...firstTurn),
  };
}
