import { translator } from '../../src/i18n';
import { ActivityFactory, type Who } from '../helpers/activities';
import { cardsIn, startBot, textsIn, type RunningBot } from '../helpers/bot-server';
import { forwardAction, inputsOf, submitActions } from '../helpers/card-walker';
import { FakeConnector } from '../helpers/fake-connector';
import {
  completePlan,
  confirmShare,
  eventually,
  nextStepsCard,
  steeringChannelEnv,
  threadsCreated,
} from '../steering/steering-helpers';

/**
 * One language per person, whatever the activity: Teams sends the install event without a
 * locale and every later message with the client's (here en-US). The rule: the person's choice,
 * else the language of the card they pressed, else the channel's locale, else Dutch.
 */
type Json = Record<string, unknown>;
const nl = translator('nl');
const en = translator('en');

let bot: RunningBot;
const teams = new FakeConnector();
beforeAll(async () => {
  await teams.start();
  bot = await startBot({
    ...steeringChannelEnv(teams, '19:steungroep@thread.tacv2'),
    STEERING_DEBOUNCE_MS: '0',
    FOLLOWUP_POLL_MS: '3600000',
  });
});
afterAll(async () => {
  await bot.stop();
  await teams.stop();
});

const cards = (chat: ActivityFactory) => cardsIn(bot.connector.messagesTo(chat.conversationId));
const lastCard = (chat: ActivityFactory) => cards(chat)[cards(chat).length - 1]!;
const texts = (chat: ActivityFactory) => textsIn(bot.connector.messagesTo(chat.conversationId));

async function send(activity: Json): Promise<void> {
  const { status } = await bot.post(activity);
  expect(status).toBeLessThan(300);
}

/** A person of their own per case: the language kept for one must not decide another's. */
const person = (name: string): Who => ({ id: `29:${name}`, name, aadObjectId: `aad-${name}` });

/** Teams' install event: a conversationUpdate with no locale at all. */
function install(chat: ActivityFactory): Json {
  const { locale: _none, ...event } = chat.membersAdded();
  return event;
}

/** The data of the card's button with this verb, as the channel sends it back. */
function press(card: Json, verb: string, values: Json = {}): Json {
  const action = submitActions(card).find((a) => (a.data as Json).verb === verb);
  if (!action) throw new Error(`no ${verb} button`);
  return { ...(action.data as Json), ...values };
}

