import fs from 'node:fs';
import http from 'node:http';
import zlib from 'node:zlib';
import { webChatBundlePath } from '../../src/channels/web-chat-page';
import { startBot, type RunningBot } from '../helpers/bot-server';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw GET (fetch would decompress and pick its own Accept-Encoding), bytes as sent. */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

describe('the local chat page and its files', () => {
  let bot: RunningBot;
  let page: Answer;
  let assets: Record<string, string>;
  beforeAll(async () => {
    bot = await startBot();
    page = await get(`${bot.url}/`);
    const names = [
      ...page.body.toString('utf8').matchAll(/\/static\/([\w-]+)\.([0-9a-f]{12})\.(\w+)/g),
    ];
    assets = Object.fromEntries(names.map((m) => [`${m[1]}.${m[3]}`, m[0]]));
  });
  afterAll(async () => bot.stop());

  it('sends the page with no-cache, naming every file by its content hash', () => {
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(Object.keys(assets).sort()).toEqual([
      'boot.js',
      'brugbot.svg',
      'chat.css',
      'chat.js',
      'webchat.js',
    ]);
    expect(page.body.toString('utf8')).not.toMatch(/\/static\/[\w-]+\.(js|css|svg)"/);
  });

  it('sends Web Chat brotli- or gzip-compressed as asked, immutable for a year', async () => {
    const original = fs.readFileSync(webChatBundlePath());
    const url = `${bot.url}${assets['webchat.js']}`;
    const br = await get(url, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toContain('application/javascript');
    expect(br.body.length).toBeLessThan(original.length / 3);
    expect(zlib.brotliDecompressSync(br.body).equals(original)).toBe(true);

    const gz = await get(url, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.gunzipSync(gz.body).equals(original)).toBe(true);

    // Brotli refused (q=0) falls back to gzip; no Accept-Encoding at all gets the plain bytes.
    const refused = await get(url, { 'Accept-Encoding': 'br;q=0, gzip;q=0.5' });
    expect(refused.headers['content-encoding']).toBe('gzip');
    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it.each(['chat.js', 'chat.css', 'boot.js', 'brugbot.svg'])(
    'sends %s compressed and immutable too',
    async (name) => {
      const res = await get(`${bot.url}${assets[name]}`, { 'Accept-Encoding': 'br' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toContain('immutable');
    },
  );

  it('finds nothing under an unknown hash, a bare name or a prototype key', async () => {
    const stale = assets['chat.js']!.replace(/\.[0-9a-f]{12}\./, '.000000000000.');
    for (const path of [stale, '/static/chat.js', '/static/webchat.js', '/static/constructor']) {
      const res = await get(`${bot.url}${path}`, { 'Accept-Encoding': 'br' });
      expect(res.status).toBe(404);
      expect(res.headers['cache-control'] ?? '').not.toContain('immutable');
    }
  });
});
