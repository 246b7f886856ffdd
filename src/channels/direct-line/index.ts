import type { Server } from 'restify';
import type { Logger } from '../../logging';
import { attachActivityStream } from './activity-stream';
import { BotForwarder } from './bot-forwarder';
import { mountClientRoutes } from './client-routes';
import { mountConnectorRoutes } from './connector-routes';
import { ConversationStore, DEFAULT_LIMITS, type StoreLimits } from './conversation-store';
import type { ChannelActivity } from './conversation';
import { ownBaseUrl } from './http-helpers';

export { DEFAULT_LIMITS, type StoreLimits } from './conversation-store';
export { LOCAL_BOT } from './activity-shapes';
export { isLoopbackHost, loopbackOnly } from './http-helpers';

/** A thread the bot started in a local channel, as the channel holds it now. */
export interface ChannelThread {
  conversationId: string;
  activities: ChannelActivity[];
  updates: number;
  lastUpdatedAt: string | undefined;
}

export interface LocalDirectLine {
  /** Threads the bot started in `channelId` (the local steering channel), for read-only views. */
  channelThreads(channelId: string): ChannelThread[];
  /** Ends every stream, waits for turns in flight and forgets all conversations. */
  close(): Promise<void>;
}

const SWEEP_MS = 60_000;

/**
 * A Direct Line 3.0 look-alike plus the Connector API, in the bot's own process: Web Chat talks
 * to it as to Azure, and it talks to `/api/messages` as Azure would. A local development
 * convenience only: memory-only, bounded, and mounted only when the bot has no app id.
 */
export function mountDirectLine(
  server: Server,
  deps: { logger: Logger; limits?: StoreLimits },
): LocalDirectLine {
  const store = new ConversationStore(deps.limits ?? DEFAULT_LIMITS);
  const baseUrl = () => ownBaseUrl(server);
  const forwarder = new BotForwarder(() => `${baseUrl()}api/messages`, deps.logger);
  mountClientRoutes(server, { store, forwarder, baseUrl });
  mountConnectorRoutes(server, { store, baseUrl });
  const stream = attachActivityStream(server.server, store, deps.logger);
  const sweeper = setInterval(() => store.sweep(), SWEEP_MS);
  sweeper.unref();
  return {
    channelThreads: (channelId) =>
      store.threadsIn(channelId).map((c) => ({
        conversationId: c.id,
        activities: c.since(0).activities,
        updates: c.updates,
        lastUpdatedAt: c.lastUpdatedAt,
      })),
    async close() {
      clearInterval(sweeper);
      stream.close();
      await forwarder.close();
      store.clear();
    },
  };
}
