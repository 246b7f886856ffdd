import { brusselsInstant } from '../../src/followup/calendar';
import { translator } from '../../src/i18n';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn, textsIn } from '../helpers/bot-server';
import {
  confirmAsShown,
  dateInputs,
  lastScheduleCard,
  moveClock,
  openSchedule,
  scheduleCardCalls,
  send,
  updatesOf,
  useScheduleBot,
} from './schedule-helpers';

/** Belgium's ten public holidays in 2027 and 2028, written out here, not computed. */
const HOLIDAYS = new Set([
  ...['01-01', '03-29', '05-01', '05-06', '05-17', '07-21', '08-15', '11-01', '11-11', '12-25'].map(
    (d) => `2027-${d}`,
  ),
  ...['01-01', '04-17', '05-01', '05-25', '06-05', '07-21', '08-15', '11-01', '11-11', '12-25'].map(
    (d) => `2028-${d}`,
  ),
]);
const isWorkingDay = (date: string) => {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(date);
};

/** A day a person picks, and the day the check-in really goes out (with the labels shown). */
const CASES: [chosen: string, chosenLabel: string, day: string, dayLabel: string][] = [
  ['2027-01-01', '1 jan 2027', '2027-01-04', '4 jan 2027'], // New Year, a Friday
  ['2027-03-06', '6 mrt 2027', '2027-03-08', '8 mrt 2027'], // a Saturday
  ['2027-03-29', '29 mrt 2027', '2027-03-30', '30 mrt 2027'], // Easter Monday
  ['2027-05-01', '1 mei 2027', '2027-05-03', '3 mei 2027'], // Labour Day, a Saturday
  ['2027-05-06', '6 mei 2027', '2027-05-07', '7 mei 2027'], // Ascension Day
  ['2027-05-17', '17 mei 2027', '2027-05-18', '18 mei 2027'], // Whit Monday
  ['2027-07-21', '21 jul 2027', '2027-07-22', '22 jul 2027'], // National Day
  ['2027-08-15', '15 aug 2027', '2027-08-16', '16 aug 2027'], // Assumption, a Sunday
  ['2027-10-30', '30 okt 2027', '2027-11-02', '2 nov 2027'], // Saturday, Sunday, All Saints
  ['2027-11-11', '11 nov 2027', '2027-11-12', '12 nov 2027'], // Armistice Day
  ['2027-12-25', '25 dec 2027', '2027-12-27', '27 dec 2027'], // Christmas, a Saturday
  ['2028-01-01', '1 jan 2028', '2028-01-03', '3 jan 2028'], // New Year, a Saturday
  ['2028-04-17', '17 apr 2028', '2028-04-18', '18 apr 2028'], // Easter Monday 2028
  ['2028-05-25', '25 mei 2028', '2028-05-26', '26 mei 2028'], // Ascension Day 2028
  ['2028-06-05', '5 jun 2028', '2028-06-06', '6 jun 2028'], // Whit Monday 2028
];

const nl = translator('nl');

const fixture = useScheduleBot();

const at = (date: string, hour: number, minute = 0) =>
  brusselsInstant(date, hour, minute).toISOString();

describe('every announced check-in day is a Belgian working day, and the day it goes out', () => {
  let chat: ActivityFactory;
  let final: typeof CASES = [];

  it('moves weekends and every public holiday to the next working day, on the card and in the message', async () => {
    chat = new ActivityFactory({ serviceUrl: fixture.bot.connector.url });
    const first = await openSchedule(fixture.bot, chat);
    await send(fixture.bot, chat.submit(confirmAsShown(first, { q_fuStart: '2026-12-14' })));
    let next = 0;
    while (next < CASES.length) {
      await send(fixture.bot, chat.message('opvolging'));
      const [call] = scheduleCardCalls(fixture.bot, chat).slice(-1);
      const card = lastScheduleCard(fixture.bot, chat);
      const moments = Object.keys(dateInputs(card)).filter((id) => id !== 'q_fuStart');
      const round = CASES.slice(next, next + moments.length);
      next += round.length;
      final = round;
      const changes = Object.fromEntries(round.map(([chosen], i) => [moments[i]!, chosen]));
      await send(fixture.bot, chat.submit(confirmAsShown(card, changes)));

      // The card above, updated in place, shows the check-in days; all are working days.
      const updated = cardsIn(updatesOf(fixture.bot, call!.id)).pop()!;
      const shown = dateInputs(updated);
      round.forEach(([, , day], i) => expect(shown[moments[i]!]).toBe(day));
      // Each moved moment says which day was typed and why it moved.
      for (const [, chosenLabel] of round)
        expect(JSON.stringify(updated)).toContain(
          nl('followup:schedule.momentState.moved', { date: chosenLabel }),
        );
      for (const [id, date] of Object.entries(shown))
        if (id !== 'q_fuStart' && date) expect([id, isWorkingDay(date)]).toEqual([id, true]);
      // The message below names each move, and the first check-in day.
      const saved = textsIn(fixture.bot.connector.messagesTo(chat.conversationId)).pop()!;
      for (const [, chosenLabel, , dayLabel] of round)
        expect(saved).toContain(`${chosenLabel} wordt ${dayLabel}`);
      expect(saved).toContain(`de eerste kaart komt op ${round[0]![3]}`);
      expect(JSON.stringify(updated)).toContain(`de volgende kaart komt op ${round[0]![3]}`);
    }
    expect(final).toHaveLength(6);
  });

  it('sends each check-in on the announced day at 10:00 Brussels time, not on the holiday or weekend', async () => {
    for (const [chosen, , day, dayLabel] of final) {
      // On the day that was picked (a holiday or weekend), nothing goes out.
      expect(await moveClock(fixture.bot, at(chosen, 11))).toMatchObject({ sent: 0 });
      // On the announced day: not before 10:00, then exactly one check-in, for that day.
      expect(await moveClock(fixture.bot, at(day, 9, 30))).toMatchObject({ sent: 0 });
      const before = fixture.bot.connector.messagesTo(chat.conversationId).length;
      expect(await moveClock(fixture.bot, at(day, 10, 30))).toMatchObject({
        sent: 1,
        workingHours: true,
      });
      const arrived = cardsIn(fixture.bot.connector.messagesTo(chat.conversationId).slice(before));
      expect(arrived).toHaveLength(1);
      const meta = JSON.stringify(arrived[0]);
      expect(meta).toContain(`gepland op ${dayLabel}`);
      expect(meta).not.toContain('ging niet apart uit');
    }
  });
});
