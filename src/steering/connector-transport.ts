/** What a steering post sends: a message with the note card and its Markdown fallback. */
export interface OutgoingMessage {
  type: 'message';
  text: string;
  textFormat: 'markdown';
  attachments: { contentType: string; content: Record<string, unknown> }[];
}

/** A message into an existing conversation: a notice, or a card (follow-up check-ins). */
export type ProactiveMessage = {
  type: 'message';
  text: string;
  textFormat: 'markdown';
  attachments?: OutgoingMessage['attachments'];
};

/** The Connector REST calls steering needs; an interface so the outbox logic is tested on its own. */
export interface SteeringTransport {
  /** `POST /v3/conversations` with `isGroup`: a new thread in a Teams channel. */
  createThread(
    serviceUrl: string,
    channel: { channelId: string; tenantId?: string; teamId?: string },
    message: OutgoingMessage,
  ): Promise<{ conversationId: string; activityId: string }>;
  /** `PUT /v3/conversations/:id/activities/:activityId`: the same message, new content. */
  updateActivity(
    serviceUrl: string,
    conversationId: string,
    activityId: string,
    message: OutgoingMessage,
  ): Promise<void>;
  /** `POST /v3/conversations/:id/activities`: a proactive message into an existing conversation. */
  send(serviceUrl: string, conversationId: string, message: ProactiveMessage): Promise<void>;
  /** `GET /v3/conversations/:teamId/members/:userId`: whether the person is in the team. */
  isTeamMember(serviceUrl: string, teamId: string, userId: string): Promise<boolean>;
}

/** A Connector call that did not succeed, with what the outbox needs to decide on a retry. */
export class ConnectorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly retryAfterMs?: number,
  ) {
    super(`Connector answered ${status} ${code}`);
    this.name = 'ConnectorError';
  }
}

export type FailureKind = 'notInTeam' | 'channelGone' | 'transient' | 'rejected';

/** 403 is Teams' BotNotInConversationRoster; 404 a deleted channel or message; the rest may pass. */
export function failureKind(error: unknown): FailureKind {
  if (!(error instanceof ConnectorError)) return 'transient';
  if (error.status === 403) return 'notInTeam';
  if (error.status === 404) return 'channelGone';
  if (error.status === 429 || error.status === 412 || error.status >= 500 || error.status === 0)
    return 'transient';
  return 'rejected';
}

/** A Connector call should be quick; a hung one must not hold an outbox claim for long. */
const TIMEOUT_MS = 15_000;

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * Plain HTTPS calls to the Connector API. botbuilder's ConnectorClient retries 5xx inside the
 * call for several seconds; here each call is one request with a timeout, and the durable
 * outbox owns every retry, so a failure is never retried twice over.
 */
export class ConnectorTransport implements SteeringTransport {
  constructor(private readonly token?: () => Promise<string>) {}

  private async call(
    method: string,
    serviceUrl: string,
    path: string,
    body?: unknown,
  ): Promise<Record<string, unknown>> {
    const url = `${serviceUrl.replace(/\/+$/, '')}/${path}`;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
    if (this.token) headers.Authorization = `Bearer ${await this.token()}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new ConnectorError(0, (error as Error).name);
    }
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      // Some gateways answer errors in HTML; the status says enough.
    }
    if (!res.ok) {
      const code = (json.error as { code?: unknown } | undefined)?.code;
      throw new ConnectorError(
        res.status,
        typeof code === 'string' ? code.slice(0, 80) : 'Error',
        retryAfter(res.headers.get('retry-after')),
      );
    }
    return json;
  }

  async createThread(
    serviceUrl: string,
    channel: { channelId: string; tenantId?: string; teamId?: string },
    message: OutgoingMessage,
  ): Promise<{ conversationId: string; activityId: string }> {
    const channelData = {
      channel: { id: channel.channelId },
      ...(channel.tenantId ? { tenant: { id: channel.tenantId } } : {}),
      ...(channel.teamId ? { team: { id: channel.teamId } } : {}),
    };
    const body = {
      isGroup: true,
      channelData,
      ...(channel.tenantId ? { tenantId: channel.tenantId } : {}),
      activity: message,
    };
    const json = await this.call('POST', serviceUrl, 'v3/conversations', body);
    if (typeof json.id !== 'string' || typeof json.activityId !== 'string')
      throw new ConnectorError(502, 'NoActivityId');
    return { conversationId: json.id, activityId: json.activityId };
  }

  async updateActivity(
    serviceUrl: string,
    conversationId: string,
    activityId: string,
    message: OutgoingMessage,
  ): Promise<void> {
    const path = `v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`;
    await this.call('PUT', serviceUrl, path, { ...message, id: activityId });
  }

  async send(serviceUrl: string, conversationId: string, message: ProactiveMessage): Promise<void> {
    await this.call(
      'POST',
      serviceUrl,
      `v3/conversations/${encodeURIComponent(conversationId)}/activities`,
      message,
    );
  }

  async isTeamMember(serviceUrl: string, teamId: string, userId: string): Promise<boolean> {
    try {
      await this.call(
        'GET',
        serviceUrl,
        `v3/conversations/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}`,
      );
      return true;
    } catch (error) {
      const kind = failureKind(error);
      if (kind === 'channelGone' || kind === 'notInTeam' || kind === 'rejected') return false;
      throw error;
    }
  }
}
