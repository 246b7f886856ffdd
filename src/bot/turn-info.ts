import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Actor } from '../guide';

/** The person behind an activity: the Entra object id in Teams, the channel user id elsewhere. */
export function actorOf(context: TurnContext): Actor {
  const from = context.activity.from ?? { id: 'unknown' };
  const id = String(from.aadObjectId ?? from.id ?? 'unknown').slice(0, 200);
  const name = typeof from.name === 'string' ? from.name.slice(0, 200) : undefined;
  return name ? { id, name } : { id };
}

export function isGroupConversation(context: TurnContext): boolean {
  const conversation = context.activity.conversation;
  return (
    Boolean(conversation?.isGroup) ||
    ['groupChat', 'channel'].includes(String(conversation?.conversationType))
  );
}

/** Whether the bot was @mentioned (Teams only delivers group messages that mention it, Web Chat may not). */
export function mentionsBot(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.entities ?? []).some(
    (e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
}

/** A short, non-reversible id for logs, so a conversation can be followed without being identified. */
export function logId(value: string | undefined): string {
  return createHash('sha256')
    .update(value ?? '')
    .digest('hex')
    .slice(0, 12);
}
