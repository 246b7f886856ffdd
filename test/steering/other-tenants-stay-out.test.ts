import { translator } from '../../src/i18n';
import { planKey } from '../../src/storage';
import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { FakeConnector } from '../helpers/fake-connector';
import {
  completePlan,
  confirmShare,
  eventually,
  send,
  steeringChannelEnv,
  textsTo,
  threadsCreated,
} from './steering-helpers';

const HOME = 'tenant-home';
const CHANNEL = '19:steungroep@thread.tacv2';
const nl = translator('nl');

/**
 * Issue 28, finding 4: with STEERING_* set and no ALLOWED_TENANTS (any tenant may use the bot),
 * the configured channel belongs to STEERING_TENANT_ID and receives that tenant's plans only.
 */
describe("the configured steungroep channel serves its own tenant's plans only", () => {
  let bot: RunningBot;
  const teams = new FakeConnector();
  beforeAll(async () => {
    await teams.start();
    bot = await startBot({
      ...steeringChannelEnv(teams, CHANNEL, HOME),
      STEERING_DEBOUNCE_MS: '200',
    });
  });
  afterAll(async () => {
    await bot.stop();
    await teams.stop();
  });

  it("never posts a foreign tenant's plan there, on completion or on request, and says there is nowhere to share", async () => {
    const foreign = new ActivityFactory({
      serviceUrl: bot.connector.url,
      tenantId: 'tenant-other',
    });
    await completePlan(bot, foreign, 'Gemeente Elders');
    await send(bot, foreign.message('deel samenvatting'));
    expect(textsTo(bot, foreign)).toContain(nl('steering:share.noTarget'));

    // A plan of the home tenant goes out; by the time it has, the outbox has had every chance.
    const home = new ActivityFactory({ serviceUrl: bot.connector.url, tenantId: HOME });
    await completePlan(bot, home, 'Gemeente Thuis');
    await confirmShare(bot, home);
    const thread = await eventually(() => threadsCreated(teams)[0]);
    expect(thread.body).toMatchObject({ channelData: { tenant: { id: HOME } } });
    expect(JSON.stringify(thread.body)).toContain('Gemeente Thuis');

    const everything = JSON.stringify(teams.calls);
    expect(everything).not.toContain('Gemeente Elders');
    expect(threadsCreated(teams)).toHaveLength(1);
    const foreignKey = planKey('msteams', foreign.conversationId);
    expect(await bot.app.storage.listKeys(`steering/post/${foreignKey}`)).toEqual([]);
  });
});
