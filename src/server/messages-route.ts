import type { Activity, ActivityHandler } from 'botbuilder';
import type { Server } from 'restify';
import { z } from 'zod';
import { logId } from '../bot/turn-info';
import type { Logger } from '../logging';
import type { BrugAdapter } from './adapter';
import { RateLimiter } from './rate-limiter';

/** The envelope we need before botbuilder looks at an activity; the bot validates the rest. */
const activityEnvelope = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().max(64).optional(),
    serviceUrl: z.string().url().max(2048).optional(),
    conversation: z
      .object({ id: z.string().min(1).max(1024), tenantId: z.string().max(100).optional() })
      .passthrough()
      .optional(),
    channelData: z
      .object({
        tenant: z
          .object({ id: z.string().max(100) })
          .partial()
          .optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

export interface MessagesRouteOptions {
  adapter: BrugAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** Entra tenant ids allowed to use this bot; empty means any tenant. */
  allowedTenants: string[];
  rateLimit: { burst: number; perSecond: number };
}

/** `POST /api/messages`: validation, tenant allowlist and flood control before the adapter. */
export function mountMessagesRoute(server: Server, options: MessagesRouteOptions): void {
  const limiter = new RateLimiter(options.rateLimit.burst, options.rateLimit.perSecond);
  const allowed = new Set(options.allowedTenants);
  server.post('/api/messages', async (req, res) => {
    const started = Date.now();
    const parsed = activityEnvelope.safeParse(req.body);
    const log = (status: number, reason?: string) =>
      options.logger.info(
        {
          requestId: req.id(),
          status,
          type: parsed.success ? parsed.data.type : undefined,
          channel: parsed.success ? parsed.data.channelId : undefined,
          conversation: parsed.success ? logId(parsed.data.conversation?.id) : undefined,
          ms: Date.now() - started,
          ...(reason ? { reason } : {}),
        },
        'activity',
      );
    if (!parsed.success) {
      res.send(400, {
        error: 'BadRequest',
        message: 'The body must be a Bot Framework activity (a JSON object with a "type").',
      });
      return log(400, 'invalid envelope');
    }
    const activity = parsed.data;
    const tenant = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
    if (allowed.size > 0 && (!tenant || !allowed.has(tenant))) {
      res.send(403, {
        error: 'Forbidden',
        message: 'This bot is not available for your organisation.',
      });
      return log(403, 'tenant not allowed');
    }
    if (!limiter.allow(`${activity.channelId ?? ''}/${activity.conversation?.id ?? ''}`)) {
      res.header('Retry-After', '2');
      res.send(429, {
        error: 'TooManyRequests',
        message: 'Too many messages in this conversation; slow down a little.',
      });
      return log(429, 'rate limited');
    }
    const authHeader = req.header('Authorization') ?? '';
    const result = await options.adapter.handle(
      authHeader,
      activity as unknown as Activity,
      (context) => options.bot.run(context),
      options.logger,
    );
    res.send(result.status, result.body);
    log(result.status);
  });
}
