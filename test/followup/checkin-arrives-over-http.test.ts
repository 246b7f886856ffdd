import { translator } from '../../src/i18n';
import { ActivityFactory, BRAM } from '../helpers/activities';
import { cardsIn, startBot, textsIn, type RunningBot } from '../helpers/bot-server';
import { forwardAction, inputsOf, pressForward } from '../helpers/card-walker';
import { confirmShare, eventually, nextStepsCard, press } from '../steering/steering-helpers';

type Json = Record<string, unknown>;
const nl = translator('nl');

let bot: RunningBot;
beforeAll(
  async () =>
    (bot = await startBot({
      STEERING_DEBOUNCE_MS: '0',
      STEERING_POLL_MS: '50',
      FOLLOWUP_POLL_MS: '3600000',
    })),
);
afterAll(async () => bot.stop());

const cards = (chat: ActivityFactory) => cardsIn(bot.connector.messagesTo(chat.conversationId));
const lastCard = (chat: ActivityFactory) => cards(chat)[cards(chat).length - 1]!;

async function send(activity: Json): Promise<void> {
  const { status } = await bot.post(activity);
  expect(status).toBeLessThan(300);
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

/** Presses the schedule card's confirm button with every date as shown, plus `changes`. */
function confirmAsShown(card: Json, changes: Json = {}): Json {
  const shown = Object.fromEntries(inputsOf(card).map((i) => [String(i.id), i.value ?? '']));
  return { ...(forwardAction(card)!.data as Json), ...shown, ...changes };
}

/**
 * Walks the whole guide like a person pressing "save and continue" on every card, then opens
 * the follow-up schedule with the next-step card's button (nothing is pushed on completion).
 */
async function walkGuide(chat: ActivityFactory): Promise<void> {
  await send(chat.message('start'));
  for (let i = 0; i < 80; i++) {
    const data = pressForward(lastCard(chat));
    if (!data || data.verb !== 'guide.submit') break;
    await send(chat.submit(data));
  }
  const next = nextStepsCard(bot, chat);
  expect(JSON.stringify(next)).toContain(nl('bot:nextSteps.title'));
  await send(chat.submit(press(next, 'followup.schedule.show')));
}

describe('the follow-up over HTTP', () => {
  it('proposes a schedule from the next-step card, sends the check-in into the same conversation and shows its figures', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await walkGuide(chat);
    const schedule = lastCard(chat);
    expect(JSON.stringify(schedule)).toContain(nl('followup:schedule.title'));
    // The start date is asked, not assumed: the only date on the first card, empty and required.
    const dates = inputsOf(schedule).filter((i) => i.type === 'Input.Date');
    expect(dates).toEqual([expect.objectContaining({ id: 'q_fuStart', isRequired: true })]);
    expect(dates[0]!.value ?? '').toBe('');

    // The moments follow from the start date: 3 months after 4 January 2027 is Sunday 4 April,
    // so the first check-in is announced for Monday 5 April.
    await send(chat.submit(confirmAsShown(schedule, { q_fuStart: '2027-01-04' })));
    const saved = textsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
    expect(saved).toContain('5 apr 2027');
    // Shared with the steungroep (local channel), confirmed by the author.
    // The outbox posts the note in the background and then tells the author where it is: wait
    // for that message, so it is not counted among what the clock move below brings.
    await confirmShare(bot, chat, chat.message('deel samenvatting'), { untilPosted: true });

    // Nothing is due yet on the day after confirming.
    expect(await moveClock('2027-01-05T10:00:00+01:00')).toMatchObject({ sent: 0 });

    // A year ahead: the three owed moments arrive as one check-in, in this conversation.
    const before = bot.connector.messagesTo(chat.conversationId).length;
    expect(await moveClock('2028-01-05T11:00:00+01:00')).toMatchObject({
      sent: 1,
      workingHours: true,
    });
    const arrived = bot.connector.messagesTo(chat.conversationId).slice(before);
    expect(arrived).toHaveLength(1);
    const checkin = cardsIn(arrived)[0]!;
    const text = JSON.stringify(checkin);
    expect(text).toContain(nl('followup:checkin.privacy'));
    expect(text).toContain('Opvolgmoment 2 van 2 · gepland op 4 aug 2027');
    expect(text).toContain('Het moment van 5 apr 2027 ging niet apart uit');
    // Moving the clock again sends nothing more: each check-in goes out once.
    expect(await moveClock('2028-01-05T12:00:00+01:00')).toMatchObject({ sent: 0 });

    // A colleague answers it: counts and a short note.
    const ids = inputsOf(checkin).map((i) => String(i.id));
    expect(ids).toEqual(
      expect.arrayContaining(['q_fuTrajectories', 'q_fuAssociations', 'q_fuNote']),
    );
    const submit = pressForward(checkin)!;
    await send(
      chat.submit(
        {
          ...submit,
          q_fuTrajectories: '23',
          q_fuEnrolsAfterTrial: '17',
          q_fuAssociations: '6',
          q_fuNote: 'Twee jeugdbewegingen passen hun inschrijving aan.',
        },
        BRAM,
      ),
    );
    expect(textsIn(bot.connector.messagesTo(chat.conversationId)).pop()).toBe(
      nl('followup:result.checkinSaved'),
    );
    // The usage counters saw the check-in go out and come back (src/insight), and nothing more.
    const usage = (await (await fetch(`${bot.url}/api/insight`)).json()) as { checkins: unknown };
    expect(usage.checkins).toEqual({ sent: 1, answered: 1 });

    // The summary shows the figures next to the plan's own expectations and the caution.
    await send(chat.message('samenvatting'));
    const summary = JSON.stringify(lastCard(chat));
    expect(summary).toContain('23 trajecten');
    expect(summary).toContain('17 ingeschreven na proefsessies');
    expect(summary).toContain(nl('followup:progress.caution'));

    // The tab's API carries the same point for the chart.
    const tab = (await (await fetch(`${bot.url}/api/tab/plans?lang=nl`)).json()) as {
      plans: { conversationId: string; progress: { points: { values: Json }[] } }[];
    };
    const plan = tab.plans.find((p) => p.conversationId === chat.conversationId)!;
    expect(plan.progress.points).toHaveLength(1);
    expect(plan.progress.points[0]!.values).toMatchObject({ trajectories: 23, associations: 6 });

    // The steering group's note (local channel) gains the progress line, updated in place.
    const feed = await eventually(async () => {
      const json = await (await fetch(`${bot.url}/steering/feed.json`)).text();
      return json.includes('23 trajecten') ? json : undefined;
    });
    expect(feed).toContain('Opvolging (4 aug 2027)');

    // The export carries every check-in, with the caution.
    await send(chat.message('exporteer'));
    const exportText = textsIn(bot.connector.messagesTo(chat.conversationId)).pop()!;
    const mdLink = /\((http[^)]+)\)/g;
    const links = [...exportText.matchAll(mdLink)].map((m) => m[1]!);
    const markdowns = await Promise.all(links.map(async (l) => (await fetch(l)).text()));
    expect(markdowns.some((m) => m.includes('23 trajecten'))).toBe(true);

    // The answer is attributed and in the change log; undo takes it back.
    const key = `plan/msteams/${chat.conversationId}`;
    const log = await bot.app.storage.read(await bot.app.storage.listKeys(`log/${key}/`));
    const entry = Object.values(log).find((e) => JSON.stringify(e).includes('fu.m2.trajectories'));
    expect(entry).toMatchObject({ by: { name: BRAM.name }, kind: 'answer' });
    await send(chat.message('ongedaan maken'));
    await send(chat.message('samenvatting'));
    expect(JSON.stringify(lastCard(chat))).not.toContain('23 trajecten');

    // Deleting the plan takes its follow-up schedule along.
    expect(await bot.app.storage.listKeys(`followup/schedule/${key}`)).toHaveLength(1);
    await send(chat.message('verwijder plan'));
    const yes = (lastCard(chat).actions as Json[]).find(
      (a) => (a.data as Json).verb === 'privacy.delete.confirm',
    )!.data as Json;
    await send(chat.submit(yes));
    expect(await bot.app.storage.listKeys(`followup/schedule/${key}`)).toEqual([]);
    expect(await bot.app.storage.listKeys(key)).toEqual([]);
  });

  it('refuses bad figures with the card again and loses nothing typed', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    await walkGuide(chat);
    await send(chat.submit(confirmAsShown(lastCard(chat), { q_fuStart: '2029-02-01' })));
    expect(await moveClock('2029-06-04T10:30:00+02:00')).toMatchObject({ sent: 1 });
    const checkin = lastCard(chat);
    expect(JSON.stringify(checkin)).toContain(nl('followup:checkin.title'));
    await send(
      chat.submit({ ...pressForward(checkin)!, q_fuTrajectories: '-3', q_fuNote: 'bijna klaar' }),
    );
    const again = JSON.stringify(lastCard(chat));
    expect(again).toContain(nl('followup:checkin.errors.notACount'));
    expect(again).toContain('bijna klaar');
  });
});
