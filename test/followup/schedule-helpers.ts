import type { ActivityFactory } from '../helpers/activities';
import { cardsIn, startBot, type RunningBot } from '../helpers/bot-server';
import type { ConnectorCall } from '../helpers/fake-connector';
import { forwardAction, inputsOf } from '../helpers/card-walker';
import { translator } from '../../src/i18n';

type Json = Record<string, unknown>;
const nl = translator('nl');

/** Moves the bot's dev clock (local mode) and returns what the worker pass did. */
export async function moveClock(bot: RunningBot, now: string): Promise<Json> {
  const res = await fetch(`${bot.url}/api/dev/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ now }),
  });
  if (res.status !== 200) throw new Error(`dev clock answered ${res.status}`);
  return (await res.json()) as Json;
}

export async function send(bot: RunningBot, activity: Json): Promise<void> {
  const { status } = await bot.post(activity);
  if (status >= 300) throw new Error(`the bot answered ${status}`);
}

export const isScheduleCard = (card: Json) =>
  JSON.stringify(card).includes(JSON.stringify(nl('followup:schedule.title')).slice(1, -1));

/** The schedule card messages posted into a conversation, with the ids the Connector gave them. */
export function scheduleCardCalls(bot: RunningBot, chat: ActivityFactory): ConnectorCall[] {
  return bot.connector
    .messagesTo(chat.conversationId)
    .filter((c) => cardsIn([c]).some(isScheduleCard));
}

export function lastScheduleCard(bot: RunningBot, chat: ActivityFactory): Json {
  return cardsIn(scheduleCardCalls(bot, chat)).pop()!;
}

/** Connector updates (PUT) of one activity. */
export function updatesOf(bot: RunningBot, activityId: string): ConnectorCall[] {
  return bot.connector.calls.filter((c) => c.method === 'PUT' && c.activityId === activityId);
}

/** The date inputs of a schedule card, by input id. */
export function dateInputs(card: Json): Record<string, string> {
  return Object.fromEntries(
    inputsOf(card)
      .filter((i) => i.type === 'Input.Date')
      .map((i) => [String(i.id), typeof i.value === 'string' ? i.value : '']),
  );
}

/** Presses the card's confirm button as a channel does: every input as shown, plus `changes`. */
export function confirmAsShown(card: Json, changes: Json = {}): Json {
  return { ...(forwardAction(card)!.data as Json), ...dateInputs(card), ...changes };
}

/** A plan in progress with the schedule card shown: "start", then "opvolging". */
export async function openSchedule(bot: RunningBot, chat: ActivityFactory): Promise<Json> {
  await send(bot, chat.message('start'));
  await send(bot, chat.message('opvolging'));
  return lastScheduleCard(bot, chat);
}

/**
 * The bot every schedule suite runs against: the worker waits for the dev clock, which starts at
 * a fixed "today" (1 December 2026) so the dates below hold whatever day the suite runs.
 */
export function useScheduleBot(): { bot: RunningBot } {
  const fixture = {} as { bot: RunningBot };
  beforeAll(async () => {
    fixture.bot = await startBot({ FOLLOWUP_POLL_MS: '3600000' });
    await moveClock(fixture.bot, '2026-12-01T10:00:00+01:00');
  });
  afterAll(async () => fixture.bot.stop());
  return fixture;
}
