import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { pressForward } from '../helpers/card-walker';
import { WEB_CHAT_NARRATION } from '../../src/turn';

type Card = Record<string, unknown>;
type Sent = {
  body: { channelData?: Record<string, unknown>; attachments?: { content: Card }[] };
};

describe('a card reply tells Web Chat what a screen reader should say', () => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot()));
  afterAll(async () => bot.stop());

  const lastCardTo = (chat: ActivityFactory): Sent => {
    const sent = bot.connector.messagesTo(chat.conversationId) as Sent[];
    return sent.filter((m) => m.body.attachments?.length).at(-1)!;
  };

  it('narrates a step card in Web Chat by its progress line and title', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url, channelId: 'webchat' });
    expect((await bot.post(chat.message('start'))).status).toBe(200);
    const narration = lastCardTo(chat).body.channelData?.[WEB_CHAT_NARRATION];
    expect(narration).toMatch(/^Stap 1 van 6\b.* — \S/);
  });

  it('adds a notice on the card, such as a change that could not be saved as sent, to what is said', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url, channelId: 'webchat' });
    await bot.post(chat.message('start'));
    const first = lastCardTo(chat).body.attachments![0]!.content;
    await bot.post(chat.submit(pressForward(first)!));
    // The first card again, now out of date: the bot answers with a notice on the current card.
    await bot.post(chat.submit({ ...pressForward(first)!, q_orgName: 'Gemeente Later' }));
    const sent = lastCardTo(chat).body;
    const notice = (sent.attachments![0]!.content.body as Card[]).find(
      (el) => el.type === 'Container' && typeof el.style === 'string',
    ) as { items: { inlines: { text: string }[] }[] } | undefined;
    const noticeText = notice?.items[0]?.inlines[0]?.text;
    expect(noticeText).toEqual(expect.any(String));
    expect(sent.channelData?.[WEB_CHAT_NARRATION]).toMatch(/^Stap \d van 6\b.* — /);
    expect(sent.channelData?.[WEB_CHAT_NARRATION]).toContain(noticeText);
  });

  it('leaves Teams replies without Web Chat channel data', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url, channelId: 'msteams' });
    expect((await bot.post(chat.message('start'))).status).toBe(200);
    expect(lastCardTo(chat).body.channelData?.[WEB_CHAT_NARRATION]).toBeUndefined();
  });
});
