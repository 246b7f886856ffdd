import WebSocket from 'ws';
import { startBot, type RunningBot } from '../helpers/bot-server';

export type Activity = Record<string, unknown> & { id: string; type: string };
export interface ActivitySet {
  activities: Activity[];
  watermark: string;
}
export interface Session {
  conversationId: string;
  token: string;
  streamUrl: string;
}

/** Every HTTP status the channel answered during a test file, to assert that none was a 5xx. */
export const seenStatuses: number[] = [];

/** A minimal Direct Line 3.0 client, speaking the protocol the way Web Chat's DirectLineJS does. */
export class DirectLineClient {
  private readonly sockets = new Set<WebSocket>();

  constructor(readonly origin: string) {}

  get domain(): string {
    return `${this.origin}/v3/directline`;
  }

  async request(
    method: string,
    path: string,
    init: { token?: string; body?: unknown; raw?: string; contentType?: string } = {},
  ) {
    const headers: Record<string, string> = {};
    if (init.token !== undefined) headers.Authorization = `Bearer ${init.token}`;
    if (init.body !== undefined || init.raw !== undefined)
      headers['Content-Type'] = init.contentType ?? 'application/json';
    const res = await fetch(`${this.domain}${path}`, {
      method,
      headers,
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    seenStatuses.push(res.status);
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return {
      status: res.status,
      json: json as Record<string, unknown>,
      text,
      contentType: res.headers.get('content-type') ?? '',
    };
  }

  /** Token, then start: the sequence Web Chat follows with `createDirectLine({ token })`. */
  async start(locale = 'nl-BE'): Promise<Session> {
    const generated = await this.request('POST', '/tokens/generate', { body: { locale } });
    if (generated.status !== 200) throw new Error(`tokens/generate answered ${generated.status}`);
    const started = await this.request('POST', '/conversations', {
      token: String(generated.json.token),
      body: { user: {}, locale },
    });
    if (started.status !== 201) throw new Error(`conversations answered ${started.status}`);
    return started.json as unknown as Session;
  }

  async post(session: Session, activity: unknown) {
    return this.request(
      'POST',
      `/conversations/${encodeURIComponent(session.conversationId)}/activities`,
      {
        token: session.token,
        body: activity,
      },
    );
  }

  async poll(session: Session, watermark = ''): Promise<ActivitySet> {
    const res = await this.request(
      'GET',
      `/conversations/${encodeURIComponent(session.conversationId)}/activities?watermark=${watermark}`,
      {
        token: session.token,
      },
    );
    if (res.status !== 200) throw new Error(`polling answered ${res.status}`);
    return res.json as unknown as ActivitySet;
  }

  /** Polls until `predicate` holds for the activities since `watermark`, as DirectLineJS does every second. */
  async pollUntil(
    session: Session,
    predicate: (activities: Activity[]) => boolean,
    watermark = '',
    timeoutMs = 15_000,
  ): Promise<ActivitySet> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const set = await this.poll(session, watermark);
      if (predicate(set.activities)) return set;
      if (Date.now() > deadline)
        throw new Error(`timed out; saw ${JSON.stringify(set.activities.map((a) => a.type))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Opens the stream and records every ActivitySet it receives; closed by `closeAll`. */
  async stream(
    streamUrl: string,
  ): Promise<{ sets: ActivitySet[]; activities: () => Activity[]; socket: WebSocket }> {
    const socket = new WebSocket(streamUrl);
    this.sockets.add(socket);
    const sets: ActivitySet[] = [];
    socket.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      if (text) sets.push(JSON.parse(text) as ActivitySet);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_req, res) =>
        reject(new Error(`stream refused: ${res.statusCode}`)),
      );
      socket.once('error', reject);
    });
    return { sets, activities: () => sets.flatMap((s) => s.activities), socket };
  }

  /** The HTTP status a stream URL is refused with, or 101 when it opens. */
  async streamStatus(streamUrl: string): Promise<number> {
    const socket = new WebSocket(streamUrl);
    this.sockets.add(socket);
    return new Promise<number>((resolve) => {
      socket.once('open', () => resolve(101));
      socket.once('unexpected-response', (_req, res) => {
        seenStatuses.push(res.statusCode ?? 0);
        resolve(res.statusCode ?? 0);
        res.resume();
      });
      socket.once('error', () => resolve(0));
    });
  }

  async closeAll(): Promise<void> {
    await Promise.all(
      [...this.sockets].map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.readyState === WebSocket.CLOSED) return resolve();
            s.once('close', () => resolve());
            s.terminate();
          }),
      ),
    );
    this.sockets.clear();
  }
}

/** Resolves once `predicate` holds, checking every 20 ms. */
export async function eventually<T>(read: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function isCard(activity: Activity): boolean {
  const attachments = (activity.attachments as { contentType: string }[] | undefined) ?? [];
  return (
    activity.type === 'message' &&
    attachments.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
  );
}

export function cardOf(activity: Activity): Record<string, unknown> {
  const attachments = activity.attachments as {
    contentType: string;
    content: Record<string, unknown>;
  }[];
  return attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')!
    .content;
}

/**
 * The fixture every Direct Line test file needs: the real app in local mode and a client, sockets
 * closed after each test, and at the end the check that no answer was ever a server error.
 */
export function useLocalChannel(): { bot: RunningBot; client: DirectLineClient } {
  const fixture = {} as { bot: RunningBot; client: DirectLineClient };
  beforeAll(async () => {
    fixture.bot = await startBot();
    fixture.client = new DirectLineClient(fixture.bot.url);
  });
  afterEach(async () => fixture.client.closeAll());
  afterAll(async () => {
    await fixture.bot.stop();
    // Whatever the input, the channel answered as a client or auth error, never as a crash.
    expect(seenStatuses.filter((s) => s >= 500)).toEqual([]);
  });
  return fixture;
}
