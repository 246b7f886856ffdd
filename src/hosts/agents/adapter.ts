import type { Activity } from '@microsoft/agents-activity';
import {
  CloudAdapter,
  ConnectorClient,
  type HeaderPropagationCollection,
  type Request,
  type ResourceResponse,
} from '@microsoft/agents-hosting';

/** The caller's claims as the SDK types them (jsonwebtoken's JwtPayload). */
type Identity = NonNullable<Request['user']>;

/**
 * The SDK's Connector client puts conversation ids into the path as they are (1.8.1 encodes only
 * the id a reply answers), so an id with `/`, `?`, `#` or `%` would reach another URL. botbuilder
 * encodes every id; this client does the same, which makes both hosts call identical URLs.
 */
class EncodedIdsClient extends ConnectorClient {
  constructor(from: ConnectorClient) {
    super(from.httpClient);
  }

  override replyToActivity(
    conversationId: string,
    activityId: string,
    body: Activity,
  ): Promise<ResourceResponse> {
    return super.replyToActivity(encodeURIComponent(conversationId), activityId, body);
  }

  override sendToConversation(conversationId: string, body: Activity): Promise<ResourceResponse> {
    return super.sendToConversation(encodeURIComponent(conversationId), body);
  }

  override updateActivity(
    conversationId: string,
    activityId: string,
    body: Activity,
  ): Promise<ResourceResponse> {
    return super.updateActivity(
      encodeURIComponent(conversationId),
      encodeURIComponent(activityId),
      body,
    );
  }

  override deleteActivity(
    conversationId: string,
    activityId: string,
    isTargetedActivity?: boolean,
  ): Promise<void> {
    return super.deleteActivity(
      encodeURIComponent(conversationId),
      encodeURIComponent(activityId),
      isTargetedActivity,
    );
  }
}

/** The Connector's scope: the bot's own token for replies and proactive messages. */
export const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';

/**
 * CloudAdapter whose turns talk to the Connector through EncodedIdsClient. The SDK fetches the
 * bot's token before the turn runs, so an Entra outage would fail the whole turn, answers saved
 * or not; botbuilder fetches it when the first reply goes out. Here too: the turn runs (and
 * saves), and only the replies wait for the token, as on the botbuilder host.
 */
export class BrugAgentsAdapter extends CloudAdapter {
  protected override async createConnectorClientWithIdentity(
    identity: Identity,
    activity: Activity,
    headers?: HeaderPropagationCollection,
  ): Promise<ConnectorClient> {
    if (!identity?.aud)
      return new EncodedIdsClient(
        await super.createConnectorClientWithIdentity(identity, activity, headers),
      );
    const client = new EncodedIdsClient(
      ConnectorClient.createClientWithToken(activity.serviceUrl ?? '', null as never, headers),
    );
    const provider = this.connectionManager.getTokenProviderFromActivity(identity, activity);
    const http = client.httpClient;
    const request = http.request.bind(http);
    http.request = async (config) => {
      http.setHeader(
        'Authorization',
        `Bearer ${await provider.getAccessToken(BOT_FRAMEWORK_SCOPE)}`,
      );
      return request(config);
    };
    return client;
  }
}
