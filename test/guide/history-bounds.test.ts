import {
  HISTORY_VALUE_BUDGET,
  initialPlanState,
  transition,
  type GuideEvent,
  type PlanState,
} from '../../src/guide';
import { filledPlan, realGuide, T0 } from '../helpers/plans';

const guide = realGuide();
const ANNE = { id: 'aad-anne', name: 'Anne' };
const run = (state: PlanState, event: GuideEvent, minute = 1) =>
  transition(guide, state, event, { now: new Date(T0.getTime() + minute * 60_000), actor: ANNE });

const note = (i: number) => `${i}`.padEnd(3000, '.');
const submitNote = (state: PlanState, i: number): GuideEvent => ({
  type: 'submitStep',
  step: 1,
  part: 0,
  revision: state.revision,
  values: { beliefsNote: note(i) },
  nav: 'stay',
});

function historyValueChars(state: PlanState): number {
  return state.history
    .flatMap((entry) => entry.changes)
    .reduce((sum, { from }) => sum + (typeof from === 'string' ? from.length : 0), 0);
}

describe('the history the plan keeps', () => {
  it('holds what each change replaced, within its budget of earlier values', () => {
    let state = run(initialPlanState(T0), { type: 'start' }).state;
    for (let i = 0; i < 20; i++) state = run(state, submitNote(state, i), i).state;
    expect(state.answers.beliefsNote?.value).toBe(note(19));
    expect(historyValueChars(state)).toBeLessThanOrEqual(HISTORY_VALUE_BUDGET);
    expect(state.historyFloor).toBeGreaterThan(0);
    // Undo still walks back through the changes it kept.
    state = run(state, { type: 'undo' }, 30).state;
    state = run(state, { type: 'undo' }, 31).state;
    expect(state.answers.beliefsNote?.value).toBe(note(17));
  });

  it('keeps a restart of a plan full of maximum-length answers undoable', () => {
    const full = filledPlan();
    const asked = run(full, { type: 'restartRequest' });
    const wiped = run(asked.state, { type: 'restartConfirm', revision: asked.state.revision });
    expect(wiped.state.answers).toEqual({});
    const back = run(wiped.state, { type: 'undo' }).state;
    expect(Object.keys(back.answers).sort()).toEqual(Object.keys(full.answers).sort());
  });
});
