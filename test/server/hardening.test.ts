import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging';
import { ActivityFactory, ANNE } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';

const TENANT = '11111111-2222-3333-4444-555555555555';

describe('hardening of /api/messages', () => {
  const logLines: string[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _enc, done) => (logLines.push(chunk.toString('utf8')), done()),
  });
  let bot: RunningBot;
  beforeAll(
    async () =>
      (bot = await startBot(
        { ALLOWED_TENANTS: TENANT, RATE_LIMIT_BURST: '10', RATE_LIMIT_PER_SECOND: '1' },
        createLogger('info', sink),
      )),
  );
  afterAll(async () => bot.stop());

  const chatIn = (tenantId: string) => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const withTenant = (a: Record<string, unknown>) => ({
      ...a,
      conversation: { ...(a.conversation as object), tenantId },
    });
    return { chat, message: (text: string) => withTenant(chat.message(text)) };
  };

  it('refuses activities from a tenant that is not allowed, storing nothing', async () => {
    const { chat, message } = chatIn('99999999-0000-0000-0000-000000000000');
    expect((await bot.post(message('start'))).status).toBe(403);
    expect(bot.connector.messagesTo(chat.conversationId)).toEqual([]);
    expect(await bot.app.storage.listKeys(`plan/msteams/${chat.conversationId}`)).toEqual([]);
    expect(logLines.join('')).toContain('tenant not allowed');
  });

  it('answers a flood in one conversation with 429 while another conversation is served', async () => {
    const flood = chatIn(TENANT);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await bot.post(flood.message('hulp'))).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(10);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    const calm = chatIn(TENANT);
    expect((await bot.post(calm.message('start'))).status).toBe(200);
  });

  it('logs requests with an id but never message text or names', async () => {
    const { message } = chatIn(TENANT);
    logLines.length = 0;
    const secret = 'geheime vraag over Jeroen uit de Kerkstraat';
    expect((await bot.post({ ...message(secret), from: ANNE })).status).toBe(200);
    const logged = logLines.join('');
    expect(logged).toContain('"requestId"');
    expect(logged).not.toContain('Jeroen');
    expect(logged).not.toContain(ANNE.name);
  });

  it('reports readiness on /readyz and liveness on /healthz', async () => {
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
    const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('ok');
  });
});
