import type { AppConfig } from '../config';
import type { Logger } from '../logging';
import type { BotHost } from '../turn';

/**
 * The host for `BOT_SDK`. Each SDK is imported only by its own folder and loaded only when
 * chosen, so a botbuilder process never loads the Agents SDK and the other way round.
 */
export async function createHost(config: AppConfig, logger: Logger): Promise<BotHost> {
  if (config.botSdk === 'agents') {
    const { createAgentsHost } = await import('./agents');
    return createAgentsHost(config, logger);
  }
  const { createBotbuilderHost } = await import('./botbuilder');
  return createBotbuilderHost(config, logger);
}
