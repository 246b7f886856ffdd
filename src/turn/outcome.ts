import { cardLocaleOf, pickLocale, translator } from '../i18n';
import { errorForLog, logId, type Logger } from '../logging';
import type { InboundActivity } from './activity';
import {
  UNAUTHORISED,
  UNAVAILABLE,
  type ProcessResult,
  type TurnApplication,
  type TurnIo,
} from './host';

/** What became of one `POST /api/messages` at the boundary, whichever host carried it. */
export type TurnOutcome =
  /** The turn ran; `result` is an invoke's own answer, if it gave one. */
  | { kind: 'answered'; result?: ProcessResult }
  /** The turn threw; the person was sent the apology (when the channel took it). */
  | { kind: 'failed' }
  /** The body is not an activity this bot can read; `fields` names what is wrong, never values. */
  | { kind: 'malformed'; fields?: string[] }
  /** The channel's token is missing or invalid. */
  | { kind: 'unauthorised' }
  /** The token could not be checked, or the SDK could not run the turn at all. */
  | { kind: 'unavailable' };

/**
 * The one mapping of outcomes to HTTP answers; both hosts and the messages route use it, so the
 * same failure gets the same status and body on botbuilder and on the Agents SDK.
 *
 * - A malformed activity is the sender's fault: 400 with a JSON body naming the fields.
 * - A failed turn is 200. The person already has the apology, and the activity was received.
 *   A 5xx tells the Bot Framework Service and Direct Line that delivery failed: Direct Line
 *   answers the client 502, so Web Chat marks the message as not sent and offers to resend it,
 *   and a channel may deliver it again. Either way the turn, whose earlier changes may already be
 *   saved, would run twice and the person read two answers. botbuilder and the Agents SDK answer
 *   200 after their own onTurnError handlers for the same reason. A storage outage inside a turn
 *   is such a failure (the person is told to try again later).
 * - 503 only when nothing ran: the token could not be checked (signing keys unreachable), or the
 *   SDK refused to start the turn. Then a retry by the channel is what should happen.
 */
export function httpAnswer(outcome: TurnOutcome): ProcessResult {
  switch (outcome.kind) {
    case 'answered':
      return outcome.result ?? { status: 200 };
    case 'failed':
      return { status: 200 };
    case 'malformed':
      return {
        status: 400,
        body: {
          error: 'BadRequest',
          message:
            'The body must be a Bot Framework activity: a JSON object with a "type", a "channelId" and a "conversation" with an "id".',
          ...(outcome.fields?.length ? { fields: outcome.fields } : {}),
        },
      };
    case 'unauthorised':
      return UNAUTHORISED;
    case 'unavailable':
      return UNAVAILABLE;
  }
}

/**
 * Runs the application's turn inside a host's SDK callback, the same on both hosts: a failure is
 * logged and the person is sent the apology in their language; the outcome says which happened.
 */
export async function runTurn(
  app: TurnApplication,
  activity: InboundActivity,
  io: TurnIo,
  logger: Logger,
): Promise<TurnOutcome> {
  try {
    const result = await app.handle(activity, io);
    return result ? { kind: 'answered', result } : { kind: 'answered' };
  } catch (error) {
    logger.error(
      { conversation: logId(activity.conversation.id), err: errorForLog(error) },
      'turn failed',
    );
    const t = translator(
      pickLocale({ channel: activity.locale, card: cardLocaleOf(activity.value) }),
    );
    await io.send([{ type: 'message', text: t('bot:errors.unexpected') }]).catch(() => {
      // The channel itself is unreachable; the log line above is all we can do.
    });
    return { kind: 'failed' };
  }
}
