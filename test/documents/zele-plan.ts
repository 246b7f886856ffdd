import type { PlanState, QuestionDefinition } from '../../src/guide';
import { filledPlan } from '../helpers/plans';

/**
 * A realistic plan, typed the way a civil servant of a small Flemish municipality would: every
 * step answered, own hire, a confirmed follow-up schedule. Names and places are illustrative.
 */
export const ZELE: Record<string, string> = {
  orgName: 'Gemeente Zele',
  organisationType: 'localGovernment',
  expectations: 'extraCapacity,reachMissedGroups,missingLink',
  beliefsNote:
    'We geloven dat georganiseerde vrije tijd kinderen vrienden, zelfvertrouwen en een plek buiten school en thuis geeft. Toch zien we in onze jeugdbewegingen en op het speelplein vooral kinderen uit het centrum van Zele.\n\nEen verbindingsambassadeur moet de brug slaan naar gezinnen die de weg naar dat aanbod vandaag niet vinden, en onze verenigingen helpen om die kinderen ook echt te laten blijven.',
  existingAnalysis: 'policyPlan,childFriendlyLabel',
  localNeeds:
    'In de wijk Kouter wonen veel gezinnen met een laag inkomen en nieuwkomers met kinderen tussen 8 en 14 jaar. De scholen melden dat die kinderen na school en in de vakanties vaak thuis of op straat zijn.',
  talkPartnersIntermediary: 'ocmw,huisVanHetKind,careCoordinators,neighbourhoodWork',
  talkPartnersLeisure: 'youthMovements,playgroundWork,sportsClub',
  talkTopics: 'worries,agendaRoom,placesAvailable',
  talkFindings:
    'De Chiro en de scouts willen meedoen maar hebben weinig leiding; de speelpleinwerking heeft in juli nog plaatsen.',
  knowTargetGroup: 'partly',
  contactApproach: 'visitPlaces,introduction',
  lifeworldNotes:
    'Veel kinderen spelen op het pleintje aan de Kouterstraat; ouders kennen het OCMW en de school, maar zelden een vereniging.',
  currentOffer:
    'Twee jeugdbewegingen, een speelpleinwerking in de zomer, een voetbalclub en de tekenacademie.',
  barriersChildren: 'unaware,tooExpensive,knowNobody',
  barriersProviders: 'volunteersStretched,smallNetwork',
  focusTargetGroup: 'kinderen van 8 tot 14 jaar uit gezinnen in armoede en nieuwkomersgezinnen',
  focusArea: 'de wijk Kouter',
  focusYouthWorkForm: 'youthMovements,playgroundWork,sport',
  focusReason:
    'In de Kouter zijn de noden het grootst en hebben het buurtwerk en de school al vertrouwen bij de gezinnen.',
  strategies: 'individualReferral,associationSupport,networking',
  strategyPartners:
    'Het OCMW en het Huis van het Kind signaleren gezinnen; de Chiro, de scouts en de speelpleinwerking maken plaatsen vrij; de voetbalclub werkt mee aan een kansentarief.',
  commitmentStatement: 'yes',
  profile: 'referralWorker,networkBroker',
  profileSide: 'both',
  workingTime: '80',
  ambassadorCount: '1',
  durationType: 'indefinite',
  operatingCosts: 'participationFees,volunteerAllowances,playAndCampingMaterial',
  operatingBudget: '12000',
  employer: 'own',
  targetGroupTrust: 'mixed',
  hostService: 'de dienst Vrije Tijd',
  mandate:
    'De ambassadeur mag verenigingen rechtstreeks aanspreken, kan het kansentarief toekennen en rapporteert signalen aan het college.',
  vacancyProfile:
    'Iemand met ervaring in jeugdwerk of welzijnswerk, die makkelijk contact legt met gezinnen en verenigingen en flexibel werkt, ook op woensdagnamiddag en zaterdag.',
  selectionCommittee:
    'Het diensthoofd Vrije Tijd, de jeugdconsulent, een medewerker van het OCMW en een externe deskundige van Uit De Marge.',
  supportGroupForm: 'newGroup',
  supportGroupSize: 'small',
  supportGroupMembers:
    'Het diensthoofd Vrije Tijd, de schepen van Jeugd, de jeugdconsulent, een maatschappelijk werker van het OCMW en de coördinator van het Huis van het Kind.',
  training: 'intervision,regionalIntervision',
  supportGroupFrequency: 'everyTwoMonths',
  supportGroupRoles: 'soundingBoard,openDoors',
  goals:
    'Meer kinderen uit de Kouter nemen deel aan een jeugdbeweging, het speelplein of een sportclub. De verenigingen voelen zich gesteund om nieuwe kinderen te onthalen.',
  indicatorCaution: 'yes',
  successDefinition: 'enrolsAfterTrial,stillActiveAfterMonths',
  processCriteria: 'buildRelationships,connectPeople,signalToGovernment',
  results: 'lowerBarriers,exchange',
  registrationTool: 'excel,streetSmart',
  gdprAgreed: 'yes',
  reportingTo: 'Het diensthoofd Vrije Tijd, maandelijks, en de steungroep om de twee maanden.',
  evaluator: 'het diensthoofd Vrije Tijd, samen met de steungroep',
  followUpMoments: 'Een tussentijdse evaluatie na zes maanden en een jaarevaluatie in het college.',
  policyLink:
    'Het werk sluit aan bij het lokaal sociaal beleid en het label Kindvriendelijke Gemeente.',
  supplySideFactors: 'bondWithYouthWorkers,placesAvailable',
  youthWorkReach: 'fewIntensive',
  demandSideFactors: 'accessToYouth,familyNeeds',
  expectedTrajectories: '30',
  expectedReferrals: '20',
};

/** English answers for the same plan where they are free text; choices stay the same. */
export const ZELE_EN: Record<string, string> = {
  ...ZELE,
  orgName: 'Municipality of Zele',
  focusTargetGroup: 'children aged 8 to 14 from families in poverty and newcomer families',
  focusArea: 'the Kouter neighbourhood',
  hostService: 'the Leisure department',
  evaluator: 'the head of the Leisure department, with the support group',
};

function valueFrom(answers: Record<string, string>) {
  return (q: QuestionDefinition): string => answers[q.id] ?? '';
}

/** The whole Zele plan, completed, in Dutch (or with English free text). */
export function zelePlan(answers: Record<string, string> = ZELE): PlanState {
  return { ...filledPlan(valueFrom(answers)), status: 'completed' };
}

/** The same municipality stopped halfway: steps 1 to 3 answered, step 3 only in part. */
export function halfPlan(answers: Record<string, string> = ZELE): PlanState {
  const kept = new Set([
    'orgName',
    'organisationType',
    'expectations',
    'beliefsNote',
    'existingAnalysis',
    'localNeeds',
    'talkPartnersLeisure',
    'talkTopics',
    'knowTargetGroup',
    'focusTargetGroup',
    'focusYouthWorkForm',
    'strategies',
  ]);
  return filledPlan((q) => (kept.has(q.id) ? (answers[q.id] ?? '') : ''));
}
