import { Activity } from '@microsoft/agents-activity';
import { AuthType, type AuthConfiguration, type TurnContext } from '@microsoft/agents-hosting';
import type { JWTPayload } from 'jose';
import type { AppConfig } from '../../config';
import { errorForLog, type Logger } from '../../logging';
import { httpAnswer, runTurn, type BotHost, type TurnIo, type TurnOutcome } from '../../turn';
import { BOT_FRAMEWORK_SCOPE, BrugAgentsAdapter } from './adapter';
import { CapturedResponse } from './captured-response';
import { createChannelTokenValidator, InvalidTokenError } from './channel-token';

/** The checked claims of one request; only this host makes them, so `run` can tell its own. */
class ChannelIdentity {
  constructor(readonly claims: JWTPayload) {}
}

function hasCredentials(config: AppConfig): boolean {
  return !config.localMode && Boolean(config.auth.MicrosoftAppId);
}

/** Brugbot's settings in the SDK's terms; MultiTenant signs in at botframework.com, as botbuilder does. */
function authConfiguration(config: AppConfig): AuthConfiguration {
  if (!hasCredentials(config)) return {};
  const { MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId } =
    config.auth;
  const managed = MicrosoftAppType === 'UserAssignedMSI';
  return {
    clientId: MicrosoftAppId,
    authType: managed ? AuthType.UserManagedIdentity : AuthType.ClientSecret,
    ...(managed ? {} : { clientSecret: MicrosoftAppPassword }),
    ...(MicrosoftAppType !== 'MultiTenant' ? { tenantId: MicrosoftAppTenantId } : {}),
  };
}

/** Replies go through the SDK's turn context, which addresses them to the activity's serviceUrl. */
function ioFor(context: TurnContext): TurnIo {
  return {
    async send(activities) {
      // The SDK refuses an empty batch; nothing to send is not an error here.
      if (activities.length === 0) return [];
      const sent = await context.sendActivities(activities.map((a) => Activity.fromObject(a)));
      return sent.map((r) => (r.id ? { id: r.id } : {}));
    },
    async update(activityId, activity) {
      await context.updateActivity(Activity.fromObject({ ...activity, id: activityId }));
    },
  };
}

/**
 * The Microsoft 365 Agents SDK host: CloudAdapter for the turn and the Connector, the SDK's
 * MSAL provider for the bot's token, and botbuilder's channel-token rules for authentication
 * (see channel-token.ts for why those are not the SDK's).
 */
export function createAgentsHost(config: AppConfig, logger: Logger): BotHost {
  const credentials = hasCredentials(config);
  const adapter = new BrugAgentsAdapter(authConfiguration(config));
  // The SDK's default handler would send the user developer text in English; `runTurn` catches
  // the application's failures, so anything reaching here fails `process`, which answers 503.
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  const validate = credentials
    ? createChannelTokenValidator(config.auth.MicrosoftAppId ?? '', config.openIdMetadataUrl)
    : undefined;

  const claimsFor = (identity: unknown): JWTPayload | undefined => {
    if (!credentials) return undefined;
    if (identity instanceof ChannelIdentity) return identity.claims;
    throw new Error('agents host: run() needs the identity its authenticate() returned');
  };

  return {
    async authenticate(authHeader, activity) {
      if (!validate) return { ok: true, identity: undefined };
      try {
        return { ok: true, identity: new ChannelIdentity(await validate(authHeader, activity)) };
      } catch (error) {
        if (error instanceof InvalidTokenError) {
          logger.warn(
            { channel: activity.channelId },
            'refused an activity: invalid Bot Framework token',
          );
          return { ok: false, refusal: httpAnswer({ kind: 'unauthorised' }) };
        }
        logger.error({ err: errorForLog(error) }, 'could not authenticate an activity');
        return { ok: false, refusal: httpAnswer({ kind: 'unavailable' }) };
      }
    },

    async run(identity, activity, app) {
      const response = new CapturedResponse();
      // Set once the turn ran; until then the adapter's own answer stands.
      let outcome: TurnOutcome | undefined;
      try {
        await adapter.process(
          {
            // The SDK rewrites some fields of the body it is given; the application sees the original.
            body: structuredClone(activity),
            headers: {},
            method: 'POST',
            user: claimsFor(identity),
          },
          response,
          async (context) => {
            outcome = await runTurn(app, activity, ioFor(context), logger);
          },
        );
      } catch (error) {
        // The turn catches its own failures, so a ZodError here is the SDK refusing the activity
        // (the boundary's schema, turn/activity.ts, is meant to refuse it first).
        if (error instanceof Error && error.name === 'ZodError') {
          logger.warn({ channel: activity.channelId }, 'refused an activity the SDK cannot read');
          return httpAnswer({ kind: 'malformed' });
        }
        logger.error({ err: errorForLog(error) }, 'could not process an activity');
        return httpAnswer({ kind: 'unavailable' });
      }
      return outcome ? httpAnswer(outcome) : response.result;
    },

    outboundToken: credentials
      ? () => adapter.connectionManager.getDefaultConnection().getAccessToken(BOT_FRAMEWORK_SCOPE)
      : undefined,
  };
}
