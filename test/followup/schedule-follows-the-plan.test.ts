import { answerValues, type PlanState } from '../../src/guide';
import { followupTransition, type FollowupEvent } from '../../src/followup/followup-engine';
import {
  dueCheckin,
  nextMoment,
  proposeMoments,
  rhythmMonths,
  scheduleOf,
} from '../../src/followup/schedule';
import { filledPlan, plausibleValue } from '../helpers/plans';

const ANNE = { id: 'aad-anne', name: 'Anne' };
const BRAM = { id: 'aad-bram', name: 'Bram' };

/** A plan with step 6 answered as given, through the real engine's answers. */
function planWith(overrides: Record<string, string | string[]>): PlanState {
  const plan = filledPlan(plausibleValue);
  const answers = { ...plan.answers };
  for (const [q, value] of Object.entries(overrides))
    answers[q] = { value, by: ANNE, at: plan.updatedAt, rev: plan.revision };
  return { ...plan, answers };
}

function run(state: PlanState, event: FollowupEvent, now: string, actor = ANNE) {
  return followupTransition(state, event, { now: new Date(now), actor });
}

const confirm = (inputs: Record<string, string>, shown: Record<string, string> = {}) =>
  ({ type: 'confirm', shown, inputs }) as FollowupEvent;

describe('the schedule derived from the step-6 answers', () => {
  it('puts a moment at each success moment the plan chose: 3, 7 and 12 months', () => {
    const all = planWith({
      successDefinition: ['enrolsAfterTrial', 'stillActiveAfterMonths', 'reEnrolsNextYear'],
      followUpMoments: '',
    });
    expect(proposeMoments(answerValues(all)).map((m) => m.months)).toEqual([3, 7, 12]);
    const one = planWith({ successDefinition: ['reEnrolsNextYear'], followUpMoments: '' });
    expect(proposeMoments(answerValues(one))).toEqual([
      { months: 12, reasons: ['reEnrolsNextYear'] },
    ]);
  });

  it('falls back to 3, 7 and 12 months, and adds the evaluation rhythm the plan names', () => {
    const none = planWith({ successDefinition: [], followUpMoments: '' });
    expect(proposeMoments(answerValues(none)).map((m) => m.months)).toEqual([3, 7, 12]);
    const twice = planWith({
      successDefinition: ['enrolsAfterTrial'],
      followUpMoments: 'Twee keer per jaar een evaluatie met de steungroep.',
    });
    expect(proposeMoments(answerValues(twice))).toEqual([
      { months: 3, reasons: ['enrolsAfterTrial'] },
      { months: 6, reasons: ['rhythm'] },
      { months: 12, reasons: ['rhythm'] },
    ]);
    expect(rhythmMonths('elke week en maandelijks een overleg')).toEqual([]);
    expect(rhythmMonths('after 9 months and after 2 years')).toEqual([9, 24]);
  });
});

