/**
 * From navigation to the first card on screen in Chromium (Debian's, /usr/bin/chromium), for
 * Brugbot's local chat page and, in the same run against the same bot, a baseline: the bare Web
 * Chat embed of Microsoft's samples (one script tag for the full bundle, served uncompressed;
 * once it has run, a token, then Web Chat starts the conversation). That is how this page worked
 * before issue 27, so the difference is what hashed compressed assets and the early start buy.
 * Every cold run has a fresh browser profile (empty cache); the warm run is a second visit in the
 * same profile, as a person who comes back sees it.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { webChatBundlePath } from '../src/channels/web-chat-page';
import type { BotChild } from './bot-child';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];
const CARD = '.webchat__basic-transcript__activity .ac-adaptiveCard';

export interface Spread {
  runs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface FirstCardFigures {
  brugbot: Spread;
  brugbotWarm: Spread;
  baseline: Spread;
  /** Bytes over the wire for the page and its files (Resource Timing), first run of each. */
  bytes: { brugbot: number; baseline: number };
  goalMs: number;
}

function spread(runs: number[]): Spread {
  const sorted = [...runs].sort((a, b) => a - b);
  return {
    runs,
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    minMs: sorted[0] ?? NaN,
    maxMs: sorted.at(-1) ?? NaN,
  };
}

/** The bare embed, as in Web Chat's "full bundle" sample, talking to the bot's local Direct Line. */
function baselinePage(): string {
  return `<!doctype html><html lang="nl-BE"><head><meta charset="utf-8"><title>Web Chat</title></head>
<body><div id="webchat" style="height:100vh"></div>
<script src="/webchat.js"></script>
<script>
(async () => {
  const domain = location.origin + '/v3/directline';
  const res = await fetch(domain + '/tokens/generate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"locale":"nl-BE"}' });
  const { token } = await res.json();
  WebChat.renderWebChat({ directLine: WebChat.createDirectLine({ domain, token }), locale: 'nl-BE' }, document.getElementById('webchat'));
})();
</script></body></html>`;
}

/**
 * Records when the first card is in the DOM, in the page's own clock (0 = navigation start).
 * Page code is given as text: the bench is compiled without the DOM's types.
 */
const WATCH_FIRST_CARD = `new MutationObserver((records, observer) => {
  if (!document.querySelector(${JSON.stringify(CARD)})) return;
  window.firstCardMs = performance.now();
  observer.disconnect();
}).observe(document, { subtree: true, childList: true });`;

/** The page's globals this bench reads (typed here: the bench has no DOM types). */
type PageGlobals = {
  firstCardMs?: number;
  performance: { getEntriesByType(type: string): { transferSize: number }[] };
};

async function firstCard(page: Page, url: string): Promise<{ ms: number; bytes: number }> {
  await page.addInitScript({ content: WATCH_FIRST_CARD });
  await page.goto(url, { waitUntil: 'commit' });
  // Functions, not strings: the chat page's CSP forbids evaluating strings.
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).firstCardMs, null, {
    timeout: 60_000,
    polling: 50,
  });
  return page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    const entries = [
      ...g.performance.getEntriesByType('navigation'),
      ...g.performance.getEntriesByType('resource'),
    ];
    return { ms: g.firstCardMs ?? NaN, bytes: entries.reduce((sum, r) => sum + r.transferSize, 0) };
  });
}

async function withProfile<T>(run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-bench-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    return await run(context);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The baseline's own origin: the bare page and the bundle as a plain file server sends them
 * (uncompressed, no-cache), every other request (Direct Line, its WebSocket) passed on to the
 * bot unchanged. The Host and Origin stay this server's, so the bot's same-origin checks hold.
 */
async function baselineServer(botUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const bot = new URL(botUrl);
  const page = Buffer.from(baselinePage());
  const bundle = fs.readFileSync(webChatBundlePath());
  const server = http.createServer((req, res) => {
    const own =
      req.url === '/'
        ? { type: 'text/html; charset=utf-8', body: page }
        : req.url === '/webchat.js'
          ? { type: 'application/javascript; charset=utf-8', body: bundle }
          : undefined;
    if (own) {
      res.writeHead(200, { 'Content-Type': own.type, 'Cache-Control': 'no-cache' });
      res.end(own.body);
      return;
    }
    const forward = http.request(
      {
        host: bot.hostname,
        port: bot.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('upgrade', (req, socket, head) => {
    const upstream = net.connect(Number(bot.port), bot.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function runFirstCard(bot: BotChild, runs = 5): Promise<FirstCardFigures> {
  const brugbot: number[] = [];
  const warm: number[] = [];
  const baseline: number[] = [];
  const bytes = { brugbot: NaN, baseline: NaN };
  const bare = await baselineServer(bot.url);
  const first = async (context: BrowserContext, url: string) =>
    firstCard(context.pages()[0] ?? (await context.newPage()), url);
  try {
    // One visit that is not counted: the server makes its compressed copies on the first request.
    await withProfile((context) => first(context, bot.url));
    for (let i = 0; i < runs; i++) {
      // Interleaved, so a busy moment on the machine falls on both.
      const b = await withProfile((context) => first(context, bare.url));
      baseline.push(b.ms);
      if (i === 0) bytes.baseline = b.bytes;
      await withProfile(async (context) => {
        const r = await first(context, bot.url);
        brugbot.push(r.ms);
        if (i === 0) bytes.brugbot = r.bytes;
        // A second visit in a new tab (a new conversation): the files come from the cache.
        warm.push((await firstCard(await context.newPage(), bot.url)).ms);
      });
    }
  } finally {
    await bare.close();
  }
  return {
    brugbot: spread(brugbot),
    brugbotWarm: spread(warm),
    baseline: spread(baseline),
    bytes,
    goalMs: 1500,
  };
}
