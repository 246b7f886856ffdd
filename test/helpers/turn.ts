import type { Locale } from '../../src/i18n';
import { createTurn, type InboundActivity, type OutgoingActivity, type Turn } from '../../src/turn';

/** A message from one person in a personal Web Chat conversation, unless `activity` says otherwise. */
export function testTurn(
  activity: Partial<InboundActivity> = {},
  chosenLocale?: Locale,
): { turn: Turn; sent: OutgoingActivity[]; texts: () => string[] } {
  const sent: OutgoingActivity[] = [];
  const turn = createTurn(
    {
      type: 'message',
      channelId: 'webchat',
      serviceUrl: 'http://127.0.0.1:9/',
      locale: 'nl-BE',
      from: { id: 'user-1', name: 'An' },
      recipient: { id: 'bot', name: 'Brugbot' },
      conversation: { id: 'conv-1' },
      ...activity,
    },
    {
      async send(activities) {
        sent.push(...activities);
        return activities.map((_, i) => ({ id: `a${sent.length - activities.length + i}` }));
      },
      async update() {},
    },
    chosenLocale,
  );
  const texts = () => sent.map((a) => a.text).filter((t): t is string => typeof t === 'string');
  return { turn, sent, texts };
}
