import { translator } from '../../src/i18n';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn, startBot, textsIn, type RunningBot } from '../helpers/bot-server';
import { pressForward, submitActions } from '../helpers/card-walker';
import { FakeConnector } from '../helpers/fake-connector';
import { validateCard } from '../helpers/card-validator';
import {
  changeOrg,
  eventually,
  lastCard,
  nextStepsCard,
  outboxLength,
  press,
  send,
  steeringChannelEnv,
  textsTo,
  threadsCreated,
  updates,
} from './steering-helpers';

/**
 * A calm ending (issue 27): completing the guide gives one summary and one card with the next
 * steps; the steungroep's channel receives the note only once its author confirmed a preview
 * that names the channel and shows every attention point the note carries.
 */
type Json = Record<string, unknown>;
const CHANNEL = '19:steungroep@thread.tacv2';
const nl = translator('nl');

let bot: RunningBot;
const teams = new FakeConnector();
beforeAll(async () => {
  await teams.start();
  bot = await startBot({ ...steeringChannelEnv(teams, CHANNEL), STEERING_DEBOUNCE_MS: '200' });
});
afterAll(async () => {
  await bot.stop();
  await teams.stop();
});

/** The card as rendered: `lang` is stamped on by the language rule, which the SDK does not know. */
function validate(card: Json): string[] {
  const { lang: _stamped, ...content } = card;
  return validateCard(content);
}

/** Calls to the steungroep's channel (the bot's own conversation has its own Connector). */
const channelCalls = () => teams.calls.filter((c) => c.method === 'POST' || c.method === 'PUT');

/** Waits out a few outbox polls, so anything owed would have gone by now. */
async function quietOutbox(): Promise<void> {
  await new Promise((r) => setTimeout(r, 400));
  await eventually(async () => ((await outboxLength(bot)) === 0 ? true : undefined));
}

/**
 * Walks the guide like a person: step 1 with `org`, then step 6, where the plan registers
 * trajectories without GDPR agreements. Returns what the completing press brought.
 */
async function completeWithGdprGap(chat: ActivityFactory, org: string): Promise<Json[]> {
  await send(bot, chat.message('start'));
  await send(bot, chat.submit({ ...pressForward(lastCard(bot, chat)), q_orgName: org }));
  await send(bot, chat.submit({ verb: 'guide.goto', step: 6 }));
  for (let i = 0; i < 20; i++) {
    const card = lastCard(bot, chat);
    const data = pressForward(card);
    if (!data || data.verb !== 'guide.submit') throw new Error('the plan did not complete');
    const gdpr = JSON.stringify(card).includes('"q_gdprAgreed"')
      ? { q_registrationTool: 'excel', q_gdprAgreed: 'no' }
      : {};
    const before = bot.connector.messagesTo(chat.conversationId).length;
    await send(bot, chat.submit({ ...data, ...gdpr }));
    const brought = bot.connector.messagesTo(chat.conversationId).slice(before);
    if (JSON.stringify(brought).includes(nl('bot:nextSteps.title')))
      return brought.map((m) => m.body);
  }
  throw new Error('the plan did not complete');
}

describe('the end of the guide', () => {
  it('gives one summary and one next-step card, and posts nothing to the steungroep', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const brought = await completeWithGdprGap(chat, 'Gemeente Rustdorp');
    expect(brought).toHaveLength(2);
    // The next steps first, so they land in view; the plan reads on below them.
    const [next, summary] = cardsIn(brought.map((body) => ({ body })));
    expect(JSON.stringify(summary)).toContain(nl('bot:summary.heading'));
    expect(validate(next!)).toEqual([]);
    expect(JSON.stringify(next)).toContain(nl('bot:nextSteps.title'));
    expect(submitActions(next!).map((a) => (a.data as Json).verb)).toEqual([
      'steering.share',
      'documents.list',
      'followup.schedule.show',
    ]);
    // No text besides the two cards: the schedule is not pushed, nothing was posted.
    expect(brought.filter((b) => b.text)).toEqual([]);

    await quietOutbox();
    expect(channelCalls()).toEqual([]);
    // A later change to a plan nobody shared stays in the chat too.
    await changeOrg(bot, chat, 'Gemeente Rustdorp-Oost');
    await quietOutbox();
    expect(channelCalls()).toEqual([]);
  });

  it('opens the existing follow-up schedule card and the documents from the next-step card', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await completeWithGdprGap(chat, 'Gemeente Planrijk');
    const next = nextStepsCard(bot, chat);
    await send(bot, chat.submit(press(next, 'followup.schedule.show')));
    expect(JSON.stringify(lastCard(bot, chat))).toContain(nl('followup:schedule.title'));
    await send(bot, chat.submit(press(next, 'documents.list')));
    expect(JSON.stringify(cardsIn(bot.connector.messagesTo(chat.conversationId)))).toContain(
      nl('documents:chat.button'),
    );
  });
});

