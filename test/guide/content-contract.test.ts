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
  // Seed 001 prefers 80-100 %, "zeker" split over two people: only less than that is thin.
  [
    'workingTimeSpreadThin',
    { workingTime: 60, ambassadorCount: 2 },
    { workingTime: 80, ambassadorCount: 2 },
  ],
  [
    'onePersonOnly',
    { workingTime: 80, ambassadorCount: 1 },
    { workingTime: 80, ambassadorCount: 2 },
  ],
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
    'combinedStrategiesFeasibility',
    { strategies: threeStrategies },
    { strategies: ['networking'] },
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
  // Combining strategies is allowed (seed 001): the tip is for a profile that fits none of them.
  [
    'profileStrategyMismatch',
    { strategies: ['bottomUp', 'structural'], profile: ['groupWorker'] },
    { strategies: ['bottomUp', 'structural'], profile: ['bottomUpYouthWorker'] },
  ],
  [
    'profileStrategyMismatch',
    { strategies: threeStrategies, profile: ['policyOfficer', 'groupWorker'] },
    { strategies: threeStrategies, profile: ['referralWorker', 'networkBroker'] },
  ],
  [
    'tooExpensiveNoParticipationFees',
    { barriersChildren: ['tooExpensive'], operatingCosts: ['catering'] },
    { barriersChildren: ['tooExpensive'], operatingCosts: ['catering', 'participationFees'] },
  ],
  // Seed 001 step 6, supply side: services far from local youth work find contact harder.
  ['hostFarFromYouthWork', { employer: 'own', hostDistance: 'far' }, { hostDistance: 'close' }],
  ['hostFarFromYouthWork', { employer: 'localAssociation', hostDistance: 'far' }, {}],
  [
    'lowTrustOwnEmployer',
    { employer: 'own', targetGroupTrust: 'low' },
    { employer: 'external', targetGroupTrust: 'low' },
  ],
  [
    'lowTrustOwnEmployer',
    { employer: 'own', barriersChildren: ['distrustSociety'] },
    {
      employer: 'own',
      barriersChildren: ['distrustSociety'],
      organisationType: 'nationalYouthWork',
    },
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
  ['numericIndicatorsCaution', { expectedReferrals: 20 }, { goals: 'x' }],
  ['benchmarkAboveOptimal', { expectedReferrals: 71 }, { expectedReferrals: 70 }],
  ['benchmarkAboveOptimal', { expectedTrajectories: 81 }, { expectedTrajectories: 80 }],
  [
    'referralsWeakerStart',
    { expectedReferrals: 20, focusYouthWorkForm: ['youthMovements'] },
    { expectedReferrals: 20, focusYouthWorkForm: ['youthMovements', 'sport'] },
  ],
  [
    'referralsWeakerStart',
    { expectedReferrals: 20, workingTime: 50 },
    { expectedReferrals: 20, workingTime: 100 },
  ],
  // Seed 001 step 4: an external employer is what helps with low trust in the local government.
  [
    'referralsWeakerStart',
    { expectedReferrals: 20, workingTime: 100, targetGroupTrust: 'low', employer: 'own' },
    { expectedReferrals: 20, workingTime: 100, targetGroupTrust: 'low', employer: 'external' },
  ],
  [
    'referralsWeakerStart',
    { expectedReferrals: 20, workingTime: 50 },
    { expectedReferrals: 20, workingTime: 100, knowTargetGroup: 'little' },
  ],
  [
    'noDemandSideReferrals',
    { strategies: ['structural'], expectedReferrals: 10 },
    { strategies: ['structural', 'individualReferral'], expectedReferrals: 10 },
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

  it('never turns the benchmark into a number scaled to the working time', () => {
    const advice = guide.activeAdvice({ workingTime: 50, expectedReferrals: 90 });
    expect(advice.map((a) => a.rule.id)).toEqual(
      expect.arrayContaining(['benchmarkAboveOptimal', 'referralsWeakerStart']),
    );
    expect(advice.find((a) => a.rule.id === 'referralsWeakerStart')?.reasons).toEqual(['partTime']);
  });

  it('marks the agreed rules as cautions and tips', () => {
    const severity = Object.fromEntries(definition.advice.map((r) => [r.id, r.severity]));
    expect(severity).toMatchObject({
      workingTimeBelowHalf: 'caution',
      workingTimeBelowPreferred: 'tip',
      durationTooShort: 'caution',
      onlyDemandSide: 'tip',
      onlySupplySide: 'tip',
      benchmarkAboveOptimal: 'caution',
      lowTrustOwnEmployer: 'tip',
      noSuccessDefinition: 'tip',
      numericIndicatorsCaution: 'tip',
    });
  });

  it("labels Brugbot's own rules of thumb as suggestions that cite no instrument passage", () => {
    const kinds = Object.fromEntries(definition.advice.map((r) => [r.id, r.kind]));
    expect(kinds).toMatchObject({
      profileStrategyMismatch: 'suggestion',
      workingTimeSpreadThin: 'suggestion',
      lowTrustTenderIndependence: 'suggestion',
    });
  });
});
