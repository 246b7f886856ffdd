import type { AnswerValue } from '../../guide';
import type { ViewContext } from '..';

/**
 * The decisions the steungroep reads at a glance, each as one line read from a few answers:
 * typed answers by their first sentence, choices by their (short) labels, lists capped.
 */
export const DECISION_KEYS = [
  'appointment',
  'targetGroup',
  'area',
  'focus',
  'strategies',
  'staffing',
  'budget',
  'duration',
  'supportGroup',
  'success',
  'evaluation',
] as const;
export type DecisionKey = (typeof DECISION_KEYS)[number];

/** The questions each decision is read from; the rest of a step is only tracked as "changed". */
export const DECISION_QUESTIONS: Record<DecisionKey, string[]> = {
  appointment: ['employer', 'hostService', 'tenderPartner', 'employerAssociation'],
  targetGroup: ['focusTargetGroup'],
  area: ['focusArea'],
  focus: ['focusYouthWorkForm'],
  strategies: ['strategies'],
  staffing: ['workingTime', 'ambassadorCount'],
  budget: ['operatingCosts', 'operatingBudget'],
  duration: ['durationType', 'durationYears'],
  supportGroup: ['supportGroupForm', 'supportGroupSize', 'supportGroupFrequency'],
  success: ['successDefinition', 'expectedReferrals'],
  evaluation: ['evaluator', 'followUpMoments'],
};

/** Typed answers in the brief: their first sentence, and never more than this many characters. */
const TEXT_LIMIT = 50;
/** Longer choice lists show this many items and count the rest. */
const LIST_LIMIT = 4;

/** A sentence ends after at least this many characters, so "Dr." or "bv." early on does not end it. */
const MIN_SENTENCE = 20;
/** Where a phrase may end: a comma, semicolon or colon, a dash, or " en " / " and " between words. */
const PHRASE_END = /[,;:](?=\s)|\s[-–—]\s|\s(?:en|and)\s/gu;

/**
 * Short words that begin a phrase rather than end one (Dutch and English: a typed answer's
 * language is not the reader's): a cut after them reads as broken off mid-phrase.
 */
const LINKING_WORDS = new Set(
  (
    'de het een en of in op uit van voor met tot aan bij naar om over door als die dat te ' +
    'the a an and or of in on at to for with from by as that'
  ).split(' '),
);

// Sentence boundaries from ICU (built into Node), which knows "bv. jongeren" goes on. Weighed:
// a regex on ". " (what this was), which cannot tell an abbreviation before a lower-case word.
const sentences = new Intl.Segmenter('nl', { granularity: 'sentence' });

/** The first sentence of a line, at least MIN_SENTENCE characters when the line has them. */
function sentenceOf(line: string): string {
  let sentence = '';
  for (const { segment } of sentences.segment(line)) {
    sentence += segment;
    if (sentence.trim().length >= MIN_SENTENCE) break;
  }
  return sentence.trim();
}

/** A sentence too long for the brief, cut where a phrase ends (else a word), with "…". */
function cutAtPhrase(sentence: string, limit: number): string {
  const head = [...sentence].slice(0, limit - 1).join('');
  let phrase = -1;
  for (const m of head.matchAll(PHRASE_END)) phrase = m.index;
  if (phrase >= limit / 3) return `${head.slice(0, phrase).trimEnd()}…`;
  const space = head.lastIndexOf(' ');
  if (space <= limit / 2) return `${head.trimEnd()}…`;
  // No phrase ends in time: end on a word that closes one, not on "in", "van" or "the".
  const words = head.slice(0, space).split(' ');
  while (words.length > 1 && LINKING_WORDS.has(words[words.length - 1]!.toLocaleLowerCase()))
    words.pop();
  const kept = words.join(' ');
  return `${(kept.length > limit / 3 ? kept : head.slice(0, space)).trimEnd()}…`;
}

/**
 * A typed answer as the brief shows it, on one line: its first sentence ("…" after it when more
 * follows), and a first sentence longer than `limit` cut at a phrase boundary, never mid-phrase.
 */
export function firstSentence(text: string, limit = TEXT_LIMIT): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const sentence = sentenceOf(line);
  if ([...sentence].length > limit) return cutAtPhrase(sentence, limit);
  return sentence.length < line.length ? `${sentence} …` : sentence;
}

type Ctx = ViewContext;

function value(ctx: Ctx, id: string): AnswerValue | undefined {
  const v = ctx.answers[id];
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
    ? undefined
    : v;
}

function text(ctx: Ctx, id: string): string | undefined {
  const v = value(ctx, id);
  return typeof v === 'string' ? firstSentence(v) : undefined;
}

