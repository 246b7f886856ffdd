import { loadConfig, ConfigError } from '../../src/config';
import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { FakeJwks, TEST_APP_ID } from '../helpers/fake-jwks';

describe('the server contract in local mode', () => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot()));
  afterAll(async () => bot.stop());

  it('listens on loopback only', () => {
    expect(new URL(bot.url).hostname).toBe('127.0.0.1');
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
  });

  it('answers GET /healthz with the version and the storage status', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      version: expect.any(String),
      storage: { ok: true, kind: 'memory' },
    });
  });

  it('serves a page at / that says what this is', async () => {
    const res = await fetch(`${bot.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('Brugbot');
  });

  it.each([
    ['not JSON', '{"type":'],
    ['a JSON array', '[1,2,3]'],
    ['an object without a type', '{"text":"hi"}'],
    ['a string', '"message"'],
  ])('refuses %s on /api/messages with 400 and a clear body', async (_label, body) => {
    const res = await bot.post(body);
    expect(res.status).toBe(400);
    expect(res.body.length).toBeGreaterThan(0);
  });

  it('refuses bodies over the size limit without a 5xx', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const res = await bot.post(chat.message('x'.repeat(300 * 1024)));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('answers an over-long message kindly instead of failing', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    expect((await bot.post(chat.message('woord '.repeat(1000)))).status).toBe(200);
    const [reply] = bot.connector.messagesTo(chat.conversationId);
    expect(String(reply?.body.text)).toContain('4000');
  });
});

describe('the server contract with credentials', () => {
  const APP_ID = TEST_APP_ID;
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

  const activity = () => new ActivityFactory({ serviceUrl: bot.connector.url }).message('start');
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('rejects an activity without a Bot Framework token and stores nothing', async () => {
    expect((await bot.post(activity())).status).toBe(401);
    expect(bot.connector.calls).toHaveLength(0);
    // Only what the app writes at start-up: the member index's "done" marker (a date, nothing else).
    const stored = await bot.app.storage.listKeys('');
    expect(stored.filter((key) => key !== 'meta/member-index-v1')).toEqual([]);
  });

  it.each([
    ['signed with another key', () => jwks.token({ aud: APP_ID }, jwks.otherKey())],
    ['for another bot', () => jwks.token({ aud: '00000000-0000-0000-0000-00000000beef' })],
    ['expired', () => jwks.token({ aud: APP_ID, nbf: 1_000, exp: 2_000 })],
    ['unsigned', () => jwks.token({ aud: APP_ID }).replace(/\.[^.]+$/, '.')],
  ])('rejects a token %s with 401 and stores nothing', async (_label, token) => {
    const res = await bot.post(activity(), bearer(token()));
    expect(res.status).toBe(401);
    expect(res.body).not.toMatch(/stack|at .*\.js/);
    expect(await bot.app.storage.listKeys('plan/')).toEqual([]);
  });

  it('accepts a correctly signed token and runs the turn', async () => {
    const a = activity();
    const res = await bot.post(a, bearer(jwks.token({ aud: APP_ID, serviceurl: a.serviceUrl })));
    expect(res.status).toBe(200);
    expect(await bot.app.storage.listKeys('plan/')).toHaveLength(1);
  });
});
