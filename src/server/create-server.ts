import fs from 'node:fs';
import path from 'node:path';
import restify, { type Server } from 'restify';
import type { Activity, ActivityHandler } from 'botbuilder';
import { z } from 'zod';
import type { BrugAdapter } from './adapter';
import type { Logger } from '../logging';
import type { BrugStorage } from '../storage';
import type { DownloadStore } from '../downloads';
import { paths } from '../paths';

export interface ServerDeps {
  adapter: BrugAdapter;
  bot: ActivityHandler;
  storage: BrugStorage;
  downloads: DownloadStore;
  logger: Logger;
  version: string;
  /** False when another module (the local Web Chat page) serves `GET /`. */
  infoPage?: boolean;
  /** Steering posts still owed to a channel (the durable outbox), reported by /healthz. */
  outboxLength?: () => Promise<number>;
}

/** The envelope we need before botbuilder looks at an activity; the bot validates the rest. */
const activityEnvelope = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().max(64).optional(),
    serviceUrl: z.string().url().max(2048).optional(),
    conversation: z.object({ id: z.string().min(1).max(1024) }).passthrough().optional(),
  })
  .passthrough();

/** Bot Framework activities are small; anything larger is not a real channel. */
export const MAX_BODY_BYTES = 256 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'brugbot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.use((req, res, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.header(name, value);
    next();
  });

  server.post('/api/messages', async (req, res) => {
    const activity = activityEnvelope.safeParse(req.body);
    if (!activity.success) {
      res.send(400, { error: 'BadRequest', message: 'The body must be a Bot Framework activity (a JSON object with a "type").' });
      return;
    }
    const authHeader = req.header('Authorization') ?? '';
    const result = await deps.adapter.handle(authHeader, activity.data as unknown as Activity, (context) => deps.bot.run(context), deps.logger);
    res.send(result.status, result.body);
  });

  server.get('/healthz', async (_req, res) => {
    const storage = await deps.storage.health().catch(() => ({ ok: false, kind: 'unknown' }));
    // A long outbox means Teams keeps refusing posts (bot not in a team, channel gone): worth a look, not a 503.
    const outbox = storage.ok && deps.outboxLength ? await deps.outboxLength().catch(() => undefined) : undefined;
    res.send(storage.ok ? 200 : 503, {
      status: storage.ok ? 'ok' : 'degraded',
      version: deps.version,
      storage,
      ...(outbox === undefined ? {} : { steeringOutbox: outbox }),
    });
  });

  server.get('/download/:token', async (req, res) => {
    const file = await deps.downloads.get(String(req.params.token ?? ''));
    if (file === undefined || file === 'expired') {
      const gone = file === 'expired';
      res.send(gone ? 410 : 404, gone ? { error: 'Gone', message: 'This download link has expired.' } : { error: 'NotFound', message: 'No such download.' });
      return;
    }
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.end(file.bytes);
  });

  if (deps.infoPage !== false) {
    const homePage = fs.readFileSync(path.join(paths.public, 'index.html'));
    server.get('/', (_req, res, next) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
      res.end(homePage);
      next();
    });
  }

  server.on('restifyError', (req, res, err, callback) => {
    // Never leak internals: restify's own 4xx bodies are fine, anything else becomes a plain 500 log line.
    if ((err as { statusCode?: number }).statusCode === undefined || (err as { statusCode: number }).statusCode >= 500) {
      deps.logger.error({ err: err.name, route: req.getRoute()?.path }, 'request failed');
    }
    return callback();
  });
  return server;
}
