import { randomUUID } from 'node:crypto';
import { pressForward } from '../test/helpers/card-walker';
import type { BenchConnector } from './bench-connector';
import { activity, user, type Driver, type Who } from './driver';

type Json = Record<string, unknown>;

/** A walk that never reaches a card without a forward action is a bug; stop it anyway. */
const MAX_PRESSES = 80;

export interface WalkOptions {
  who?: Who;
  group?: boolean;
  /** Called with every card the walker pressed, for scenarios that replay them later. */
  onCard?: (card: Json) => void;
}

/**
 * Walks one conversation through the guide the way the content-agnostic test does: read the last
 * card this conversation received, fill its inputs with plausible values, press forward, until a
 * card has no forward guide action. Returns the latency of every card submit (the welcome turn is
 * set-up).
 */
export async function walkGuide(
  driver: Driver,
  connector: BenchConnector,
  conversationId: string,
  options: WalkOptions = {},
): Promise<number[]> {
  const who = options.who ?? user(0);
  const post = (extra: Json) =>
    driver.post(activity(connector.url, conversationId, who, extra, options.group));
  await post({
    type: 'conversationUpdate',
    membersAdded: [{ id: who.id, name: who.name }, { id: '28:brugbot' }],
  });
  const latencies: number[] = [];
  for (let press = 0; press < MAX_PRESSES; press++) {
    const card = connector.log(conversationId).lastCard;
    const value = card && pressForward(card);
    // The guide ends with the follow-up's schedule card; its "confirm" is not a guide submit (and
    // the walker's one date for every moment is refused, so pressing it would loop to MAX_PRESSES).
    if (!value || !String(value.verb).startsWith('guide.')) break;
    options.onCard?.(card);
    latencies.push(await post({ value }));
  }
  return latencies;
}

/** The baseline's share of the same work: as many message activities as a guide walk has submits. */
export async function echoWalk(
  driver: Driver,
  connector: BenchConnector,
  conversationId: string,
  messages: number,
): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < messages; i++) {
    latencies.push(
      await driver.post(
        activity(connector.url, conversationId, user(0), { text: `antwoord ${i}` }),
      ),
    );
  }
  return latencies;
}

export interface RunResult {
  latencies: number[];
  wallMs: number;
  conversationIds: string[];
}

/**
 * Runs `total` conversations, `concurrency` at a time, each one start to end; the per-conversation
 * walk is sequential, as a person's would be. Conversations are forgotten by the connector when
 * done, so long runs do not grow the driver.
 */
export async function runConversations(
  total: number,
  concurrency: number,
  connector: BenchConnector,
  walk: (conversationId: string) => Promise<number[]>,
): Promise<RunResult> {
  const latencies: number[] = [];
  const conversationIds: string[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      next++;
      const id = `a:${randomUUID()}`;
      latencies.push(...(await walk(id)));
      connector.forget(id);
      conversationIds.push(id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return { latencies, wallMs: performance.now() - started, conversationIds };
}
