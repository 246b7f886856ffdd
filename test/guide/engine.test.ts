import {
  initialPlanState,
  migratePlanState,
  transition,
  type GuideEvent,
  type PlanState,
} from '../../src/guide';
import { realGuide, T0 } from '../helpers/plans';

const guide = realGuide();
const ANNE = { id: 'aad-anne', name: 'Anne' };
const BRAM = { id: 'aad-bram', name: 'Bram' };
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function run(state: PlanState, event: GuideEvent, actor = ANNE, minute = 1) {
  return transition(guide, state, event, { now: at(minute), actor });
}

/** A plan standing on step 3, part "budget" (index 3, time and duration), at its current revision. */
function atDuration(): PlanState {
  let state = run(initialPlanState(T0), { type: 'start' }).state;
  state = run(state, { type: 'goto', step: 3 }).state;
  return { ...state, currentPart: 3 };
}

const submit = (
  state: PlanState,
  values: Record<string, string>,
  extra: Partial<Extract<GuideEvent, { type: 'submitStep' }>> = {},
) =>
  ({
    type: 'submitStep',
    step: 3,
    part: 3,
    revision: state.revision,
    values,
    nav: 'next',
    ...extra,
  }) as const;

describe('the guide engine', () => {
  it('starts at the first part of step 1 and walks every core part to the summary', () => {
    let { state, outputs } = run(initialPlanState(T0), { type: 'start' });
    expect(outputs).toEqual([{ kind: 'step', step: 1, part: 0 }]);
    let cards = 1;
    for (let guard = 0; guard < 60 && state.status !== 'completed'; guard++) {
      const last = outputs[outputs.length - 1]!;
      if (last.kind !== 'step') throw new Error(`unexpected ${last.kind}`);
      ({ state, outputs } = run(state, {
        type: 'submitStep',
        step: last.step,
        part: last.part,
        revision: state.revision,
        values: {},
        nav: 'skip',
      }));
      cards++;
    }
    expect(state.status).toBe('completed');
    expect(outputs.slice(-2)).toEqual([{ kind: 'nextSteps' }, { kind: 'summary' }]);
    expect(cards).toBeGreaterThanOrEqual(12);
  });

  it('is deterministic and its state survives a JSON round trip', () => {
    const state = atDuration();
    const event = submit(state, { durationType: 'indefinite' });
    const a = run(state, event);
    const b = run(migratePlanState(JSON.parse(JSON.stringify(state))), event);
    expect(b).toEqual(a);
  });

  it('asks a follow-up question on the same card: a fixed term leaves its years open there', () => {
    const state = atDuration();
    const { state: next, outputs } = run(state, submit(state, { durationType: 'fixed' }));
    expect(outputs.some((o) => o.kind === 'notice' && o.code === 'newQuestions')).toBe(false);
    expect(outputs[outputs.length - 1]).toEqual({
      kind: 'openPrompt',
      step: 3,
      part: 3,
      questions: expect.arrayContaining(['durationYears']),
    });
    expect(next.answers.durationType?.value).toBe('fixed');
  });

  it('keeps no years typed on the card while the term chosen is indefinite', () => {
    const state = atDuration();
    const values = { workingTime: '100', durationType: 'indefinite', durationYears: '4' };
    const { state: next } = run(state, submit(state, values));
    expect(next.answers.durationType?.value).toBe('indefinite');
    expect(next.answers.durationYears).toBeUndefined();
  });

  it('says the short-duration advice once, inside the next card, and not on a later visit', () => {
    const state = atDuration();
    const values = { workingTime: '100', durationType: 'fixed', durationYears: '2' };
    const { state: next, outputs } = run(state, submit(state, values));
    const card = outputs[outputs.length - 1]!;
    expect(card).toMatchObject({
      kind: 'step',
      step: 4,
      advice: expect.arrayContaining(['durationTooShort']),
    });
    expect(outputs.some((o) => (o.kind as string) === 'advice')).toBe(false);
    expect(next.shownAdvice).toContain('durationTooShort');
    const back = run(next, { type: 'goto', step: 3, part: 3 });
    expect(back.outputs).toEqual([{ kind: 'step', step: 3, part: 3 }]);
    const again = run(back.state, submit(back.state, { ...values, durationYears: '1' }));
    const later = again.outputs[again.outputs.length - 1]!;
    expect(later.kind === 'step' && (later.advice ?? []).includes('durationTooShort')).toBe(false);
  });

  it('warns below half-time and lowers referral expectations without scaling the benchmark', () => {
    const advice = guide.activeAdvice({ workingTime: 40, expectedReferrals: 60 });
    const ids = advice.map((a) => a.rule.id);
    expect(ids).toEqual(expect.arrayContaining(['workingTimeBelowHalf', 'referralsWeakerStart']));
    expect(ids).not.toContain('benchmarkAboveOptimal');
    expect(
      guide.activeAdvice({ workingTime: 100, expectedReferrals: 75 }).map((a) => a.rule.id),
    ).toContain('benchmarkAboveOptimal');
  });

  it('keeps valid answers and reports invalid ones without moving on', () => {
    const state = { ...atDuration(), currentPart: 3 };
    const { state: next, outputs } = run(
      state,
      submit(state, { workingTime: 'veel', ambassadorCount: '2' }, { part: 3 }),
    );
    expect(next.answers.ambassadorCount?.value).toBe(2);
    expect(next.answers.workingTime).toBeUndefined();
    expect(outputs[outputs.length - 1]).toEqual({
      kind: 'step',
      step: 3,
      part: 3,
      errors: { workingTime: 'notANumber' },
      sent: { workingTime: 'veel', ambassadorCount: '2' },
    });
  });

  it('ignores a double press: nothing changes and the current card is shown', () => {
    const state = atDuration();
    const first = run(state, submit(state, { durationType: 'indefinite' }));
    const again = run(first.state, submit(state, { durationType: 'indefinite' }));
    expect(again.state).toBe(first.state);
    expect(again.outputs[0]).toEqual({ kind: 'notice', code: 'staleCard', questions: [] });
  });

  it('keeps both answers when two colleagues submit the same card with different questions', () => {
    const state = { ...atDuration(), currentPart: 3 };
    const card = { part: 3 };
    const anne = run(
      state,
      submit(state, { workingTime: '80', ambassadorCount: '' }, card),
      ANNE,
    ).state;
    const bram = run(anne, submit(state, { workingTime: '', ambassadorCount: '2' }, card), BRAM, 2);
    expect(bram.state.answers.workingTime).toMatchObject({ value: 80, by: ANNE });
    expect(bram.state.answers.ambassadorCount).toMatchObject({ value: 2, by: BRAM });
    expect(bram.outputs[0]).toEqual({
      kind: 'notice',
      code: 'staleCardMerged',
      questions: ['ambassadorCount'],
    });
  });

  it('lets the later answer to the same question win and tells whose answer it replaced', () => {
    const state = { ...atDuration(), currentPart: 3 };
    const anne = run(state, submit(state, { workingTime: '80' }, { part: 3 }), ANNE).state;
    const bram = run(anne, submit(state, { workingTime: '50' }, { part: 3 }), BRAM, 2);
    expect(bram.state.answers.workingTime).toMatchObject({ value: 50, by: BRAM });
    expect(bram.outputs).toContainEqual({
      kind: 'notice',
      code: 'overwrote',
      params: { name: 'Anne' },
      questions: ['workingTime'],
    });
  });

  it('refuses a card from the future (forged revision)', () => {
    const state = atDuration();
    const { state: next, outputs } = run(
      state,
      submit(state, { durationType: 'fixed' }, { revision: state.revision + 5 }),
    );
    expect(next).toBe(state);
    expect(outputs[0]).toEqual({ kind: 'notice', code: 'futureCard' });
  });

  it('restarts only after confirmation from the current card, and undo brings the answers back', () => {
    let state = run(atDuration(), submit(atDuration(), { durationType: 'indefinite' })).state;
    const asked = run(state, { type: 'restartRequest' });
    expect(asked.outputs).toEqual([{ kind: 'confirmRestart' }]);
    const stale = run(asked.state, { type: 'restartConfirm', revision: asked.state.revision - 1 });
    expect(stale.outputs[0]).toEqual({ kind: 'notice', code: 'restartExpired' });
    const wiped = run(asked.state, { type: 'restartConfirm', revision: asked.state.revision });
    expect(wiped.state.answers).toEqual({});
    expect(wiped.state.currentStep).toBe(1);
    state = run(wiped.state, { type: 'undo' }, BRAM).state;
    expect(state.answers.durationType?.value).toBe('indefinite');
  });

  it('cancels a restart and says there is nothing to undo on a fresh plan', () => {
    const asked = run(atDuration(), { type: 'restartRequest' });
    expect(run(asked.state, { type: 'restartCancel' }).outputs[0]).toEqual({
      kind: 'notice',
      code: 'restartCancelled',
    });
    expect(run(initialPlanState(T0), { type: 'undo' }).outputs).toEqual([
      { kind: 'notice', code: 'nothingToUndo' },
    ]);
  });

  it('goes back across step boundaries and stops at the first card', () => {
    let state = run(initialPlanState(T0), { type: 'goto', step: 2 }).state;
    const back = run(state, { type: 'back' });
    expect(back.outputs[0]).toMatchObject({ kind: 'step', step: 1 });
    state = run(initialPlanState(T0), { type: 'start' }).state;
    expect(run(state, { type: 'back' }).outputs[0]).toEqual({
      kind: 'notice',
      code: 'atFirstStep',
    });
  });
});

