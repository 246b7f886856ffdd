import { translator } from '../../src/i18n';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn, textsIn } from '../helpers/bot-server';
import {
  confirmAsShown,
  dateInputs,
  lastScheduleCard,
  openSchedule,
  scheduleCardCalls,
  send,
  updatesOf,
  useScheduleBot,
} from './schedule-helpers';

const nl = translator('nl');

const fixture = useScheduleBot();

const proposed = nl('followup:schedule.state.proposed');
const askStart = nl('followup:schedule.state.askStart');

describe('the schedule card asks the start date and shows the confirmed dates', () => {
  it('in Teams: asks the start, then the same card is updated in place (Connector PUT) with the final dates', async () => {
    const chat = new ActivityFactory({ serviceUrl: fixture.bot.connector.url });
    const first = await openSchedule(fixture.bot, chat);
    expect(JSON.stringify(first)).toContain(askStart);
    // The start date is asked, not assumed: the only date input, empty and required.
    expect(dateInputs(first)).toEqual({ q_fuStart: '' });
    expect(JSON.stringify(first)).toContain('ongeveer 3 maanden na de start');
    const [cardCall] = scheduleCardCalls(fixture.bot, chat);

    // 30 July 2027 + 3 months is Saturday 30 October; Sunday and 1 November (All Saints) follow.
    await send(fixture.bot, chat.submit(confirmAsShown(first, { q_fuStart: '2027-07-30' })));

    const [update] = updatesOf(fixture.bot, cardCall!.id);
    expect(update).toBeDefined();
    expect(update!.conversationId).toBe(chat.conversationId);
    const updated = cardsIn([update!])[0]!;
    const text = JSON.stringify(updated);
    expect(text).not.toContain(proposed);
    expect(text).not.toContain(askStart);
    expect(text).toContain(nl('followup:schedule.state.active', { date: '2 nov 2027' }));
    const dates = dateInputs(updated);
    expect(dates.q_fuStart).toBe('2027-07-30');
    expect(dates.q_fuM1).toBe('2027-11-02');
    // Brugbot proposed that day itself: the card shows the working day, without a note.
    expect(text).not.toContain('30 okt 2027');

    // Below it, a short confirmation that points at the card above.
    const saved = textsIn(fixture.bot.connector.messagesTo(chat.conversationId)).pop()!;
    expect(saved).toContain(nl('followup:result.scheduleSavedAbove', { date: '2 nov 2027' }));
    expect(saved).not.toContain('30 okt 2027');
    // No second schedule card: the one above is the schedule.
    expect(scheduleCardCalls(fixture.bot, chat)).toHaveLength(1);
  });

  it('in Microsoft 365 Copilot, which cannot update messages: a confirmation that names every final date', async () => {
    const chat = new ActivityFactory({ serviceUrl: fixture.bot.connector.url, copilot: true });
    const first = await openSchedule(fixture.bot, chat);
    await send(fixture.bot, chat.submit(confirmAsShown(first, { q_fuStart: '2027-01-04' })));
    expect(fixture.bot.connector.calls.filter((c) => c.method === 'PUT')).not.toContainEqual(
      expect.objectContaining({ conversationId: chat.conversationId }),
    );
    const saved = textsIn(fixture.bot.connector.messagesTo(chat.conversationId)).pop()!;
    // 4 April 2027 is a Sunday: the first card comes on Monday 5 April.
    // 3, 7 and 12 months after the start (Brugbot's default moments); no weekend, no holiday.
    expect(saved).toContain('De kaarten komen op 5 apr 2027, 4 aug 2027 en 4 jan 2028');
    expect(saved).toContain('De eerste komt op 5 apr 2027.');
    // The card shown again has the same moments as the message, the first on Monday 5 April.
    await send(fixture.bot, chat.message('opvolging'));
    expect(dateInputs(lastScheduleCard(fixture.bot, chat)).q_fuM1).toBe('2027-04-05');
  });

  it('in Web Chat on a Direct Line that refuses the update: the confirmation names the final dates', async () => {
    const chat = new ActivityFactory({
      serviceUrl: fixture.bot.connector.url,
      channelId: 'webchat',
    });
    const first = await openSchedule(fixture.bot, chat);
    const [cardCall] = scheduleCardCalls(fixture.bot, chat);
    fixture.bot.connector.failNext = [405];
    await send(fixture.bot, chat.submit(confirmAsShown(first, { q_fuStart: '2027-01-04' })));
    // The update was tried and refused (the fake Connector answers 405 and records nothing).
    expect(fixture.bot.connector.failNext).toEqual([]);
    expect(updatesOf(fixture.bot, cardCall!.id)).toEqual([]);
    const saved = textsIn(fixture.bot.connector.messagesTo(chat.conversationId)).pop()!;
    expect(saved).toContain('De kaarten komen op 5 apr 2027');
    expect(saved).not.toContain('hierboven');
  });
});
