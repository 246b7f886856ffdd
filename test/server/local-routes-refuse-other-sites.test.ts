import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';

/** Every route restify knows, with its parameters filled in: nothing is left out by hand. */
function routesOf(bot: RunningBot): { method: string; path: string }[] {
  const info = (
    bot.app.server as unknown as {
      getDebugInfo(): { routes: { method: string; path: string }[] };
    }
  ).getDebugInfo();
  return info.routes.map((r) => ({
    method: r.method.toUpperCase(),
    path: r.path.replace(/:\w+/g, 'x'),
  }));
}

const FORMS = [
  ['application/x-www-form-urlencoded', 'type=message&text=start'],
  [
    'multipart/form-data; boundary=b',
    '--b\r\nContent-Disposition: form-data; name="type"\r\n\r\nmessage\r\n--b--\r\n',
  ],
  ['text/plain', '{"type":"message","text":"start"}'],
] as const;

describe('local mode: another site cannot post into the bot (issue 28, finding 8)', () => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot()));
  afterAll(async () => bot.stop());

  it('knows the local routes it checks (bot, dev clock, Direct Line, Connector, tab, steering)', () => {
    const paths = routesOf(bot).map((r) => `${r.method} ${r.path}`);
    for (const expected of [
      'POST /api/messages',
      'POST /api/dev/clock',
      'POST /v3/directline/conversations',
      'POST /v3/conversations',
      'POST /api/tab/plans/export',
      'GET /steering/feed.json',
    ])
      expect(paths).toContain(expected);
  });

  it('answers 415 to a form encoding on every route that takes a body', async () => {
    const writes = routesOf(bot).filter((r) => r.method !== 'GET');
    expect(writes.length).toBeGreaterThanOrEqual(10);
    for (const { method, path } of writes)
      for (const [type, body] of FORMS) {
        const res = await fetch(`${bot.url}${path}`, {
          method,
          headers: { 'Content-Type': type },
          body,
        });
        expect([method, path, type, res.status]).toEqual([method, path, type, 415]);
        expect(await res.text()).toContain('application/json');
      }
  });

  it('answers 403 to another Origin on every route, reads and writes alike', async () => {
    for (const { method, path } of routesOf(bot))
      for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:1']) {
        const res = await fetch(`${bot.url}${path}`, {
          method,
          headers: { Origin: origin, 'Content-Type': 'application/json' },
          ...(method === 'GET' ? {} : { body: '{}' }),
        });
        expect([method, path, origin, res.status]).toEqual([method, path, origin, 403]);
      }
  });

  it('stores nothing and calls no serviceUrl when a page form-posts an activity', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const form = new URLSearchParams({
      type: 'message',
      text: 'start',
      serviceUrl: bot.connector.url,
      'conversation[id]': chat.conversationId,
    });
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', body: form });
    expect(res.status).toBe(415);
    const crossSite = await bot.post(chat.message('start'), {
      Origin: 'https://evil.example',
      'Sec-Fetch-Site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    const sameSite = await bot.post(chat.message('start'), { 'Sec-Fetch-Site': 'same-site' });
    expect(sameSite.status).toBe(403);
    expect(bot.connector.calls).toEqual([]);
    expect(await bot.app.storage.listKeys('plan/')).toEqual([]);
  });

  it('still serves its own pages: same-origin JSON and requests without an Origin', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const own = new URL(bot.url).origin;
    expect(
      (await bot.post(chat.message('start'), { Origin: own, 'Sec-Fetch-Site': 'same-origin' }))
        .status,
    ).toBe(200);
    const clock = await fetch(`${bot.url}/api/dev/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Origin: own },
      body: JSON.stringify({ now: new Date().toISOString() }),
    });
    expect(clock.status).toBe(200);
    const started = await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST' });
    expect(started.status).toBe(201);
    expect((await fetch(`${bot.url}/tab`, { headers: { Origin: own } })).status).toBe(200);
  });
});
