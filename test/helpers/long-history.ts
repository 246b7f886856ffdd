import type { Actor, PlanState } from '../../src/guide';
import type { PlanStore } from '../../src/plans';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Near-maximum values that differ per edit, so every edit logs about 6 KB (old and new text). */
export function longValues(i: number): Record<string, string> {
  return {
    orgName: `Gemeente ${i} `.repeat(20).slice(0, 120),
    beliefsNote: `Versie ${i} van onze overtuigingen, met uitleg. `.repeat(70).slice(0, 3000),
  };
}

/**
 * Edits step 1 of a plan `edits` times through the real engine and store, `perDay` edits a day
 * from `start`, as the probe of issue 28 did with one card; returns each day's answers at its end.
 */
export async function editManyTimes(
  plans: PlanStore,
  key: string,
  edits: number,
  options: { start: Date; perDay: number; actor: Actor },
): Promise<Map<string, Record<string, PlanState['answers'][string]['value']>>> {
  const { start, perDay, actor } = options;
  const at = (i: number) =>
    new Date(start.getTime() + Math.floor(i / perDay) * DAY_MS + (i % perDay) * 1000);
  let state = (await plans.apply(key, { type: 'start' }, { now: at(0), actor })).state;
  const dayEnds = new Map<string, Record<string, PlanState['answers'][string]['value']>>();
  for (let i = 0; i < edits; i++) {
    const event = {
      type: 'submitStep' as const,
      step: 1,
      part: 0,
      revision: state.revision,
      values: longValues(i),
      nav: 'stay' as const,
    };
    state = (await plans.apply(key, event, { now: at(i), actor })).state;
    const values = Object.fromEntries(Object.entries(state.answers).map(([q, a]) => [q, a.value]));
    dayEnds.set(at(i).toISOString().slice(0, 10), values);
  }
  return dayEnds;
}
