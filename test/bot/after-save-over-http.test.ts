import { ActivityFactory } from '../helpers/activities';
import { cardsIn, startBot, type RunningBot } from '../helpers/bot-server';
import { FakeConnector } from '../helpers/fake-connector';
import {
  changeOrg,
  completePlan,
  confirmShare,
  eventually,
  send,
  threadsCreated,
  updates,
  steeringChannelEnv,
} from '../steering/steering-helpers';

const CHANNEL = '19:after-save@thread.tacv2';

type Report = { plans: { started: number; completed: number } };

async function report(bot: RunningBot): Promise<Report> {
  return (await (await fetch(`${bot.url}/api/insight`)).json()) as Report;
}

/** Each committed change reaches every reaction once: note, follow-up, counters (src/after-save). */
describe('the after-save reactions over HTTP', () => {
  let bot: RunningBot;
  const teams = new FakeConnector();

  beforeAll(async () => {
    await teams.start();
    bot = await startBot({
      ...steeringChannelEnv(teams, CHANNEL),
      STEERING_DEBOUNCE_MS: '200',
      STEERING_RETRY_BASE_MS: '100',
    });
  });
  afterAll(async () => {
    await bot.stop();
    await teams.stop();
  });

  it('a completion offers the next steps once and counts the plan once; a confirmed share posts one note; a change updates it once', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await completePlan(bot, chat, 'Gemeente Lede');
    const nextSteps = () =>
      cardsIn(bot.connector.messagesTo(chat.conversationId)).filter((card) =>
        JSON.stringify(card).includes('"followup.schedule.show"'),
      );
    expect(nextSteps()).toHaveLength(1);
    expect((await report(bot)).plans).toEqual({ started: 1, completed: 1 });
    // Completing posts nothing to the steungroep: the author confirms first (issue 27).
    await new Promise((r) => setTimeout(r, 600));
    expect(threadsCreated(teams)).toHaveLength(0);

    // Turns that commit nothing react with nothing: no second offer, note or count.
    await send(bot, chat.message('samenvatting'));
    await send(bot, chat.message('overzicht'));
    expect(nextSteps()).toHaveLength(1);
    expect((await report(bot)).plans).toEqual({ started: 1, completed: 1 });

    await confirmShare(bot, chat);
    await eventually(() => (threadsCreated(teams).length ? true : undefined));

    // One committed change of the answers: the same message is updated, once.
    await changeOrg(bot, chat, 'Gemeente Lede en Wichelen');
    const [update] = await eventually(() => (updates(teams).length ? updates(teams) : undefined));
    expect(JSON.stringify(update!.body)).toContain('Gemeente Lede en Wichelen');
    await new Promise((r) => setTimeout(r, 600));
    expect(updates(teams)).toHaveLength(1);
    expect(threadsCreated(teams)).toHaveLength(1);
    expect((await report(bot)).plans).toEqual({ started: 1, completed: 1 });
  });
});
