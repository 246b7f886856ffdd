import type { Answers } from '../../src/guide/answers';
import { Guide } from '../../src/guide/guide';
import { loadGuideDefinition } from '../../src/guide/load-definition';
import type { QuestionDefinition, QuestionType } from '../../src/guide/definition-schema';

const definition = loadGuideDefinition();
const guide = new Guide(definition);

function question(id: string): QuestionDefinition {
  const q = guide.question(id);
  if (!q) throw new Error(`no question "${id}"`);
  return q;
}

const choiceIds = (id: string) => (question(id).choices ?? []).map((c) => c.id);

/** Ids other code depends on: [id, step, allowed types, choice ids that must be present]. */
const CONTRACT: [string, number, QuestionType[], string[]?][] = [
  ['orgName', 1, ['text']],
  [
    'expectations',
    1,
    ['multiselect'],
    ['extraCapacity', 'reachMissedGroups', 'missingLink', 'other'],
  ],
  ['beliefsNote', 1, ['multiline']],
  [
    'existingAnalysis',
    2,
    ['choice', 'multiselect'],
    ['policyPlan', 'boaDecree', 'childFriendlyLabel', 'none'],
  ],
  ['outsourceAnalysis', 2, ['yesno']],
  ['focusTargetGroup', 3, ['text']],
  ['focusArea', 3, ['text']],
  ['focusYouthWorkForm', 3, ['text', 'multiselect']],
  ['strategies', 3, ['multiselect']],
  ['commitmentStatement', 3, ['yesno']],
  [
    'profile',
    3,
    ['multiselect'],
    [
      'bottomUpYouthWorker',
      'groupWorker',
      'referralWorker',
      'youthWorkSupporter',
      'networkBroker',
      'policyOfficer',
    ],
  ],
  ['profileSide', 3, ['choice'], ['demand', 'supply', 'both']],
  ['workingTime', 3, ['number']],
  ['ambassadorCount', 3, ['number']],
  ['operatingCosts', 3, ['multiselect']],
  ['operatingBudget', 3, ['number']],
  ['durationType', 3, ['choice'], ['indefinite', 'fixed']],
  ['durationYears', 3, ['number']],
  ['employer', 4, ['choice'], ['own', 'external']],
  ['targetGroupTrust', 4, ['choice'], ['high', 'mixed', 'low']],
  ['supportGroupForm', 5, ['choice'], ['newGroup', 'existingPlatform']],
  ['supportGroupSize', 5, ['choice'], ['broad', 'small']],
  ['supportGroupMembers', 5, ['multiline']],
  ['supportGroupFrequency', 5, ['choice']],
  [
    'supportGroupRoles',
    5,
    ['multiselect'],
    ['soundingBoard', 'supportActions', 'openDoors', 'pickUpSignals'],
  ],
  ['training', 5, ['multiselect', 'yesno']],
  ['goals', 6, ['multiline']],
  ['indicatorCaution', 6, ['yesno']],
  ['supplySideFactors', 6, ['multiselect']],
  ['demandSideFactors', 6, ['multiselect']],
  ['expectedTrajectories', 6, ['number']],
  ['expectedReferrals', 6, ['number']],
  ['successDefinition', 6, ['multiselect']],
  ['processCriteria', 6, ['multiselect']],
  ['results', 6, ['multiselect']],
  ['registrationTool', 6, ['multiselect']],
  ['gdprAgreed', 6, ['yesno']],
  ['reportingTo', 6, ['text']],
  ['evaluator', 6, ['text']],
  ['followUpMoments', 6, ['multiline']],
];

