import net from 'node:net';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { FakeJwks } from '../helpers/fake-jwks';

/**
 * Sends a raw upgrade request and resolves with what the server wrote before it closed the
 * socket. A server that never answers or never closes makes the test time out, which fails it.
 */
function rawUpgrade(url: string, path: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.write(
      [
        `GET ${path} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        'Connection: Upgrade',
        'Upgrade: websocket',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        '',
        '',
      ].join('\r\n'),
    );
  });
}

/** A socket left hanging fails the test here instead of after the 60 s default. */
const HANG_GUARD_MS = 10_000;

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);

describe('upgrade requests in local mode', () => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot()));
  afterAll(async () => bot.stop());

  it.each(['/healthz', '/api/messages', '/', '/tab', '/nothing-here'])(
    'answers an upgrade to %s with 400 or 404 and closes the socket',
    async (path) => {
      const status = statusOf(await rawUpgrade(bot.url, path));
      expect([400, 404]).toContain(status);
    },
    HANG_GUARD_MS,
  );

  it(
    'still answers an upgrade to an unknown Direct Line stream with 404 and closes it',
    async () => {
      expect(statusOf(await rawUpgrade(bot.url, '/v3/directline/conversations/x/stream'))).toBe(
        404,
      );
    },
    HANG_GUARD_MS,
  );

  it(
    'keeps answering ordinary requests after many refused upgrades',
    async () => {
      await Promise.all(Array.from({ length: 50 }, () => rawUpgrade(bot.url, '/healthz')));
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    },
    HANG_GUARD_MS,
  );
});

describe('upgrade requests with credentials', () => {
  const jwks = new FakeJwks();
  let bot: RunningBot;
  beforeAll(async () => {
    await jwks.start();
    bot = await startBot({
      ...jwks.credentialEnv(),
    });
  });
  afterAll(async () => {
    await bot.stop();
    await jwks.stop();
  });

  it.each(['/healthz', '/api/messages', '/v3/directline/conversations/x/stream'])(
    'accepts no upgrade on %s: it answers and closes the socket',
    async (path) => {
      expect([400, 404]).toContain(statusOf(await rawUpgrade(bot.url, path)));
    },
    HANG_GUARD_MS,
  );
});
