import type { Activity, BotAdapter } from 'botbuilder';
import { CARD_CONTENT_TYPE } from '../cards';

/** Web Chat's documented channelData key for what a screen reader says for an activity. */
export const WEB_CHAT_NARRATION = 'webchat:fallback-text';

/**
 * Web Chat names each transcript entry, and announces each new one, from the activity's text. A
 * reply that is only a card is announced as "Bot said: 1 attachment" or as every word of the
 * card, buttons included. The card's own `fallbackText` is what a listener needs first ("Stap 3
 * van 6 · deel 1 van 2 — title", an answer with its source), so it becomes the narration.
 */
export function withCardNarration(activity: Partial<Activity>): Partial<Activity> {
  const card = activity.attachments?.find((a) => a.contentType === CARD_CONTENT_TYPE);
  const text = (card?.content as { fallbackText?: unknown } | undefined)?.fallbackText;
  if (typeof text !== 'string' || text === '' || activity.text) return activity;
  const channelData = (activity.channelData ?? {}) as Record<string, unknown>;
  if (WEB_CHAT_NARRATION in channelData) return activity;
  return { ...activity, channelData: { ...channelData, [WEB_CHAT_NARRATION]: text } };
}

/**
 * Adds the narration to every card the bot sends in a turn. Teams narrates cards itself and
 * keeps its channelData as documented, so its replies are left as they are.
 */
export function narrateCards(adapter: BotAdapter): void {
  adapter.use(async (context, next) => {
    if (context.activity.channelId !== 'msteams') {
      context.onSendActivities(async (_ctx, activities, send) => {
        activities.forEach((a, i) => (activities[i] = withCardNarration(a)));
        return send();
      });
    }
    await next();
  });
}
