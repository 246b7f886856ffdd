import { planKey, planRef } from '../../src/storage';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn, startBot, type RunningBot } from '../helpers/bot-server';
import { inputsOf, pressForward } from '../helpers/card-walker';

type Json = Record<string, unknown>;

/** Every http(s) URL in a JSON document (cards, Markdown text, channel data). */
function urlsIn(value: unknown): string[] {
  return JSON.stringify(value).match(/https?:\/\/[^\s"'<>)\]\\]+/g) ?? [];
}

/** A colleague who writes at length: every multiline answer near its maximum. */
function longAnswers(card: Json): Json | undefined {
  const data = pressForward(card);
  if (!data) return undefined;
  for (const input of inputsOf(card)) {
    if (!input.isMultiline) continue;
    const max = typeof input.maxLength === 'number' ? input.maxLength : 2000;
    data[String(input.id)] = 'Een lang antwoord met veel uitleg. '.repeat(200).slice(0, max);
  }
  return data;
}

describe('links the bot produces name a plan by its hashed ref, never by conversation id', () => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot()));
  afterAll(async () => bot.stop());

  it('a walk with long answers: the shortened summary links to /tab?plan=<ref>, and no URL anywhere holds the conversation id', async () => {
    // A Teams-like id with the characters that would show up raw or percent-encoded in a URL.
    const chat = new ActivityFactory({
      serviceUrl: bot.connector.url,
      conversationId: `19:meeting_${Date.now()}@thread.v2`,
      isGroup: true,
      conversationType: 'groupChat',
    });
    await bot.post(chat.mention('start'));
    for (let press = 0; press < 80; press++) {
      const cards = cardsIn(bot.connector.messagesTo(chat.conversationId));
      const data = longAnswers(cards[cards.length - 1]!);
      if (!data || !String(data.verb).startsWith('guide.')) break;
      expect((await bot.post(chat.submit(data))).status).toBeLessThan(300);
    }
    for (const command of ['samenvatting', 'help', 'overzicht', 'deel samenvatting', 'exporteer'])
      await bot.post(chat.mention(command));

    const outgoing = bot.connector.calls.map((c) => c.body);
    const urls = urlsIn(outgoing);
    const ref = planRef(planKey('msteams', chat.conversationId));
    const tabLinks = urls.filter((u) => u.includes('/tab'));
    expect(tabLinks.length).toBeGreaterThan(0);
    expect(tabLinks.every((u) => u.endsWith(`/tab?plan=${ref}`))).toBe(true);
    const id = chat.conversationId;
    const forms = [id, encodeURIComponent(id), id.replace(/^19:/, ''), 'conversationId='];
    for (const url of urls) for (const form of forms) expect(url).not.toContain(form);

    // The link opens exactly that plan in the tab's API.
    const res = await fetch(`${bot.url}/api/tab/plans?plan=${ref}`);
    const body = (await res.json()) as { plans: { ref: string }[] };
    expect(body.plans.map((p) => p.ref)).toEqual([ref]);
  });
});
