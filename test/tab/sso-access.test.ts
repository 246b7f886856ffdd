import { startBot, type RunningBot } from '../helpers/bot-server';
import { APP_ID, AUDIENCE, FakeEntra, OTHER_TENANT, ssoBotEnv, TENANT } from './fake-entra';
import { addAnswerBy, planAnsweredBy, seed } from './seed-plans';

const ANNE = { id: 'aad-anne', name: 'Anne Peeters' };
const BRAM = { id: 'aad-bram', name: 'Bram Claes' };
const STEERING = '19:steering@thread.tacv2';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));

/** Plan keys by conversation id, as the bot stores them (a channel thread is its own conversation). */
const CONVERSATIONS = {
  steeringBoth: `${STEERING};messageid=100`,
  steeringBram: `${STEERING};messageid=200`,
  lookalikeChannel: `${STEERING}x;messageid=1`,
  otherChannel: '19:other@thread.tacv2;messageid=300',
  annePersonal: 'a:anne-personal',
};

interface PlansBody {
  mode: string;
  plans: {
    conversationId: string;
    title: string;
    steps: { title: string; answers: { byLine: string }[] }[];
    advice: { source: { url: string } }[];
  }[];
}

describe('the plans API with credentials', () => {
  const entra = new FakeEntra();
  let bot: RunningBot;

  beforeAll(async () => {
    await entra.start();
    bot = await startBot(ssoBotEnv(entra));
    await seed(bot.app.storage, {
      [`plan/msteams/${CONVERSATIONS.steeringBoth}`]: addAnswerBy(
        planAnsweredBy(ANNE, 'Gemeente Beide', at(1)),
        BRAM,
        at(2),
      ),
      [`plan/msteams/${CONVERSATIONS.steeringBram}`]: planAnsweredBy(BRAM, 'Gemeente Bram', at(3)),
      [`plan/msteams/${CONVERSATIONS.lookalikeChannel}`]: planAnsweredBy(
        ANNE,
        'Gemeente Lookalike',
        at(4),
      ),
      [`plan/msteams/${CONVERSATIONS.otherChannel}`]: planAnsweredBy(
        ANNE,
        'Gemeente Ander Kanaal',
        at(5),
      ),
      [`plan/msteams/${CONVERSATIONS.annePersonal}`]: planAnsweredBy(
        ANNE,
        'Gemeente Persoonlijk',
        at(6),
      ),
      // Web Chat ids are chosen by the client, never Entra object ids: such plans stay out of Teams.
      'plan/webchat/anne-in-web-chat': planAnsweredBy(ANNE, 'Gemeente Webchat', at(7)),
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await entra.stop();
  });

  const get = (query: string, token?: string) =>
    fetch(`${bot.url}/api/tab/plans${query}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  const ids = async (res: Response) =>
    ((await res.json()) as PlansBody).plans.map((p) => p.conversationId).sort();

  it('refuses a request without a token with 401 and shows nothing', async () => {
    const res = await get('');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await res.text()).not.toMatch(/Gemeente|plans/);
  });

  it.each<[string, () => Promise<string>]>([
    [
      'a token for another audience',
      () => entra.token(ANNE.id, { aud: `api://evil.example/${APP_ID}` }),
    ],
    ['a token from another tenant', () => entra.token(ANNE.id, { tid: OTHER_TENANT })],
    [
      'a token whose issuer names another tenant than its tid',
      () => entra.token(ANNE.id, { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
    ],
    [
      'an issuer that is not Entra',
      () => entra.token(ANNE.id, { iss: `https://evil.example/${TENANT}/v2.0` }),
    ],
    [
      'an expired token',
      () => entra.token(ANNE.id, { iat: 1_700_000_000, nbf: 1_700_000_000, exp: 1_700_003_600 }),
    ],
    [
      'a token signed with another key',
      async () => entra.token(ANNE.id, {}, await entra.otherKey()),
    ],
    [
      'an app-only token (no delegated scope)',
      () => entra.token(ANNE.id, { scp: undefined, roles: ['Plans.Read'] }),
    ],
    ['a token without a user object id', () => entra.token(ANNE.id, { oid: undefined })],
    ['something that is not a JWT', async () => 'not-a-token'],
  ])('refuses %s with 401 and shows nothing', async (_label, token) => {
    const res = await get(`?channelId=${encodeURIComponent(STEERING)}`, await token());
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/Gemeente|plans/);
  });

  it('shows a personal tab every Teams plan its user answered in, and nothing else', async () => {
    const res = await get('', await entra.token(ANNE.id));
    expect(res.status).toBe(200);
    expect(await ids(res)).toEqual(
      [
        CONVERSATIONS.annePersonal,
        CONVERSATIONS.lookalikeChannel,
        CONVERSATIONS.otherChannel,
        CONVERSATIONS.steeringBoth,
      ].sort(),
    );
  });

  it("limits a channel tab to that channel's threads the user took part in", async () => {
    const channel = `?channelId=${encodeURIComponent(STEERING)}`;
    expect(await ids(await get(channel, await entra.token(ANNE.id)))).toEqual([
      CONVERSATIONS.steeringBoth,
    ]);
    expect(await ids(await get(channel, await entra.token(BRAM.id)))).toEqual(
      [CONVERSATIONS.steeringBoth, CONVERSATIONS.steeringBram].sort(),
    );
  });

  it('reveals nothing for a conversation id the user did not take part in', async () => {
    const forged = `?conversationId=${encodeURIComponent(CONVERSATIONS.steeringBram)}`;
    expect(await ids(await get(forged, await entra.token(ANNE.id)))).toEqual([]);
    expect(await ids(await get('', await entra.token('aad-carla')))).toEqual([]);
  });

  it('accepts v1 tokens (sts.windows.net, Application ID URI) and v2 tokens addressed to the bare app id', async () => {
    const v1 = await entra.token(BRAM.id, {
      iss: `https://sts.windows.net/${TENANT}/`,
      aud: AUDIENCE,
      ver: '1.0',
    });
    const v2 = await entra.token(BRAM.id, { aud: APP_ID });
    for (const token of [v1, v2]) {
      expect(
        await ids(
          await get(`?conversationId=${encodeURIComponent(CONVERSATIONS.steeringBram)}`, token),
        ),
      ).toEqual([CONVERSATIONS.steeringBram]);
    }
  });

  it('returns each plan whole: steps with who answered, and advice with its public source', async () => {
    const res = await get(
      `?conversationId=${encodeURIComponent(CONVERSATIONS.steeringBoth)}&lang=en`,
      await entra.token(BRAM.id),
    );
    const body = (await res.json()) as PlansBody;
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body.mode).toBe('teams');
    const [plan] = body.plans;
    expect(plan?.title).toContain('Gemeente Beide');
    expect(plan?.steps).toHaveLength(6);
    expect(plan?.steps[0]?.title).toMatch(/^Step 1: /);
    const byLines = plan?.steps[0]?.answers.map((a) => a.byLine).join('\n');
    expect(byLines).toContain('Anne Peeters');
    expect(byLines).toContain('Bram Claes');
    for (const advice of plan?.advice ?? []) expect(advice.source.url).toMatch(/^https:\/\//);
  });

  it('makes a Word document only of a plan the user may see, and only with a valid token', async () => {
    const exportPlan = async (conversationId: string, token?: string) =>
      fetch(`${bot.url}/api/tab/plans/export`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ conversationId, lang: 'en' }),
      });
    expect((await exportPlan(CONVERSATIONS.steeringBoth)).status).toBe(401);
    expect(
      (
        await exportPlan(
          CONVERSATIONS.steeringBoth,
          await entra.token(ANNE.id, { tid: OTHER_TENANT }),
        )
      ).status,
    ).toBe(401);
    expect((await exportPlan(CONVERSATIONS.steeringBram, await entra.token(ANNE.id))).status).toBe(
      404,
    );
    const made = await exportPlan(CONVERSATIONS.steeringBoth, await entra.token(ANNE.id));
    expect(made.status).toBe(200);
    const { url } = (await made.json()) as { url: string };
    expect(url).toMatch(/^\/download\/[\w-]{43}$/);
    const file = await fetch(`${bot.url}${url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('wordprocessingml');
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('serves the pages themselves without a token: they hold no data', async () => {
    const res = await fetch(`${bot.url}/tab`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
  });
});
