import { cardBytes, renderCard, CARD_BUDGET_BYTES, type CardAttachment } from '../../cards';
import { buildSummary, CARD_ANSWER_LIMIT, CARD_ANSWER_LIMITS } from '../summary';
import type { GuideOutput } from '../../guide';
import {
  cardFallback,
  quotedLabels,
  sourceLine,
  stepTitle,
  type SummaryContext,
  type ViewContext,
} from '..';

export function welcomeCardData(ctx: ViewContext, resumable: boolean) {
  const { t, guide, locale } = ctx;
  const done = ctx.state.status === 'completed';
  return {
    fallbackText: cardFallback(t('bot:welcome.title'), t('bot:fallback.welcome')),
    title: t('bot:welcome.title'),
    intro: t(
      done
        ? 'bot:welcome.introCompleted'
        : resumable
          ? 'bot:welcome.introResume'
          : 'bot:welcome.intro',
    ),
    // "Stap 1" rather than "1.": Web Chat's markdown turns "1." into a list that restarts at 1 on every row.
    steps: guide.definition.steps.map((s) => ({
      number: t('bot:welcome.stepLabel', { step: s.number }),
      title: stepTitle(ctx, s.number),
    })),
    questionsHint: t('bot:welcome.questionsHint'),
    commandsHint: t('bot:welcome.commandsHint'),
    source: sourceLine(ctx, 'intro'),
    otherLocale: locale === 'nl' ? 'en' : 'nl',
    labels: {
      start: t(
        done ? 'bot:welcome.showPlan' : resumable ? 'bot:welcome.resume' : 'bot:welcome.start',
      ),
      overview: t('bot:step.overview'),
      language: t('bot:welcome.otherLanguage'),
    },
  };
}

/**
 * A question label as the lead-in of an answer line: only its question ("Welk profiel zoek je?"
 * without "Kies er hoogstens twee."), followed by a colon unless it already ends in "?".
 */
function runInLabel(label: string): string {
  const question = /^[^?]*\?/.exec(label)?.[0] ?? label;
  return /[?:.!]$/.test(question) ? `${question} ` : `${question}: `;
}

/** Long enough for a decision, short enough that a step's answers fit on a screen when opened. */
const SUMMARY_CARD_ANSWER_LIMIT = 150;
const LAST_RESORT_ANSWER_LIMITS = [60, 40, 25];

const STATUS_COLOR = { notStarted: 'Default', inProgress: 'Warning', done: 'Good' } as const;

export function overviewCardData(ctx: ViewContext) {
  const { t, guide, state } = ctx;
  return {
    fallbackText: cardFallback(t('bot:overview.title'), t('bot:fallback.overview')),
    title: t('bot:overview.title'),
    subtitle: t('bot:overview.subtitle', { count: guide.openPoints(ctx.answers).length }),
    steps: guide.definition.steps.map((s) => {
      const status = guide.stepStatus(s.number, ctx.answers);
      return {
        number: s.number,
        value: String(s.number),
        title: t('bot:summary.stepHeading', { step: s.number, title: stepTitle(ctx, s.number) }),
        status: t(`bot:overview.status.${status}`),
        statusColor: STATUS_COLOR[status],
        current: state.status !== 'completed' && state.currentStep === s.number,
        currentLabel: t('bot:overview.current'),
      };
    }),
    // One chooser and one button instead of a button beside each row: Copilot drops action
    // sets nested in columns, and six buttons of their own would stack up in Web Chat.
    chooseLabel: t('bot:overview.choose'),
    chosen: String(state.status === 'completed' ? 1 : state.currentStep),
    openLabel: t('bot:overview.open'),
    labels: { continue: t('bot:overview.continue'), summary: t('bot:overview.summary') },
  };
}

/**
 * A summary step's fold: the row shows the step and how many answers it holds, and the row's
 * accessible name says the same words (WCAG 2.5.3, label in name); the ▾ is only drawn.
 */
function foldLabels(ctx: ViewContext, title: string, answers: number) {
  const count = answers
    ? ctx.t('bot:summary.answerCount', { count: answers })
    : ctx.t('bot:summary.noAnswers');
  return {
    toggleLabel: ctx.t('bot:summary.showStep', { title, count }),
    countLabel: answers ? `${count} ▾` : count,
  };
}

