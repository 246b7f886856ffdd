import { randomUUID } from 'node:crypto';
import { forwardAction, inputsOf, submitActions } from '../test/helpers/card-walker';
import type { BenchConnector } from './bench-connector';
import type { BotChild } from './bot-child';
import { activity, Driver, percentile, user } from './driver';
import { walkGuide } from './guide-walk';

export const STEERING_CHANNEL = '19:stuurgroep@thread.tacv2';
const EDITS = 10;
/** An update slower than this is a failure of the feature, not a figure. */
const UPDATE_TIMEOUT_MS = 10_000;

export interface SteeringNoteFigures {
  edits: number;
  /** Answer posted → the note's PUT received by the Connector. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The author's confirmation of the share posted → the new thread's POST received. */
  firstPostMs: number;
}

/** Settings for a Brugbot whose steering channel is the bench's fake Connector, debounce off. */
export function steeringEnv(connectorUrl: string): Record<string, string> {
  return {
    STEERING_SERVICE_URL: connectorUrl,
    STEERING_CHANNEL_ID: STEERING_CHANNEL,
    STEERING_TENANT_ID: 'tenant-1',
    STEERING_DEBOUNCE_MS: '0',
  };
}

/**
 * One plan walked to completion and shared as its author does (`deel samenvatting`, then the
 * preview's confirm button: the note is never posted unasked), which posts the note as a new
 * channel thread; then 10 edits of a
 * free-text answer, each timed from posting the answer until the note's in-place update (PUT)
 * reaches the Connector. Edits stay on their card (`nav: stay`) so each one is a plain answer.
 */
export async function runSteeringNote(
  bot: BotChild,
  connector: BenchConnector,
): Promise<SteeringNoteFigures> {
  const driver = new Driver(bot.url);
  const conversationId = `a:${randomUUID()}`;
  const post = (value: object) =>
    driver.post(activity(connector.url, conversationId, user(0), { value }));
  const threadsBefore = connector.threads.length;
  await walkGuide(driver, connector, conversationId);
  await driver.post(
    activity(connector.url, conversationId, user(0), { text: 'deel samenvatting' }),
  );
  const confirm = submitActions(connector.log(conversationId).lastCard ?? {}).find(
    (a) => (a.data as { verb?: string }).verb === 'steering.share.confirm',
  );
  if (!confirm) throw new Error('steering bench: no preview with a confirm button');
  const confirmed = performance.now();
  await post(confirm.data as object);
  const thread = await connector.until(() => connector.threads[threadsBefore], UPDATE_TIMEOUT_MS);
  await post({ verb: 'guide.goto', step: 1 });
  const samples: number[] = [];
  for (let edit = 0; edit < EDITS; edit++) {
    const card = connector.log(conversationId).lastCard!;
    const input = inputsOf(card).find((i) => i.type === 'Input.Text');
    const action = forwardAction(card);
    if (!input || !action)
      throw new Error('steering bench: step 1 has no free-text answer to edit');
    const before = connector.log(thread.id).updates.length;
    const started = performance.now();
    await post({
      ...(action.data as object),
      nav: 'stay',
      [String(input.id)]: `Gemeente Voorbeeld ${edit + 1}`,
    });
    const at = await connector.until(
      () => connector.log(thread.id).updates[before],
      UPDATE_TIMEOUT_MS,
    );
    samples.push(at - started);
  }
  driver.close();
  connector.forget(conversationId);
  if (driver.failures > 0)
    throw new Error(`steering bench: ${driver.failures} requests got an HTTP status ≥ 300`);
  return {
    edits: samples.length,
    p50Ms: percentile(samples, 50),
    p99Ms: percentile(samples, 99),
    maxMs: Math.max(...samples),
    firstPostMs: thread.at - confirmed,
  };
}
