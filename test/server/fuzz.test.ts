import fc from 'fast-check';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn, startBot, type RunningBot } from '../helpers/bot-server';
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
