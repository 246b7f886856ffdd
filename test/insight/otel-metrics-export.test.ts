import http from 'node:http';
import { ActivityFactory } from '../helpers/activities';
import { spawnBot } from '../helpers/bot-process';
import { FakeConnector } from '../helpers/fake-connector';

/** An OTLP/HTTP receiver on loopback: records what the bot's metric exporter posts. */
async function otlpReceiver(port: number) {
  const posts: { path: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', body });
      // (Two statements: restify patches writeHead in a shared Jest worker, without its return.)
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { posts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * The bot runs as its own process (`src/index.ts`, as `npm start` runs it): the OTLP exporter
 * loads its transport with a dynamic import, which Jest's module sandbox cannot run.
 */
async function conversationWithBot(env: Record<string, string>): Promise<string> {
  const connector = new FakeConnector();
  await connector.start();
  const bot = await spawnBot({ STORAGE: 'memory', ...env });
  try {
    const chat = new ActivityFactory({ serviceUrl: connector.url });
    expect(await bot.post(chat.message('start'))).toBe(200);
    expect(await bot.post(chat.message('wordt het morgen mooi weer in Gent?'))).toBe(200);
    return chat.conversationId;
  } finally {
    // A clean stop shuts the meter provider down, which exports what is pending.
    await bot.kill('SIGTERM');
    await connector.stop();
  }
}

describe('the usage counters as OpenTelemetry metrics', () => {
  it('pushes them to the configured OTLP endpoint, names and numbers only', async () => {
    const receiver = await otlpReceiver(4731);
    try {
      const conversationId = await conversationWithBot({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4731',
      });
      const metrics = receiver.posts.filter((p) => p.path === '/v1/metrics');
      expect(metrics.length).toBeGreaterThan(0);
      const body = metrics.map((p) => p.body).join('\n');
      for (const name of ['brugbot.plans.started', 'brugbot.funnel.step', 'brugbot.questions'])
        expect(body).toContain(name);
      expect(body).toContain('declined');
      expect(body).not.toContain(conversationId);
      expect(body).not.toMatch(/Gent|Anne/);
    } finally {
      await receiver.close();
    }
  });

  it('sends nothing without an endpoint', async () => {
    const receiver = await otlpReceiver(4732);
    try {
      await conversationWithBot({ OTEL_EXPORTER_OTLP_ENDPOINT: '' });
      expect(receiver.posts).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
