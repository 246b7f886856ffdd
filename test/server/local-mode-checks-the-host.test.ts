import http from 'node:http';
import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';

/** fetch() cannot set Host; a page on evil.example resolving to 127.0.0.1 sends exactly this. */
function requestWithHost(
  url: string,
  path: string,
  host: string,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname,
        port,
        path,
        method: payload ? 'POST' : 'GET',
        headers: {
          Host: host,
          ...(payload
            ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('local mode answers a loopback Host only, on every route', () => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot()));
  afterAll(async () => bot.stop());

  it('refuses /api/messages under a foreign Host and sends nothing anywhere', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const res = await requestWithHost(
      bot.url,
      '/api/messages',
      'evil.example:3978',
      chat.message('start'),
    );
    expect(res.status).toBe(403);
    expect(bot.connector.messagesTo(chat.conversationId)).toEqual([]);
    expect(await bot.app.storage.listKeys(`plan/msteams/${chat.conversationId}`)).toEqual([]);
  });

  it.each(['/download/' + 'A'.repeat(43), '/healthz', '/readyz', '/'])(
    'refuses %s under a foreign Host',
    async (path) => {
      expect((await requestWithHost(bot.url, path, 'evil.example')).status).toBe(403);
    },
  );

  it('still answers a loopback Host', async () => {
    const { port } = new URL(bot.url);
    expect((await requestWithHost(bot.url, '/healthz', `localhost:${port}`)).status).toBe(200);
  });

  it('accepts no serviceUrl off this machine, so no reply can go to another host', async () => {
    const chat = new ActivityFactory({ serviceUrl: 'http://evil.example/' });
    const res = await bot.post(chat.message('start'));
    expect(res.status).toBe(400);
    expect(await bot.app.storage.listKeys(`plan/msteams/${chat.conversationId}`)).toEqual([]);
  });
});
