import { randomUUID } from 'node:crypto';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn, startBot, textsIn, type RunningBot } from '../helpers/bot-server';
import { pressForward } from '../helpers/card-walker';

type Json = Record<string, unknown>;
let bot: RunningBot;
beforeAll(async () => (bot = await startBot()));
afterAll(async () => bot.stop());

async function answerOrg(chat: ActivityFactory, org: string, extra: Json = {}): Promise<void> {
  const post = async (activity: Json) => {
    const { status } = await bot.post({ ...activity, ...extra });
    expect(status).toBe(200);
  };
  await post(chat.message('start'));
  const card = cardsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
  await post(chat.submit({ ...pressForward(card), q_orgName: org }));
}

async function confirmDelete(chat: ActivityFactory): Promise<void> {
  await bot.post(chat.message('verwijder plan'));
  const confirm = cardsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
  const yes = (confirm.actions as Json[]).find(
    (a) => (a.data as Json).verb === 'privacy.delete.confirm',
  )!.data as Json;
  await bot.post(chat.submit(yes));
}

describe('conversation ids that are prefixes of each other', () => {
  const parentId = `a:${randomUUID()}`;
  const parent = new ActivityFactory({ serviceUrl: '', conversationId: parentId });
  const child = new ActivityFactory({ serviceUrl: '', conversationId: `${parentId}/sub` });

  beforeAll(async () => {
    const url = bot.connector.url;
    Object.assign(parent, { options: { serviceUrl: url } });
    Object.assign(child, { options: { serviceUrl: url } });
    await answerOrg(child, 'Gemeente Onderaan');
    await answerOrg(parent, 'Gemeente Bovenaan');
  });

  it('"mijn gegevens" in X exports nothing of X/sub', async () => {
    await bot.post(parent.message('mijn gegevens'));
    const text = textsIn(bot.connector.messagesTo(parentId)).pop()!;
    const url = /\((http:\/\/127\.0\.0\.1:\d+\/download\/[A-Za-z0-9_-]+)\)/.exec(text)![1]!;
    const exported = await (await fetch(url)).text();
    expect(exported).toContain('Gemeente Bovenaan');
    expect(exported).not.toContain('Gemeente Onderaan');
  });

  it('"verwijder plan" in X leaves X/sub and its change log alone', async () => {
    await confirmDelete(parent);
    expect(await bot.app.storage.listKeys(`plan/msteams/${parentId}`)).toEqual([
      `plan/msteams/${parentId}/sub`,
    ]);
    expect((await bot.app.storage.listKeys(`log/plan/msteams/${parentId}/sub/`)).length).toBe(1);
    await bot.post(child.message('samenvatting'));
    expect(JSON.stringify(cardsIn(bot.connector.messagesTo(child.conversationId)).pop())).toContain(
      'Gemeente Onderaan',
    );
  });
});

describe('a channel id with a slash', () => {
  it('keeps channel "webchat/x" with conversation "y" apart from channel "webchat" with "x/y"', async () => {
    const y = randomUUID();
    const url = bot.connector.url;
    const slashChannel = new ActivityFactory({ serviceUrl: url, conversationId: y });
    const slashConversation = new ActivityFactory({ serviceUrl: url, conversationId: `x/${y}` });
    await answerOrg(slashChannel, 'Gemeente Kanaal', { channelId: 'webchat/x' });
    await answerOrg(slashConversation, 'Gemeente Gesprek', { channelId: 'webchat' });
    const plans = (await bot.app.storage.listKeys('plan/webchat')).filter((k) => k.includes(y));
    expect(plans).toHaveLength(2);
    const stored = await bot.app.storage.read(plans);
    const orgs = Object.values(stored).map((p) => ((p as Json).answers as Json).orgName);
    expect(orgs.map((o) => (o as Json).value).sort()).toEqual([
      'Gemeente Gesprek',
      'Gemeente Kanaal',
    ]);
  });
});
