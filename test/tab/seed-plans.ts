import { initialPlanState, transition, type Actor, type PlanState } from '../../src/guide';
import { indexMembers } from '../../src/plans';
import type { BrugStorage } from '../../src/storage';
import { plausibleValue, realGuide } from '../helpers/plans';

/**
 * A plan in which `actor` answered the first part of step 1, through the real engine, so its
 * answers and history record the actor exactly as the bot would.
 */
export function planAnsweredBy(actor: Actor, orgName: string, at: Date): PlanState {
  const guide = realGuide();
  const ctx = { now: at, actor };
  const started = transition(guide, initialPlanState(at), { type: 'start' }, ctx).state;
  const values = Object.fromEntries(
    guide
      .questionsOfPart({ step: 1, part: 0 })
      .map((q) => [q.id, q.id === 'orgName' ? orgName : plausibleValue(q)]),
  );
  const event = {
    type: 'submitStep' as const,
    step: 1,
    part: 0,
    revision: started.revision,
    values,
    nav: 'stay' as const,
  };
  return transition(guide, started, event, ctx).state;
}

/** A colleague rewrites one written answer of step 1 (the last one) in an existing plan. */
export function addAnswerBy(state: PlanState, actor: Actor, at: Date): PlanState {
  const guide = realGuide();
  const question = guide
    .questionsOfPart({ step: 1, part: 0 })
    .filter((q) => q.type === 'multiline' || q.type === 'text')
    .pop()!;
  const values = { [question.id]: `${plausibleValue(question)} Aangevuld door een collega.` };
  const event = {
    type: 'submitStep' as const,
    step: 1,
    part: 0,
    revision: state.revision,
    values,
    nav: 'stay' as const,
  };
  return transition(guide, state, event, { now: at, actor }).state;
}

/** Stores plans as a turn would, with their entries in the tab's index by member. */
export async function seed(storage: BrugStorage, plans: Record<string, PlanState>): Promise<void> {
  await storage.write(
    Object.fromEntries(Object.entries(plans).map(([key, state]) => [key, { ...state, eTag: '*' }])),
  );
  for (const [key, state] of Object.entries(plans)) await indexMembers(storage, key, state);
}
