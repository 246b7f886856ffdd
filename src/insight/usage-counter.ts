import { effectOf, type Committed, type Reaction } from '../after-save';
import { errorForLog, type Logger } from '../logging';
import type { QnaAnswer, QnaDecline } from '../qna';
import { timeBin, type Counts } from './counters';
import { normaliseQuestion } from './normalise';
import type { UsageMetrics } from './otel-metrics';
import type { UsageStore } from './usage-store';

/** What the counters need of a turn: which conversation's marks to use. Never stored as such. */
export interface UsageTurn {
  planKey: string;
}

const HOUR_MS = 3_600_000;

/**
 * The usage counters' one reaction to committed changes (`afterSave`, fed the effects the
 * engines returned, like the steering note and the follow-up: plans started and completed,
 * cards reached, check-ins sent and answered), plus the quick-question path. A counter that cannot be written is logged and dropped:
 * counting never costs anyone an answer.
 */
export class UsageCounter implements Reaction {
  readonly reactionName = 'usage counters';

  constructor(
    private readonly deps: {
      store: UsageStore;
      metrics: UsageMetrics;
      logger: Logger;
      now: () => Date;
    },
  ) {}

  async afterSave(commit: Committed): Promise<void> {
    const counts: Counts = {};
    if (effectOf(commit, 'planStarted')) counts['plans.started'] = 1;
    const reachedCard = effectOf(commit, 'cardReached');
    if (reachedCard) {
      const reached = reachedCard.state.reached ?? [];
      const card = reached[reached.length - 1]!;
      const step = card.split('.')[0]!;
      counts[`card.${card}`] = 1;
      if (!reached.slice(0, -1).some((c) => c.startsWith(`${step}.`))) counts[`step.${step}`] = 1;
    }
    let hours: number | undefined;
    const completed = effectOf(commit, 'planCompleted');
    if (completed) {
      counts['plans.completed'] = 1;
      const { state } = completed;
      const took = Date.parse(state.completedAt ?? '') - Date.parse(state.createdAt);
      if (Number.isFinite(took)) {
        hours = Math.max(0, took) / HOUR_MS;
        counts[`time.${timeBin(hours)}`] = 1;
      }
    }
    if (effectOf(commit, 'checkinSent')) counts['checkins.sent'] = 1;
    if (effectOf(commit, 'checkinAnswered')) counts['checkins.answered'] = 1;
    await this.count(counts);
    if (hours !== undefined) this.deps.metrics.completed(hours);
  }

  /**
   * A typed question and how it went: answered from a knowledge-base entry, from a quoted seed
   * passage (no entry fitted), or declined. A declined question counts its normalised text once
   * per conversation.
   */
  async question(turn: UsageTurn, text: string, result: QnaAnswer | QnaDecline): Promise<void> {
    const outcome =
      result.kind === 'decline'
        ? 'declined'
        : result.claim === 'quote'
          ? 'answeredPassage'
          : 'answeredEntry';
    await this.count({ 'questions.asked': 1, [`questions.${outcome}`]: 1 });
    const normalised = result.kind === 'decline' ? normaliseQuestion(text) : '';
    if (normalised)
      await this.guard(() => this.deps.store.declined(turn.planKey, normalised, this.deps.now()));
  }

  async feedback(entry: string, helpful: boolean): Promise<void> {
    await this.count({ [`feedback.${entry}.${helpful ? 'helpful' : 'notHelpful'}`]: 1 });
  }

  async count(counts: Counts): Promise<void> {
    if (Object.keys(counts).length === 0) return;
    this.deps.metrics.add(counts);
    await this.guard(() => this.deps.store.add(this.deps.now(), counts));
  }

  private async guard(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      this.deps.logger.warn({ err: errorForLog(error) }, 'usage counter not saved');
    }
  }
}
