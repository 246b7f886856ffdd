import http from 'node:http';
import { useLocalChannel } from './direct-line-client';

describe('the local Direct Line channel refuses', () => {
  const dl = useLocalChannel();

  it('refuses a wrong token (403), another conversation’s token (403) and an unknown conversation (404)', async () => {
    const a = await dl.client.start();
    const b = await dl.client.start();
    const forged = 'A'.repeat(43);
    const attempts: [string, string, string | undefined][] = [
      ['GET', `/conversations/${a.conversationId}/activities?watermark=`, forged],
      ['GET', `/conversations/${a.conversationId}/activities?watermark=`, undefined],
      ['GET', `/conversations/${a.conversationId}?watermark=`, forged],
      ['POST', `/conversations/${a.conversationId}/activities`, forged],
      ['GET', `/conversations/${b.conversationId}/activities?watermark=`, a.token],
      ['POST', `/conversations/${b.conversationId}/activities`, a.token],
      ['GET', `/conversations/${b.conversationId}?watermark=`, a.token],
      ['POST', '/tokens/refresh', forged],
      ['POST', '/conversations', forged],
    ];
    for (const [method, path, token] of attempts) {
      const res = await dl.client.request(method, path, {
        token,
        body: method === 'POST' ? { type: 'message', text: 'hallo' } : undefined,
      });
      expect([method, path, res.status]).toEqual([method, path, 403]);
      expect(res.json).toEqual({ error: { code: 'Forbidden', message: expect.any(String) } });
    }
    const unknown = await dl.client.request(
      'GET',
      '/conversations/no-such-conversation/activities',
      {
        token: a.token,
      },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({
      error: { code: 'NotFound', message: expect.stringContaining('does not exist') },
    });
    // Nothing was posted into b by a's token.
    expect(
      (await dl.client.poll(b)).activities.every(
        (x) => x.type !== 'message' || (x.from as { role: string }).role === 'bot',
      ),
    ).toBe(true);
  });

  it('answers malformed activities with 400 and a clear JSON body', async () => {
    const session = await dl.client.start();
    const path = `/conversations/${session.conversationId}/activities`;
    const cases: [
      string,
      { body?: unknown; raw?: string; contentType?: string },
      number,
      RegExp,
    ][] = [
      ['not JSON', { raw: '{"type": "message", "text": ' }, 400, /JSON/i],
      ['no type', { body: { text: 'hallo' } }, 400, /type/],
      ['unknown type', { body: { type: 'invoke', name: 'x' } }, 400, /type/],
      [
        'huge text',
        { body: { type: 'message', text: 'a'.repeat(100_000) } },
        400,
        /text is longer than 28000/,
      ],
      ['an array', { body: [{ type: 'message', text: 'hallo' }] }, 400, /JSON object/],
      [
        'an empty message',
        { body: { type: 'message' } },
        400,
        /needs text, a value or attachments/,
      ],
      [
        'a huge value',
        { body: { type: 'message', value: { q: 'x'.repeat(70_000) } } },
        400,
        /value is larger/,
      ],
      ['not JSON at all', { raw: 'hallo', contentType: 'text/plain' }, 415, /application\/json/],
    ];
    for (const [what, init, status, message] of cases) {
      const res = await dl.client.request('POST', path, { token: session.token, ...init });
      expect([what, res.status]).toEqual([what, status]);
      expect(res.contentType).toContain('application/json');
      expect([what, JSON.stringify(res.json)]).toEqual([what, expect.stringMatching(message)]);
    }
    const badWatermark = await dl.client.request('GET', `${path}?watermark=abc`, {
      token: session.token,
    });
    expect(badWatermark.status).toBe(400);
  });

  it('refuses requests whose Host is not loopback (DNS rebinding)', async () => {
    const { port } = new URL(dl.bot.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/v3/directline/tokens/generate',
          headers: { Host: `evil.example:${port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
