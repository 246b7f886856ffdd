import type { Server } from 'restify';
import { logId, type Logger } from '../logging';
import { httpAnswer, inboundActivitySchema, type BotHost, type TurnApplication } from '../turn';
import { isLoopbackUrl } from './loopback';
import { LimitSet, RateLimiter } from './rate-limiter';

type Rate = { burst: number; perSecond: number };

export interface MessagesRouteOptions {
  host: BotHost;
  app: TurnApplication;
  logger: Logger;
  /** Entra tenant ids allowed to use this bot; empty means any tenant. */
  allowedTenants: string[];
  /** Per conversation; per tenant and global only when given (credential mode). */
  rateLimit: Rate & { tenant?: Rate; global?: Rate };
  /** Local mode: replies may only go to this machine (see `isLoopbackUrl`). */
  loopbackServiceUrlOnly: boolean;
}

/** The tenant and global buckets are few; the key bound matters for conversations only. */
const bucketsFor = (rate: Rate | undefined) =>
  rate ? new RateLimiter(rate.burst, rate.perSecond) : undefined;

/**
 * `POST /api/messages`: validation, then authentication, then the tenant allowlist and flood
 * control, then the turn. Nothing about the activity is believed or counted before the channel's
 * token is checked: an unsigned request could otherwise spend a victim conversation's limit, or
 * learn from 401-versus-403 which tenants are allowed.
 */
export function mountMessagesRoute(server: Server, options: MessagesRouteOptions): void {
  const perConversation = new RateLimiter(options.rateLimit.burst, options.rateLimit.perSecond);
  const perTenant = bucketsFor(options.rateLimit.tenant);
  const overall = bucketsFor(options.rateLimit.global);
  const allowed = new Set(options.allowedTenants);
  server.post('/api/messages', async (req, res) => {
    const started = Date.now();
    // The envelope the application needs (turn/activity.ts), before either SDK looks at it.
    const parsed = inboundActivitySchema.safeParse(req.body);
    const log = (status: number, reason?: string) =>
      options.logger.info(
        {
          requestId: req.id(),
          status,
          type: parsed.success ? parsed.data.type : undefined,
          channel: parsed.success ? parsed.data.channelId : undefined,
          conversation: parsed.success ? logId(parsed.data.conversation.id) : undefined,
          ms: Date.now() - started,
          ...(reason ? { reason } : {}),
        },
        'activity',
      );
    if (!parsed.success) {
      // Field names only, never values: the body may hold anything.
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(body)'))];
      const answer = httpAnswer({ kind: 'malformed', fields: fields.slice(0, 10) });
      res.send(answer.status, answer.body);
      return log(answer.status, 'invalid envelope');
    }
    const activity = parsed.data;
    if (
      options.loopbackServiceUrlOnly &&
      activity.serviceUrl &&
      !isLoopbackUrl(activity.serviceUrl)
    ) {
      res.send(400, {
        error: 'BadRequest',
        message:
          'Without credentials the bot replies to this machine only (a loopback serviceUrl).',
      });
      return log(400, 'serviceUrl not on loopback');
    }
    const auth = await options.host.authenticate(req.header('Authorization') ?? '', activity);
    if (!auth.ok) {
      res.send(auth.refusal.status, auth.refusal.body);
      const status = auth.refusal.status;
      return log(status, status === 401 ? 'not authenticated' : 'token check unavailable');
    }
    const tenant = activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
    if (allowed.size > 0 && (!tenant || !allowed.has(tenant))) {
      res.send(403, {
        error: 'Forbidden',
        message: 'This bot is not available for your organisation.',
      });
      return log(403, 'tenant not allowed');
    }
    const limits = new LimitSet([
      {
        limiter: perConversation,
        key: `${activity.channelId}/${activity.conversation.id}`,
      },
      ...(perTenant ? [{ limiter: perTenant, key: tenant ?? '' }] : []),
      ...(overall ? [{ limiter: overall, key: '' }] : []),
    ]);
    const wait = limits.admit();
    if (wait > 0) {
      res.header('Retry-After', String(wait));
      res.send(429, {
        error: 'TooManyRequests',
        message: 'Too many messages right now; slow down a little.',
      });
      return log(429, 'rate limited');
    }
    const result = await options.host.run(auth.identity, activity, options.app);
    res.send(result.status, result.body);
    log(result.status);
  });
}
