import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;
const CARD = 'application/vnd.microsoft.card.adaptive';

/** What the fake channel keeps per conversation: enough to walk it, never the whole history. */
export interface ConversationLog {
  lastCard?: Json;
  posts: number;
  texts: string[];
  /** performance.now() of each PUT (activity update), for the steering-note latency. */
  updates: number[];
}

/**
 * A lean Bot Connector for load: the tests' FakeConnector keeps every call, which at tens of
 * thousands of turns makes the driver, not the bot, the thing being measured. This one keeps the
 * last card per conversation and the sizes of what it received, and answers like the real one.
 */
export class BenchConnector {
  readonly conversations = new Map<string, ConversationLog>();
  /** Conversations the bot created (`POST /v3/conversations`): new channel threads. */
  readonly threads: { id: string; at: number }[] = [];
  private readonly listeners = new Set<() => void>();
  largestCardBytes = 0;
  largestBodyBytes = 0;
  url = '';
  private server?: http.Server;
  private counter = 0;

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks)));
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  log(conversationId: string): ConversationLog {
    let log = this.conversations.get(conversationId);
    if (!log) {
      log = { posts: 0, texts: [], updates: [] };
      this.conversations.set(conversationId, log);
    }
    return log;
  }

  /** Forgets finished conversations so a long run keeps the driver's memory flat. */
  forget(conversationId: string): void {
    this.conversations.delete(conversationId);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): void {
    // /v3/conversations[/:conversationId[/activities[/:activityId]]]
    const parts = (req.url ?? '/')
      .split('?')[0]!
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);
    const id = `act-${++this.counter}`;
    let body: Json = {};
    try {
      body = raw.length ? (JSON.parse(raw.toString('utf8')) as Json) : {};
    } catch {
      res.writeHead(400).end();
      return;
    }
    this.largestBodyBytes = Math.max(this.largestBodyBytes, raw.length);
    const conversationId = parts[2];
    if (conversationId) this.record(this.log(conversationId), req.method ?? '', body);
    if (parts.length === 2)
      this.threads.push({ id: `conv-${this.counter}`, at: performance.now() });
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify(parts.length === 2 ? { id: `conv-${this.counter}`, activityId: id } : { id }),
    );
    for (const listener of this.listeners) listener();
  }

  /** Resolves once `ready()` holds, checked after every call the bot makes; bounded by `timeoutMs`. */
  until<T>(ready: () => T | undefined, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = ready();
        if (value === undefined) return;
        done();
        resolve(value);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`fake Connector: nothing arrived within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  private record(log: ConversationLog, method: string, body: Json): void {
    if (method === 'PUT') log.updates.push(performance.now());
    if (method !== 'POST') return;
    log.posts++;
    if (typeof body.text === 'string') log.texts.push(body.text);
    const attachments =
      (body.attachments as { contentType: string; content: Json }[] | undefined) ?? [];
    for (const a of attachments) {
      if (a.contentType !== CARD) continue;
      log.lastCard = a.content;
      const bytes = Buffer.byteLength(JSON.stringify(a.content), 'utf8');
      this.largestCardBytes = Math.max(this.largestCardBytes, bytes);
    }
  }
}
