import fs from 'node:fs';
import path from 'node:path';
import restify, { type Server } from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from '../logging';
import type { BrugStorage } from '../storage';
import { paths } from '../paths';

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  storage: BrugStorage;
  logger: Logger;
  version: string;
}

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
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
      res.send(400, { error: 'BadRequest', message: 'The body must be a Bot Framework activity (JSON object with a "type").' });
      return;
    }
    try {
      await deps.adapter.process(req, res, (context) => deps.bot.run(context));
    } catch (error) {
      deps.logger.error({ err: (error as Error).name }, 'activity processing failed');
      if (!res.headersSent) res.send(400, { error: 'BadRequest', message: 'The activity could not be processed.' });
    }
  });

  server.get('/healthz', async (_req, res) => {
    const storage = await deps.storage.health().catch(() => ({ ok: false, kind: 'unknown' }));
    res.send(storage.ok ? 200 : 503, { status: storage.ok ? 'ok' : 'degraded', version: deps.version, storage });
  });

  const homePage = fs.readFileSync(path.join(paths.public, 'index.html'));
  server.get('/', (_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    res.end(homePage);
  });

  server.on('restifyError', (req, res, err, callback) => {
    // Never leak internals: restify's own 4xx bodies are fine, anything else becomes a plain 500 log line.
    if ((err as { statusCode?: number }).statusCode === undefined || (err as { statusCode: number }).statusCode >= 500) {
      deps.logger.error({ err: err.name, route: req.getRoute()?.path }, 'request failed');
    }
    return callback();
  });
  return server;
}
