import { translator } from '../../src/i18n';
import { ActivityFactory } from '../helpers/activities';
import { textsIn } from '../helpers/bot-server';
import {
  confirmAsShown,
  dateInputs,
  lastScheduleCard,
  openSchedule,
  scheduleCardCalls,
  send,
  useScheduleBot,
} from './schedule-helpers';

const nl = translator('nl');

const fixture = useScheduleBot();

const errorsOf = (card: Record<string, unknown>) => JSON.stringify(card);

describe('refused schedule dates', () => {
  it('without a start date: says so and asks again, nothing saved', async () => {
    const chat = new ActivityFactory({ serviceUrl: fixture.bot.connector.url });
    const first = await openSchedule(fixture.bot, chat);
    await send(fixture.bot, chat.submit(confirmAsShown(first, { q_fuStart: '' })));
    const again = lastScheduleCard(fixture.bot, chat);
    expect(scheduleCardCalls(fixture.bot, chat)).toHaveLength(2);
    expect(errorsOf(again)).toContain(nl('followup:schedule.errors.missingStart'));
    expect(errorsOf(again)).toContain(nl('followup:schedule.state.askStart'));
  });

  it('a malformed start date is named in the message, and a moment typed beside it is kept', async () => {
    const chat = new ActivityFactory({ serviceUrl: fixture.bot.connector.url });
    const first = await openSchedule(fixture.bot, chat);
    await send(fixture.bot, chat.submit(confirmAsShown(first, { q_fuStart: '2027-01-04' })));
    await send(fixture.bot, chat.message('opvolging'));
    const card = lastScheduleCard(fixture.bot, chat);
    const before = dateInputs(card);
    await send(
      fixture.bot,
      chat.submit(confirmAsShown(card, { q_fuStart: '2027-02-30', q_fuM2: '2027-09-15' })),
    );
    const again = lastScheduleCard(fixture.bot, chat);
    expect(errorsOf(again)).toContain(
      nl('followup:schedule.errors.badDate', { value: '2027-02-30' }),
    );
    expect(errorsOf(again)).toContain(nl('followup:schedule.invalid'));
    // The moment the user changed comes back as typed; the others as they were.
    expect(dateInputs(again)).toMatchObject({ ...before, q_fuStart: '', q_fuM2: '2027-09-15' });
    // Nothing was saved: the schedule still has the dates from before.
    await send(fixture.bot, chat.message('opvolging'));
    expect(dateInputs(lastScheduleCard(fixture.bot, chat))).toEqual(before);
  });

  it('a date in the past or before the start is named, the rest kept as typed, the plan unchanged', async () => {
    const chat = new ActivityFactory({ serviceUrl: fixture.bot.connector.url });
    const first = await openSchedule(fixture.bot, chat);
    await send(fixture.bot, chat.submit(confirmAsShown(first, { q_fuStart: '2026-06-01' })));
    // A start in the past is fine (the ambassador may already work); its 3-month moment is not.
    const refused = lastScheduleCard(fixture.bot, chat);
    expect(errorsOf(refused)).toContain(
      nl('followup:schedule.errors.notFuture', { value: '1 sep 2026' }),
    );
    expect(dateInputs(refused).q_fuStart).toBe('2026-06-01');

    // Fixing it, but putting another moment before the start: that one is named, the fix stays.
    await send(
      fixture.bot,
      chat.submit(confirmAsShown(refused, { q_fuM1: '2027-01-05', q_fuM2: '2026-05-04' })),
    );
    const again = lastScheduleCard(fixture.bot, chat);
    expect(errorsOf(again)).toContain(
      nl('followup:schedule.errors.beforeStart', { value: '4 mei 2026' }),
    );
    expect(dateInputs(again)).toMatchObject({
      q_fuStart: '2026-06-01',
      q_fuM1: '2027-01-05',
      q_fuM2: '2026-05-04',
    });
    expect(textsIn(fixture.bot.connector.messagesTo(chat.conversationId))).not.toContainEqual(
      expect.stringContaining('Planning bevestigd'),
    );

    // All fixed: saved, with the dates as typed.
    await send(fixture.bot, chat.submit(confirmAsShown(again, { q_fuM2: '2027-03-02' })));
    expect(textsIn(fixture.bot.connector.messagesTo(chat.conversationId)).pop()).toContain(
      nl('followup:result.scheduleSavedAbove', { date: '5 jan 2027' }),
    );
  });
});
