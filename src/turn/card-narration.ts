import type { OutgoingActivity } from './activity';
import { CARD_CONTENT_TYPE } from '../cards';

/** Web Chat's documented channelData key for what a screen reader says for an activity. */
export const WEB_CHAT_NARRATION = 'webchat:fallback-text';

/**
 * Web Chat names each transcript entry, and announces each new one, from the activity's text. A
 * reply that is only a card is announced as "Bot said: 1 attachment" or as every word of the
 * card, buttons included. The card's own `fallbackText` is what a listener needs first ("Stap 3
 * van 6 · deel 1 van 2 — title", an answer with its source), so it becomes the narration.
 */
export function withCardNarration(activity: OutgoingActivity): OutgoingActivity {
  const card = activity.attachments?.find((a) => a.contentType === CARD_CONTENT_TYPE);
  const text = (card?.content as { fallbackText?: unknown } | undefined)?.fallbackText;
  if (typeof text !== 'string' || text === '' || activity.text) return activity;
  const channelData = activity.channelData ?? {};
  if (WEB_CHAT_NARRATION in channelData) return activity;
  return { ...activity, channelData: { ...channelData, [WEB_CHAT_NARRATION]: text } };
}