describe('question ids other code depends on', () => {
  // Rows get a fixed length: jest would take a missing fourth value for a `done` callback.
  const rows = CONTRACT.map(
    ([id, step, types, choices]) => [id, step, types, choices ?? []] as const,
  );

  it.each(rows)(
    '%s sits in step %i with the agreed type and choices',
    (id, step, types, choices) => {
      expect(guide.stepOfQuestion(id)).toBe(step);
      expect(types).toContain(question(id).type);
      expect(choiceIds(id)).toEqual(expect.arrayContaining([...choices]));
    },
  );

  it('gives strategies exactly the six agreed choices and sides', () => {
    expect(question('strategies').choices).toEqual([
      { id: 'bottomUp', side: 'demand' },
      { id: 'lowThreshold', side: 'demand' },
      { id: 'individualReferral', side: 'demand' },
      { id: 'associationSupport', side: 'supply' },
      { id: 'networking', side: 'supply' },
      { id: 'structural', side: 'supply' },
    ]);
  });

  it('keeps the exact choice lists of success definition and registration', () => {
    expect(choiceIds('successDefinition')).toEqual([
      'enrolsAfterTrial',
      'stillActiveAfterMonths',
      'reEnrolsNextYear',
    ]);
    expect(choiceIds('registrationTool')).toEqual([
      'excel',
      'crm',
      'streetSmart',
      'socialMedia',
      'other',
    ]);
    expect(choiceIds('processCriteria')).toHaveLength(6);
    expect(choiceIds('results')).toHaveLength(5);
    expect(choiceIds('operatingCosts')).toHaveLength(6);
  });

  it('bounds the numbers as agreed', () => {
    expect(question('workingTime')).toMatchObject({ min: 10, max: 400 });
    expect(question('ambassadorCount')).toMatchObject({ min: 1, max: 10 });
  });

  it('marks the agreed optional questions as optional', () => {
    for (const id of ['focusArea', 'operatingBudget', 'expectedTrajectories']) {
      expect({ id, required: question(id).required }).toEqual({ id, required: false });
    }
  });

  it.each<[string, Answers, Answers]>([
    ['outsourceAnalysis', { existingAnalysis: ['none'] }, { existingAnalysis: ['policyPlan'] }],
    ['durationYears', { durationType: 'fixed' }, { durationType: 'indefinite' }],
    ['hostService', { employer: 'own' }, { employer: 'external' }],
    ['tenderPartner', { employer: 'external' }, { employer: 'own' }],
    ['tenderRequirements', { employer: 'external' }, {}],
  ])('shows %s only when it makes sense', (id, shown, hidden) => {
    expect(guide.isVisible(question(id), shown)).toBe(true);
    expect(guide.isVisible(question(id), hidden)).toBe(false);
  });
});

const threeStrategies = ['bottomUp', 'individualReferral', 'networking'];

