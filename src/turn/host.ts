import type { InboundActivity, OutgoingActivity } from './activity';

/** The HTTP answer to one `POST /api/messages`. */
export interface ProcessResult {
  status: number;
  body?: unknown;
}

/** The same refusals from every host: a bad token, or a check or turn that could not run. No details. */
export const UNAUTHORISED: ProcessResult = {
  status: 401,
  body: { error: 'Unauthorized', message: 'The request is not authorised.' },
};
export const UNAVAILABLE: ProcessResult = {
  status: 503,
  body: { error: 'Unavailable', message: 'The bot cannot process this now; try again.' },
};

/** How a host talks back to the channel during one turn. */
export interface TurnIo {
  /** Sends in order; resolves with the ids the channel gave them (absent where it gave none). */
  send(activities: OutgoingActivity[]): Promise<{ id?: string }[]>;
  /** Replaces a message the bot sent earlier in the same conversation. */
  update(activityId: string, activity: OutgoingActivity): Promise<void>;
}

/**
 * Brugbot itself, as a host sees it: one activity in, replies out through `io`. The returned
 * result (for invokes) becomes the HTTP answer; undefined means 200 with no body.
 */
export interface TurnApplication {
  handle(activity: InboundActivity, io: TurnIo): Promise<ProcessResult | undefined>;
}

/** A checked channel token: opaque outside the host that made it. */
export type Authentication =
  { ok: true; identity: unknown } | { ok: false; refusal: ProcessResult };

/**
 * One Bot Framework SDK behind Brugbot's HTTP server. Authentication and the turn are two calls,
 * so the server applies its own checks (tenant, rate limits) to authenticated activities only.
 * Guarantees every host keeps: with credentials every activity's JWT is validated (401 for a bad
 * token, 503 when the keys cannot be fetched, no details); without credentials nothing is
 * checked, which is why local mode binds to loopback.
 */
export interface BotHost {
  authenticate(authHeader: string, activity: InboundActivity): Promise<Authentication>;
  /** Runs the turn; a failure inside it is logged and answered with 503, never thrown. */
  run(identity: unknown, activity: InboundActivity, app: TurnApplication): Promise<ProcessResult>;
  /** The bot's bearer token for its own Connector calls; undefined when there are no credentials. */
  outboundToken: (() => Promise<string>) | undefined;
}
