import fc from 'fast-check';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn, startBot, type RunningBot } from '../helpers/bot-server';
import { DirectLineClient } from '../channels/direct-line-client';
import { forwardAction } from '../helpers/card-walker';

type Json = Record<string, unknown>;
const VERBS = [
  'guide.start',
  'guide.submit',
  'guide.goto',
  'guide.restart.confirm',
  'qna.ask',
  'lang.set',
  'privacy.delete.confirm',
  'steering.share',
  'steering.share.confirm',
  'steering.share.decline',
  'nope',
];
const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'q___proto__',
  'q_constructor',
  'verb',
  'step',
  'rev',
];

let bot: RunningBot;
beforeAll(
  async () =>
    (bot = await startBot({ RATE_LIMIT_BURST: '1000000', RATE_LIMIT_PER_SECOND: '1000000' })),
);
afterAll(async () => bot.stop());

const weird = fc.oneof(
  fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '<at>Brugbot</at>',
    '${x}',
    'x'.repeat(20_000),
    '🎉'.repeat(2_000),
    NaN,
    -1,
    1e308,
  ),
);

/** Card submits that look almost right: known verbs with wrong, missing or hostile fields. */
const nearSubmit = fc
  .record(
    {
      verb: fc.oneof(fc.constantFrom(...VERBS), weird),
      step: weird,
      part: weird,
      rev: weird,
      nav: fc.oneof(fc.constantFrom('next', 'back', 'stay', 'overview'), weird),
      entryId: weird,
      locale: weird,
      q_orgName: weird,
    },
    { requiredKeys: [] },
  )
  .chain((base) =>
    fc
      .dictionary(fc.constantFrom(...NASTY_KEYS), weird, { maxKeys: 3 })
      .map((extra) => ({ ...extra, ...base })),
  );

const bodies = (conversationId: string) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
    {
      weight: 4,
      arbitrary: fc.record(
        {
          type: fc.oneof(
            fc.constantFrom('message', 'conversationUpdate', 'invoke', 'event', 'typing'),
            weird,
          ),
          text: weird,
          value: fc.oneof(nearSubmit, weird),
          locale: weird,
          from: fc.oneof(fc.record({ id: weird, name: weird, aadObjectId: weird }), weird),
          conversation: fc.oneof(
            fc.constant({ id: conversationId }),
            fc.record({ id: weird, isGroup: weird, conversationType: weird }),
            weird,
          ),
          entities: fc.oneof(
            fc.array(fc.record({ type: weird, mentioned: weird, text: weird }), { maxLength: 3 }),
            weird,
          ),
          membersAdded: weird,
          channelId: fc.oneof(fc.constantFrom('msteams', 'webchat'), weird),
        },
        { requiredKeys: ['type'] },
      ),
    },
  );

describe('the running server under 10 000 malformed activities and card submits', () => {
  it('never answers 5xx, stays up, and leaves a stored plan unchanged', async () => {
    const seeded = new ActivityFactory({ serviceUrl: bot.connector.url });
    await bot.post(seeded.message('start'));
    const card = cardsIn(bot.connector.messagesTo(seeded.conversationId)).pop()!;
    const next = forwardAction(card)!.data as Json;
    await bot.post(seeded.submit({ ...next, q_orgName: 'Gemeente Puurs' }));
    const key = `plan/msteams/${seeded.conversationId}`;
    const before = JSON.stringify(((await bot.app.storage.read([key]))[key] as Json).answers);

    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(bodies(`fuzz-${Math.random()}`), async (body) => {
        // Replies must only ever go to the local fake Connector, never to a generated address.
        const payload =
          body && typeof body === 'object' && !Array.isArray(body)
            ? { ...(body as Json), serviceUrl: bot.connector.url }
            : body;
        const { status } = await bot.post(
          typeof payload === 'string' ? payload : JSON.stringify(payload),
        );
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        return status < 500;
      }),
      { numRuns: 10_000, seed: 20261123 },
    );
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(JSON.stringify(((await bot.app.storage.read([key]))[key] as Json).answers)).toBe(before);
    bot.connector.clear();
  }, 300_000);
});

