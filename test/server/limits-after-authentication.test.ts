import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { FakeJwks, TEST_APP_ID } from '../helpers/fake-jwks';

const APP_ID = TEST_APP_ID;
const ALLOWED = '11111111-2222-3333-4444-555555555555';
const OTHER = '99999999-0000-0000-0000-000000000000';

type Json = Record<string, unknown>;

/**
 * Credential mode with a fake key set. Limits refill at a negligible rate, so what a test sees
 * depends on counts alone, never on how fast the machine is.
 */
async function credentialBot(jwks: FakeJwks, env: Record<string, string>): Promise<RunningBot> {
  return startBot({
    ...jwks.credentialEnv(),
    ...env,
  });
}

/** A group-chat message without an @mention: authenticated and admitted, yet no reply is sent. */
function silentMessage(bot: RunningBot, tenantId: string, conversationId?: string): Json {
  const chat = new ActivityFactory({
    serviceUrl: bot.connector.url,
    conversationId,
    isGroup: true,
    conversationType: 'groupChat',
  });
  const activity = chat.message('gewoon een bericht');
  return { ...activity, conversation: { ...(activity.conversation as Json), tenantId } };
}

describe('in credential mode, nothing counts before authentication', () => {
  const jwks = new FakeJwks();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-limits-'));
  let bot: RunningBot;
  beforeAll(async () => {
    await jwks.start();
    bot = await credentialBot(jwks, {
      STORAGE: 'sqlite',
      SQLITE_PATH: path.join(dir, 'state.sqlite'),
      ALLOWED_TENANTS: ALLOWED,
      RATE_LIMIT_BURST: '5',
      RATE_LIMIT_PER_SECOND: '0.001',
    });
  });
  afterAll(async () => {
    await bot.stop();
    await jwks.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const signed = (activity: Json) => ({
    Authorization: `Bearer ${jwks.token({ aud: APP_ID, serviceurl: activity.serviceUrl })}`,
  });

  it("60 unsigned requests naming a victim's conversation do not cost it a single turn", async () => {
    const victim = silentMessage(bot, ALLOWED);
    const conversationId = (victim.conversation as Json).id as string;
    const unsigned = await Promise.all(
      Array.from({ length: 60 }, () => bot.post(silentMessage(bot, ALLOWED, conversationId))),
    );
    expect(unsigned.map((r) => r.status)).toEqual(Array(60).fill(401));
    for (let i = 0; i < 5; i++) expect((await bot.post(victim, signed(victim))).status).toBe(200);
    // The sixth signed one is the conversation's own flood: that one is limited.
    expect((await bot.post(victim, signed(victim))).status).toBe(429);
  });

  it('does not reveal the tenant allowlist before authentication', async () => {
    const allowed = await bot.post(silentMessage(bot, ALLOWED));
    const other = await bot.post(silentMessage(bot, OTHER));
    expect(allowed.status).toBe(401);
    expect(other.status).toBe(401);
    expect(other.body).toBe(allowed.body);
  });

  it('refuses an authenticated activity from another tenant with 403', async () => {
    const activity = silentMessage(bot, OTHER);
    expect((await bot.post(activity, signed(activity))).status).toBe(403);
  });

  it('reports health as status only, without the database path', async () => {
    for (const route of ['/healthz', '/readyz']) {
      const text = await (await fetch(`${bot.url}${route}`)).text();
      expect(text).not.toContain(dir);
      expect(Object.keys((JSON.parse(text) as { storage: Json }).storage).sort()).toEqual([
        'kind',
        'ok',
      ]);
    }
  });
});

describe('in credential mode, per-tenant and global limits', () => {
  const jwks = new FakeJwks();
  let bot: RunningBot;
  beforeAll(async () => {
    await jwks.start();
    bot = await credentialBot(jwks, {
      RATE_LIMIT_TENANT_BURST: '4',
      RATE_LIMIT_TENANT_PER_SECOND: '0.001',
      RATE_LIMIT_GLOBAL_BURST: '6',
      RATE_LIMIT_GLOBAL_PER_SECOND: '0.001',
    });
  });
  afterAll(async () => {
    await bot.stop();
    await jwks.stop();
  });
  const post = async (tenant: string) => {
    const activity = silentMessage(bot, tenant);
    const token = jwks.token({ aud: APP_ID, serviceurl: activity.serviceUrl });
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
    });
    await res.arrayBuffer();
    return { status: res.status, retryAfter: res.headers.get('retry-after') };
  };

  it('limits one tenant flooding with a new conversation each time, with Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(ALLOWED)).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const limited = await post(ALLOWED);
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('serves another tenant until the global limit is reached, then limits everyone', async () => {
    expect((await post(OTHER)).status).toBe(200);
    expect((await post(OTHER)).status).toBe(200);
    const limited = await post('22222222-0000-0000-0000-000000000000');
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
  });
});
