import { translator } from '../../src/i18n';
import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { FakeConnector } from '../helpers/fake-connector';
import { validateCard } from '../helpers/card-validator';
import {
  changeOrg,
  completePlan,
  confirmShare,
  eventually,
  outboxLength,
  textsTo,
  threadsCreated,
  updates,
  steeringChannelEnv,
} from './steering-helpers';

type Json = Record<string, unknown>;
const CHANNEL = '19:stuurgroep@thread.tacv2';
const DEBOUNCE_MS = 1000;

describe('the steering note in the configured Teams channel', () => {
  let bot: RunningBot;
  const teams = new FakeConnector();

  beforeAll(async () => {
    await teams.start();
    bot = await startBot({
      ...steeringChannelEnv(teams, CHANNEL),
      STEERING_DEBOUNCE_MS: String(DEBOUNCE_MS),
      STEERING_RETRY_BASE_MS: '100',
    });
  });
  afterAll(async () => {
    await bot.stop();
    await teams.stop();
  });

  it('posts one new thread once the author confirms sharing the completed plan, then updates that same message in place, debounced', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await completePlan(bot, chat, 'Gemeente Zottegem');
    await confirmShare(bot, chat);

    const [thread] = await eventually(() =>
      threadsCreated(teams).length ? threadsCreated(teams) : undefined,
    );
    const body = thread!.body as { isGroup: boolean; channelData: Json; activity: Json };
    expect(body.isGroup).toBe(true);
    expect(body.channelData).toMatchObject({
      channel: { id: CHANNEL },
      tenant: { id: 'tenant-1' },
    });
    const card = (body.activity.attachments as { content: Json }[])[0]!.content;
    expect(validateCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Gemeente Zottegem');
    expect(String(body.activity.text)).toContain('Gemeente Zottegem');

    // The person who completed the plan is told where it went.
    const nl = translator('nl');
    const posted = nl('steering:result.posted', { channel: nl('steering:channel.default') });
    await eventually(() => (textsTo(bot, chat).includes(posted) ? true : undefined));

    // Twenty quick edits: the same message is updated, a few times at most, ending with the last edit.
    const started = Date.now();
    for (let i = 1; i <= 20; i++) await changeOrg(bot, chat, `Stad Ronse ${i}`);
    const elapsed = Date.now() - started;
    await eventually(async () => ((await outboxLength(bot)) === 0 ? true : undefined));
    const puts = updates(teams);
    expect(puts.length).toBeGreaterThanOrEqual(1);
    expect(puts.length).toBeLessThanOrEqual(Math.ceil(elapsed / DEBOUNCE_MS) + 1);
    for (const put of puts) {
      expect(put.conversationId).toBe('conv-1');
      expect(put.activityId).toBe(thread!.id);
    }
    const last = JSON.stringify(puts[puts.length - 1]!.body);
    expect(last).toContain('Stad Ronse 20');
    expect(last).toContain(nl('steering:note.changed', { when: '', changes: '' }).split(' ')[0]!);
    expect(threadsCreated(teams)).toHaveLength(1);
  });

  it('posts the note on a confirmed "deel samenvatting" for a plan that is not complete, and only once', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await bot.post(chat.message('start'));
    await changeOrg(bot, chat, 'OCMW Geraardsbergen');
    const before = threadsCreated(teams).length;
    await confirmShare(bot, chat, chat.message('deel samenvatting'));
    await eventually(() => (threadsCreated(teams).length > before ? true : undefined));
    await eventually(async () => ((await outboxLength(bot)) === 0 ? true : undefined));
    await bot.post(chat.message('deel samenvatting'));
    const nl = translator('nl');
    expect(textsTo(bot, chat)).toContain(
      nl('steering:share.upToDate', { channel: nl('steering:channel.default') }),
    );
    expect(threadsCreated(teams)).toHaveLength(before + 1);
    const note = JSON.stringify(threadsCreated(teams)[before]!.body);
    expect(note).toContain('OCMW Geraardsbergen');
    expect(note).toContain(
      nl('steering:note.statusInProgress', { done: 1, total: 6, date: '' }).split('·')[0]!.trim(),
    );
  });
});
