import { translator } from '../../src/i18n';
import { ActivityFactory, ANNE, BRAM, type Who } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import {
  completePlan,
  confirmShare,
  eventually,
  lastCard,
  press,
  send,
  textsTo,
  threadsCreated,
} from './steering-helpers';

type Json = Record<string, unknown>;
const nl = translator('nl');
const DEBOUNCE_MS = 1500;

/** "@Brugbot koppel steungroep" typed in one channel of a team, by `who`. */
async function link(bot: RunningBot, team: string, channel: string, name: string, who: Who) {
  const chat = new ActivityFactory({
    serviceUrl: bot.connector.url,
    conversationId: `${channel};messageid=${Date.now()}`,
    isGroup: true,
    conversationType: 'channel',
  });
  await send(bot, {
    ...chat.mention('koppel steungroep', who),
    channelData: {
      team: { id: team, name: 'Jeugd' },
      channel: { id: channel, name },
      tenant: { id: 'tenant-1' },
    },
  });
  return chat;
}

describe('steering channels cannot be moved silently or flooded (issue 28, findings 6 and 7)', () => {
  let bot: RunningBot;
  beforeAll(
    async () =>
      (bot = await startBot({
        STEERING_POLL_MS: '50',
        STEERING_DEBOUNCE_MS: String(DEBOUNCE_MS),
      })),
  );
  afterAll(async () => bot.stop());

  it('a re-link by another member is announced in the old channel, naming who moved it and where', async () => {
    const TEAM = '19:team-move@thread.tacv2';
    await link(bot, TEAM, '19:oud@thread.tacv2', 'Steungroep', ANNE);
    bot.connector.clear();
    const fresh = await link(bot, TEAM, '19:nieuw@thread.tacv2', 'Iets <b>anders</b>', BRAM);

    // The old channel gets a new thread with the notice.
    const [notice] = threadsCreated(bot.connector);
    expect(notice?.body).toMatchObject({
      channelData: { channel: { id: '19:oud@thread.tacv2' }, tenant: { id: 'tenant-1' } },
    });
    const text = String((notice!.body.activity as Json).text);
    expect(text).toContain(BRAM.name);
    expect(text).toContain('Jeugd · Iets &lt;b&gt;anders&lt;/b&gt;');
    // The new channel hears where the link was and who had set it.
    const [reply] = textsTo(bot, fresh);
    expect(reply).toContain(
      nl('steering:link.moved', { channel: 'Jeugd · Steungroep', by: ANNE.name }),
    );
  });

  it('linking the same channel again announces nothing', async () => {
    const TEAM = '19:team-same@thread.tacv2';
    await link(bot, TEAM, '19:zelfde@thread.tacv2', 'Steungroep', ANNE);
    bot.connector.clear();
    const again = await link(bot, TEAM, '19:zelfde@thread.tacv2', 'Steungroep', BRAM);
    expect(threadsCreated(bot.connector)).toEqual([]);
    expect(textsTo(bot, again)).toEqual([nl('steering:link.done', { team: 'Jeugd' })]);
  });

  it('alternating the share between two linked teams sends at most one note per debounce', async () => {
    const A = '19:team-a@thread.tacv2';
    const B = '19:team-b@thread.tacv2';
    await link(bot, A, '19:kanaal-a@thread.tacv2', 'A', ANNE);
    await link(bot, B, '19:kanaal-b@thread.tacv2', 'B', ANNE);
    bot.connector.clear();
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url, user: BRAM });
    await completePlan(bot, chat, 'Gemeente Wissel');
    // The first note goes out after this; every later one at least a debounce after the one before.
    const started = Date.now();
    await confirmShare(bot, chat);
    await eventually(() => threadsCreated(bot.connector)[0]);
    // The author saw the preview for each channel (issue 27): B's, confirmed, then A's. Then they
    // press the two confirmations in turn, each time moving the note to the other channel.
    const previews: Record<string, Record<string, unknown>> = {};
    for (const team of [B, A]) {
      await send(bot, chat.submit({ verb: 'steering.share', steeringTarget: team }));
      previews[team] = press(lastCard(bot, chat), 'steering.share.confirm');
      if (team === B) await send(bot, chat.submit(previews[team]));
    }
    const queued = () => textsTo(bot, chat).filter((t) => t.startsWith('Ik zet de nota'));
    const answeredBefore = queued().length;
    for (let pressed = 0; pressed < 20; pressed++)
      await send(bot, chat.submit(previews[pressed % 2 ? B : A]!));
    const elapsed = Date.now() - started;
    // Every press was answered, and what is owed waits for the plan's one debounce.
    expect(queued()).toHaveLength(answeredBefore + 20);
    await new Promise((r) => setTimeout(r, DEBOUNCE_MS + 1000));
    // One note per debounce while the presses went on (two, when they took less than one, as on
    // an idle machine), and the one still owed after the last press: not one per press.
    expect(threadsCreated(bot.connector).length).toBeLessThanOrEqual(
      2 + Math.floor(elapsed / DEBOUNCE_MS),
    );
  });
});
