import type { Request, Response, Server } from 'restify';
import { conversationUpdate, forBot, fromClient, type Envelope } from './activity-shapes';
import type { BotForwarder } from './bot-forwarder';
import type { Conversation } from './conversation';
import type { ConversationStore } from './conversation-store';
import { loopbackOnly, param, queryParam, sendError } from './http-helpers';
import { clientActivitySchema, describeIssue, startBodySchema, watermarkSchema } from './schemas';
import { bearerToken } from './secrets';

export interface ClientRouteDeps {
  store: ConversationStore;
  forwarder: BotForwarder;
  /** The server's own base URL, known only once it listens. */
  baseUrl: () => string;
}

const PREFIX = '/v3/directline';

/** An empty body arrives as undefined, '' or {} depending on the client; all mean "nothing". */
function bodyOf(req: Request): unknown {
  const body: unknown = req.body;
  return body === '' || body === null ? undefined : body;
}

/**
 * The client half of Direct Line 3.0, as Web Chat's `createDirectLine` calls it: tokens, start,
 * reconnect, post and poll. The WebSocket stream lives in activity-stream.ts.
 */
export function mountClientRoutes(server: Server, deps: ClientRouteDeps): void {
  const { store, forwarder } = deps;
  const envelope = (): Envelope => ({
    serviceUrl: deps.baseUrl(),
    now: new Date(store.currentTime()),
  });

  const streamUrl = (req: Request, conversation: Conversation, watermark: number): string => {
    const ticket = conversation.issueStreamTicket(watermark, store.currentTime());
    const path = `${PREFIX}/conversations/${encodeURIComponent(conversation.id)}/stream`;
    return `ws://${req.headers.host ?? ''}${path}?watermark=${watermark}&t=${ticket}`;
  };

  const start = (conversation: Conversation): void => {
    if (conversation.started) return;
    conversation.started = true;
    const env = envelope();
    forwarder.enqueue(conversation.id, forBot(conversationUpdate(conversation, env), env));
  };

  /** 404 for an unknown conversation, 403 for a token that is not this conversation's. */
  const authorised = (req: Request, res: Response): Conversation | undefined => {
    const conversation = store.get(param(req, 'conversationId'));
    if (!conversation) {
      sendError(
        res,
        404,
        'NotFound',
        'This conversation does not exist (or has expired); start a new one.',
      );
      return undefined;
    }
    if (!store.authorise(conversation, bearerToken(req.headers.authorization))) {
      sendError(
        res,
        403,
        'Forbidden',
        'The token is missing, expired or not valid for this conversation.',
      );
      return undefined;
    }
    return conversation;
  };

  /** Absent means "from now on" (Direct Line's reconnect rule); empty means "from the start". */
  const watermarkOf = (
    req: Request,
    res: Response,
    conversation: Conversation,
    absent: 'now' | 'start',
  ) => {
    const raw = queryParam(req, 'watermark');
    if (raw === undefined) return absent === 'now' ? conversation.watermark : 0;
    const parsed = watermarkSchema.safeParse(raw);
    if (!parsed.success) {
      sendError(res, 400, 'BadArgument', 'watermark must be a number.');
      return undefined;
    }
    return raw === '' ? 0 : Math.min(Number(raw), conversation.watermark);
  };

  const parseStartBody = (req: Request, res: Response) => {
    const parsed = startBodySchema.safeParse(bodyOf(req));
    if (!parsed.success) sendError(res, 400, 'BadArgument', describeIssue(parsed.error));
    return parsed.success ? { ok: true as const, body: parsed.data } : { ok: false as const };
  };

  server.post(`${PREFIX}/tokens/generate`, loopbackOnly, async (req: Request, res: Response) => {
    const parsed = parseStartBody(req, res);
    if (!parsed.ok) return;
    const { conversation, token, expiresIn } = store.create();
    conversation.userName = parsed.body?.user?.name;
    conversation.locale = parsed.body?.locale;
    res.send(200, { conversationId: conversation.id, token, expires_in: expiresIn });
  });

  server.post(`${PREFIX}/tokens/refresh`, loopbackOnly, async (req: Request, res: Response) => {
    const presented = bearerToken(req.headers.authorization);
    const conversation = presented ? store.byToken(presented) : undefined;
    if (!conversation) return sendError(res, 403, 'Forbidden', 'The token is missing or expired.');
    const { token, expiresIn } = store.issueToken(conversation);
    res.send(200, { conversationId: conversation.id, token, expires_in: expiresIn });
  });

  // With a token from /tokens/generate this starts that token's conversation (201), or just
  // describes it if it already started (200); without one it creates a conversation, which is
  // what a Direct Line secret would do. The local channel has no secret to guard.
  server.post(`${PREFIX}/conversations`, loopbackOnly, async (req: Request, res: Response) => {
    const parsed = parseStartBody(req, res);
    if (!parsed.ok) return;
    let issued: { conversation: Conversation; token: string; expiresIn: number };
    if (req.headers.authorization !== undefined) {
      const presented = bearerToken(req.headers.authorization);
      const conversation = presented ? store.byToken(presented) : undefined;
      if (!conversation || !presented)
        return sendError(res, 403, 'Forbidden', 'The token is missing or expired.');
      issued = {
        conversation,
        token: presented,
        expiresIn: Math.floor(store.limits.tokenTtlMs / 1000),
      };
    } else {
      issued = store.create();
    }
    const { conversation } = issued;
    const status = conversation.started ? 200 : 201;
    conversation.userName ??= parsed.body?.user?.name;
    conversation.locale ??= parsed.body?.locale;
    start(conversation);
    res.send(status, {
      conversationId: conversation.id,
      token: issued.token,
      expires_in: issued.expiresIn,
      streamUrl: streamUrl(req, conversation, 0),
    });
  });

  server.get(
    `${PREFIX}/conversations/:conversationId`,
    loopbackOnly,
    async (req: Request, res: Response) => {
      const conversation = authorised(req, res);
      if (!conversation) return;
      const watermark = watermarkOf(req, res, conversation, 'now');
      if (watermark === undefined) return;
      start(conversation);
      res.send(200, {
        conversationId: conversation.id,
        token: bearerToken(req.headers.authorization),
        expires_in: Math.floor(store.limits.tokenTtlMs / 1000),
        streamUrl: streamUrl(req, conversation, watermark),
      });
    },
  );

  server.get(
    `${PREFIX}/conversations/:conversationId/activities`,
    loopbackOnly,
    async (req: Request, res: Response) => {
      const conversation = authorised(req, res);
      if (!conversation) return;
      const watermark = watermarkOf(req, res, conversation, 'start');
      if (watermark !== undefined) res.send(200, conversation.since(watermark));
    },
  );

  server.post(
    `${PREFIX}/conversations/:conversationId/activities`,
    loopbackOnly,
    async (req: Request, res: Response) => {
      const conversation = authorised(req, res);
      if (!conversation) return;
      const body = bodyOf(req);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return sendError(
          res,
          400,
          'BadArgument',
          'The body must be one activity: a JSON object with a "type".',
        );
      }
      const parsed = clientActivitySchema.safeParse(body);
      if (!parsed.success)
        return sendError(
          res,
          400,
          'BadArgument',
          `Invalid activity: ${describeIssue(parsed.error)}`,
        );
      if (!forwarder.hasRoom(conversation.id)) {
        return sendError(
          res,
          429,
          'TooManyRequests',
          'Too many messages are waiting for the bot; try again in a moment.',
        );
      }
      start(conversation);
      const env = envelope();
      const activity = fromClient(conversation, parsed.data, env);
      // Typing is pushed to the stream but never stored, as with Azure's Direct Line.
      const stored =
        activity.type === 'typing'
          ? { ...activity, id: `${conversation.id}|typing-${store.currentTime()}` }
          : conversation.append(activity);
      if (activity.type === 'typing') conversation.pushEphemeral(stored);
      forwarder.enqueue(conversation.id, forBot(stored, env));
      res.send(200, { id: stored.id });
    },
  );
}