/** Strings with lone surrogates, alone and inside ordinary text. */
const SURROGATES = ['\ud800', '\udc00', 'a:\ud800', '\udfff\ud800', 'x\ud83d', '\ude00y'];
const surrogateText = fc.oneof(
  fc.constantFrom(...SURROGATES),
  fc
    .tuple(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(...SURROGATES),
      fc.string({ maxLength: 20 }),
    )
    .map(([a, s, b]) => `${a}${s}${b}`),
);

/**
 * A JSON text nesting `inner` `depth` levels deep as objects or arrays. Written as text: the
 * deepest ones would overflow JSON.stringify itself.
 */
const nested = (inner: string) =>
  fc
    .record({
      depth: fc.oneof(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 60, max: 6_000 })),
      arrays: fc.boolean(),
    })
    .map(({ depth, arrays }) =>
      arrays
        ? `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`
        : `${'{"v":'.repeat(depth)}${inner}${'}'.repeat(depth)}`,
    );

/** A JSON value as text: nested, with a surrogate somewhere, or both. */
const hostileValue = fc.oneof(
  surrogateText.map((s) => JSON.stringify(s)),
  nested('1'),
  surrogateText.chain((s) => nested(JSON.stringify(s))),
);

/** An object body as text whose `field` holds a hostile value; the rest is ordinary. */
const bodyWith = (base: Json, fields: string[]) =>
  fc
    .record({ field: fc.constantFrom(...fields), value: hostileValue })
    .map(
      ({ field, value }) =>
        `${JSON.stringify(base).slice(0, -1)},${JSON.stringify(field)}:${value}}`,
    );

async function postRaw(url: string, body: string, token?: string): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

describe('nested and surrogate inputs on every route', () => {
  const statuses: number[] = [];
  const check = (status: number) => {
    statuses.push(status);
    return status < 500;
  };
  afterAll(() => bot.connector.clear());

  it('/api/messages: never 5xx', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const base = chat.message('hallo');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          bodyWith(base, ['value', 'channelData', 'entities', 'text', 'locale']),
          surrogateText.map((s) =>
            JSON.stringify({ ...base, conversation: { id: s }, from: { id: s, name: s } }),
          ),
        ),
        async (body) => check(await postRaw(`${bot.url}/api/messages`, body)),
      ),
      { numRuns: 300, seed: 20261130 },
    );
  }, 120_000);

  it('the tab API: never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          bodyWith({ lang: 'nl' }, ['conversationId', 'lang']),
          bodyWith({ conversationId: 'a:1' }, ['lang', 'extra']),
        ),
        surrogateText,
        async (body, query) => {
          if (!check(await postRaw(`${bot.url}/api/tab/plans/export`, body))) return false;
          const list = await fetch(
            `${bot.url}/api/tab/plans?conversationId=${encodeURIComponent(query.replace(/[\ud800-\udfff]/g, '')) || 'x'}%ED%A0%80`,
          );
          await list.arrayBuffer();
          return check(list.status);
        },
      ),
      { numRuns: 200, seed: 20261130 },
    );
  }, 120_000);

  it('Direct Line, client and Connector sides: never 5xx', async () => {
    const client = new DirectLineClient(bot.url);
    const session = await client.start();
    const conversation = encodeURIComponent(session.conversationId);
    const dl = `${bot.url}/v3/directline`;
    const activity = { type: 'message', from: { id: 'dl_user' }, text: 'hallo' };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          bodyWith(activity, ['value', 'text', 'channelData', 'from', 'attachments']).map(
            (body) => ({ path: `/conversations/${conversation}/activities`, body, token: true }),
          ),
          bodyWith({ locale: 'nl-BE' }, ['user', 'locale']).map((body) => ({
            path: '/tokens/generate',
            body,
            token: false,
          })),
          bodyWith({ user: {} }, ['user', 'locale']).map((body) => ({
            path: '/conversations',
            body,
            token: true,
          })),
        ),
        async ({ path, body, token }) =>
          check(await postRaw(`${dl}${path}`, body, token ? session.token : undefined)),
      ),
      { numRuns: 300, seed: 20261130 },
    );
    await fc.assert(
      fc.asyncProperty(
        bodyWith({ type: 'message', text: 'x' }, ['text', 'value', 'attachments', 'channelData']),
        async (body) =>
          check(await postRaw(`${bot.url}/v3/conversations/${conversation}/activities`, body)),
      ),
      { numRuns: 100, seed: 20261130 },
    );
    await client.closeAll();
    expect(statuses.every((s) => s < 500)).toBe(true);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
