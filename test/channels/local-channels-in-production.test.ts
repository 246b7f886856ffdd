import { startBot } from '../helpers/bot-server';
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
      const client = new DirectLineClient(bot.url);
      expect((await client.request('POST', '/tokens/generate', { body: {} })).status).toBe(404);
      const connector = await fetch(`${bot.url}/v3/conversations/x/activities`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"type":"message"}',
      });
      expect(connector.status).toBe(404);
      expect(await (await fetch(`${bot.url}/static/webchat.js`)).text()).not.toContain('WebChat');
      expect(await (await fetch(`${bot.url}/`)).text()).not.toContain('/static/webchat.js');
    } finally {
      await bot.stop();
    }
  });
});
