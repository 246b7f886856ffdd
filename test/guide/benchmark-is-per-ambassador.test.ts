import type { Answers } from '../../src/guide/answers';
import { Guide } from '../../src/guide/guide';
import { loadGuideDefinition } from '../../src/guide/load-definition';

// Seed 001, step 6: 80 trajectories and 60 to 70 successful referrals a year are the figure for one
// experienced, full-time ambassador in optimal conditions; the instrument gives none for a team.
const guide = new Guide(loadGuideDefinition());
const reasonsOf = (id: string, answers: Answers): string[] | undefined =>
  guide.activeAdvice(answers).find((a) => a.rule.id === id)?.reasons;

describe('the research figure is compared per ambassador, never with a team', () => {
  it('compares one full-time ambassador with 80 trajectories and 70 referrals', () => {
    expect(
      reasonsOf('benchmarkAboveOptimal', { workingTime: 100, expectedTrajectories: 81 }),
    ).toEqual(['trajectories']);
    expect(
      reasonsOf('benchmarkAboveOptimal', { ambassadorCount: 1, expectedReferrals: 71 }),
    ).toEqual(['referrals']);
    expect(reasonsOf('benchmarkAboveOptimal', { workingTime: 100, expectedTrajectories: 80 })).toBe(
      undefined,
    );
  });

  it('says the figure does not apply to a team instead of calling a team expectation too high', () => {
    expect(
      reasonsOf('benchmarkAboveOptimal', {
        workingTime: 160,
        ambassadorCount: 2,
        expectedTrajectories: 120,
      }),
    ).toEqual(['team']);
    expect(reasonsOf('benchmarkAboveOptimal', { workingTime: 150, expectedReferrals: 90 })).toEqual(
      ['team'],
    );
  });

  it('counts 100% split over two people as part-time for each of them', () => {
    const split = { workingTime: 100, ambassadorCount: 2, expectedReferrals: 20 };
    expect(reasonsOf('referralsWeakerStart', split)).toEqual(['partTime']);
    expect(reasonsOf('referralsWeakerStart', { ...split, workingTime: 200 })).toBe(undefined);
    expect(reasonsOf('referralsWeakerStart', { ...split, ambassadorCount: 1 })).toBe(undefined);
    expect(
      reasonsOf('referralsWeakerStart', { ...split, ambassadorCount: 5, workingTime: 400 }),
    ).toEqual(['partTime']);
  });

  it('names the local government as employer only for local governments', () => {
    const lowTrustOwn = {
      expectedReferrals: 20,
      workingTime: 100,
      targetGroupTrust: 'low',
      employer: 'own',
    };
    expect(reasonsOf('referralsWeakerStart', lowTrustOwn)).toEqual(['lowTrust']);
    expect(
      reasonsOf('referralsWeakerStart', { ...lowTrustOwn, organisationType: 'nationalYouthWork' }),
    ).toBe(undefined);
  });
});
