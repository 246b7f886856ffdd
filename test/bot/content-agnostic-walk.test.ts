import { translator } from '../../src/i18n';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn, startBot, type RunningBot } from '../helpers/bot-server';
import { pressForward, submitActions } from '../helpers/card-walker';

type Json = Record<string, unknown>;

/**
 * A walker that knows nothing about the guide: it reads the last card, fills every input with a
 * plausible value for its type, and presses the card's forward action, until no card has one.
 */
describe.each([
  ['nl', 'nl-BE'],
  ['en', 'en-US'],
] as const)('a content-agnostic walk in %s', (lng, locale) => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot()));
  afterAll(async () => bot.stop());

  it('reaches the summary through all six steps with no HTTP status of 300 or more', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url, locale });
    const statuses: number[] = [];
    statuses.push((await bot.post(chat.membersAdded())).status);
    const stepsSeen = new Set<number>();
    for (let press = 0; press < 80; press++) {
      const cards = cardsIn(bot.connector.messagesTo(chat.conversationId));
      const submit = pressForward(cards[cards.length - 1]!);
      // The guide ends at the summary, under the card with the next steps (issue 27).
      if (!submit || !String(submit.verb).startsWith('guide.')) break;
      if (submit.verb === 'guide.submit') stepsSeen.add(Number(submit.step));
      statuses.push((await bot.post(chat.submit(submit))).status);
    }
    expect(statuses.every((s) => s < 300)).toBe(true);
    expect([...stepsSeen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const [next, summary] = cardsIn(bot.connector.messagesTo(chat.conversationId)).slice(-2);
    expect(JSON.stringify(summary)).toContain(translator(lng)('bot:summary.heading'));
    // The follow-up schedule is one press away on the next-step card, not pushed.
    const plan = submitActions(next!).find(
      (a) => (a.data as Json).verb === 'followup.schedule.show',
    );
    statuses.push((await bot.post(chat.submit(plan!.data))).status);
    const schedule = cardsIn(bot.connector.messagesTo(chat.conversationId)).pop();
    expect(JSON.stringify(schedule)).toContain(translator(lng)('followup:schedule.title'));
    expect(statuses.every((s) => s < 300)).toBe(true);
  });
});
