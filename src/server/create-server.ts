import fs from 'node:fs';
import path from 'node:path';
import restify, { type Request, type Response, type Server } from 'restify';
import type { BotHost, TurnApplication } from '../turn';
import { mountMessagesRoute, type MessagesRouteOptions } from './messages-route';
import { errorForLog, type Logger } from '../logging';
import type { BrugStorage } from '../storage';
import type { DownloadStore } from '../downloads';
import { paths } from '../paths';
import { upgradeRouter } from './upgrades';
import { rejectUnprocessableBodies } from './body-checks';
import { loopbackHostOnly } from './loopback';
import type { StorageHealth } from '../storage';

export interface ServerDeps {
  host: BotHost;
  app: TurnApplication;
  storage: BrugStorage;
  downloads: DownloadStore;
  logger: Logger;
  version: string;
  allowedTenants: MessagesRouteOptions['allowedTenants'];
  rateLimit: MessagesRouteOptions['rateLimit'];
  /**
   * Local mode: every route answers a loopback Host only, replies go to loopback only, and the
   * health routes may show storage details (a path is useful to a developer, not to the internet).
   */
  localMode: boolean;
  /** False when another module (the local Web Chat page) serves `GET /`. */
  infoPage?: boolean;
  /** Steering posts still owed to a channel (the durable outbox), reported by /healthz. */
  outboxLength?: () => Promise<number>;
}

/** Bot Framework activities are small; anything larger is not a real channel. */
export const MAX_BODY_BYTES = 256 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) races with clients that
 * reuse a pooled connection: when the event loop was busy for a few seconds (a cold quick-question
 * index on a loaded machine), the server's idle timer and the client's next request fall due
 * together and the request meets a reset socket (ECONNRESET). The Agents SDK's replies to the
 * local Direct Line go through fetch to this very server, and a reset reply fails the turn.
 * Well above any stall; below the 230 s idle limit of Azure App Service's front end.
 */
export const KEEP_ALIVE_MS = 65_000;

export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'brugbot', handleUncaughtExceptions: false });
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Before anything else: no upgrade request may be left without an answer.
  upgradeRouter(server.server);
  if (deps.localMode) server.pre(loopbackHostOnly);
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.use(rejectUnprocessableBodies);
  server.use((req, res, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.header(name, value);
    next();
  });

  mountMessagesRoute(server, {
    host: deps.host,
    app: deps.app,
    logger: deps.logger,
    allowedTenants: deps.allowedTenants,
    rateLimit: deps.rateLimit,
    loopbackServiceUrlOnly: deps.localMode,
  });

  // Public in production: status only. The detail names files or storage accounts.
  const storageHealth = async (): Promise<Omit<StorageHealth, 'kind'> & { kind: string }> => {
    const health = await deps.storage.health().catch(() => ({ ok: false, kind: 'unknown' }));
    return deps.localMode ? health : { ok: health.ok, kind: health.kind };
  };

  // Liveness: the process answers. Storage is reported but does not fail it (that is /readyz).
  server.get('/healthz', async (_req, res) => {
    const storage = await storageHealth();
    // A long outbox means Teams keeps refusing posts (bot not in a team, channel gone): worth a look, not a failure.
    const outbox =
      storage.ok && deps.outboxLength
        ? await deps.outboxLength().catch(() => undefined)
        : undefined;
    res.send(200, {
      status: storage.ok ? 'ok' : 'degraded',
      version: deps.version,
      storage,
      ...(outbox === undefined ? {} : { steeringOutbox: outbox }),
    });
  });

  // Readiness: only send traffic here while the store answers.
  server.get('/readyz', async (_req, res) => {
    const storage = await storageHealth();
    res.send(storage.ok ? 200 : 503, { ready: storage.ok, storage });
  });

  server.get('/download/:token', async (req, res) => {
    const token: unknown = (req.params as Record<string, unknown>).token;
    const file = await deps.downloads.get(typeof token === 'string' ? token : '');
    if (file === undefined || file === 'expired') {
      const gone = file === 'expired';
      res.send(
        gone ? 410 : 404,
        gone
          ? { error: 'Gone', message: 'This download link has expired.' }
          : { error: 'NotFound', message: 'No such download.' },
      );
      return;
    }
    res.setHeader('Content-Type', file.contentType);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.end(file.bytes);
  });

  if (deps.infoPage !== false) {
    const homePage = fs.readFileSync(path.join(paths.public, 'index.html'));
    server.get('/', (_req, res, next) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader(
        'Content-Security-Policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
      );
      res.end(homePage);
      next();
    });
  }

  server.on(
    'restifyError',
    (req: Request, res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
      // Never leak internals: restify's own 4xx bodies are fine; anything else is logged and
      // answered with a fixed body (restify would send the error's message, e.g. a storage key).
      if (err.statusCode === undefined || err.statusCode >= 500) {
        deps.logger.error({ err: errorForLog(err), route: req.getRoute()?.path }, 'request failed');
        if (!res.headersSent) {
          res.send(500, {
            error: 'Internal',
            message: 'Something went wrong on our side; try again.',
          });
        }
      }
      callback();
    },
  );
  return server;
}
