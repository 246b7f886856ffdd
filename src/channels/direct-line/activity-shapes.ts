import { cardOrigin } from './card-origin';
import type { Conversation } from './conversation';
import type { BotActivity, ClientActivity } from './schemas';

/** Who the bot is on this channel. Local mode has no app id, so any stable id will do. */
export const LOCAL_BOT = { id: 'brugbot', name: 'Brugbot', role: 'bot' } as const;
export const CHANNEL_ID = 'webchat';

export interface Envelope {
  serviceUrl: string;
  now: Date;
}

function user(conversation: Conversation, clientName?: string): Record<string, string> {
  const name = conversation.userName ?? clientName;
  return { id: conversation.userId, ...(name ? { name } : {}), role: 'user' };
}

/** What Azure's Direct Line sends the bot when a conversation starts: the bot and the user join. */
export function conversationUpdate(
  conversation: Conversation,
  env: Envelope,
): Record<string, unknown> & { type: string } {
  const member = user(conversation);
  return {
    type: 'conversationUpdate',
    id: `${conversation.id}|start`,
    timestamp: env.now.toISOString(),
    channelId: CHANNEL_ID,
    serviceUrl: env.serviceUrl,
    from: member,
    recipient: LOCAL_BOT,
    conversation: { id: conversation.id },
    ...(conversation.locale ? { locale: conversation.locale } : {}),
    membersAdded: [
      { id: LOCAL_BOT.id, name: LOCAL_BOT.name },
      { id: member.id, ...(member.name ? { name: member.name } : {}) },
    ],
  };
}

/**
 * The user's activity as the channel records it: identity, conversation and time are the
 * channel's, the content is the client's. `channelData.clientActivityID` is kept because Web
 * Chat matches its own echo by it.
 */
export function fromClient(
  conversation: Conversation,
  client: ClientActivity,
  env: Envelope,
): Record<string, unknown> & { type: string } {
  const origin = client.type === 'message' ? cardOrigin(conversation, client.value) : undefined;
  return {
    type: client.type,
    ...(origin ? { replyToId: origin } : {}),
    timestamp: env.now.toISOString(),
    channelId: CHANNEL_ID,
    from: user(conversation, client.from?.name),
    recipient: LOCAL_BOT,
    conversation: { id: conversation.id },
    locale: client.locale ?? conversation.locale,
    ...pick(client, [
      'text',
      'textFormat',
      'value',
      'name',
      'localTimestamp',
      'localTimezone',
      'attachments',
      'entities',
      'channelData',
    ]),
  };
}

/** The copy the bot receives: the stored activity plus where to reply. */
export function forBot(stored: Record<string, unknown>, env: Envelope): Record<string, unknown> {
  return { ...stored, serviceUrl: env.serviceUrl };
}

/**
 * A bot activity as the client sees it. `replyToId` is kept only when it points at something
 * the client has: Web Chat holds a reply back for up to 5 s waiting for the activity it answers,
 * and the conversationUpdate that the welcome card answers never reaches the client.
 */
export function fromBot(
  conversation: Conversation,
  activity: BotActivity,
  env: Pick<Envelope, 'now'>,
): Record<string, unknown> & { type: string } {
  const {
    id: _id,
    serviceUrl: _serviceUrl,
    replyToId,
    ...rest
  } = activity as BotActivity & { id?: unknown; serviceUrl?: unknown };
  return {
    ...rest,
    timestamp: env.now.toISOString(),
    channelId: CHANNEL_ID,
    conversation: { id: conversation.id },
    from: {
      id: activity.from?.id ?? LOCAL_BOT.id,
      name: activity.from?.name ?? LOCAL_BOT.name,
      role: 'bot',
    },
    recipient: { id: conversation.userId, role: 'user' },
    ...(replyToId && conversation.has(replyToId) ? { replyToId } : {}),
  };
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