function list(ctx: Ctx, items: string[]): string {
  if (items.length <= LIST_LIMIT) return new Intl.ListFormat(intl(ctx)).format(items);
  return ctx.t('steering:note.more', {
    list: items.slice(0, LIST_LIMIT - 1).join(', '),
    count: items.length - (LIST_LIMIT - 1),
  });
}

const intl = (ctx: Ctx) => (ctx.locale === 'nl' ? 'nl-BE' : 'en-GB');

/** Choice labels: the brief's own short labels where the guide's are sentences. */
function choices(ctx: Ctx, id: string, short = false): string[] {
  const v = value(ctx, id);
  const ids = Array.isArray(v) ? v : v === undefined ? [] : [String(v)];
  return ids.map((c) =>
    short
      ? ctx.t(`steering:decision.short.${id}.${c}`)
      : ctx.t(`guide:questions.${id}.choices.${c}`),
  );
}

function number(ctx: Ctx, id: string): number | undefined {
  const v = value(ctx, id);
  return typeof v === 'number' ? v : undefined;
}

const joined = (parts: (string | undefined)[]) => parts.filter(Boolean).join(' · ') || undefined;

/** Each decision's one-line value, or undefined while nothing about it is answered. */
const DECIDE: Record<DecisionKey, (ctx: Ctx) => string | undefined> = {
  appointment: (ctx) => {
    const v = (k: string, o: Record<string, string> = {}) =>
      ctx.t(`steering:decision.value.${k}`, o);
    const employer = value(ctx, 'employer');
    const service = text(ctx, 'hostService');
    const partner = text(ctx, 'tenderPartner');
    if (employer === 'own') return service ? v('appointOwnIn', { service }) : v('appointOwn');
    if (employer === 'external')
      return partner ? v('appointExternalTo', { partner }) : v('appointExternal');
    const association = text(ctx, 'employerAssociation');
    if (employer === 'localAssociation')
      return association ? v('appointAssociationNamed', { association }) : v('appointAssociation');
    return undefined;
  },
  targetGroup: (ctx) => text(ctx, 'focusTargetGroup'),
  area: (ctx) => text(ctx, 'focusArea'),
  focus: (ctx) => {
    const items = choices(ctx, 'focusYouthWorkForm');
    return items.length ? list(ctx, items) : undefined;
  },
  strategies: (ctx) => {
    const items = choices(ctx, 'strategies', true);
    return items.length ? items.join(', ') : undefined;
  },
  staffing: (ctx) => {
    const time = number(ctx, 'workingTime');
    const count = number(ctx, 'ambassadorCount');
    if (time === undefined) return undefined;
    const pct = time.toLocaleString(intl(ctx));
    return count === undefined
      ? ctx.t('steering:decision.value.staffingTime', { time: pct })
      : ctx.t('steering:decision.value.staffing', { time: pct, count });
  },
  budget: (ctx) => {
    const items = choices(ctx, 'operatingCosts');
    const amount = number(ctx, 'operatingBudget');
    return joined([
      items.length ? list(ctx, items) : undefined,
      amount === undefined
        ? undefined
        : ctx.t('steering:decision.value.budgetAmount', {
            amount: amount.toLocaleString(intl(ctx)),
          }),
    ]);
  },
  duration: (ctx) => {
    const type = value(ctx, 'durationType');
    if (type === 'indefinite') return ctx.t('steering:decision.value.durationIndefinite');
    if (type !== 'fixed') return undefined;
    const years = number(ctx, 'durationYears');
    return years === undefined
      ? ctx.t('steering:decision.value.durationFixed')
      : ctx.t('steering:decision.value.durationYears', { count: years });
  },
  supportGroup: (ctx) =>
    joined([
      ...choices(ctx, 'supportGroupForm', true),
      ...choices(ctx, 'supportGroupSize', true),
      ...choices(ctx, 'supportGroupFrequency').map((f) => f.toLocaleLowerCase(intl(ctx))),
    ]),
  success: (ctx) => {
    const referrals = number(ctx, 'expectedReferrals');
    const items = choices(ctx, 'successDefinition', true);
    return joined([
      items.length ? items.join(', ') : undefined,
      referrals === undefined
        ? undefined
        : ctx.t('steering:decision.value.referrals', { count: referrals }),
    ]);
  },
  evaluation: (ctx) => {
    const who = text(ctx, 'evaluator');
    const moments = text(ctx, 'followUpMoments');
    return joined([
      who ? ctx.t('steering:decision.value.evaluator', { who }) : undefined,
      moments ? ctx.t('steering:decision.value.followUp', { moments }) : undefined,
    ]);
  },
};

/** Every decision's current value (undefined: not decided); the "what changed" line compares these. */
export function decisionValues(ctx: Ctx): Record<DecisionKey, string | undefined> {
  return Object.fromEntries(DECISION_KEYS.map((k) => [k, DECIDE[k](ctx)])) as Record<
    DecisionKey,
    string | undefined
  >;
}
