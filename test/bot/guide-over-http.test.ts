import { translator } from '../../src/i18n';
import { ActivityFactory, ANNE, BRAM } from '../helpers/activities';
import { cardsIn, startBot, textsIn, type RunningBot } from '../helpers/bot-server';
import { inputsOf, pressForward, submitActions } from '../helpers/card-walker';

type Json = Record<string, unknown>;
const nl = translator('nl');

let bot: RunningBot;
beforeAll(async () => (bot = await startBot()));
afterAll(async () => bot.stop());

function lastCard(chat: ActivityFactory): Json {
  const cards = cardsIn(bot.connector.messagesTo(chat.conversationId));
  return cards[cards.length - 1]!;
}

/** The data of the submit action whose `nav` (or `verb`) matches, merged with given values. */
function press(card: Json, match: Json, values: Json = {}): Json {
  const actions = submitActions(card);
  const action = actions.find((a) =>
    Object.entries(match).every(([k, v]) => (a.data as Json)[k] === v),
  );
  if (!action) throw new Error(`no action ${JSON.stringify(match)}`);
  return { ...(action.data as Json), ...values };
}

async function send(chat: ActivityFactory, activity: Json): Promise<number> {
  const { status } = await bot.post(activity);
  expect(status).toBeLessThan(300);
  return status;
}

/** Presses "Bewaar en ga verder"; when the bot asks "Nog open", presses "Later invullen en verder". */
async function next(chat: ActivityFactory, card: Json, values: Json = {}): Promise<void> {
  await send(chat, chat.submit(press(card, { nav: 'next' }, values)));
  const reply = lastCard(chat);
  if (JSON.stringify(reply).includes('"nav":"skip"'))
    await send(chat, chat.submit(press(reply, { nav: 'skip' })));
}

