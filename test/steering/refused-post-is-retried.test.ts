import { translator } from '../../src/i18n';
import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { FakeConnector } from '../helpers/fake-connector';
import {
  completePlan,
  confirmShare,
  eventually,
  outboxLength,
  textsTo,
  threadsCreated,
  steeringChannelEnv,
} from './steering-helpers';

const nl = translator('nl');
const channel = nl('steering:channel.default');

describe('a steering post Teams refuses', () => {
  let bot: RunningBot;
  // The steering channel's own Connector, so failures hit the post and not the user's replies.
  const teams = new FakeConnector();

  beforeAll(async () => {
    await teams.start();
    bot = await startBot({
      ...steeringChannelEnv(teams, '19:stuurgroep@thread.tacv2'),
      STEERING_RETRY_BASE_MS: '300',
    });
  });
  afterAll(async () => {
    await bot.stop();
    await teams.stop();
  });

  it('waits in the outbox after a 403, tells the user what to do, and is posted once on retry', async () => {
    // Teams refuses every post until a team owner adds Brugbot, which happens below, after the
    // author was told: the outbox is read while the post is refused, whenever the test gets to it.
    teams.failNext = Array.from({ length: 100 }, () => 403);
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await completePlan(bot, chat, 'Gemeente Ninove');
    await confirmShare(bot, chat);

    await eventually(() =>
      textsTo(bot, chat).includes(nl('steering:result.notInTeam', { channel })) ? true : undefined,
    );
    expect(await outboxLength(bot)).toBe(1);
    teams.failNext = [];

    await eventually(() => (threadsCreated(teams).length ? true : undefined));
    await eventually(() =>
      textsTo(bot, chat).includes(nl('steering:result.posted', { channel })) ? true : undefined,
    );
    expect(await outboxLength(bot)).toBe(0);
    // Told once, however often Teams refused before the owner added Brugbot.
    const notInTeam = nl('steering:result.notInTeam', { channel });
    expect(textsTo(bot, chat).filter((t) => t === notInTeam)).toHaveLength(1);
    // Give a duplicate every chance to appear before checking there is none.
    await new Promise((r) => setTimeout(r, 400));
    expect(threadsCreated(teams)).toHaveLength(1);
    expect(JSON.stringify(threadsCreated(teams)[0]!.body)).toContain('Gemeente Ninove');
  });

  it('retries 429 and 5xx without telling the user twice', async () => {
    teams.failNext = [429, 503, 502];
    const before = threadsCreated(teams).length;
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await completePlan(bot, chat, 'Gemeente Lede');
    await confirmShare(bot, chat);
    await eventually(() => (threadsCreated(teams).length > before ? true : undefined), 15_000);
    const transient = textsTo(bot, chat).filter(
      (t) => t === nl('steering:result.transient', { channel }),
    );
    expect(transient).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(threadsCreated(teams)).toHaveLength(before + 1);
  });
});
