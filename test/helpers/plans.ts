import path from 'node:path';
import {
  Guide,
  initialPlanState,
  loadGuideDefinition,
  maxLengthOf,
  transition,
  type PlanState,
  type QuestionDefinition,
} from '../../src/guide';
import { paths } from '../../src/paths';
import type { PlanStore } from '../../src/plans';

let guide: Guide | undefined;

/** The stored plan (undefined: none yet), failing the test when the store cannot read it. */
export async function storedPlan(plans: PlanStore, key: string): Promise<PlanState | undefined> {
  const read = await plans.lookup(key);
  if (!read.ok) throw new Error(`the plan could not be read (${read.reason})`);
  return read.plan;
}

export function realGuide(): Guide {
  guide ??= new Guide(loadGuideDefinition(path.join(paths.content, 'guide', 'guide.json')));
  return guide;
}

export const ACTOR = { id: 'aad-anne', name: 'Anne <b>Peeters</b> *bold* <at>Bram</at> 🎉' };
export const T0 = new Date('2026-11-23T09:00:00Z');

/** The largest value each question type accepts: the worst case for card size. */
export function worstCaseValue(q: QuestionDefinition): string {
  const nasty = 'Ä <at>x</at> **y** [z](http://e.vil) ${x} 🎉 ';
  switch (q.type) {
    case 'text':
    case 'multiline': {
      const max = maxLengthOf(q);
      return nasty.repeat(Math.ceil(max / nasty.length)).slice(0, max);
    }
    case 'number':
      return String(q.max ?? 100);
    case 'date':
      return '2027-02-28';
    case 'yesno':
      return 'yes';
    case 'choice':
      return q.choices![0]!.id;
    case 'multiselect':
      // A choice that excludes the others ("Nog geen analyse") cannot be ticked with them.
      return q
        .choices!.filter((c) => !c.exclusive)
        .slice(0, q.maxSelected ?? q.choices!.length)
        .map((c) => c.id)
        .join(',');
  }
}

/** A plausible ordinary value, for walking the guide like a person would. */
export function plausibleValue(q: QuestionDefinition): string {
  switch (q.type) {
    case 'text':
      return 'Gemeente Voorbeeld';
    case 'multiline':
      return 'We willen kinderen in de wijk beter bereiken.';
    case 'number':
      return String(Math.min(q.max ?? 80, Math.max(q.min ?? 0, 80)));
    case 'date':
      return '2027-01-15';
    case 'yesno':
      return 'yes';
    case 'choice':
      return q.choices![0]!.id;
    case 'multiselect':
      return q
        .choices!.slice(0, 2)
        .map((c) => c.id)
        .join(',');
  }
}

/** Fills every step through the engine (so conditional questions appear), like a user would. */
export function filledPlan(
  valueFor: (q: QuestionDefinition) => string = worstCaseValue,
): PlanState {
  const g = realGuide();
  const ctx = { now: T0, actor: ACTOR };
  let state = transition(g, initialPlanState(T0), { type: 'start' }, ctx).state;
  for (let step = 1; step <= g.stepCount; step++) {
    for (let part = 0; part < g.step(step).parts.length; part++) {
      // Twice per part: the second pass fills questions that the first pass made visible.
      for (let pass = 0; pass < 2; pass++) {
        const values: Record<string, string> = {};
        for (const q of g.questionsOfPart({ step, part })) {
          if (g.isVisible(q, answersOf(state))) values[q.id] = valueFor(q);
        }
        const event = {
          type: 'submitStep' as const,
          step,
          part,
          revision: state.revision,
          values,
          nav: 'stay' as const,
        };
        state = transition(g, state, event, ctx).state;
      }
    }
  }
  return state;
}

function answersOf(state: PlanState): Record<string, PlanState['answers'][string]['value']> {
  return Object.fromEntries(Object.entries(state.answers).map(([k, v]) => [k, v.value]));
}