describe('the guide over the Bot Framework protocol', () => {
  it('welcomes a new member with a card and replies through the Connector REST API', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await send(chat, chat.membersAdded());
    const [welcome] = bot.connector.messagesTo(chat.conversationId);
    expect(welcome?.path).toMatch(/^\/v3\/conversations\/[^/]+\/activities/);
    expect(JSON.stringify(welcome?.body)).toContain(nl('bot:welcome.title'));
  });

  it('keeps answers, goes back, edits, and pre-fills the edited answer', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await send(chat, chat.message('start'));
    const first = lastCard(chat);
    expect(JSON.stringify(first)).toContain('Stap 1 van 6');
    await next(chat, first, { q_orgName: 'Gemeente Brugge' });
    await send(chat, chat.submit(press(lastCard(chat), { nav: 'back' })));
    const back = lastCard(chat);
    const org = inputsOf(back).find((i) => i.id === 'q_orgName');
    expect(org?.value).toBe('Gemeente Brugge');
    await next(chat, back, { q_orgName: 'Stad Gent' });
    await send(chat, chat.message('samenvatting'));
    expect(JSON.stringify(lastCard(chat))).toContain('Stad Gent');
  });

  it('jumps to a step from the overview card', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await send(chat, chat.message('overzicht'));
    const overview = lastCard(chat);
    const chooser = inputsOf(overview).find((i) => i.id === 'step')!;
    expect((chooser.choices as { value: string }[]).map((c) => c.value)).toContain('5');
    // The chooser's value travels with the button's data, as a string.
    await send(chat, chat.submit(press(overview, { verb: 'guide.goto' }, { step: '5' })));
    expect(JSON.stringify(lastCard(chat))).toContain('Stap 5 van 6');
  });

  it('tells the user when a card is stale and changes nothing', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await send(chat, chat.message('start'));
    const card = lastCard(chat);
    const next = press(card, { nav: 'next' }, { q_orgName: 'Gemeente Aalst' });
    await send(chat, chat.submit(next));
    const before = bot.connector.messagesTo(chat.conversationId).length;
    await send(chat, chat.submit(next));
    const reply = bot.connector.messagesTo(chat.conversationId).slice(before);
    expect(JSON.stringify(reply)).toContain(nl('bot:notices.staleCard'));
  });

  it('answers garbage and forged submits with a clear message, never an error status', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const forged = [
      'not an object',
      { verb: 'guide.delete.everything' },
      { verb: 'guide.submit', step: 9, part: 0, rev: 0, nav: 'next' },
      { verb: 'guide.submit', step: 1, part: 0, rev: 0, nav: 'next', q_orgName: 'x'.repeat(6000) },
      {
        verb: 'guide.submit',
        step: 1,
        part: 0,
        rev: 0,
        nav: 'next',
        __proto__: { polluted: true },
      },
      JSON.parse('{"verb":"guide.goto","step":2,"__proto__":{"polluted":true}}'),
    ];
    for (const value of forged) await send(chat, chat.submit(value));
    expect(({} as Json).polluted).toBeUndefined();
    const texts = textsIn(bot.connector.messagesTo(chat.conversationId));
    expect(texts).toEqual(
      expect.arrayContaining([
        nl('bot:errors.submit.unknownVerb'),
        nl('bot:errors.submit.malformed'),
      ]),
    );
  });

  it('restarts only after confirmation', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await send(chat, chat.message('start'));
    await send(
      chat,
      chat.submit(press(lastCard(chat), { nav: 'next' }, { q_orgName: 'Gemeente Lier' })),
    );
    await send(chat, chat.message('opnieuw'));
    const confirm = lastCard(chat);
    await send(chat, chat.submit(press(confirm, { verb: 'guide.restart.confirm' })));
    await send(chat, chat.message('samenvatting'));
    expect(JSON.stringify(lastCard(chat))).not.toContain('Gemeente Lier');
  });

  it('switches language with "language en" and keeps it for that user', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await send(chat, chat.message('language en'));
    await send(chat, chat.message('start'));
    expect(JSON.stringify(lastCard(chat))).toContain('Step 1 of 6');
  });

  it('lets two colleagues in a group chat fill in one plan, each answer credited', async () => {
    const chat = new ActivityFactory({
      serviceUrl: bot.connector.url,
      isGroup: true,
      conversationType: 'groupChat',
    });
    await send(chat, chat.mention('start', ANNE));
    const card = lastCard(chat);
    await send(chat, chat.submit(press(card, { nav: 'next' }, { q_orgName: 'OCMW Mol' }), ANNE));
    await send(
      chat,
      chat.submit(press(card, { nav: 'next' }, { q_beliefsNote: 'Vrije tijd verbindt.' }), BRAM),
    );
    await send(chat, chat.message('samenvatting', BRAM));
    const before = bot.connector.messagesTo(chat.conversationId).length;
    await send(chat, chat.mention('samenvatting', BRAM));
    const summary = JSON.stringify(
      cardsIn(bot.connector.messagesTo(chat.conversationId).slice(before)),
    );
    expect(summary).toContain('OCMW Mol');
    expect(summary).toContain('Vrije tijd verbindt.');
    expect(summary).toMatch(/Anne Peeters en Bram Claes|Bram Claes en Anne Peeters/);
  });

  it('walks all six steps in English to a summary with advice and open points', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url, locale: 'en-GB' });
    await send(chat, chat.message('start'));
    for (let i = 0; i < 60; i++) {
      const card = lastCard(chat);
      const data = pressForward(card);
      if (!data || data.verb !== 'guide.submit') break;
      // Only the budget part gets answers: half-time or less triggers the warning.
      const answers = inputsOf(card).some((x) => x.id === 'q_workingTime')
        ? { q_workingTime: 40 }
        : {};
      await next(chat, card, answers);
    }
    // The next steps, then the summary; the follow-up schedule is one press away (issue 27).
    const all = cardsIn(bot.connector.messagesTo(chat.conversationId));
    const summary = JSON.stringify(all[all.length - 1]);
    const en = translator('en');
    const plan = submitActions(all[all.length - 2]!).find(
      (a) => (a.data as Json).verb === 'followup.schedule.show',
    );
    await send(chat, chat.submit(plan!.data));
    expect(JSON.stringify(lastCard(chat))).toContain(en('followup:schedule.title'));
    expect(summary).toContain(en('bot:summary.heading'));
    expect(summary).toContain(
      en('bot:summary.openPointsTitle', { count: 0 }).split('(')[0]!.trim(),
    );
    expect(summary).toContain(en('guide:advice.workingTimeBelowHalf.text').slice(0, 30));
  });
});