describe('merging a card older than the kept history', () => {
  it('still merges when the question itself has not changed since the card was shown', () => {
    let state = { ...atDuration(), currentPart: 3 };
    const cardRevision = state.revision;
    // 70 colleagues' changes elsewhere push the card's revision out of the kept history.
    for (let i = 0; i < 70; i++) {
      const event = {
        type: 'submitStep' as const,
        step: 3,
        part: 4,
        revision: state.revision,
        values: { operatingBudget: String(1000 + i) },
        nav: 'stay' as const,
      };
      state = run(state, event, BRAM, 2).state;
    }
    expect(state.historyFloor).toBeGreaterThan(cardRevision);
    const { state: next } = run(
      state,
      {
        type: 'submitStep',
        step: 3,
        part: 3,
        revision: cardRevision,
        values: { workingTime: '60', operatingBudget: '' },
        nav: 'next',
      },
      ANNE,
      3,
    );
    expect(next.answers.workingTime?.value).toBe(60);
    expect(next.answers.operatingBudget?.value).toBe(1069);
  });
});

describe('"welcome back" after a real absence only', () => {
  it('is said after four hours without a change, not after a few minutes', () => {
    const started = run(initialPlanState(T0), { type: 'start' }).state;
    const soon = run(started, { type: 'start' }, ANNE, 3);
    expect(soon.outputs.map((o) => o.kind)).toEqual(['step']);
    const later = run(started, { type: 'start' }, ANNE, 5 * 60);
    expect(later.outputs[0]).toEqual({ kind: 'notice', code: 'resumed' });
  });
});
