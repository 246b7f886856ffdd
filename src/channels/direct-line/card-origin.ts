import type { Conversation } from './conversation';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every Action.Submit's `data` in a card (body, containers, columns, action sets, select actions). */
function submitData(node: unknown, found: Json[] = []): Json[] {
  if (Array.isArray(node)) {
    for (const item of node) submitData(item, found);
    return found;
  }
  if (!isObject(node)) return found;
  if (node.type === 'Action.Submit' && isObject(node.data)) found.push(node.data);
  for (const key of ['body', 'items', 'columns', 'actions', 'selectAction', 'card'])
    submitData(node[key], found);
  return found;
}

/** A submit's value carries the pressed action's data, with the card's inputs added to it. */
function carries(value: Json, data: Json): boolean {
  return Object.entries(data).every(([key, v]) => value[key] === v);
}

/**
 * The bot message whose card a submit came from, as Teams names it in `replyToId`. Web Chat does
 * not send it (BotFramework-WebChat PR 4656 was not merged), so the channel finds the newest bot
 * card holding an Action.Submit whose data the submitted value carries. The bot uses it to
 * replace an answered card; without a match the field is left out, as on Azure's Direct Line.
 */
export function cardOrigin(conversation: Conversation, value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const origin = conversation.findLast(
    (activity) =>
      (activity.from as { role?: string } | undefined)?.role === 'bot' &&
      Array.isArray(activity.attachments) &&
      activity.attachments.some((a) =>
        submitData(isObject(a) ? a.content : undefined).some((d) => carries(value, d)),
      ),
  );
  return typeof origin?.id === 'string' ? origin.id : undefined;
}
