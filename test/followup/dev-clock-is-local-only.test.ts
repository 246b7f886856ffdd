import http from 'node:http';
import { startBot } from '../helpers/bot-server';
import { tokenShapedBearer } from '../helpers/token-shaped';

const post = (url: string, body: string, host?: string, authorization?: string) =>
  new Promise<number>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(host ? { Host: host } : {}),
          ...(authorization ? { Authorization: authorization } : {}),
        },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });

describe('the dev clock', () => {
  it('does not exist with credentials (404)', async () => {
    const bot = await startBot({
      MicrosoftAppId: 'app-id',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant',
      HOST: '127.0.0.1',
    });
    try {
      const body = '{"now":"2027-12-01T10:30:00+01:00"}';
      // No token: refused before routing. A token-shaped header reaches routing: no such route.
      expect(await post(`${bot.url}/api/dev/clock`, body)).toBe(401);
      expect(await post(`${bot.url}/api/dev/clock`, body, undefined, tokenShapedBearer())).toBe(
        404,
      );
    } finally {
      await bot.stop();
    }
  });

  it('locally answers bad input with 400, a foreign Host with 403 and a good request with 200', async () => {
    const bot = await startBot();
    try {
      const url = `${bot.url}/api/dev/clock`;
      expect(await post(url, '{"now":"next tuesday"}')).toBe(400);
      expect(await post(url, 'not json')).toBe(400);
      expect(await post(url, '{"now":"2027-12-01T10:30:00+01:00"}', 'evil.example')).toBe(403);
      expect(await post(url, '{"now":"2027-12-04T10:30:00+01:00"}')).toBe(200);
    } finally {
      await bot.stop();
    }
  });
});
