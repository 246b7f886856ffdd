import { z } from 'zod';
import { renderCard } from '../cards';
import type { TFunction } from '../i18n';
import type { Logger } from '../logging';
import {
  isTeamsClient,
  planKeyOf,
  type InboundActivity,
  type OutgoingActivity,
  type ProcessResult,
  type Surface,
} from '../turn';
import type { UsageCounter } from './usage-counter';
import { ANSWER_TOKEN, newAnswerToken, type Rating, type UsageStore } from './usage-store';

/** Web Chat's "Was dit nuttig? Ja / Nee" under a quick answer; the token names that answer. */
export const answerFeedbackSchema = z.object({
  verb: z.literal('answer.feedback'),
  token: z.string().regex(ANSWER_TOKEN),
  helpful: z.boolean(),
});

/** Teams' thumbs up/down: invoke `message/submitAction` on the message it rates (`replyToId`). */
const teamsFeedbackSchema = z.object({
  replyToId: z.string().min(1).max(512),
  conversation: z.object({ id: z.string().min(1).max(1024) }),
  channelId: z.string().min(1).max(64),
  value: z.object({
    actionName: z.literal('feedback'),
    actionValue: z.object({
      reaction: z.enum(['like', 'dislike']),
      // What the person typed in Teams' form: accepted, never read, stored or logged.
      feedback: z.string().max(10_000).optional(),
    }),
  }),
});

export const FEEDBACK_INVOKE = 'message/submitAction';

const REFUSED: ProcessResult = {
  status: 400,
  body: { error: 'InvalidFeedback', message: 'This feedback names no answer the bot can rate.' },
};

/** Where a turn's answers are kept open for a rating, and how it answers in that language. */
interface FeedbackTurn {
  planKey: string;
  surface: Surface;
  t: TFunction;
  send(...activities: (OutgoingActivity | string)[]): Promise<unknown>;
}

/**
 * Feedback on quick answers, per knowledge-base entry and never with who gave it. An answer is
 * opened for one rating when it is sent (its token, and the channel's message id for Teams);
 * a rating of an answer that is unknown or already rated counts nothing.
 */
export class AnswerFeedback {
  constructor(
    private readonly deps: {
      store: UsageStore;
      counter: UsageCounter;
      logger: Logger;
      now: () => Date;
    },
  ) {}

  /** The answer with its feedback control: Teams' own loop, or a small card elsewhere. */
  decorate(
    reply: OutgoingActivity,
    turn: FeedbackTurn,
  ): { activity: OutgoingActivity; token: string } {
    const token = newAnswerToken();
    // Teams and Copilot show their own thumbs (the feedback loop); Web Chat gets a small card.
    if (isTeamsClient(turn.surface)) {
      const channelData = {
        ...(reply.channelData as object | undefined),
        feedbackLoopEnabled: true,
      };
      return { activity: { ...reply, channelData }, token };
    }
    const card = renderCard('answer-feedback', {
      question: turn.t('bot:feedback.question'),
      yes: turn.t('bot:feedback.yes'),
      no: turn.t('bot:feedback.no'),
      token,
    });
    const [answer, ...rest] = reply.attachments ?? [];
    return {
      activity: { ...reply, attachments: answer ? [answer, card, ...rest] : [card] },
      token,
    };
  }

  async opened(turn: FeedbackTurn, entry: string, token: string, activityId?: string) {
    await this.deps.store
      .openAnswer(
        turn.planKey,
        { token, entry, ...(activityId ? { activityId } : {}) },
        this.deps.now(),
      )
      .catch((error: unknown) =>
        this.deps.logger.warn({ err: (error as Error).name }, 'answer not opened for feedback'),
      );
  }

  /** A press on "Ja" or "Nee" in Web Chat. */
  async fromCard(turn: FeedbackTurn, token: string, helpful: boolean): Promise<void> {
    const rating = await this.rate(turn.planKey, { token }, helpful);
    const key = rating.counted ? 'thanks' : rating.reason === 'rated' ? 'already' : 'unknown';
    await turn.send(turn.t(`bot:feedback.${key}`));
  }

  /** Teams' feedback invoke: 200 with no body when taken, 400 when it names nothing we sent. */
  async fromInvoke(activity: InboundActivity): Promise<ProcessResult> {
    const parsed = teamsFeedbackSchema.safeParse(activity);
    if (!parsed.success) return REFUSED;
    const { replyToId, value } = parsed.data;
    const rating = await this.rate(
      planKeyOf(activity),
      { activityId: replyToId },
      value.actionValue.reaction === 'like',
    );
    return rating.counted || rating.reason === 'rated' ? { status: 200 } : REFUSED;
  }

  private async rate(
    key: string,
    match: { token: string } | { activityId: string },
    helpful: boolean,
  ): Promise<Rating> {
    const rating: Rating = await this.deps.store.rate(key, match, this.deps.now());
    if (rating.counted) await this.deps.counter.feedback(rating.entry, helpful);
    return rating;
  }
}
