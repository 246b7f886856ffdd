import { startBot, type RunningBot } from '../helpers/bot-server';
import { getWithHost } from '../helpers/host-header';
import { FakeEntra, ssoBotEnv } from '../tab/fake-entra';

const ADMIN = '11111111-2222-3333-4444-555555555555';
const COLLEAGUE = '99999999-8888-7777-6666-555555555555';

describe('who may read the usage figures', () => {
  describe('with credentials: a Teams SSO token of someone in INSIGHT_ADMINS', () => {
    const entra = new FakeEntra();
    let bot: RunningBot;
    beforeAll(async () => {
      await entra.start();
      bot = await startBot({ ...ssoBotEnv(entra), INSIGHT_ADMINS: ADMIN.toUpperCase() });
    });
    afterAll(async () => {
      await bot?.stop();
      await entra.stop();
    });
    const get = (token?: string, query = '') =>
      fetch(`${bot.url}/api/insight${query}`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });

    it('gives 403 without a token, with a forged one and to a signed-in non-admin', async () => {
      for (const res of [
        await get(),
        await get('not.a.token'),
        await get(await entra.token(ADMIN, {}, await entra.otherKey())),
        await get(await entra.token(ADMIN, { scp: undefined })),
        await get(await entra.token(COLLEAGUE)),
      ]) {
        expect(res.status).toBe(403);
        expect(await res.text()).not.toMatch(/plans|funnel|declined/);
      }
    });

    it('answers an admin, and refuses a malformed range with 400', async () => {
      const token = await entra.token(ADMIN);
      const ok = await get(token, '?from=2026-11-01&to=2026-11-30');
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
      for (const query of [
        '?from=2026-02-30',
        '?from=2026-12-01&to=2026-11-01',
        '?to=tomorrow',
        '?from=2024-01-01&to=2026-01-01',
      ]) {
        expect((await get(token, query)).status).toBe(400);
      }
    });

    it('serves the page (it holds no data) for Teams to frame as the admin tab', async () => {
      const res = await fetch(`${bot.url}/insight`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    });
  });

  describe('in local mode: loopback only', () => {
    let bot: RunningBot;
    beforeAll(async () => (bot = await startBot()));
    afterAll(async () => bot?.stop());

    it('answers a loopback Host and refuses any other with 403', async () => {
      const port = new URL(bot.url).port;
      for (const path of ['/api/insight', '/insight', '/insight/static/chart.js']) {
        expect(await getWithHost(`${bot.url}${path}`, `evil.example:${port}`)).toBe(403);
        expect(await getWithHost(`${bot.url}${path}`, `127.0.0.1:${port}`)).toBe(200);
      }
      expect(await getWithHost(`${bot.url}/insight/static/constructor`, `127.0.0.1:${port}`)).toBe(
        404,
      );
    });
  });
});