/** [rule, answers that trigger it, answers that do not]. */
const SCENARIOS: [string, Answers, Answers][] = [
  ['workingTimeBelowHalf', { workingTime: 40 }, { workingTime: 50 }],
  ['workingTimeBelowPreferred', { workingTime: 60 }, { workingTime: 80 }],
  ['workingTimeBelowPreferred', { workingTime: 50 }, { workingTime: 40 }],
  [
    'durationTooShort',
    { durationType: 'fixed', durationYears: 2 },
    { durationType: 'fixed', durationYears: 3 },
  ],
  [
    'durationTooShort',
    { durationType: 'fixed', durationYears: 2 },
    { durationType: 'indefinite', durationYears: 2 },
  ],
  [
    'fixedDurationPreferIndefinite',
    { durationType: 'fixed', durationYears: 4 },
    { durationType: 'indefinite' },
  ],
  [
    'onlyDemandSide',
    { strategies: ['bottomUp', 'lowThreshold'] },
    { strategies: ['bottomUp', 'networking'] },
  ],
  [
    'onlySupplySide',
    { strategies: ['structural'] },
    { strategies: ['structural', 'individualReferral'] },
  ],
  ['onlyDemandSide', { strategies: ['individualReferral'] }, {}],
  [
    'manyStrategiesLowTime',
    { workingTime: 60, strategies: threeStrategies },
    { workingTime: 80, strategies: threeStrategies },
  ],
  [
    'manyStrategiesLowTime',
    { workingTime: 60, strategies: threeStrategies },
    { workingTime: 60, strategies: ['bottomUp', 'networking'] },
  ],
  ['noCommitmentStatement', { commitmentStatement: 'no' }, { commitmentStatement: 'yes' }],
  [
    'profileSideMismatch',
    { profileSide: 'demand', strategies: ['structural'] },
    { profileSide: 'both', strategies: ['structural'] },
  ],
  [
    'profileSideMismatch',
    { profileSide: 'supply', strategies: ['bottomUp'] },
    { profileSide: 'supply', strategies: ['networking'] },
  ],
  [
    'lowTrustOwnEmployer',
    { employer: 'own', targetGroupTrust: 'low' },
    { employer: 'external', targetGroupTrust: 'low' },
  ],
  [
    'lowTrustTenderIndependence',
    { employer: 'external', targetGroupTrust: 'low', tenderRequirements: ['expertise'] },
    { employer: 'external', targetGroupTrust: 'low', tenderRequirements: ['independence'] },
  ],
  [
    'noExploratoryTalks',
    { talkTopics: ['worries'] },
    { talkTopics: ['worries'], talkPartnersIntermediary: ['ocmw'] },
  ],
  [
    'noLeisureProviderTalks',
    { talkPartnersIntermediary: ['ocmw'] },
    { talkPartnersIntermediary: ['ocmw'], talkPartnersLeisure: ['sportsClub'] },
  ],
  [
    'askBeyondEnthusiasm',
    { talkTopics: ['noObligation'] },
    { talkTopics: ['noObligation', 'worries'] },
  ],
  [
    'lowTargetGroupKnowledge',
    { knowTargetGroup: 'little' },
    { knowTargetGroup: 'little', contactApproach: ['publicSpace'] },
  ],
  [
    'noSupportGroup',
    { supportGroupMembers: 'schepen' },
    { supportGroupMembers: 'schepen', supportGroupForm: 'newGroup' },
  ],
  [
    'noTraining',
    { supportGroupForm: 'newGroup' },
    { supportGroupForm: 'newGroup', training: ['intervision'] },
  ],
  ['indicatorsNotAgreed', { indicatorCaution: 'no' }, { indicatorCaution: 'yes' }],
  ['numericIndicatorsCaution', { expectedReferrals: 20 }, { expectedTrajectories: 20 }],
  [
    'referralsAboveBenchmark',
    { workingTime: 100, expectedReferrals: 71 },
    { workingTime: 100, expectedReferrals: 70 },
  ],
  [
    'referralsAboveBenchmark',
    { workingTime: 50, expectedReferrals: 36 },
    { workingTime: 50, expectedReferrals: 35 },
  ],
  [
    'trajectoriesAboveBenchmark',
    { workingTime: 100, expectedTrajectories: 81 },
    { workingTime: 100, expectedTrajectories: 80 },
  ],
  ['noSuccessDefinition', { goals: 'x' }, { goals: 'x', successDefinition: ['enrolsAfterTrial'] }],
  [
    'gdpr',
    { registrationTool: ['excel'], gdprAgreed: 'no' },
    { registrationTool: ['excel'], gdprAgreed: 'yes' },
  ],
  [
    'followUpWithoutMandate',
    { reportingTo: 'diensthoofd' },
    { reportingTo: 'diensthoofd', evaluator: 'schepen' },
  ],
];

const active = (answers: Answers) => guide.activeAdvice(answers).map((a) => a.rule.id);

describe('advice rules', () => {
  it('stay silent on an empty plan', () => {
    expect(active({})).toEqual([]);
  });

  it.each(SCENARIOS)('%s fires when it should and not otherwise', (id, fires, quiet) => {
    expect(active(fires)).toContain(id);
    expect(active(quiet)).not.toContain(id);
  });

  it('has a scenario for every rule', () => {
    const covered = new Set(SCENARIOS.map(([id]) => id));
    expect(definition.advice.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('scales the benchmark to the working time in the referral advice', () => {
    const advice = guide
      .activeAdvice({ workingTime: 100, expectedReferrals: 90 })
      .find((a) => a.rule.id === 'referralsAboveBenchmark');
    expect(advice?.params).toEqual({ referrals: 65, trajectories: 80 });
    const halfTime = guide
      .activeAdvice({ workingTime: 50, expectedReferrals: 90 })
      .find((a) => a.rule.id === 'referralsAboveBenchmark');
    expect(halfTime?.params).toEqual({ referrals: 33, trajectories: 40 });
  });

  it('marks the agreed rules as warnings and tips', () => {
    const severity = Object.fromEntries(definition.advice.map((r) => [r.id, r.severity]));
    expect(severity).toMatchObject({
      workingTimeBelowHalf: 'warning',
      workingTimeBelowPreferred: 'tip',
      durationTooShort: 'warning',
      onlyDemandSide: 'tip',
      onlySupplySide: 'tip',
      referralsAboveBenchmark: 'warning',
      lowTrustOwnEmployer: 'warning',
      noSuccessDefinition: 'tip',
      numericIndicatorsCaution: 'tip',
    });
  });
});
