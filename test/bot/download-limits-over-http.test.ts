import { downloadByKey, downloadKey, downloadMetaKey } from '../../src/storage';
import { ActivityFactory } from '../helpers/activities';
import { startBot, textsIn, type RunningBot } from '../helpers/bot-server';
import { forwardAction } from '../helpers/card-walker';
import { cardsIn } from '../helpers/bot-server';
import { until } from '../helpers/until';

let bot: RunningBot;
beforeAll(
  async () => (bot = await startBot({ DOWNLOADS_PER_USER: '2', DOWNLOAD_PURGE_MS: '1000' })),
);
afterAll(async () => bot.stop());

async function answerFirstCard(chat: ActivityFactory): Promise<void> {
  await bot.post(chat.submit({ verb: 'guide.goto', step: 1 }));
  const card = cardsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
  await bot.post(
    chat.submit({ ...(forwardAction(card)!.data as object), q_orgName: 'Gemeente Zele' }),
  );
}

describe('download caps in the chat (issue 28, finding 2)', () => {
  it('answers a person over the cap in their language, with when a link frees up, and stores nothing new', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await answerFirstCard(chat);
    await bot.post(chat.message('exporteer'));
    const before = await bot.app.storage.listKeys('download/');
    expect(before).toHaveLength(2);
    expect((await bot.post(chat.message('mijn gegevens'))).status).toBe(200);
    const text = textsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
    expect(text).toMatch(
      /^Je hebt al het maximum aan downloadlinks .* probeer opnieuw na \d+ \w+, \d\d:\d\d,/,
    );
    expect(await bot.app.storage.listKeys('download/')).toEqual(before);

    const english = new ActivityFactory({ serviceUrl: bot.connector.url, locale: 'en-GB' });
    await answerFirstCard(english);
    await bot.post(english.message('export'));
    await bot.post(english.message('my data'));
    expect(textsIn(bot.connector.messagesTo(english.conversationId)).pop()).toMatch(
      /^You already have the maximum number of download links/,
    );
  });

  it('purges an expired link within seconds of the purge interval, with its index entries', async () => {
    const token = 'E'.repeat(43);
    const expiresAt = Date.now() - 1000;
    await bot.app.storage.write({
      [downloadMetaKey(token)]: { expiresAt, userId: 'aad-old', eTag: '*' },
      [downloadByKey('user', 'aad-old', expiresAt, token)]: { eTag: '*' },
      [downloadKey(token)]: {
        filename: 'old.json',
        contentType: 'application/json',
        base64: '',
        expiresAt,
        eTag: '*',
      },
    });
    await until(
      () => bot.app.storage.listKeys(''),
      (keys) => !keys.some((k) => k.includes(token) || k.includes('aad-old')),
    );
  });
});
