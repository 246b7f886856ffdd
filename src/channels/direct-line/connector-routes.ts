import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { fromBot } from './activity-shapes';
import type { Conversation } from './conversation';
import type { ConversationStore } from './conversation-store';
import { loopbackOnly, param, sendError } from './http-helpers';
import {
  botActivitySchema,
  createConversationSchema,
  describeIssue,
  type BotActivity,
} from './schemas';

export interface ConnectorRouteDeps {
  store: ConversationStore;
  baseUrl: () => string;
}

const PREFIX = '/v3/conversations';

function channelIdOf(channelData: unknown): string | undefined {
  const id = (channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
  return typeof id === 'string' && id.length <= 256 ? id : undefined;
}

/**
 * The Bot Connector REST API the bot replies through (its serviceUrl points here): send, reply,
 * update, delete, and create for proactive posts. Local mode has no credentials, so the guards
 * are the loopback Host check, JSON-only writes and unguessable conversation ids.
 */
export function mountConnectorRoutes(server: Server, deps: ConnectorRouteDeps): void {
  const { store } = deps;
  const now = () => ({ now: new Date(store.currentTime()) });

  const conversationOf = (req: Request, res: Response): Conversation | undefined => {
    const conversation = store.get(param(req, 'conversationId'));
    if (!conversation)
      sendError(res, 404, 'NotFound', 'This conversation does not exist (or has expired).');
    return conversation;
  };

  const activityOf = (req: Request, res: Response): BotActivity | undefined => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendError(
        res,
        400,
        'BadArgument',
        'The body must be one activity: a JSON object with a "type".',
      );
      return undefined;
    }
    const parsed = botActivitySchema.safeParse(body);
    if (!parsed.success)
      sendError(res, 400, 'BadArgument', `Invalid activity: ${describeIssue(parsed.error)}`);
    return parsed.success ? parsed.data : undefined;
  };

  /** Stores and pushes a bot activity; typing goes to the stream only. */
  const post = (conversation: Conversation, activity: BotActivity): string => {
    const shaped = fromBot(conversation, activity, now());
    if (shaped.type === 'typing') {
      const id = `${conversation.id}|typing-${randomUUID()}`;
      conversation.pushEphemeral({ ...shaped, id });
      return id;
    }
    return conversation.append(shaped).id;
  };

  const send = (req: Request, res: Response, replyTo?: string): void => {
    const conversation = conversationOf(req, res);
    if (!conversation) return;
    const activity = activityOf(req, res);
    if (!activity) return;
    res.send(200, {
      id: post(conversation, replyTo ? { ...activity, replyToId: replyTo } : activity),
    });
  };

  server.post(PREFIX, loopbackOnly, async (req: Request, res: Response) => {
    const parsed = createConversationSchema.safeParse(req.body ?? {});
    if (!parsed.success)
      return sendError(
        res,
        400,
        'BadArgument',
        `Invalid conversation parameters: ${describeIssue(parsed.error)}`,
      );
    // Nobody holds a token for a conversation the bot creates; a client could only see it via a
    // token issued later. It exists so proactive code paths run locally as they would in Azure.
    const { conversation } = store.create();
    conversation.started = true;
    // A thread in a channel, as Teams creates for `channelData.channel.id`; the steering feed lists them.
    conversation.channelThreadOf = channelIdOf(parsed.data.channelData);
    const activityId = parsed.data.activity ? post(conversation, parsed.data.activity) : undefined;
    res.send(201, {
      id: conversation.id,
      serviceUrl: deps.baseUrl(),
      ...(activityId ? { activityId } : {}),
    });
  });

  server.post(
    `${PREFIX}/:conversationId/activities`,
    loopbackOnly,
    async (req: Request, res: Response) => send(req, res),
  );

  server.post(
    `${PREFIX}/:conversationId/activities/:activityId`,
    loopbackOnly,
    async (req: Request, res: Response) => send(req, res, param(req, 'activityId')),
  );

  // Update: same id, new content, original timestamp. Web Chat orders by timestamp and replaces
  // an activity whose id it already shows, so the card changes in place.
  server.put(
    `${PREFIX}/:conversationId/activities/:activityId`,
    loopbackOnly,
    async (req: Request, res: Response) => {
      const conversation = conversationOf(req, res);
      if (!conversation) return;
      const activity = activityOf(req, res);
      if (!activity) return;
      const activityId = param(req, 'activityId');
      const previous = conversation.find(activityId);
      if (!previous)
        return sendError(res, 404, 'NotFound', 'This activity does not exist in the conversation.');
      const replaced = conversation.replace(activityId, {
        ...fromBot(conversation, activity, now()),
        timestamp: previous.timestamp,
      });
      conversation.updates += 1;
      conversation.lastUpdatedAt = now().now.toISOString();
      res.send(200, { id: replaced?.id ?? activityId });
    },
  );

  server.del(
    `${PREFIX}/:conversationId/activities/:activityId`,
    loopbackOnly,
    async (req: Request, res: Response) => {
      const conversation = conversationOf(req, res);
      if (!conversation) return;
      if (!conversation.remove(param(req, 'activityId'))) {
        return sendError(res, 404, 'NotFound', 'This activity does not exist in the conversation.');
      }
      res.send(200, {});
    },
  );
}
