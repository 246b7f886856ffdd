import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from '../config';
import { translator, resolveLocale } from '../i18n';
import type { Logger } from '../logging';
import { logId } from '../bot/turn-info';

/**
 * The Bot Framework adapter. With an app id it validates every incoming JWT and signs replies;
 * without one (local mode) authentication is disabled, which is why local mode binds to loopback.
 */
export function createAdapter(config: AppConfig, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.auth as ConfigurationBotFrameworkAuthenticationOptions,
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { conversation: logId(context.activity.conversation?.id), err: error.name, msg: error.message.slice(0, 200) },
      'turn failed',
    );
    try {
      const t = translator(resolveLocale(context.activity.locale));
      await context.sendActivity(t('bot:errors.unexpected'));
    } catch {
      // The channel itself is unreachable; the log line above is all we can do.
    }
  };
  return adapter;
}