describe('editing the schedule', () => {
  const base = planWith({ successDefinition: ['enrolsAfterTrial', 'stillActiveAfterMonths'] });

  it('stores the confirmed dates as attributed answers, one history entry per card', () => {
    const { state, result } = run(
      base,
      confirm({ start: '2027-01-04', m1: '2027-04-05', m2: '2027-08-02' }),
      '2026-12-01T09:00:00Z',
    );
    expect(result.code).toBe('scheduleSaved');
    expect(state!.answers['fu.m2.date']).toMatchObject({ value: '2027-08-02', by: ANNE });
    expect(state!.history.at(-1)!.changes.map((c) => c.q)).toEqual([
      'fu.m1.date',
      'fu.m2.date',
      'fu.start',
    ]);
    expect(scheduleOf(answerValues(state!)).moments.map((m) => m.date)).toEqual([
      '2027-04-05',
      '2027-08-02',
    ]);
  });

  it('moves the moments left as shown along with a new start date, and keeps edited ones', () => {
    const shown = { start: '2026-12-01', m1: '2027-03-01', m2: '2027-07-01' };
    const { state } = run(
      base,
      confirm({ start: '2027-01-05', m1: '2027-03-01', m2: '2027-09-15' }, shown),
      '2026-12-01T09:00:00Z',
    );
    const dates = scheduleOf(answerValues(state!)).moments.map((m) => m.date);
    expect(dates).toEqual(['2027-04-05', '2027-09-15']);
  });

  it("keeps a colleague's newer date when an older card is confirmed without touching it", () => {
    const shown = { start: '2027-01-04', m1: '2027-04-05', m2: '2027-08-02' };
    const planned = run(base, confirm(shown, {}), '2026-12-01T09:00:00Z').state!;
    const moved = run(
      planned,
      confirm({ ...shown, m2: '2027-09-01' }, shown),
      '2026-12-02T09:00:00Z',
      BRAM,
    );
    // Anne still has the first card open; she changes only the first moment.
    const { state } = run(
      moved.state!,
      confirm({ ...shown, m1: '2027-04-12' }, shown),
      '2026-12-03T09:00:00Z',
    );
    const dates = scheduleOf(answerValues(state!)).moments.map((m) => m.date);
    expect(dates).toEqual(['2027-04-12', '2027-09-01']);
    expect(state!.answers['fu.m2.date']!.by).toEqual(BRAM);
  });

  it('refuses dates before the start or far beyond it, and keeps the plan unchanged', () => {
    const { state, result } = run(
      base,
      confirm({ start: '2027-01-04', m1: '2026-12-24', m2: '2207-01-01' }),
      '2026-12-01T09:00:00Z',
    );
    expect(result).toEqual({
      code: 'invalid',
      errors: { m1: 'beforeStart', m2: 'tooFar' },
      refused: { m1: '2026-12-24', m2: '2207-01-01' },
    });
    expect(state).toBe(base);
  });

  it('snoozes a week from today with one click, once even when pressed twice', () => {
    const planned = run(
      base,
      confirm({ start: '2027-01-04', m1: '2027-04-05' }),
      '2026-12-01T09:00:00Z',
    ).state!;
    const snooze: FollowupEvent = { type: 'snooze', moment: 'm1', date: '2027-04-05' };
    const once = run(planned, snooze, '2027-04-06T08:00:00Z', BRAM);
    expect(once.result).toMatchObject({ code: 'snoozed', date: '2027-04-13' });
    expect(once.state!.answers['fu.m1.date']).toMatchObject({ value: '2027-04-13', by: BRAM });
    const twice = run(once.state!, snooze, '2027-04-06T08:01:00Z', BRAM);
    expect(twice.result.code).toBe('alreadyMoved');
    expect(twice.state).toBe(once.state);
  });

  it('skips a moment and stops the whole follow-up; confirming again starts it anew', () => {
    const planned = run(
      base,
      confirm({ start: '2027-01-04', m1: '2027-04-05', m2: '2027-08-02' }),
      '2026-12-01T09:00:00Z',
    ).state!;
    const at = new Date('2027-08-03T09:00:00Z');
    const skipped = run(planned, { type: 'skip', moment: 'm2' }, at.toISOString()).state!;
    expect(dueCheckin(scheduleOf(answerValues(skipped)), {}, at)?.moment.id).toBe('m1');
    const stopped = run(skipped, { type: 'stop' }, at.toISOString()).state!;
    expect(dueCheckin(scheduleOf(answerValues(stopped)), {}, at)).toBeUndefined();
    const resumed = run(
      stopped,
      confirm({ start: '2027-01-04', m1: '2027-04-05', m2: '2027-08-02' }),
      at.toISOString(),
    ).state!;
    expect(scheduleOf(answerValues(resumed)).stopped).toBe(false);
  });

  it('counts a check-in answer as done, and a figure that is no whole number as an error', () => {
    const planned = run(
      base,
      confirm({ start: '2027-01-04', m1: '2027-04-05' }),
      '2026-12-01T09:00:00Z',
    ).state!;
    const bad = run(
      planned,
      { type: 'checkin', moment: 'm1', inputs: { trajectories: '2.5', note: 'x'.repeat(501) } },
      '2027-04-06T09:00:00Z',
    );
    expect(bad.result.errors).toEqual({ trajectories: 'notACount', note: 'tooLong' });
    const good = run(
      planned,
      { type: 'checkin', moment: 'm1', inputs: { trajectories: '12', associations: '3' } },
      '2027-04-06T09:00:00Z',
      BRAM,
    );
    expect(good.result.code).toBe('checkinSaved');
    expect(good.state!.answers['fu.m1.trajectories']).toMatchObject({ value: 12, by: BRAM });
    const schedule = scheduleOf(answerValues(good.state!));
    expect(dueCheckin(schedule, {}, new Date('2027-04-07T09:00:00Z'))).toBeUndefined();
    // Anne's card was sent before Bram answered: replacing his figures is news for her.
    const late = run(
      good.state!,
      { type: 'checkin', moment: 'm1', inputs: { trajectories: '14' }, revision: planned.revision },
      '2027-04-06T10:00:00Z',
    );
    expect(late.result).toMatchObject({ code: 'checkinSaved', overwrote: 'Bram' });
  });
});

describe('which check-in is due', () => {
  const plan = run(
    planWith({}),
    confirm({ start: '2027-01-04', m1: '2027-04-05', m2: '2027-08-02', m3: '2028-01-03' }),
    '2026-12-01T09:00:00Z',
  ).state!;
  const schedule = scheduleOf(answerValues(plan));

  it('sends nothing before the moment, and re-arms a moment whose date moved after it went out', () => {
    expect(dueCheckin(schedule, {}, new Date('2027-04-05T07:59:00Z'))).toBeUndefined();
    expect(dueCheckin(schedule, {}, new Date('2027-04-05T08:00:00Z'))?.moment.id).toBe('m1');
    const sent = { m1: { date: '2027-04-05' } };
    expect(dueCheckin(schedule, sent, new Date('2027-04-06T08:00:00Z'))).toBeUndefined();
    expect(nextMoment(schedule, sent, new Date('2027-04-06T08:00:00Z'))?.id).toBe('m2');
    const moved = { m1: { date: '2027-03-01' } };
    expect(dueCheckin(schedule, moved, new Date('2027-04-06T08:00:00Z'))?.moment.id).toBe('m1');
  });

  it('folds every moment owed after a long outage into one check-in for the latest', () => {
    const pick = dueCheckin(schedule, {}, new Date('2028-02-01T10:00:00Z'))!;
    expect(pick.moment.id).toBe('m3');
    expect(pick.missed.map((m) => m.id)).toEqual(['m1', 'm2']);
  });
});
