import { translator } from '../../src/i18n';
import { ActivityFactory, ANNE, BRAM } from '../helpers/activities';
import { cardsIn, startBot, type RunningBot } from '../helpers/bot-server';
import { inputsOf } from '../helpers/card-walker';
import { validateCard } from '../helpers/card-validator';
import {
  changeOrg,
  completePlan,
  confirmShare,
  eventually,
  send,
  textsTo,
  threadsCreated,
} from './steering-helpers';

type Json = Record<string, unknown>;
const nl = translator('nl');
const TEAM = '19:team-jeugd@thread.tacv2';
const CHANNEL = '19:kanaal-stuurgroep@thread.tacv2';

/** A message in a Teams channel, as Teams posts it: the team, channel and tenant in channelData. */
function inChannel(chat: ActivityFactory, text: string): Json {
  const activity = chat.mention(text, ANNE);
  return {
    ...activity,
    channelData: {
      team: { id: TEAM, name: 'Jeugd <b>&</b> Vrije tijd', aadGroupId: 'group-1' },
      channel: { id: CHANNEL, name: 'Stuurgroep' },
      tenant: { id: 'tenant-1' },
    },
  };
}

describe('linking a team channel with "koppel stuurgroep"', () => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot({ STEERING_POLL_MS: '50' })));
  afterAll(async () => bot.stop());

  it('refuses outside a team channel and says where to type it', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await send(bot, chat.message('koppel stuurgroep'));
    expect(textsTo(bot, chat)).toContain(nl('steering:link.notInChannel'));
    expect(await bot.app.storage.listKeys('steering/team/')).toEqual([]);
  });

  it('stores the channel reference, then posts the plan of a team member there as a new thread', async () => {
    const channelChat = new ActivityFactory({
      serviceUrl: bot.connector.url,
      conversationId: `${CHANNEL};messageid=1700000000000`,
      isGroup: true,
      conversationType: 'channel',
    });
    await send(bot, inChannel(channelChat, 'koppel stuurgroep'));
    const stored = (await bot.app.storage.read([`steering/team/${TEAM}`]))[
      `steering/team/${TEAM}`
    ] as Json;
    expect(stored).toMatchObject({
      target: {
        kind: 'teams',
        serviceUrl: bot.connector.url,
        channelId: CHANNEL,
        tenantId: 'tenant-1',
        teamId: TEAM,
        groupId: 'group-1',
      },
      registeredBy: { id: 'aad-anne' },
    });
    // The team name comes from Teams: it is escaped in the Markdown reply.
    const [reply] = textsTo(bot, channelChat);
    expect(reply).toContain('Jeugd &lt;b&gt;&amp;&lt;/b&gt; Vrije tijd');

    const personal = new ActivityFactory({ serviceUrl: bot.connector.url, user: BRAM });
    await completePlan(bot, personal, 'Gemeente Herzele');
    // The preview names the linked channel as people know it before anything is posted.
    const preview = await confirmShare(bot, personal);
    expect(JSON.stringify(preview)).toContain('Jeugd <b>&</b> Vrije tijd · Stuurgroep');
    const thread = await eventually(() => threadsCreated(bot.connector)[0]);
    expect(thread.body).toMatchObject({
      isGroup: true,
      channelData: { channel: { id: CHANNEL }, tenant: { id: 'tenant-1' }, team: { id: TEAM } },
    });
    // Bram's membership of the team was checked with the Connector before posting.
    expect(
      bot.connector.calls.some(
        (c) => c.method === 'GET' && c.path.endsWith(`/members/${BRAM.aadObjectId}`),
      ),
    ).toBe(true);
    const confirmation = await eventually(() =>
      textsTo(bot, personal).find((t) => t.includes('teams.microsoft.com/l/message/')),
    );
    expect(confirmation).toContain(`groupId=group-1`);
  });

  it('offers the linked channel in the summary card and shares there on request', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url, user: BRAM });
    await send(bot, chat.message('start'));
    await send(bot, chat.message('samenvatting'));
    const cards = cardsIn(bot.connector.messagesTo(chat.conversationId));
    const summary = cards[cards.length - 1]!;
    expect(validateCard(summary)).toEqual([]);
    const choice = inputsOf(summary).find((i) => i.id === 'steeringTarget');
    expect(choice?.choices).toEqual([
      { title: 'Jeugd <b>&</b> Vrije tijd · Stuurgroep', value: TEAM },
    ]);
    // Nothing answered yet: nothing to share.
    await send(bot, chat.submit({ verb: 'steering.share', steeringTarget: TEAM }));
    expect(textsTo(bot, chat)).toContain(nl('steering:share.nothingYet'));

    await changeOrg(bot, chat, 'Gemeente Erpe-Mere');
    await send(bot, chat.submit({ verb: 'steering.share', steeringTarget: 'another-team' }));
    expect(textsTo(bot, chat)).toContain(nl('steering:share.unknownTeam'));
    const before = threadsCreated(bot.connector).length;
    await confirmShare(bot, chat, chat.submit({ verb: 'steering.share', steeringTarget: TEAM }));
    const thread = await eventually(() => threadsCreated(bot.connector)[before]);
    expect(thread.body).toMatchObject({ channelData: { channel: { id: CHANNEL } } });
    expect(JSON.stringify(thread.body)).toContain('Gemeente Erpe-Mere');
  });
});
