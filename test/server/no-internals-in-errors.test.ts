import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { DirectLineClient } from '../channels/direct-line-client';
import { APP_ID, BOT_HOST, FakeEntra, TENANT } from '../tab/fake-entra';

/** `{"value":{"value":…}}` nested `depth` levels, written as text (JSON.stringify would overflow). */
function nestedJson(depth: number): string {
  return `${'{"value":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const INTERNALS = /InvalidStorage|RangeError|Maximum call|"stack"|at .*\.[jt]s:\d/;

describe('bad input is a 400 with a clear body; internals never reach a response', () => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot()));
  afterAll(async () => bot.stop());

  it('refuses a tab export for a conversation id with an unpaired surrogate with 400', async () => {
    const res = await fetch(`${bot.url}/api/tab/plans/export`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"conversationId":"a:\\ud800"}',
    });
    const body = await res.text();
    expect(res.status).toBe(400);
    expect(body).not.toMatch(INTERNALS);
  });

  it('refuses an activity nested 5 000 levels deep on /api/messages with 400', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const head = JSON.stringify(chat.message('hallo')).slice(0, -1);
    const res = await bot.post(`${head},"value":${nestedJson(5_000)}}`);
    expect(res.status).toBe(400);
    expect(res.body).not.toMatch(INTERNALS);
  });

  it('refuses a Direct Line activity nested 5 000 levels deep with 400', async () => {
    const client = new DirectLineClient(bot.url);
    const session = await client.start();
    const res = await client.request(
      'POST',
      `/conversations/${session.conversationId}/activities`,
      {
        token: session.token,
        raw: `{"type":"message","from":{"id":"dl_user"},"value":${nestedJson(5_000)}}`,
      },
    );
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(INTERNALS);
    await client.closeAll();
  });

  it('refuses a Direct Line activity with an unpaired surrogate with 400', async () => {
    const client = new DirectLineClient(bot.url);
    const session = await client.start();
    const res = await client.request(
      'POST',
      `/conversations/${session.conversationId}/activities`,
      {
        token: session.token,
        raw: '{"type":"message","from":{"id":"dl_user"},"text":"hallo \\udc00"}',
      },
    );
    expect(res.status).toBe(400);
    await client.closeAll();
  });

  it('answers a failing handler with a fixed 500 body that names nothing internal', async () => {
    bot.app.server.get('/test-only/fails', async () => {
      throw new Error('InvalidStorageInputError: key "plan/msteams/secret-id" is not valid');
    });
    const res = await fetch(`${bot.url}/test-only/fails`);
    const body = await res.text();
    expect(res.status).toBe(500);
    expect(body).not.toContain('secret-id');
    expect(body).not.toMatch(INTERNALS);
  });
});

describe('the tab API with credentials, where the id reaches storage', () => {
  const entra = new FakeEntra();
  let bot: RunningBot;
  beforeAll(async () => {
    await entra.start();
    bot = await startBot({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: TENANT,
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: `https://${BOT_HOST}`,
      TAB_SSO_JWKS_URL: entra.jwksUrl,
    });
  });
  afterAll(async () => {
    await bot.stop();
    await entra.stop();
  });

  it('refuses an export for "a:\\ud800" with 400, not a 500 naming the storage error', async () => {
    const res = await fetch(`${bot.url}/api/tab/plans/export`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${await entra.token('aad-anne')}`,
      },
      body: '{"conversationId":"a:\\ud800"}',
    });
    const body = await res.text();
    expect(res.status).toBe(400);
    expect(body).not.toMatch(INTERNALS);
  });
});
