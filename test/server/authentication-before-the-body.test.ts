import net from 'node:net';
import { ActivityFactory } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { FakeJwks, TEST_APP_ID } from '../helpers/fake-jwks';

const REFUSED = { error: 'Unauthorized', message: 'The request is not authorised.' };

/** The finding's body: 18,000 keys, about 187 KB. */
function manyKeys(): string {
  const body: Record<string, unknown> = { type: 'message', text: 'hallo '.repeat(1200) };
  for (let i = 0; i < 18_000; i++) body[i.toString(36).padStart(4, '0')] = i % 100;
  return JSON.stringify(body);
}

interface RawAnswer {
  status: number;
  body: string;
  /** How many body bytes had been written when the answer came. */
  writtenBeforeAnswer: number;
  closed: boolean;
}

/**
 * Writes a request by hand: the headers, then `body` in `chunks` pieces `everyMs` apart, and
 * stops writing as soon as an answer arrives (so a server that answers early is visible).
 */
function rawPost(
  url: string,
  headers: Record<string, string | number>,
  body: string,
  { chunks = 1, everyMs = 0 } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let text = '';
    let written = 0;
    let answeredAt = -1;
    const finish = (closed: boolean) => {
      const [head = '', rest = ''] = text.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        body: rest,
        writtenBeforeAnswer: answeredAt < 0 ? written : answeredAt,
        closed,
      });
    };
    socket.on('data', (chunk: Buffer) => {
      if (answeredAt < 0) answeredAt = written;
      text += chunk.toString('utf8');
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => undefined);
    socket.setTimeout(20_000, () => {
      socket.destroy();
      reject(new Error('no answer within 20 s'));
    });
    const lines = Object.entries({ Host: `${hostname}:${port}`, ...headers }).map(
      ([k, v]) => `${k}: ${v}`,
    );
    socket.write(`POST /api/messages HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
    const size = Math.ceil(body.length / chunks);
    let next = 0;
    const writeNext = () => {
      if (answeredAt >= 0 || socket.destroyed || next >= body.length) return;
      const piece = body.slice(next, next + size);
      next += piece.length;
      socket.write(piece);
      written += piece.length;
      setTimeout(writeNext, everyMs);
    };
    // A moment for an early answer before the first byte of the body.
    setTimeout(writeNext, 50);
  });
}

describe('credential mode: no token, no body read (issue 28, finding 5)', () => {
  const jwks = new FakeJwks();
  let bot: RunningBot;
  beforeAll(async () => {
    await jwks.start();
    bot = await startBot(jwks.credentialEnv());
  });
  afterAll(async () => {
    await bot.stop();
    await jwks.stop();
  });

  it('answers an unsigned 187 KB, 18,000-key body with 401 before reading it', async () => {
    const body = manyKeys();
    expect(body.length).toBeGreaterThan(180_000);
    const answer = await rawPost(
      bot.url,
      { 'Content-Type': 'application/json', 'Content-Length': body.length },
      body,
      { chunks: 100, everyMs: 20 },
    );
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual(REFUSED);
    // The answer came after the headers, long before the body was in.
    expect(answer.writtenBeforeAnswer).toBeLessThan(body.length / 2);
    expect(answer.closed).toBe(true);
  });

  it('refuses a body larger than any limit the same way (401, not 413): its size is never looked at', async () => {
    const body = 'x'.repeat(2_000_000);
    const answer = await rawPost(
      bot.url,
      { 'Content-Type': 'application/json', 'Content-Length': body.length },
      body,
      { chunks: 40, everyMs: 20 },
    );
    expect(answer.status).toBe(401);
    expect(answer.writtenBeforeAnswer).toBeLessThan(body.length / 4);
  });

  it.each([
    ['no Authorization header', undefined],
    ['a Basic header', 'Basic YTpi'],
    ['a bearer that is no JWT', 'Bearer abc'],
    ['an unsigned JWT (alg none)', `Bearer ${jwtShaped({ alg: 'none' }, { exp: 9e9 })}.x`],
    ['an expired JWT', `Bearer ${jwtShaped({ alg: 'RS256' }, { exp: 1_000_000 })}.x`],
  ])('gives %s the one refusal both hosts give', async (_what, authorization) => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const res = await bot.post(
      chat.message('start'),
      authorization ? { Authorization: authorization } : {},
    );
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual(REFUSED);
    expect(bot.connector.calls).toEqual([]);
  });

  it('still reads, checks and answers a signed activity', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const token = jwks.token({ aud: TEST_APP_ID, serviceurl: bot.connector.url });
    const res = await bot.post(chat.message('help'), { Authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    // A token with the wrong signature gets past the shape check and is refused by the host.
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(342)}`;
    const refused = await bot.post(chat.message('help'), { Authorization: `Bearer ${forged}` });
    expect([refused.status, JSON.parse(refused.body)]).toEqual([401, REFUSED]);
  });
});

function jwtShaped(header: object, claims: object): string {
  const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${encode(header)}.${encode(claims)}`;
}

describe('a body that trickles in is cut off (issue 28, "also seen")', () => {
  let bot: RunningBot;
  beforeAll(async () => (bot = await startBot({ REQUEST_BODY_TIMEOUT_MS: '600' })));
  afterAll(async () => bot.stop());

  it('answers 408 and closes the socket when the body is not in after the timeout', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    const body = JSON.stringify(chat.message('start'));
    const started = Date.now();
    const answer = await rawPost(
      bot.url,
      { 'Content-Type': 'application/json', 'Content-Length': body.length },
      body,
      { chunks: body.length, everyMs: 100 },
    );
    const took = Date.now() - started;
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'RequestTimeout' });
    expect(answer.closed).toBe(true);
    // Cut off after the timeout, not after Node's 300 s; generous for a busy machine.
    expect(took).toBeGreaterThanOrEqual(500);
    expect(took).toBeLessThan(10_000);
    expect(await bot.app.storage.listKeys('plan/')).toEqual([]);
  });

  it('answers a body sent at once, and keeps serving after a cut-off', async () => {
    const chat = new ActivityFactory({ serviceUrl: bot.connector.url });
    expect((await bot.post(chat.message('help'))).status).toBe(200);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});
