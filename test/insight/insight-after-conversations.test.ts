import { DECLINED_THRESHOLD } from '../../src/insight/usage-store';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { Conversations, KOEN, SECRET_ANSWER, ZOE } from './conversations';

type Report = {
  plans: { started: number; completed: number };
  funnel: { step: number; plans: number; cards: { card: string; plans: number }[] }[];
  timeToComplete: { plans: number; median: { fromHours: number; toHours: number | null } };
  questions: {
    asked: number;
    answered: number;
    declined: number;
    answeredFromEntry: number;
    answeredFromPassage: number;
  };
  declinedTop: { text: string; conversations: number }[];
};

const REPEATED = [
  'Wordt het morgen mooi weer in Gent?',
  'wordt het MORGEN mooi weer in gent',
  'Wordt het morgen mooi weer in Gent??',
];
const SINGLE = 'Mag ik 3 springkastelen bestellen via jan.peeters@gemeente.be of 0470 12 34 56?';

describe('usage insight after a realistic set of conversations', () => {
  let bot: RunningBot;
  let talk: Conversations;
  const conversationIds: string[] = [];
  let report: Report;
  let raw: string;

  beforeAll(async () => {
    bot = await startBot();
    talk = new Conversations(bot);
    // One plan completed (Teams, Zoë), one that stops in step 2 (Web Chat, Koen).
    const done = talk.open({ user: ZOE });
    await talk.walk(done);
    const stalled = talk.open({ user: KOEN, channelId: 'webchat' });
    await talk.walk(stalled, 2);
    await talk.say(stalled, stalled.message('wat telt als een geslaagde toeleiding?'));
    // A question only a passage of the sources answers: quoted, and counted as such.
    await talk.say(stalled, stalled.message('wat gebeurde er met het zwembad in kortrijk'));
    // Three conversations ask the same unknown question (one of them twice); one asks another.
    for (const text of REPEATED) {
      const chat = talk.open({ user: ZOE });
      conversationIds.push(chat.conversationId);
      await talk.say(chat, chat.message(text));
      if (text === REPEATED[0]) await talk.say(chat, chat.message(text));
    }
    const single = talk.open({ user: KOEN });
    await talk.say(single, single.message(SINGLE));
    conversationIds.push(done.conversationId, stalled.conversationId, single.conversationId);
    const res = await fetch(`${bot.url}/api/insight`);
    expect(res.status).toBe(200);
    raw = await res.text();
    report = JSON.parse(raw) as Report;
  }, 120_000);
  afterAll(async () => bot?.stop());

  it('counts plans started and completed, and a funnel where the second plan stops at step 2', () => {
    expect(report.plans).toEqual({ started: 2, completed: 1 });
    expect(report.funnel.map((s) => s.plans)).toEqual([2, 2, 1, 1, 1, 1]);
    expect(report.funnel[0]!.cards[0]).toEqual({ card: '1.0', plans: 2 });
  });

  it('gives the time to complete as a class, not as one plan’s duration', () => {
    expect(report.timeToComplete.plans).toBe(1);
    expect(report.timeToComplete.median).toEqual({ fromHours: 0, toHours: 1 });
  });

  it('counts every typed question: from an entry, from a passage, declined', () => {
    expect(report.questions).toMatchObject({
      asked: 7,
      answered: 2,
      answeredFromEntry: 1,
      answeredFromPassage: 1,
      declined: 5,
    });
  });

  it('lists the repeated question normalised, once per conversation, and not the single one', () => {
    expect(DECLINED_THRESHOLD).toBe(3);
    expect(report.declinedTop).toEqual([
      { text: 'wordt het morgen mooi weer in gent', conversations: 3 },
    ]);
    expect(raw).not.toMatch(/springkaste/i);
  });

  it('holds no conversation id, user name or answer text, in the response or in storage', async () => {
    const keys = await bot.app.storage.listKeys('insight/');
    expect(keys.some((k) => k.startsWith('insight/day/'))).toBe(true);
    const stored = JSON.stringify(await bot.app.storage.read(keys)) + keys.join('\n');
    for (const text of [raw, stored]) {
      for (const id of conversationIds) expect(text).not.toContain(id);
      for (const value of [ZOE.name, KOEN.name, ZOE.id, KOEN.id, 'aad-zoe', 'aad-koen'])
        expect(text).not.toContain(value);
      expect(text).not.toContain(SECRET_ANSWER);
      expect(text).not.toMatch(/jan\.peeters|gemeente\.be|0470|springkaste|proefsessie/i);
    }
  });

  it('keeps the counts when a plan is deleted, and its per-conversation marks go with it', async () => {
    const chat = talk.open({ user: ZOE });
    await talk.say(chat, chat.message(REPEATED[0]!));
    expect(
      await bot.app.storage.listKeys(`usage-of/plan/msteams/${chat.conversationId}`),
    ).toHaveLength(1);
    await talk.walk(chat, 2);
    const before = (await (await fetch(`${bot.url}/api/insight`)).json()) as Report;
    const [ask] = await talk.say(chat, chat.message('verwijder plan'));
    const data = JSON.stringify(ask).match(/"verb":"privacy\.delete\.confirm","rev":(\d+)/);
    expect(data).not.toBeNull();
    await talk.say(chat, chat.submit({ verb: 'privacy.delete.confirm', rev: Number(data![1]) }));
    expect(await bot.app.storage.listKeys(`usage-of/plan/msteams/${chat.conversationId}`)).toEqual(
      [],
    );
    const after = (await (await fetch(`${bot.url}/api/insight`)).json()) as Report;
    expect(after.plans).toEqual(before.plans);
    expect(after.funnel).toEqual(before.funnel);
    expect(after.declinedTop[0]!.conversations).toBe(4);
  }, 60_000);
});
