import type { Server } from 'restify';
import type { Logger } from '../logging';
import { mountDirectLine, type ChannelThread } from './direct-line';
import { mountWebChatPage } from './web-chat-page';

export type { ChannelThread } from './direct-line';

export interface LocalChannels {
  /** What the bot posted into a local channel (the steering feed reads it). */
  channelThreads(channelId: string): ChannelThread[];
  close(): Promise<void>;
}

/**
 * Everything a developer needs to talk to the bot without Azure: the Web Chat page at `/`, a
 * local Direct Line for it, and the Connector API the bot replies through. Local mode only;
 * in production Azure's Direct Line is the channel and none of these routes exist.
 */
export function mountLocalChannels(server: Server, deps: { logger: Logger }): LocalChannels {
  const directLine = mountDirectLine(server, deps);
  mountWebChatPage(server);
  return {
    channelThreads: (channelId) => directLine.channelThreads(channelId),
    close: () => directLine.close(),
  };
}
