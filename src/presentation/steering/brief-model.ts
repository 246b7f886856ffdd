import { presentAdvice } from '..';
import { formatDate, questionLabel, type ViewContext } from '..';
import {
  DECISION_KEYS,
  DECISION_QUESTIONS,
  decisionValues,
  firstSentence,
  type DecisionKey,
} from './brief-decisions';

/** One decision the steungroep reads at a glance; `value` is typed text, shown as text only. */
export interface BriefDecision {
  key: DecisionKey;
  title: string;
  value: string;
  /** Nothing answered yet: the value says so, in a quieter style. */
  undecided: boolean;
}

/**
 * The steering brief: what was decided, what needs the group's attention, what is still open.
 * Built from the plan alone (pure), so the card, the Markdown fallback and the "what changed"
 * line read the same facts.
 */
export interface BriefModel {
  title: string;
  statusLine: string;
  completed: boolean;
  contributors: string;
  decisions: BriefDecision[];
  attention: { text: string; source: string }[];
  attentionMore: string;
  openTitle: string;
  openPoints: string[];
  openMore: string;
  /**
   * One extra line under the status (issue 16's follow-up progress). Rendered when non-empty;
   * callers set it, the plan itself does not know it.
   */
  progress?: string;
}

const ATTENTION_LIMIT = 3;
const OPEN_LIMIT = 3;
const NAMES_LIMIT = 4;

const intl = (ctx: ViewContext) => (ctx.locale === 'nl' ? 'nl-BE' : 'en-GB');
type Ctx = ViewContext;

/** "An, Bram en nog 2 personen": who answered, each named once. */
function contributors(ctx: Ctx): string {
  const names = [
    ...new Set(
      Object.values(ctx.state.answers)
        .map((a) => a.by.name?.trim())
        .filter((n): n is string => Boolean(n)),
    ),
  ];
  if (names.length === 0) return '';
  const shown = names.slice(0, NAMES_LIMIT);
  const rest = names.length - shown.length;
  const all = rest > 0 ? [...shown, ctx.t('steering:note.moreNames', { count: rest })] : shown;
  return ctx.t('steering:note.contributors', {
    names: new Intl.ListFormat(intl(ctx)).format(all),
  });
}

/** Open questions that feed a decision come first: they are what the group is waiting for. */
function openPoints(ctx: Ctx): { shown: string[]; total: number } {
  const decisive = new Set(Object.values(DECISION_QUESTIONS).flat());
  const open = ctx.guide.openPoints(ctx.answers);
  const ranked = [
    ...open.filter((q) => decisive.has(q.id)),
    ...open.filter((q) => !decisive.has(q.id)),
  ];
  return {
    total: open.length,
    shown: ranked.slice(0, OPEN_LIMIT).map((q) =>
      ctx.t('steering:note.openPoint', {
        step: ctx.guide.stepOfQuestion(q.id),
        label: questionLabel(ctx, q),
      }),
    ),
  };
}

/** The brief for a plan as it is now. */
export function buildBrief(ctx: Ctx): BriefModel {
  const { t, state, guide } = ctx;
  const org = typeof ctx.answers.orgName === 'string' ? firstSentence(ctx.answers.orgName, 80) : '';
  const completed = state.status === 'completed';
  const date = formatDate(state.completedAt ?? state.updatedAt, ctx.locale);
  const done = guide.definition.steps.filter(
    (s) => guide.stepStatus(s.number, ctx.answers) === 'done',
  ).length;
  const values = decisionValues(ctx);
  // Cautions before tips: the group's time goes to what could make the appointment fail.
  const advice = presentAdvice(ctx)
    .map((a, i) => ({ a, i }))
    .sort((x, y) =>
      x.a.severity === y.a.severity ? x.i - y.i : x.a.severity === 'caution' ? -1 : 1,
    )
    .map(({ a }) => a);
  const open = openPoints(ctx);
  return {
    title: org ? t('steering:note.title', { org }) : t('steering:note.titleNoOrg'),
    statusLine: completed
      ? t('steering:note.statusCompleted', { date })
      : t('steering:note.statusInProgress', { done, total: guide.stepCount, date }),
    completed,
    contributors: contributors(ctx),
    decisions: DECISION_KEYS.map((key) => ({
      key,
      title: t(`steering:decision.${key}`),
      value: values[key] ?? t('steering:note.notDecided'),
      undecided: values[key] === undefined,
    })),
    attention: advice.slice(0, ATTENTION_LIMIT).map((a) => ({
      text: `**${a.label}** · ${t(`steering:attention.${a.id}`)}`,
      source: a.compactSourcesLine,
    })),
    attentionMore:
      advice.length > ATTENTION_LIMIT
        ? t('steering:note.attentionMore', { count: advice.length - ATTENTION_LIMIT })
        : '',
    openTitle:
      open.total === 0
        ? t('steering:note.openNone')
        : t('steering:note.openTitle', { count: open.total }),
    openPoints: open.shown,
    openMore:
      open.total > OPEN_LIMIT
        ? t('steering:note.openMore', { count: open.total - OPEN_LIMIT })
        : '',
  };
}
