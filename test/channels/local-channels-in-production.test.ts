import { startBot } from '../helpers/bot-server';
import { tokenShapedBearer } from '../helpers/token-shaped';
import { DirectLineClient } from './direct-line-client';

describe('with a Microsoft app id (production)', () => {
  it('mounts neither Direct Line, the Connector API nor the Web Chat page', async () => {
    const bot = await startBot({
      MicrosoftAppId: 'app-id',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant',
      HOST: '127.0.0.1',
    });
    try {
      // With credentials a body without a token is refused before any route is looked up (401);
      // with a token-shaped header (unsigned: no route here checks it) the routes are not found.
      const client = new DirectLineClient(bot.url);
      expect((await client.request('POST', '/tokens/generate', { body: {} })).status).toBe(401);
      for (const route of ['/v3/directline/tokens/generate', '/v3/conversations/x/activities']) {
        const res = await fetch(`${bot.url}${route}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: tokenShapedBearer() },
          body: '{"type":"message"}',
        });
        expect(res.status).toBe(404);
      }
      expect(await (await fetch(`${bot.url}/static/webchat.js`)).text()).not.toContain('WebChat');
      expect(await (await fetch(`${bot.url}/`)).text()).not.toContain('/static/webchat');
    } finally {
      await bot.stop();
    }
  });
});
