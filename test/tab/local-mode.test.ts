import { TAB_FRAME_ANCESTORS } from '../../src/tab';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { getWithHost } from '../helpers/host-header';
import { planAnsweredBy, seed } from './seed-plans';

const ANNE = { id: 'aad-anne', name: 'Anne Peeters' };
const WEB_CHAT = 'local-web-chat-1';
const CHANNEL = '19:steering@thread.tacv2';

interface PlansBody {
  mode: string;
  plans: { conversationId: string; title: string }[];
}

describe('the plan tab in local mode', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
    await seed(bot.app.storage, {
      [`plan/webchat/${WEB_CHAT}`]: planAnsweredBy(
        ANNE,
        'Gemeente Lokaal',
        new Date('2026-11-23T10:00:00Z'),
      ),
      [`plan/msteams/${CHANNEL};messageid=1`]: planAnsweredBy(
        ANNE,
        'Gemeente Kanaal',
        new Date('2026-11-23T09:00:00Z'),
      ),
    });
  });
  afterAll(async () => bot.stop());

  it.each(['/tab', '/tab/config'])(
    'serves %s with a CSP that only Teams may frame and only this origin may script',
    async (path) => {
      const res = await fetch(`${bot.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('unsafe');
      expect(csp).toContain(`frame-ancestors ${TAB_FRAME_ANCESTORS.join(' ')}`);
      // X-Frame-Options: DENY would stop Teams from framing the tab; the CSP decides instead.
      expect(res.headers.get('x-frame-options')).toBeNull();
      const html = await res.text();
      expect(html).toMatch(/<html lang="nl">/);
      for (const script of html.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? [])
        expect(script).toMatch(/^<script src="\/tab\/static\/[\w-]+\.js" defer><\/script>$/);
      expect(html).not.toMatch(/\son\w+=|\sstyle=|\{\{/);
    },
  );

  it('renders the page in English when asked with ?lang=en', async () => {
    const html = await (await fetch(`${bot.url}/tab?lang=en`)).text();
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<h1 data-text="page.title">Connection ambassador plan</h1>');
  });

  it('serves TeamsJS, the scripts and the strings from this server, and nothing else under /tab/static', async () => {
    const teams = await fetch(`${bot.url}/tab/static/teams-js.js`);
    expect(teams.status).toBe(200);
    expect(teams.headers.get('content-type')).toContain('javascript');
    expect(await teams.text()).toContain('microsoftTeams');
    for (const name of ['tab.js', 'config.js', 'tab-common.js', 'tab.css'])
      expect((await fetch(`${bot.url}/tab/static/${name}`)).status).toBe(200);
    for (const name of ['constructor', '..%2Fpackage.json', 'index.html'])
      expect((await fetch(`${bot.url}/tab/static/${name}`)).status).toBe(404);
    const strings = (await (await fetch(`${bot.url}/tab/strings/en`)).json()) as {
      page: { title: string };
    };
    expect(strings.page.title).toBe('Connection ambassador plan');
    expect((await fetch(`${bot.url}/tab/strings/fr`)).status).toBe(404);
  });

  it('answers the plans API without a token, most recent plan first', async () => {
    const res = await fetch(`${bot.url}/api/tab/plans`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as PlansBody;
    expect(body.mode).toBe('local');
    expect(body.plans.map((p) => p.conversationId)).toEqual([WEB_CHAT, `${CHANNEL};messageid=1`]);
  });

  it('narrows to one conversation or one channel when the page asks', async () => {
    const one = (await (
      await fetch(`${bot.url}/api/tab/plans?conversationId=${WEB_CHAT}`)
    ).json()) as PlansBody;
    expect(one.plans.map((p) => p.title)).toEqual([
      'Plan voor een verbindingsambassadeur — Gemeente Lokaal',
    ]);
    const channel = (await (
      await fetch(`${bot.url}/api/tab/plans?channelId=${encodeURIComponent(CHANNEL)}`)
    ).json()) as PlansBody;
    expect(channel.plans.map((p) => p.conversationId)).toEqual([`${CHANNEL};messageid=1`]);
    expect((await fetch(`${bot.url}/api/tab/plans?conversationId=%00`)).status).toBe(400);
  });

  it('makes a Word document without a token, but only from a JSON request', async () => {
    const post = (contentType: string) =>
      fetch(`${bot.url}/api/tab/plans/export`, {
        method: 'POST',
        headers: { 'Content-Type': contentType },
        body: JSON.stringify({ conversationId: WEB_CHAT }),
      });
    const made = await post('application/json');
    expect(made.status).toBe(200);
    expect(((await made.json()) as { url: string }).url).toMatch(/^\/download\//);
    // A form on another site can send text/plain without a preflight; that must not make files:
    // local mode refuses every non-JSON body before the route (src/server/local-requests.ts).
    expect((await post('text/plain')).status).toBe(415);
  });

  it('refuses requests for another host name, as a DNS-rebinding page would send', async () => {
    const port = new URL(bot.url).port;
    expect(await getWithHost(`${bot.url}/api/tab/plans`, `evil.example:${port}`)).toBe(403);
    expect(await getWithHost(`${bot.url}/tab`, `evil.example:${port}`)).toBe(403);
    expect(await getWithHost(`${bot.url}/api/tab/plans`, `127.0.0.1:${port}`)).toBe(200);
  });
});
