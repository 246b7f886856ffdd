import { translator } from '../../src/i18n';
import { forwardAction } from '../helpers/card-walker';
import {
  cardOf,
  isCard,
  useLocalChannel,
  type Activity,
  type Session,
} from '../channels/direct-line-client';
import { dateInputs, isScheduleCard, moveClock } from './schedule-helpers';

const nl = translator('nl');

describe('the schedule card on the local Direct Line channel', () => {
  const dl = useLocalChannel();

  const scheduleCards = (activities: Activity[]) =>
    activities.filter((a) => isCard(a) && isScheduleCard(cardOf(a)));

  async function say(session: Session, activity: Record<string, unknown>) {
    const posted = await dl.client.post(session, { locale: 'nl-BE', ...activity });
    expect(posted.status).toBe(200);
  }

  it('is replaced in place after confirming: same id, the confirmed dates, no "not confirmed yet"', async () => {
    await moveClock(dl.bot, '2026-12-01T10:00:00+01:00');
    const session = await dl.client.start();
    await say(session, { type: 'message', text: 'start' });
    await say(session, { type: 'message', text: 'opvolging' });
    const shown = await dl.client.pollUntil(session, (as) => scheduleCards(as).length > 0);
    const card = scheduleCards(shown.activities)[0]!;
    expect(JSON.stringify(cardOf(card))).toContain(nl('followup:schedule.state.askStart'));
    expect(dateInputs(cardOf(card))).toEqual({ q_fuStart: '' });

    // Web Chat posts the card's data and its inputs; 2027-01-04 + 3 months is Sunday 4 April.
    const data = forwardAction(cardOf(card))!.data as Record<string, unknown>;
    await say(session, { type: 'message', value: { ...data, q_fuStart: '2027-01-04' } });
    const saved = nl('followup:result.scheduleSavedAbove', { date: '5 apr 2027' });
    const after = await dl.client.pollUntil(session, (as) =>
      as.some((a) => typeof a.text === 'string' && a.text.includes(saved)),
    );
    const cards = scheduleCards(after.activities);
    expect(cards.map((c) => c.id)).toEqual([card.id]);
    const updated = JSON.stringify(cardOf(cards[0]!));
    expect(updated).not.toContain(nl('followup:schedule.state.askStart'));
    expect(updated).not.toContain(nl('followup:schedule.state.proposed'));
    expect(updated).toContain(nl('followup:schedule.state.active', { date: '5 apr 2027' }));
    expect(dateInputs(cardOf(cards[0]!))).toMatchObject({
      q_fuStart: '2027-01-04',
      q_fuM1: '2027-04-05',
    });
  });
});