async function moveClock(now: string): Promise<Json> {
  const res = await fetch(`${bot.url}/api/dev/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ now }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}

function confirmSchedule(chat: ActivityFactory, start: string): Json {
  const card = lastCard(chat);
  expect(JSON.stringify(card)).toContain('q_fuStart');
  const shown = Object.fromEntries(inputsOf(card).map((i) => [String(i.id), i.value ?? '']));
  return { ...(forwardAction(card)!.data as Json), ...shown, q_fuStart: start };
}

/** The note the steungroep channel received for the plan of this organisation. */
async function noteFor(org: string): Promise<string> {
  return eventually(() =>
    threadsCreated(teams)
      .map((c) => JSON.stringify(c.body))
      .find((body) => body.includes(org)),
  );
}

describe('one language per person over Teams-shaped traffic', () => {
  it('welcomes in Dutch on an install without locale, with the switch to English on the card', async () => {
    const chat = new ActivityFactory({
      serviceUrl: bot.connector.url,
      locale: 'en-US',
      user: person('ines'),
    });
    await send(install(chat));
    const welcome = lastCard(chat);
    expect(JSON.stringify(welcome)).toContain(nl('bot:welcome.title'));
    expect(welcome.lang).toBe('nl');
    expect(press(welcome, 'lang.set')).toMatchObject({ locale: 'en', lng: 'nl' });
    // Every button says which language the card was in.
    for (const action of submitActions(welcome)) expect(action.data).toMatchObject({ lng: 'nl' });
  });

  it('keeps Dutch for an en-US client who pressed the Dutch welcome: cards, typed commands, check-in and note', async () => {
    const chat = new ActivityFactory({
      serviceUrl: bot.connector.url,
      locale: 'en-US',
      user: person('jan'),
    });
    await send(install(chat));
    await send(chat.submit(press(lastCard(chat), 'guide.start')));
    expect(JSON.stringify(lastCard(chat))).toContain('Stap 1 van 6');
    // A typed message carries en-US; the person answered a Dutch card, so Dutch it stays.
    await send(chat.message('overview'));
    expect(JSON.stringify(lastCard(chat))).toContain(nl('bot:overview.title'));
    await send(chat.message('help'));
    expect(JSON.stringify(lastCard(chat))).toContain(nl('bot:help.title'));

    await completePlan(bot, chat, 'Gemeente Taalstad');
    const next = nextStepsCard(bot, chat);
    expect(JSON.stringify(next)).toContain(nl('bot:nextSteps.title'));
    expect(next.lang).toBe('nl');
    const preview = await confirmShare(bot, chat);
    expect(JSON.stringify(preview)).toContain(nl('steering:confirm.title'));
    await send(chat.submit(press(next, 'followup.schedule.show')));
    await send(chat.submit(confirmSchedule(chat, '2031-01-06')));
    const note = await noteFor('Gemeente Taalstad');
    expect(note).toContain(nl('steering:note.heading'));
    expect(note).not.toContain(en('steering:note.heading'));

    expect(await moveClock('2031-05-07T10:00:00+02:00')).toMatchObject({ sent: 1 });
    const checkin = lastCard(chat);
    expect(JSON.stringify(checkin)).toContain(nl('followup:checkin.title'));
    expect(checkin.lang).toBe('nl');
    for (const action of submitActions(checkin)) expect(action.data).toMatchObject({ lng: 'nl' });
  });

  it('speaks English throughout once the en-US client presses "English" on the Dutch welcome', async () => {
    const chat = new ActivityFactory({
      serviceUrl: bot.connector.url,
      locale: 'en-US',
      user: person('kate'),
    });
    await send(install(chat));
    const dutchWelcome = lastCard(chat);
    await send(chat.submit(press(dutchWelcome, 'lang.set')));
    expect(texts(chat)).toContain(en('bot:language.changed'));
    const welcome = lastCard(chat);
    expect(JSON.stringify(welcome)).toContain(en('bot:welcome.title'));
    await send(chat.submit(press(welcome, 'guide.start')));
    expect(JSON.stringify(lastCard(chat))).toContain('Step 1 of 6');
    await send(chat.message('overview'));
    expect(JSON.stringify(lastCard(chat))).toContain(en('bot:overview.title'));
    // An old Dutch card pressed later: the person's choice wins over the card's language.
    await send(chat.submit(press(dutchWelcome, 'guide.overview')));
    expect(JSON.stringify(lastCard(chat))).toContain(en('bot:overview.title'));

    await completePlan(bot, chat, 'City of Langton');
    const next = nextStepsCard(bot, chat);
    expect(JSON.stringify(next)).toContain(en('bot:nextSteps.title'));
    const preview = await confirmShare(bot, chat);
    expect(JSON.stringify(preview)).toContain(en('steering:confirm.title'));
    await send(chat.submit(press(next, 'followup.schedule.show')));
    await send(chat.submit(confirmSchedule(chat, '2032-01-05')));
    const note = await noteFor('City of Langton');
    expect(note).toContain(en('steering:note.heading'));

    // The Dutch plan above has its next moment by then too; each goes in its own language.
    expect(await moveClock('2032-05-11T10:00:00+02:00')).toMatchObject({ sent: 2 });
    const checkin = lastCard(chat);
    expect(JSON.stringify(checkin)).toContain(en('followup:checkin.title'));
    expect(checkin.lang).toBe('en');
  });

  it('follows the client from the first message when it sends a locale, and the card on a press', async () => {
    const chat = new ActivityFactory({
      serviceUrl: bot.connector.url,
      locale: 'en-US',
      user: person('liam'),
    });
    await send(chat.message('start'));
    const step = lastCard(chat);
    expect(JSON.stringify(step)).toContain('Step 1 of 6');
    const forward = forwardAction(step)!.data as Json;
    await send(chat.submit({ ...forward, q_orgName: 'Town of Ashby' }));
    expect(lastCard(chat)).toMatchObject({ lang: 'en' });
    expect(JSON.stringify(lastCard(chat))).toContain('Step 1: ');
    // Nothing was settled for the person: the channel's locale already said English.
    expect(await bot.app.storage.listKeys('user/')).not.toContainEqual(
      expect.stringContaining('29:liam'),
    );
  });

  it('answers an unsupported invoke the same way, without a language to get wrong', async () => {
    const chat = new ActivityFactory({
      serviceUrl: bot.connector.url,
      locale: 'en-US',
      user: person('mia'),
    });
    const { status, body } = await bot.post({
      ...chat.message(''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'x', data: { lng: 'nl' } } },
    });
    expect(status).toBe(400);
    expect(JSON.parse(body)).toMatchObject({ error: 'UnsupportedInvoke' });
  });
});

describe('one language in a group chat', () => {
  it("answers a press on a colleague's card in that card's language, and keeps nothing for the presser", async () => {
    const chat = new ActivityFactory({
      serviceUrl: bot.connector.url,
      locale: 'nl-BE',
      isGroup: true,
      conversationType: 'groupChat',
    });
    const [anne, bram] = [person('nora'), person('olaf')];
    await send(chat.mention('language en', anne));
    await send(chat.mention('start', anne));
    await send(chat.submit(forwardAction(lastCard(chat))!.data, bram));
    expect(lastCard(chat)).toMatchObject({ lang: 'en' });
    await send(chat.mention('overzicht', bram));
    expect(JSON.stringify(lastCard(chat))).toContain(nl('bot:overview.title'));
  });
});
