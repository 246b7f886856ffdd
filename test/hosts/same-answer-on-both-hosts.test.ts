import { translator } from '../../src/i18n';
import { ActivityFactory } from '../helpers/activities';
import { startBot, textsIn, type RunningBot } from '../helpers/bot-server';

/**
 * The same failure gets the same HTTP status and body on both hosts (turn/outcome.ts
 * `httpAnswer`), over real HTTP: a malformed activity, a failing turn, a storage outage.
 */
const nl = translator('nl');
const MALFORMED_MESSAGE =
  'The body must be a Bot Framework activity: a JSON object with a "type", a "channelId" and a "conversation" with an "id".';

/** Every read, write and listing of the bot's own store fails, as in a storage outage. */
function breakStorage(bot: RunningBot): () => void {
  const storage = bot.app.storage;
  const saved = { read: storage.read, write: storage.write, listKeys: storage.listKeys };
  const down = () => Promise.reject(new Error('storage outage (test)'));
  Object.assign(storage, { read: down, write: down, listKeys: down });
  return () => Object.assign(storage, saved);
}

describe.each(['botbuilder', 'agents'])('the %s host answers failures alike', (sdk) => {
  let bot: RunningBot;
  let chat: ActivityFactory;
  beforeAll(async () => {
    bot = await startBot({ BOT_SDK: sdk });
    chat = new ActivityFactory({ serviceUrl: bot.connector.url });
  });
  beforeEach(() => bot.connector.clear());
  afterAll(async () => bot.stop());

  const without = (field: string) => {
    const { [field]: _gone, ...rest } = chat.message('start');
    return rest;
  };

  it.each([
    ['no conversation', () => without('conversation'), ['conversation']],
    ['no channelId', () => without('channelId'), ['channelId']],
    [
      'a conversation without an id',
      () => ({ ...without('conversation'), conversation: {} }),
      ['conversation.id'],
    ],
    [
      'a numeric conversation id',
      () => ({ ...chat.message('x'), conversation: { id: 7 } }),
      ['conversation.id'],
    ],
    ['entities that are not a list', () => ({ ...chat.message('x'), entities: 'x' }), ['entities']],
    ['a numeric locale', () => ({ ...chat.message('x'), locale: 5 }), ['locale']],
    [
      'an empty conversation id',
      () => ({ ...chat.message('x'), conversation: { id: '' } }),
      ['conversation.id'],
    ],
  ])('refuses an activity with %s with 400 and the same JSON body', async (_l, body, fields) => {
    const res = await bot.post(body());
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      error: 'BadRequest',
      message: MALFORMED_MESSAGE,
      fields,
    });
    expect(bot.connector.calls).toHaveLength(0);
  });

  it('answers a turn that fails (a rating while storage is down) with 200, and tells the user', async () => {
    const restore = breakStorage(bot);
    try {
      const { text: _text, ...base } = chat.message('');
      const res = await bot.post({
        ...base,
        type: 'invoke',
        name: 'message/submitAction',
        replyToId: 'act-1',
        value: { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{}' } },
      });
      expect(res).toEqual({ status: 200, body: '' });
    } finally {
      restore();
    }
    expect(textsIn(bot.connector.messagesTo(chat.conversationId))).toEqual([
      nl('bot:errors.unexpected'),
    ]);
  });

  it('answers a turn during a storage outage with 200, and tells the user', async () => {
    const restore = breakStorage(bot);
    try {
      expect(await bot.post(chat.message('start'))).toEqual({ status: 200, body: '' });
    } finally {
      restore();
    }
    expect(textsIn(bot.connector.messagesTo(chat.conversationId))).toEqual([
      nl('bot:errors.unexpected'),
    ]);
  });

  it('answers a turn whose replies the channel refuses with 200', async () => {
    bot.connector.failNext = [500, 500, 500, 500];
    expect(await bot.post(chat.message('start'))).toEqual({ status: 200, body: '' });
  });
});
