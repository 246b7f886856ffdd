import {
  AuthenticationConstants,
  AuthenticationError,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import {
  CallerIdConstants,
  CloudAdapter,
  type Activity,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { AppConfig } from '../../config';
import { keepEntityExtensions } from './connector-entities';
import { errorForLog, type Logger } from '../../logging';
import {
  httpAnswer,
  runTurn,
  type Authentication,
  type InboundActivity,
  type OutgoingActivity,
  type ProcessResult,
  type TurnApplication,
  type TurnIo,
  type TurnOutcome,
} from '../../turn';

/** jsonwebtoken's own errors pass through botbuilder unwrapped when a signature or date is wrong. */
const JWT_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** A bad token, as opposed to a failure to check one (botbuilder also throws AuthenticationError, status 500, when the keys cannot be loaded). */
function isInvalidToken(error: unknown): boolean {
  if (error instanceof AuthenticationError)
    return error.statusCode === 401 || error.statusCode === 403;
  return error instanceof Error && JWT_ERRORS.has(error.name);
}

/**
 * CloudAdapter, with the HTTP mapping done by us: botbuilder's own `process` answers any
 * non-authentication failure with a 500 and the raw error message. Here an invalid token is a
 * 401, and a failure to check it (e.g. the signing keys cannot be fetched) a 503, with no details.
 * Authentication and the turn are two calls, so the caller can apply its own checks (tenant,
 * rate limits) to authenticated activities only.
 */
export class BrugAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly logger: Logger,
  ) {
    super(auth);
  }

  /** The channel's token checked (nothing to check in local mode), or the refusal to send. */
  async authenticate(authHeader: string, activity: InboundActivity): Promise<Authentication> {
    try {
      return {
        ok: true,
        identity: await this.botFrameworkAuthentication.authenticateRequest(
          activity as unknown as Activity,
          authHeader,
        ),
      };
    } catch (error) {
      if (isInvalidToken(error)) {
        this.logger.warn(
          { channel: activity.channelId },
          'refused an activity: invalid Bot Framework token',
        );
        return { ok: false, refusal: httpAnswer({ kind: 'unauthorised' }) };
      }
      this.logger.error({ err: errorForLog(error) }, 'could not authenticate an activity');
      return { ok: false, refusal: httpAnswer({ kind: 'unavailable' }) };
    }
  }

  /**
   * Runs the application's turn on an authenticated activity; the application sees the activity
   * as the boundary validated it, as on the Agents host. The HTTP answer is `httpAnswer`'s.
   */
  async run(
    identity: unknown,
    activity: InboundActivity,
    app: TurnApplication,
  ): Promise<ProcessResult> {
    let outcome: TurnOutcome | undefined;
    try {
      const invoke = await this.processActivity(
        identity as AuthenticateRequestResult,
        // botbuilder sets fields (callerId) on the object it is given: a copy, as on the Agents host.
        structuredClone(activity) as unknown as Activity,
        async (context) => {
          outcome = await runTurn(app, activity, turnIo(context), this.logger);
        },
      );
      return httpAnswer(
        outcome ?? {
          kind: 'answered',
          result: { status: invoke?.status ?? 200, body: invoke?.body },
        },
      );
    } catch (error) {
      this.logger.error({ err: errorForLog(error) }, 'could not process an activity');
      return httpAnswer({ kind: 'unavailable' });
    }
  }
}

/** The application's way back to the channel, through botbuilder's turn context. */
function turnIo(context: TurnContext): TurnIo {
  return {
    async send(activities: OutgoingActivity[]) {
      const sent = await context.sendActivities(activities as Partial<Activity>[]);
      return sent.map((r) => (r?.id ? { id: r.id } : {}));
    },
    async update(activityId: string, activity: OutgoingActivity) {
      await context.updateActivity({ ...(activity as Partial<Activity>), id: activityId });
    },
  };
}

/**
 * botbuilder switches to explicit settings as soon as one is given, leaving the others empty,
 * so a custom key location needs the rest of the public-cloud values spelled out.
 */
function publicCloudWithKeysFrom(
  openIdMetadataUrl: string,
): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
  };
}

/**
 * The Bot Framework adapter. With an app id it validates every incoming JWT and signs replies;
 * without one (local mode) authentication is disabled, which is why local mode binds to loopback.
 */
export function createAdapter(config: AppConfig, logger: Logger): BrugAdapter {
  keepEntityExtensions();
  // botbuilder insists on an app id for SingleTenant/MSI; local mode has none and no auth at all.
  const options: ConfigurationBotFrameworkAuthenticationOptions = config.localMode
    ? { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' }
    : {
        ...(config.auth as ConfigurationBotFrameworkAuthenticationOptions),
        ...(config.openIdMetadataUrl ? publicCloudWithKeysFrom(config.openIdMetadataUrl) : {}),
      };
  const auth = new ConfigurationBotFrameworkAuthentication(options);
  const adapter = new BrugAdapter(auth, logger);
  // `runTurn` catches the application's failures and tells the person, as on the Agents host;
  // anything reaching here failed in the SDK itself, which `run` answers with 503.
  adapter.onTurnError = async (_context: TurnContext, error: Error) => {
    throw error;
  };
  return adapter;
}
