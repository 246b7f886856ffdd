import { followupTransition } from '../../src/followup/followup-engine';
import { createStorage, type BrugStorage, type StorageConfig } from '../../src/storage';
import { spawnBot, type BotProcess } from '../helpers/bot-process';
import type { FakeConnector } from '../helpers/fake-connector';
import { filledPlan, plausibleValue } from '../helpers/plans';

export const START = '2027-01-04';
/** The schedule every seeded plan confirmed: about 3, 7 and 12 months after the start. */
export const MOMENTS = { m1: '2027-04-05', m2: '2027-08-02', m3: '2028-01-03' };
/** Working-day mornings in Brussels: the first moment due, then all three (one folded check-in). */
export const AFTER_FIRST = '2027-04-06T10:00:00+02:00';
export const AFTER_ALL = '2028-01-04T10:30:00+01:00';

export const conversationOf = (i: number) => `a:followup-${i}`;
export const planKeyOf = (i: number) => `plan/msteams/${conversationOf(i)}`;

/**
 * Stores `count` plans that confirmed the same follow-up schedule, each with its conversation
 * reference pointing at `connector`, exactly as the bot stores them after a confirm.
 */
export async function seedPlans(
  config: StorageConfig,
  connector: FakeConnector,
  count: number,
): Promise<void> {
  const storage = await createStorage(config);
  try {
    await seedInto(storage, connector, count);
  } finally {
    await storage.close();
  }
}

export async function seedInto(
  storage: BrugStorage,
  connector: FakeConnector,
  count: number,
): Promise<void> {
  const base = filledPlan(plausibleValue);
  const ctx = { now: new Date('2027-01-04T09:00:00Z'), actor: { id: 'aad-anne', name: 'Anne' } };
  const { state } = followupTransition(
    base,
    { type: 'confirm', shown: {}, inputs: { start: START, ...MOMENTS } },
    ctx,
  );
  for (let i = 0; i < count; i++) {
    await storage.write({
      [planKeyOf(i)]: { ...state!, eTag: '*' },
      [`followup/schedule/${planKeyOf(i)}`]: {
        planKey: planKeyOf(i),
        ref: {
          serviceUrl: connector.url,
          conversationId: conversationOf(i),
          channelId: 'msteams',
          locale: 'nl',
        },
        sent: {},
        attempts: 0,
        sends: 0,
        eTag: '*',
      },
    });
  }
}

export async function moveClock(bot: BotProcess, now: string): Promise<Record<string, number>> {
  const res = await fetch(`${bot.url}/api/dev/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Connection: 'close' },
    body: JSON.stringify({ now }),
  });
  return (await res.json()) as Record<string, number>;
}

/** Check-in cards each conversation received, by conversation index. */
export function checkinsPerConversation(connector: FakeConnector, count: number): number[] {
  return Array.from(
    { length: count },
    (_, i) =>
      connector
        .messagesTo(conversationOf(i))
        .filter((c) => JSON.stringify(c.body).includes('followup.checkin.submit')).length,
  );
}

/**
 * Two bot processes on one store, both moving their clock to the same moments at once and
 * both polling every 100 ms: every due check-in must reach its conversation exactly once.
 */
export async function runTwoProcesses(
  env: Record<string, string>,
  config: StorageConfig,
  connector: FakeConnector,
  count: number,
): Promise<{ afterFirst: number[]; afterAll: number[]; sentByProcess: number[] }> {
  await seedPlans(config, connector, count);
  connector.delayMs = 20;
  const bots: BotProcess[] = [];
  const sentByProcess = [0, 0];
  const round = async (now: string): Promise<number[]> => {
    const results = await Promise.all([
      moveClock(bots[0]!, now),
      moveClock(bots[1]!, now),
      moveClock(bots[0]!, now),
      moveClock(bots[1]!, now),
    ]);
    results.forEach((r, i) => (sentByProcess[i % 2]! += r.sent ?? 0));
    // Let the background polls of both processes race over the same documents too.
    await new Promise((r) => setTimeout(r, 300));
    return checkinsPerConversation(connector, count);
  };
  try {
    for (let i = 0; i < 2; i++) bots.push(await spawnBot({ ...env, FOLLOWUP_POLL_MS: '100' }));
    const afterFirst = await round(AFTER_FIRST);
    const afterAll = await round(AFTER_ALL);
    return { afterFirst, afterAll, sentByProcess };
  } finally {
    await Promise.all(bots.map((b) => b.kill()));
    connector.delayMs = 0;
  }
}
