import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../logging';
import { refuseUpgrade as refuse, upgradeRouter } from '../../server';
import type { Conversation } from './conversation';
import type { ConversationStore } from './conversation-store';
import { isLoopbackHost } from './http-helpers';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
/** Browsers answer pings by themselves; a socket that misses two is gone. */
const HEARTBEAT_MS = 30_000;
/** Azure allows one stream per conversation; a few tolerate a duplicated tab. */
const MAX_STREAMS_PER_CONVERSATION = 4;

export interface ActivityStream {
  close(): void;
}

function decoded(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * Direct Line's WebSocket stream: the stream URL carries a single-use ticket instead of the
 * token (browsers cannot set headers on a WebSocket), and every message is an ActivitySet
 * `{ activities, watermark }`. Messages from the client (Web Chat's empty keep-alives) are ignored.
 */
export function attachActivityStream(
  httpServer: HttpServer,
  store: ConversationStore,
  logger: Logger,
): ActivityStream {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 });
  const alive = new WeakMap<WebSocket, boolean>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match?.[1]) return refuse(socket, 404, 'NotFound', 'No WebSocket here.');
    if (!isLoopbackHost(req.headers.host))
      return refuse(socket, 403, 'Forbidden', 'The local channel answers on localhost only.');
    const id = decoded(match[1]);
    const conversation = id === undefined ? undefined : store.get(id);
    if (!conversation)
      return refuse(socket, 404, 'NotFound', 'This conversation does not exist (or has expired).');
    const watermark = conversation.redeemStreamTicket(
      url.searchParams.get('t') ?? '',
      store.currentTime(),
    );
    if (watermark === undefined)
      return refuse(socket, 403, 'Forbidden', 'The stream URL is used, expired or wrong.');
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, conversation, watermark));
  };

  const serve = (ws: WebSocket, conversation: Conversation, watermark: number): void => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('error', (error) => logger.debug({ err: error.name }, 'Direct Line stream error'));
    const send = (payload: string): void => {
      if (ws.readyState === ws.OPEN) ws.send(payload);
    };
    const unsubscribe = conversation.subscribe(
      {
        deliver: (set) => send(JSON.stringify(set)),
        close: (reason) => ws.close(1000, reason.slice(0, 100)),
      },
      MAX_STREAMS_PER_CONVERSATION,
    );
    ws.on('close', unsubscribe);
    const backlog = conversation.since(watermark);
    if (backlog.activities.length) send(JSON.stringify(backlog));
  };

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  // The server's upgrade router refuses every other path (see src/server/upgrades.ts).
  const remove = upgradeRouter(httpServer).add((pathname) => STREAM_PATH.test(pathname), onUpgrade);
  return {
    close() {
      clearInterval(heartbeat);
      remove();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
