import { translator } from '../../src/i18n';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn, startBot, textsIn, type RunningBot } from '../helpers/bot-server';

const nl = translator('nl');
let bot: RunningBot;
beforeAll(async () => (bot = await startBot()));
afterAll(async () => bot.stop());

describe('stored documents the bot cannot read as they are', () => {
  it('tells the user about a corrupt plan, offers a fresh start, and leaves other conversations alone', async () => {
    const broken = new ActivityFactory({ serviceUrl: bot.connector.url });
    const healthy = new ActivityFactory({ serviceUrl: bot.connector.url });
    await bot.app.storage.write({
      [`plan/msteams/${broken.conversationId}`]: { revision: 'x', answers: 42, eTag: '*' },
    });
    expect((await bot.post(broken.message('start'))).status).toBe(200);
    expect(textsIn(bot.connector.messagesTo(broken.conversationId))).toContain(
      nl('bot:errors.corruptPlan'),
    );
    expect((await bot.post(healthy.message('start'))).status).toBe(200);
    expect(JSON.stringify(cardsIn(bot.connector.messagesTo(healthy.conversationId)))).toContain(
      'Stap 1 van 6',
    );
    expect((await bot.post(broken.message('opnieuw'))).status).toBe(200);
    expect(JSON.stringify(cardsIn(bot.connector.messagesTo(broken.conversationId)))).toContain(
      'Stap 1 van 6',
    );
  });

  it('upgrades a plan stored before parts and tombstones existed', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const at = '2026-01-05T10:00:00.000Z';
    const old = {
      revision: 3,
      status: 'inProgress',
      currentStep: 2,
      answers: { orgName: { value: 'Gemeente Oud', by: { id: 'aad-x', name: 'X' }, at, rev: 2 } },
      history: [],
      historyFloor: 0,
      createdAt: at,
      updatedAt: at,
      eTag: '*',
    };
    await bot.app.storage.write({ [`plan/msteams/${chat.conversationId}`]: old });
    await bot.post(chat.message('start'));
    expect(JSON.stringify(cardsIn(bot.connector.messagesTo(chat.conversationId)))).toContain(
      'Stap 2 van 6',
    );
    await bot.post(chat.message('samenvatting'));
    expect(JSON.stringify(cardsIn(bot.connector.messagesTo(chat.conversationId)))).toContain(
      'Gemeente Oud',
    );
  });
});
