import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AppCredentials, AuthenticationConstants } from 'botframework-connector';
import type { AppConfig } from '../../config';
import type { Logger } from '../../logging';
import type { BotHost } from '../../turn';
import { createAdapter } from './adapter';

/**
 * The bot's own bearer token for outbound Connector calls, from the same settings the adapter
 * uses; undefined in local mode, where the local channel checks no tokens.
 */
function tokenSource(config: AppConfig): (() => Promise<string>) | undefined {
  if (config.localMode || !config.auth.MicrosoftAppId) return undefined;
  const factory = new ConfigurationServiceClientCredentialFactory({ ...config.auth });
  let credentials: Promise<unknown> | undefined;
  return async () => {
    credentials ??= factory.createCredentials(
      config.auth.MicrosoftAppId ?? '',
      AuthenticationConstants.ToChannelFromBotOAuthScope,
      AuthenticationConstants.ToChannelFromBotLoginUrl,
      true,
    );
    const creds = await credentials;
    if (!(creds instanceof AppCredentials))
      throw new Error('these credentials cannot issue a token');
    return creds.getToken();
  };
}

/** Brugbot on the Bot Framework SDK for JavaScript (botbuilder 4.x): the default host. */
export function createBotbuilderHost(config: AppConfig, logger: Logger): BotHost {
  const adapter = createAdapter(config, logger);
  return {
    authenticate: (header, activity) => adapter.authenticate(header, activity),
    run: (identity, activity, app) => adapter.run(identity, activity, app),
    outboundToken: tokenSource(config),
  };
}
