import type { Transition } from '../guide';
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

export type CheckinEvent = 'sent' | 'answered';

const HOUR_MS = 3_600_000;

/**
 * The usage counters' one reaction to a committed plan change (`afterSave`, fed the effects
 * the engine returned, like the steering note and the follow-up), plus the quick-question
 * path and the follow-up's check-ins. A counter that cannot be written is logged and dropped:
 * counting never costs anyone an answer.
 */
export class UsageCounter {
  constructor(
    private readonly deps: {
      store: UsageStore;
      metrics: UsageMetrics;
      logger: Logger;
      now: () => Date;
    },
  ) {}

  async afterSave(_turn: UsageTurn, result: Pick<Transition, 'state' | 'effects'>): Promise<void> {
    const { state, effects } = result;
    const counts: Counts = {};
    if (effects.includes('planStarted')) counts['plans.started'] = 1;
    if (effects.includes('cardReached')) {
      const reached = state.reached ?? [];
      const card = reached[reached.length - 1]!;
      const step = card.split('.')[0]!;
      counts[`card.${card}`] = 1;
      if (!reached.slice(0, -1).some((c) => c.startsWith(`${step}.`))) counts[`step.${step}`] = 1;
    }
    let hours: number | undefined;
    if (effects.includes('planCompleted')) {
      counts['plans.completed'] = 1;
      const took = Date.parse(state.completedAt ?? '') - Date.parse(state.createdAt);
      if (Number.isFinite(took)) {
        hours = Math.max(0, took) / HOUR_MS;
        counts[`time.${timeBin(hours)}`] = 1;
      }
    }
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

  async checkin(event: CheckinEvent): Promise<void> {
    await this.count({ [`checkins.${event}`]: 1 });
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