function summaryData(ctx: SummaryContext, limit: number, briefAdvice = false) {
  const { t } = ctx;
  const model = buildSummary(ctx, limit);
  return {
    // Some hosts render fallback text as Markdown: keep typed text (the organisation) out of it.
    fallbackText: cardFallback(t('bot:summary.title'), t('bot:fallback.summary')),
    heading: t('bot:summary.heading'),
    title: model.title,
    meta: model.meta,
    // Each step folds open on demand, so the summary lands as one screen, not as a long scroll.
    steps: model.steps.map((s) => ({
      ...s,
      answers: s.answers.map((a) => ({ ...a, label: runInLabel(a.label) })),
      toggleId: `summary_step${s.number}`,
      ...foldLabels(ctx, s.title, s.answers.length),
    })),
    // A summary lists many pieces of advice: sections only, the reason kept unless the card
    // would not fit otherwise (step cards and the advice card always show it).
    advice: model.advice.map((a) => ({
      ...a,
      source: briefAdvice ? a.compactSourcesLine : a.compactSource,
    })),
    adviceTitle: t('bot:advice.title'),
    openPoints: model.openPoints,
    openPointsTitle: t('bot:summary.openPointsTitle', { count: model.openPoints.length }),
    progress: model.progress,
    truncatedNote: !model.truncatedCount
      ? ''
      : ctx.planUrl
        ? t('bot:summary.truncatedLink', { count: model.truncatedCount, url: ctx.planUrl })
        : t('bot:summary.truncated', { count: model.truncatedCount }),
    source: sourceLine(ctx, 'intro'),
    labels: {
      overview: t('bot:step.overview'),
      edit: t('bot:summary.edit'),
      documents: t('documents:chat.button'),
    },
    share: {
      choices: ctx.steeringChoices ?? [],
      first: ctx.steeringChoices?.[0]?.value ?? '',
      label: t('steering:share.pick'),
      button: t('steering:share.button'),
    },
  };
}

/** The summary card, with answers cut shorter until it fits the card budget. */
export function summaryCard(ctx: SummaryContext): CardAttachment {
  // A card shows answers briefly; the plan tab and the export carry them whole.
  const limits = CARD_ANSWER_LIMITS.filter((l) => l <= SUMMARY_CARD_ANSWER_LIMIT);
  let card = renderCard('summary', summaryData(ctx, limits[0] ?? CARD_ANSWER_LIMIT));
  for (const limit of limits.slice(1)) {
    if (cardBytes(card) <= CARD_BUDGET_BYTES) break;
    card = renderCard('summary', summaryData(ctx, limit));
  }
  // Last resort (a plan full of maximum-length answers, advice and check-ins): brief advice,
  // then ever shorter answers; the plan tab keeps every answer whole.
  for (const limit of LAST_RESORT_ANSWER_LIMITS) {
    if (cardBytes(card) <= CARD_BUDGET_BYTES) break;
    card = renderCard('summary', summaryData(ctx, limit, true));
  }
  return card;
}

export function confirmRestartCardData(ctx: ViewContext) {
  const { t } = ctx;
  return {
    fallbackText: cardFallback(t('bot:restart.title'), t('bot:fallback.restart')),
    title: t('bot:restart.title'),
    text: t('bot:restart.text'),
    revision: ctx.state.revision,
    labels: { confirm: t('bot:restart.confirm'), cancel: t('bot:restart.cancel') },
  };
}

const HELP_COMMANDS = [
  'start',
  'help',
  'back',
  'overview',
  'summary',
  'undo',
  'asOf',
  'restart',
  'shareSummary',
  'linkSteering',
  'export',
  'language',
  'myData',
  'deletePlan',
] as const;

export function helpCardData(ctx: ViewContext) {
  const { t } = ctx;
  return {
    fallbackText: cardFallback(t('bot:help.title'), t('bot:fallback.help')),
    title: t('bot:help.title'),
    intro: t('bot:help.intro'),
    commands: [
      ...HELP_COMMANDS.map((c) => ({
        command: t(`bot:help.commands.${c}.word`),
        description: t(`bot:help.commands.${c}.text`),
      })),
      // The follow-up keeps its strings in its own namespace (src/followup).
      { command: t('followup:help.word'), description: t('followup:help.text') },
    ],
    questionsHint: t('bot:welcome.questionsHint'),
    labels: { continue: t('bot:overview.continue'), overview: t('bot:step.overview') },
  };
}

/** "Nog open: … — Nu invullen / Later invullen en verder": the card shown before leaving empty required questions. */
export function openPromptData(
  ctx: ViewContext,
  output: Extract<GuideOutput, { kind: 'openPrompt' }>,
) {
  const { t } = ctx;
  const title = t('bot:open.title');
  return {
    fallbackText: cardFallback(title, t('bot:fallback.openPrompt')),
    progress: t('bot:summary.stepHeading', {
      step: output.step,
      title: stepTitle(ctx, output.step),
    }),
    title,
    text: t('bot:open.text', { questions: quotedLabels(ctx, output.questions) }),
    hint: t('bot:open.hint'),
    step: output.step,
    part: output.part,
    revision: ctx.state.revision,
    labels: { skip: t('bot:open.skip'), fill: t('bot:open.fill') },
  };
}
