import { translator } from '../../src/i18n';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn, startBot, textsIn, type RunningBot } from '../helpers/bot-server';
import { forwardAction } from '../helpers/card-walker';

type Json = Record<string, unknown>;
const nl = translator('nl');
let bot: RunningBot;
beforeAll(async () => (bot = await startBot()));
afterAll(async () => bot.stop());

/** Jumps to step 1 and saves the organisation's name there, as a user editing it would. */
async function answerFirstCard(chat: ActivityFactory, org: string): Promise<void> {
  await bot.post(chat.submit({ verb: 'guide.goto', step: 1 }));
  const card = cardsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
  const next = forwardAction(card)!.data as Json;
  await bot.post(chat.submit({ ...next, q_orgName: org }));
}

describe('privacy commands', () => {
  it('"mijn gegevens" gives a download link to everything stored about the conversation', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await answerFirstCard(chat, 'Gemeente Zele');
    await bot.post(chat.message('mijn gegevens'));
    const text = textsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
    const url = /\((http:\/\/127\.0\.0\.1:\d+\/download\/[A-Za-z0-9_-]+)\)/.exec(text)?.[1];
    expect(url).toBeDefined();
    const res = await fetch(url!);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const data = (await res.json()) as { plan: { answers: Json }; changeLog: unknown[] };
    expect(JSON.stringify(data.plan.answers)).toContain('Gemeente Zele');
    expect(data.changeLog.length).toBeGreaterThan(0);
    expect((await fetch(url!.replace(/\/[^/]+$/, '/' + 'A'.repeat(43)))).status).toBe(404);
  });

  it('"verwijder plan" deletes the plan and its history only after confirmation', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await answerFirstCard(chat, 'Gemeente Zele');
    await bot.post(chat.message('verwijder plan'));
    const confirm = cardsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
    const yes = (confirm.actions as Json[]).find(
      (a) => (a.data as Json).verb === 'privacy.delete.confirm',
    )!.data as Json;
    const key = `plan/msteams/${chat.conversationId}`;
    await bot.app.storage.write({ [`steering/post/${key}`]: { activityId: 'a1', eTag: '*' } });
    expect(await bot.app.storage.listKeys(key)).toHaveLength(1);
    await bot.post(chat.submit(yes));
    expect(textsIn(bot.connector.messagesTo(chat.conversationId))).toContain(
      nl('bot:privacy.deleted', { kept: nl('bot:privacy.keptNothing') }),
    );
    expect(await bot.app.storage.listKeys(key)).toEqual([]);
    expect(await bot.app.storage.listKeys(`log/${key}`)).toEqual([]);
    expect(await bot.app.storage.listKeys(`steering/post/${key}`)).toEqual([]);
  });

  it('refuses a stale delete confirmation when the plan changed since', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await answerFirstCard(chat, 'Gemeente Zele');
    await bot.post(chat.message('verwijder plan'));
    const confirm = cardsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
    const yes = (confirm.actions as Json[]).find(
      (a) => (a.data as Json).verb === 'privacy.delete.confirm',
    )!.data as Json;
    await answerFirstCard(chat, 'Gemeente Lede');
    await bot.post(chat.submit(yes));
    expect(textsIn(bot.connector.messagesTo(chat.conversationId))).toContain(
      nl('bot:privacy.deleteExpired'),
    );
    expect(await bot.app.storage.listKeys(`plan/msteams/${chat.conversationId}`)).toHaveLength(1);
  });
});

describe('the plan as of a date', () => {
  it('"stand op <datum>" shows the answers as they were then, from the change log', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await answerFirstCard(chat, 'Gemeente Vroeger');
    const key = `plan/msteams/${chat.conversationId}`;
    // Move the first change into the past, as if it was made last week.
    const [first] = await bot.app.storage.listKeys(`log/${key}/`);
    const entry = (await bot.app.storage.read([first!]))[first!] as Json;
    await bot.app.storage.write({
      [first!]: { ...entry, at: '2026-11-16T09:00:00.000Z', eTag: '*' },
    });
    await answerFirstCard(chat, 'Gemeente Nu');
    await bot.post(chat.message('samenvatting'));
    expect(JSON.stringify(cardsIn(bot.connector.messagesTo(chat.conversationId)).pop())).toContain(
      'Gemeente Nu',
    );
    await bot.post(chat.message('stand op 20-11-2026'));
    const then = JSON.stringify(cardsIn(bot.connector.messagesTo(chat.conversationId)).pop());
    expect(then).toContain('Gemeente Vroeger');
    expect(then).not.toContain('Gemeente Nu');
    await bot.post(chat.message('as of 2026-11-10'));
    expect(
      JSON.stringify(cardsIn(bot.connector.messagesTo(chat.conversationId)).pop()),
    ).not.toContain('Gemeente Vroeger');
  });
});
