import { translator } from '../../src/i18n';
import type { ActivityFactory } from '../helpers/activities';
import { cardsIn, textsIn, type RunningBot } from '../helpers/bot-server';
import { pressForward, submitActions } from '../helpers/card-walker';
import type { ConnectorCall, FakeConnector } from '../helpers/fake-connector';

type Json = Record<string, unknown>;

/** Waits until `read` returns something (async conditions: the outbox works in the background). */
export async function eventually<T>(
  read: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function send(bot: RunningBot, activity: Json): Promise<void> {
  const { status } = await bot.post(activity);
  if (status >= 300) throw new Error(`bot answered ${status}`);
}

export function lastCard(bot: RunningBot, chat: ActivityFactory): Json {
  const cards = cardsIn(bot.connector.messagesTo(chat.conversationId));
  return cards[cards.length - 1]!;
}

export function textsTo(bot: RunningBot, chat: ActivityFactory): string[] {
  return textsIn(bot.connector.messagesTo(chat.conversationId));
}

/** Answers step 1 (with `org` as the organisation), jumps to step 6 and saves until the plan is complete. */
export async function completePlan(
  bot: RunningBot,
  chat: ActivityFactory,
  org: string,
): Promise<void> {
  await send(bot, chat.message('start'));
  await send(bot, chat.submit({ ...pressForward(lastCard(bot, chat)), q_orgName: org }));
  await send(bot, chat.submit({ verb: 'guide.goto', step: 6 }));
  for (let i = 0; i < 20; i++) {
    const data = pressForward(lastCard(bot, chat));
    if (!data || data.verb !== 'guide.submit') return;
    await send(bot, chat.submit(data));
  }
  throw new Error('the plan did not complete');
}

/** The data a card's button with this verb sends back, as the channel does. */
export function press(card: Json, verb: string): Json {
  const action = submitActions(card).find((a) => (a.data as Json).verb === verb);
  if (!action) throw new Error(`no ${verb} button on the card`);
  return action.data as Json;
}

/** The card with the next steps that completing the guide brought (the newest, if several). */
export function nextStepsCard(bot: RunningBot, chat: ActivityFactory): Json {
  const cards = cardsIn(bot.connector.messagesTo(chat.conversationId));
  const next = [...cards]
    .reverse()
    .find((card) =>
      submitActions(card).some((a) => (a.data as Json).verb === 'followup.schedule.show'),
    );
  if (!next) throw new Error('no card with the next steps');
  return next;
}

/** "The note on the plan is in …" (with or without a link), in either language, as patterns. */
const POSTED = (['nl', 'en'] as const).flatMap((lng) =>
  (['steering:result.posted', 'steering:result.postedLink'] as const).map((key) => {
    const parts = translator(lng)(key, { channel: '\u0001', link: '\u0001' }).split('\u0001');
    return new RegExp(
      `^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`,
      's',
    );
  }),
);

/** The messages that told the author their note is in the steungroep's channel. */
function postedMessages(bot: RunningBot, chat: ActivityFactory): string[] {
  return textsTo(bot, chat).filter((text) => POSTED.some((pattern) => pattern.test(text)));
}

/**
 * Shares the plan as its author does (issue 27): asks to share (the next-step card's button by
 * default, or e.g. `chat.message('deel samenvatting')`), then confirms on the preview card.
 * Returns the preview the author confirmed.
 *
 * The outbox posts the note in the background and then tells the author where it is, in this
 * conversation, after the confirmation's own answer. With `untilPosted`, this waits for that
 * message, as the author does: a test that later reads or counts the conversation's messages
 * then never finds it landing among them. Leave it off where the post is refused or held.
 */
export async function confirmShare(
  bot: RunningBot,
  chat: ActivityFactory,
  ask: Json = chat.submit(press(nextStepsCard(bot, chat), 'steering.share')),
  options: { untilPosted?: boolean } = {},
): Promise<Json> {
  const told = postedMessages(bot, chat).length;
  await send(bot, ask);
  const preview = lastCard(bot, chat);
  await send(bot, chat.submit(press(preview, 'steering.share.confirm')));
  if (options.untilPosted)
    await eventually(() => (postedMessages(bot, chat).length > told ? true : undefined));
  return preview;
}

/** Changes the organisation on step 1's card (the current revision, so nothing is merged). */
export async function changeOrg(
  bot: RunningBot,
  chat: ActivityFactory,
  org: string,
): Promise<void> {
  const card = lastCard(bot, chat);
  const data = JSON.stringify(card).includes('"q_orgName"') ? pressForward(card) : undefined;
  if (!data) {
    await send(bot, chat.submit({ verb: 'guide.goto', step: 1 }));
    return changeOrg(bot, chat, org);
  }
  await send(bot, chat.submit({ ...data, nav: 'stay', q_orgName: org }));
}

/** `POST /v3/conversations`: new threads, as Teams receives them. */
export function threadsCreated(connector: FakeConnector): ConnectorCall[] {
  return connector.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations');
}

export function updates(connector: FakeConnector): ConnectorCall[] {
  return connector.calls.filter((c) => c.method === 'PUT');
}

export async function outboxLength(bot: RunningBot): Promise<number> {
  const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { steeringOutbox?: number };
  return health.steeringOutbox ?? -1;
}

/** Settings for a configured steungroep channel on `teams` (its own fake Connector), polled often. */
export function steeringChannelEnv(
  teams: FakeConnector,
  channelId: string,
  tenantId = 'tenant-1',
): Record<string, string> {
  return {
    STEERING_SERVICE_URL: teams.url,
    STEERING_CHANNEL_ID: channelId,
    STEERING_TENANT_ID: tenantId,
    STEERING_POLL_MS: '50',
  };
}