describe('sharing with the steungroep', () => {
  it('asks first with a preview naming the channel and the GDPR warning; one post after confirming, then updates in place', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await completeWithGdprGap(chat, 'Gemeente Deelbaar');
    const threadsBefore = threadsCreated(teams).length;

    await send(bot, chat.submit(press(nextStepsCard(bot, chat), 'steering.share')));
    const preview = lastCard(bot, chat);
    expect(validate(preview)).toEqual([]);
    const shown = JSON.stringify(preview);
    expect(shown).toContain(nl('steering:confirm.title'));
    expect(shown).toContain(
      nl('steering:confirm.where', { channel: nl('steering:channel.default') }),
    );
    expect(shown).toContain('Gemeente Deelbaar');
    expect(shown).toContain(nl('steering:attention.gdpr'));
    expect(submitActions(preview).map((a) => a.title)).toEqual([
      nl('steering:confirm.confirm'),
      nl('steering:confirm.decline'),
    ]);
    await quietOutbox();
    expect(threadsCreated(teams)).toHaveLength(threadsBefore);

    await send(bot, chat.submit(press(preview, 'steering.share.confirm')));
    const [thread] = await eventually(() =>
      threadsCreated(teams).length > threadsBefore
        ? threadsCreated(teams).slice(threadsBefore)
        : undefined,
    );
    const note = JSON.stringify(thread!.body);
    expect(note).toContain('Gemeente Deelbaar');
    // Every attention point the channel received was on the preview the author confirmed.
    expect(note).toContain(nl('steering:attention.gdpr'));
    const attention = [...note.matchAll(/\*\*[^*]+\*\* · ([^"\\]+)/g)].map((m) => m[1]!);
    for (const text of attention) expect(shown).toContain(text);
    const posted = nl('steering:result.posted', { channel: nl('steering:channel.default') });
    await eventually(() => (textsTo(bot, chat).includes(posted) ? true : undefined));

    // Confirmed once: later changes update the same message in place, with no new question.
    const putsBefore = updates(teams).length;
    await changeOrg(bot, chat, 'Gemeente Deelbaar-Noord');
    await eventually(() =>
      updates(teams)
        .slice(putsBefore)
        .some((p) => JSON.stringify(p.body).includes('Gemeente Deelbaar-Noord'))
        ? true
        : undefined,
    );
    for (const put of updates(teams).slice(putsBefore)) expect(put.activityId).toBe(thread!.id);
    expect(threadsCreated(teams)).toHaveLength(threadsBefore + 1);
    expect(JSON.stringify(lastCard(bot, chat))).not.toContain(nl('steering:confirm.title'));
  });

  it('posts nothing when the author says "Nog niet", nor after later changes', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await completeWithGdprGap(chat, 'Gemeente Wachtzaam');
    const callsBefore = channelCalls().length;
    await send(bot, chat.message('deel samenvatting'));
    await send(bot, chat.submit(press(lastCard(bot, chat), 'steering.share.decline')));
    expect(textsIn(bot.connector.messagesTo(chat.conversationId)).pop()).toBe(
      nl('steering:confirm.declined'),
    );
    await changeOrg(bot, chat, 'Gemeente Wachtzaam-Zuid');
    await quietOutbox();
    expect(channelCalls()).toHaveLength(callsBefore);
  });

  it('shows a fresh preview instead of posting when the plan changed after the preview', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await completeWithGdprGap(chat, 'Gemeente Oudzicht');
    await send(bot, chat.message('deel samenvatting'));
    const stale = lastCard(bot, chat);
    await changeOrg(bot, chat, 'Gemeente Nieuwzicht');
    const callsBefore = channelCalls().length;
    await send(bot, chat.submit(press(stale, 'steering.share.confirm')));
    const fresh = lastCard(bot, chat);
    expect(JSON.stringify(fresh)).toContain(nl('steering:confirm.changed'));
    expect(JSON.stringify(fresh)).toContain('Gemeente Nieuwzicht');
    await quietOutbox();
    expect(channelCalls()).toHaveLength(callsBefore);
    // The fresh preview, confirmed, posts exactly once.
    const threadsBefore = threadsCreated(teams).length;
    await send(bot, chat.submit(press(fresh, 'steering.share.confirm')));
    await eventually(() => (threadsCreated(teams).length > threadsBefore ? true : undefined));
    await quietOutbox();
    expect(threadsCreated(teams)).toHaveLength(threadsBefore + 1);
  });
});
