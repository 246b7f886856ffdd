import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { WEB_CHAT_NARRATION } from '../../src/server/card-narration';

type Sent = { body: { channelData?: Record<string, unknown>; attachments?: unknown[] } };

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
    expect(narration).toMatch(/^Stap 1 van 6 · deel 1 van 2 — \S/);
  });

  it('leaves Teams replies without Web Chat channel data', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url, channelId: 'msteams' });
    expect((await bot.post(chat.message('start'))).status).toBe(200);
    expect(lastCardTo(chat).body.channelData?.[WEB_CHAT_NARRATION]).toBeUndefined();
  });
});
