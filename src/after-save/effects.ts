import type { GuideEffect, PlanState } from '../guide';
import type { Turn } from '../turn';

/**
 * What one committed change means to the features that react to it. Plan changes carry the plan
 * as committed; the rest carry only what their reaction needs.
 */
export type Effect =
  /** Any committed change of the plan. */
  | { kind: 'planSaved'; state: PlanState }
  /** The plan left "not started". */
  | { kind: 'planStarted'; state: PlanState }
  /** The plan stands on a card for the first time (the newest of `state.reached`). */
  | { kind: 'cardReached'; state: PlanState }
  | { kind: 'answersChanged'; state: PlanState }
  /** The plan's first completion. */
  | { kind: 'planCompleted'; state: PlanState }
  /** A follow-up card changed the schedule or its figures: the check-in worker may have work. */
  | { kind: 'scheduleChanged' }
  | { kind: 'checkinAnswered' }
  | { kind: 'checkinSent' }
  /**
   * The plan and everything kept beside it are gone; `removed` holds those documents as they were
   * just before (e.g. the steering post whose note is owed the "plan verwijderd" notice).
   */
  | { kind: 'planDeleted'; by?: string; removed: Record<string, unknown> };

/** One committed change: whose plan, where it came from, and what it means. */
export interface Committed {
  planKey: string;
  /** The conversation the change was made in; absent for background work (retention, check-ins). */
  turn?: Turn;
  effects: Effect[];
}

const PLAN_EFFECTS: Record<Exclude<GuideEffect, 'save'>, Effect['kind']> = {
  answersChanged: 'answersChanged',
  planCompleted: 'planCompleted',
  planStarted: 'planStarted',
  cardReached: 'cardReached',
};

/** The typed effects of a plan transition (the guide's or the follow-up's engine). */
export function planEffects(state: PlanState, effects: readonly GuideEffect[]): Effect[] {
  if (!effects.includes('save')) return [];
  return [
    { kind: 'planSaved', state },
    ...effects
      .filter((e): e is Exclude<GuideEffect, 'save'> => e !== 'save')
      .map((e) => ({ kind: PLAN_EFFECTS[e], state }) as Effect),
  ];
}

/** The effect of one kind, typed, when the change has it. */
export function effectOf<K extends Effect['kind']>(
  commit: Committed,
  kind: K,
): Extract<Effect, { kind: K }> | undefined {
  return commit.effects.find((e): e is Extract<Effect, { kind: K }> => e.kind === kind);
}
