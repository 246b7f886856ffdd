import { translator } from '../../src/i18n';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { Conversations, ZOE } from './conversations';

type Json = Record<string, unknown>;
type Feedback = {
  helpful: number;
  notHelpful: number;
  entries: { entryId: string; title: string; helpful: number; notHelpful: number }[];
};

const QUESTION = 'wat telt als een geslaagde toeleiding?';
const nl = translator('nl');

/** Teams' thumbs up/down on a message, as the `message/submitAction` invoke carries it. */
function teamsFeedback(base: Json, replyToId: string, reaction: string): Json {
  const { text: _text, ...rest } = base;
  return {
    ...rest,
    type: 'invoke',
    name: 'message/submitAction',
    replyToId,
    value: {
      actionName: 'feedback',
      actionValue: { reaction, feedback: JSON.stringify({ feedbackText: 'Privé-opmerking' }) },
    },
  };
}

function feedbackCardData(reply: Json): Json[] {
  const text = JSON.stringify(reply);
  return [...text.matchAll(/"data":(\{"verb":"answer\.feedback"[^}]*\})/g)].map(
    (m) => JSON.parse(m[1]!) as Json,
  );
}

describe('feedback on quick answers, counted per knowledge-base entry', () => {
  let bot: RunningBot;
  let talk: Conversations;
  beforeAll(async () => {
    bot = await startBot();
    talk = new Conversations(bot);
  });
  afterAll(async () => bot?.stop());

  const feedback = async () =>
    ((await (await fetch(`${bot.url}/api/insight`)).json()) as { feedback: Feedback }).feedback;

  it('switches on the Teams feedback loop and answers its invoke with 200 and an empty body', async () => {
    const chat = talk.open({ user: ZOE });
    const [answer] = await talk.say(chat, chat.message(QUESTION));
    expect((answer!.channelData as Json).feedbackLoopEnabled).toBe(true);
    expect(feedbackCardData(answer!)).toEqual([]);
    const like = await talk.post(teamsFeedback(chat.message(''), String(answer!.id), 'like'));
    expect(like).toEqual({ status: 200, body: '' });
    // The same message rated again (a replay) is taken, and counts nothing more.
    const again = await talk.post(teamsFeedback(chat.message(''), String(answer!.id), 'dislike'));
    expect(again.status).toBe(200);
    const counted = await feedback();
    expect(counted.helpful).toBe(1);
    expect(counted.notHelpful).toBe(0);
    expect(counted.entries).toHaveLength(1);
    expect(counted.entries[0]).toMatchObject({ helpful: 1, notHelpful: 0 });
    expect(counted.entries[0]!.title.length).toBeGreaterThan(5);
    expect(
      JSON.stringify(await bot.app.storage.read(await bot.app.storage.listKeys('insight/'))),
    ).not.toMatch(/Privé-opmerking/);
  });

  it('refuses unknown or malformed feedback with 400 and counts none of it', async () => {
    const chat = talk.open({ user: ZOE });
    const [answer] = await talk.say(chat, chat.message(QUESTION));
    const before = await feedback();
    const base = chat.message('');
    const refused = [
      teamsFeedback(base, 'act-does-not-exist', 'like'),
      teamsFeedback(base, String(answer!.id), 'love'),
      { ...teamsFeedback(base, String(answer!.id), 'like'), value: { actionName: 'other' } },
      { ...teamsFeedback(base, String(answer!.id), 'like'), replyToId: undefined },
      { ...teamsFeedback(base, String(answer!.id), 'like'), value: 'like' },
    ];
    for (const activity of refused) {
      const res = await talk.post(activity);
      expect(res.status).toBe(400);
      expect(res.body).toMatch(/InvalidFeedback/);
    }
    expect(await feedback()).toEqual(before);
  });

  it('puts "Was dit nuttig? Ja / Nee" under a Web Chat answer and counts one press per answer', async () => {
    const chat = talk.open({ user: ZOE, channelId: 'webchat' });
    const [answer] = await talk.say(chat, chat.message(QUESTION));
    expect(JSON.stringify(answer)).toContain(nl('bot:feedback.question'));
    const [yes, no] = feedbackCardData(answer!);
    expect(yes).toMatchObject({ helpful: true });
    expect(no).toMatchObject({ helpful: false });
    const before = await feedback();
    const [thanks] = await talk.say(chat, chat.submit(no));
    expect(thanks!.text).toBe(nl('bot:feedback.thanks'));
    const [already] = await talk.say(chat, chat.submit(yes));
    expect(already!.text).toBe(nl('bot:feedback.already'));
    const [unknown] = await talk.say(chat, chat.submit({ ...no, token: 'AAAAAAAAAAAAAAAA' }));
    expect(unknown!.text).toBe(nl('bot:feedback.unknown'));
    const [malformed] = await talk.say(chat, chat.submit({ ...no, helpful: 'ja' }));
    expect(malformed!.text).toBe(nl('bot:errors.submit.malformed'));
    const after = await feedback();
    expect(after.notHelpful).toBe(before.notHelpful + 1);
    expect(after.helpful).toBe(before.helpful);
  });

  it('says in the privacy export that the counts stay when the plan is deleted', async () => {
    const chat = talk.open({ user: ZOE, channelId: 'webchat' });
    const [reply] = await talk.say(chat, chat.message('mijn gegevens'));
    const url = /\((http[^)]+)\)/.exec(String(reply!.text))![1]!;
    const exported = (await (await fetch(url)).json()) as { about: Json };
    expect(exported.about.usage).toBe(nl('bot:privacy.about.usage'));
  });
});
