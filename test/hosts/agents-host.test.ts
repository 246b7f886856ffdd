import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { createAgentsHost } from '../../src/hosts/agents';
import { translator } from '../../src/i18n';
import { createLogger } from '../../src/logging';
import type { InboundActivity } from '../../src/turn/activity';
import type { BotHost, TurnApplication } from '../../src/turn/host';
import { ActivityFactory, ANNE, BOT } from '../helpers/activities';
import { FakeConnector } from '../helpers/fake-connector';
import { FakeJwks, TEST_APP_ID } from '../helpers/fake-jwks';

const logger = createLogger('silent');
const bearer = (token: string) => `Bearer ${token}`;

function credentialHost(env: Record<string, string>): BotHost {
  return createAgentsHost(loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent', ...env }), logger);
}

/** An address nothing listens on: a server's port, after the server closed. */
async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/.well-known/openid-configuration`;
}

describe('the agents host authenticates like the botbuilder host', () => {
  const jwks = new FakeJwks();
  let host: BotHost;
  const activity = () =>
    new ActivityFactory({ serviceUrl: 'https://smba.example/emea/' }).message(
      'start',
    ) as InboundActivity;
  const signed = (a: InboundActivity, claims: Record<string, unknown> = {}) =>
    bearer(jwks.token({ aud: TEST_APP_ID, serviceurl: a.serviceUrl, ...claims }));

  beforeAll(async () => {
    await jwks.start();
    host = credentialHost(jwks.credentialEnv());
  });
  afterAll(() => jwks.stop());

  it('accepts a token signed by the channel for this bot and this serviceUrl', async () => {
    const a = activity();
    const auth = await host.authenticate(signed(a), a);
    // The identity is the agents host's own record of the checked claims.
    expect(auth).toEqual({
      ok: true,
      identity: { claims: expect.objectContaining({ aud: TEST_APP_ID, serviceurl: a.serviceUrl }) },
    });
    expect(host.outboundToken).toBeInstanceOf(Function);
  });

  it.each([
    ['no token', () => ''],
    [
      'a token signed with another key',
      (a: InboundActivity) =>
        bearer(jwks.token({ aud: TEST_APP_ID, serviceurl: a.serviceUrl }, jwks.otherKey())),
    ],
    [
      'a token for another bot',
      (a: InboundActivity) => signed(a, { aud: '00000000-0000-0000-0000-00000000beef' }),
    ],
    ['an expired token', (a: InboundActivity) => signed(a, { nbf: 1_000, exp: 2_000 })],
    ['an unsigned token', (a: InboundActivity) => signed(a).replace(/\.[^.]+$/, '.')],
    [
      'a token from another issuer',
      (a: InboundActivity) => signed(a, { iss: 'https://sts.windows.net/x/' }),
    ],
    [
      'a token for another serviceUrl',
      (a: InboundActivity) => signed(a, { serviceurl: 'https://evil.example/' }),
    ],
    ['a token in another scheme', (a: InboundActivity) => signed(a).replace('Bearer', 'Basic')],
  ])('refuses %s with 401 and no details', async (_label, header) => {
    const a = activity();
    const auth = await host.authenticate(header(a), a);
    expect(auth).toEqual({
      ok: false,
      refusal: {
        status: 401,
        body: { error: 'Unauthorized', message: 'The request is not authorised.' },
      },
    });
  });

  it('refuses a key whose endorsements do not name the channel', async () => {
    const a = { ...activity(), channelId: 'slack' };
    const auth = await host.authenticate(signed(a), a);
    expect(auth.ok ? 200 : auth.refusal.status).toBe(401);
  });

  it.each([
    ['unreachable', closedPortUrl],
    ['answering 404', async () => jwks.metadataUrl.replace('openid-configuration', 'missing')],
  ])('answers 503 without details when the key server is %s', async (_label, url) => {
    const unreachable = credentialHost({
      ...jwks.credentialEnv(),
      BOTFRAMEWORK_OPENID_METADATA_URL: await url(),
    });
    const a = activity();
    const auth = await unreachable.authenticate(signed(a), a);
    expect(auth).toEqual({
      ok: false,
      refusal: {
        status: 503,
        body: { error: 'Unavailable', message: 'The bot cannot process this now; try again.' },
      },
    });
  });

  it('refuses to run a turn with an identity it did not make, with 503', async () => {
    const a = activity();
    const app: TurnApplication = { handle: async () => undefined };
    expect((await host.run({ aud: TEST_APP_ID }, a, app)).status).toBe(503);
  });
});

describe('the agents host runs turns against the Connector', () => {
  const connector = new FakeConnector();
  let host: BotHost;
  let chat: ActivityFactory;

  beforeAll(async () => {
    await connector.start();
    host = createAgentsHost(loadConfig({ STORAGE: 'memory', LOG_LEVEL: 'silent' }), logger);
    chat = new ActivityFactory({ serviceUrl: connector.url });
  });
  beforeEach(() => connector.clear());
  afterAll(() => connector.stop());

  it('needs no token and has none of its own in local mode', async () => {
    const a = chat.message('start') as InboundActivity;
    expect(await host.authenticate('', a)).toEqual({ ok: true, identity: undefined });
    expect(host.outboundToken).toBeUndefined();
  });

  it('sends replies to the serviceUrl, answering the activity, and updates one in place', async () => {
    const a = chat.message('start') as InboundActivity;
    const auth = await host.authenticate('', a);
    if (!auth.ok) throw new Error('local mode refused an activity');
    let ids: { id?: string }[] = [];
    const app: TurnApplication = {
      async handle(activity, io) {
        ids = await io.send([
          { type: 'message', text: 'Eén', textFormat: 'markdown' },
          {
            type: 'message',
            text: 'Twee',
            entities: [{ type: 'https://schema.org/Message', '@type': 'Message', citation: [] }],
          },
        ]);
        await io.update(ids[0]!.id!, { type: 'message', text: 'Eén, bijgewerkt' });
        expect(activity).toBe(a);
        return undefined;
      },
    };
    expect(await host.run(auth.identity, a, app)).toEqual({ status: 200 });

    const conversation = encodeURIComponent(chat.conversationId);
    expect(connector.calls.map((c) => [c.method, c.path])).toEqual([
      ['POST', `/v3/conversations/${conversation}/activities/${String(a.id)}`],
      ['POST', `/v3/conversations/${conversation}/activities/${String(a.id)}`],
      ['PUT', `/v3/conversations/${conversation}/activities/act-1`],
    ]);
    expect(ids).toEqual([{ id: 'act-1' }, { id: 'act-2' }]);
    const [first, second, update] = connector.calls;
    expect(first!.body).toMatchObject({
      type: 'message',
      text: 'Eén',
      textFormat: 'markdown',
      replyToId: a.id,
      from: BOT,
      recipient: ANNE,
      conversation: { id: chat.conversationId },
    });
    // Entities reach the channel whole (botbuilder needed a serializer fix for this).
    expect(second!.body.entities).toEqual([
      { type: 'https://schema.org/Message', '@type': 'Message', citation: [] },
    ]);
    expect(update!.body).toMatchObject({ type: 'message', text: 'Eén, bijgewerkt', id: 'act-1' });
    expect(connector.calls.map((c) => c.authorization)).toEqual([undefined, undefined, undefined]);
  });

  // A failed turn is answered 200 once the person has the apology (turn/outcome.ts `httpAnswer`).
  it('answers 200 when the application fails, and tells the user in their language', async () => {
    const a = new ActivityFactory({ serviceUrl: connector.url, locale: 'en-GB' }).message(
      'start',
    ) as InboundActivity;
    const app: TurnApplication = {
      async handle() {
        throw new Error('storage is down');
      },
    };
    const result = await host.run(undefined, a, app);
    expect(result).toEqual({ status: 200 });
    expect(connector.calls.map((c) => c.body.text)).toEqual([
      translator('en')('bot:errors.unexpected'),
    ]);
  });

  it('answers the same when the channel cannot take the error message either', async () => {
    connector.failNext = [500];
    const app: TurnApplication = {
      async handle() {
        throw new Error('boom');
      },
    };
    expect(await host.run(undefined, chat.message('x') as InboundActivity, app)).toEqual({
      status: 200,
    });
    expect(connector.failNext).toEqual([]);
  });

  it('answers a reply the channel refuses as a failed turn', async () => {
    connector.failNext = [502, 502];
    const app: TurnApplication = {
      async handle(_activity, io) {
        await io.send([{ type: 'message', text: 'hallo' }]);
        return undefined;
      },
    };
    expect(await host.run(undefined, chat.message('x') as InboundActivity, app)).toEqual({
      status: 200,
    });
    // One attempt at the reply and one at the error message: the SDK does not retry.
    expect(connector.failNext).toEqual([]);
    expect(connector.calls).toHaveLength(0);
  });

  it("returns an invoke's result as the HTTP answer", async () => {
    const invoke = {
      ...chat.message(''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'x' } },
    } as InboundActivity;
    const app: TurnApplication = {
      handle: async () => ({
        status: 400,
        body: { statusCode: 400, type: 'application/vnd.microsoft.error' },
      }),
    };
    expect(await host.run(undefined, invoke, app)).toEqual({
      status: 400,
      body: { statusCode: 400, type: 'application/vnd.microsoft.error' },
    });
  });

  it.each([
    ['entities that are not a list', { entities: 'x' }],
    ['a numeric locale', { locale: 5 }],
    ['an empty conversation id', { conversation: { id: '' } }],
  ])('answers 400 for an activity with %s, before the turn', async (_label, fields) => {
    let ran = false;
    const app: TurnApplication = {
      handle: async () => {
        ran = true;
        return undefined;
      },
    };
    const activity = { ...chat.message('x'), ...fields } as InboundActivity;
    expect((await host.run(undefined, activity, app)).status).toBe(400);
    expect(ran).toBe(false);
  });

  it('sends nothing for an empty batch', async () => {
    const app: TurnApplication = {
      async handle(_activity, io) {
        expect(await io.send([])).toEqual([]);
        return undefined;
      },
    };
    expect((await host.run(undefined, chat.message('x') as InboundActivity, app)).status).toBe(200);
    expect(connector.calls).toHaveLength(0);
  });
});
