import http from 'node:http';
import { listenOnLoopback } from './fake-server';

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  /** The activity id in the path: what a reply answers, or what an update replaces. */
  activityId?: string;
  body: Record<string, unknown>;
  /** The bearer token the bot sent, if any (local mode sends none). */
  authorization?: string;
  /** The id this fake gave the posted activity. */
  id: string;
}

/**
 * A tiny Bot Connector service: it records every REST call the bot makes (send, reply,
 * update, create conversation) and answers like the real one, so tests see exactly what
 * a channel would receive.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server?: http.Server;
  private counter = 0;
  /** Status codes to answer with next, e.g. [403] to simulate a bot that is not in the team. */
  failNext: number[] = [];
  /** Answer every call this much later (lets two bot processes overlap on one send). */
  delayMs = 0;
  /** Calls for which this returns true are recorded but never answered (a send cut off mid-way). */
  hold: (call: ConnectorCall) => boolean = () => false;
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => this.handle(req, res, raw));
    });
    this.url = `${await listenOnLoopback(this.server)}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    // Held requests would keep close() waiting for ever.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string): void {
    const failure = this.failNext.shift();
    if (failure) {
      res.writeHead(failure, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'Simulated', message: 'simulated failure' } }));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    // /v3/conversations[/:conversationId[/activities[/:activityId]]]
    const conversationId = parts[2] ?? '';
    const activityId = parts[4];
    const id = `act-${++this.counter}`;
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    const call = {
      method: req.method ?? '',
      path: url.pathname,
      conversationId,
      activityId,
      body,
      authorization: req.headers.authorization,
      id,
    };
    this.calls.push(call);
    if (this.hold(call)) return;
    const answer = () => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify(
          parts.length === 2 ? { id: `conv-${this.counter}`, activityId: id } : { id },
        ),
      );
    };
    if (this.delayMs) setTimeout(answer, this.delayMs);
    else answer();
  }

  /** Messages sent into a conversation (POST), in order. */
  messagesTo(conversationId: string): (ConnectorCall & { body: Record<string, unknown> })[] {
    return this.calls.filter((c) => c.method === 'POST' && c.conversationId === conversationId);
  }

  clear(): void {
    this.calls.length = 0;
  }
}
