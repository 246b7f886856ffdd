import { forwardAction, pressForward } from '../helpers/card-walker';
import { cardOf, isCard, useLocalChannel, type Activity } from './direct-line-client';

const stepOf = (a: Activity) =>
  isCard(a) && JSON.stringify(cardOf(a)).includes('"verb":"guide.submit"') ? a : undefined;

describe('answered cards on the local Direct Line channel', () => {
  const dl = useLocalChannel();

  it('become a one-line receipt in place: the pressed card is found without replyToId from Web Chat', async () => {
    const session = await dl.client.start();
    await dl.client.post(session, { type: 'message', text: 'start', locale: 'nl-BE' });
    const first = await dl.client.pollUntil(session, (as) => as.some(stepOf));
    const card = first.activities.find(stepOf)!;
    expect(forwardAction(cardOf(card))).toBeDefined();
    // Web Chat posts the action's data merged with the inputs, and no replyToId.
    const value = { ...pressForward(cardOf(card))!, q_orgName: 'Gemeente Lier' };
    const posted = await dl.client.post(session, { type: 'message', value, locale: 'nl-BE' });
    expect(posted.status).toBe(200);

    // The receipt replaces the card first and the next step card follows in the same turn: wait
    // for both, as the user sees them, not for the first to land.
    const done = await dl.client.pollUntil(
      session,
      (as) =>
        as.some((a) => a.id === card.id && JSON.stringify(a).includes('bewaard')) &&
        as.filter(stepOf).some((a) => a.id !== card.id),
    );
    const receipt = done.activities.find((a) => a.id === card.id)!;
    const content = JSON.stringify(cardOf(receipt));
    expect(content).toContain('Stap 1 · ');
    expect(content).not.toContain('"verb":"guide.submit"');
    expect(content).not.toContain('Input.');
    // Its place in the transcript stays: the timestamp is the original card's.
    expect(receipt.timestamp).toBe(card.timestamp);
    // The user's echo names the card it answered, as Teams does.
    const echo = done.activities.find(
      (a) => (a.from as { role?: string }).role === 'user' && a.value !== undefined,
    );
    expect(echo?.replyToId).toBe(card.id);
    // And the next step card arrived as a new message.
    expect(done.activities.filter(stepOf).some((a) => a.id !== card.id)).toBe(true);
  });
});
