import type { OutgoingActivity } from '../../turn';
import { renderCard } from '../../cards';
import type { GuideOutput, Position } from '../../guide';
import { escapeMessageText } from '..';
import {
  confirmRestartCardData,
  helpCardData,
  openPromptData,
  overviewCardData,
  summaryCard,
  welcomeCardData,
} from './other-views';
import { nextStepsCardData } from './next-steps';
import { receiptCardData } from './receipt-view';
import { stepCardData, type StepNotice } from './step-view';
import { quotedLabels, type ViewContext } from '..';

type Notice = Extract<GuideOutput, { kind: 'notice' }>;

const NOTICE_STYLE: Partial<Record<Notice['code'], StepNotice['style']>> = {
  invalidAnswers: 'attention',
  staleCard: 'attention',
  staleCardMerged: 'accent',
  futureCard: 'attention',
  newQuestions: 'accent',
  overwrote: 'accent',
  restarted: 'good',
  undone: 'good',
  skippedQuestions: 'accent',
};

/** Notice text; names come from the channel, so they are escaped wherever markdown is rendered. */
function noticeText(ctx: ViewContext, notice: Notice, forMarkdown: boolean): string {
  const labels = quotedLabels(ctx, notice.questions ?? []);
  const raw = notice.params?.name ? String(notice.params.name) : ctx.t('bot:someone');
  const name = forMarkdown ? escapeMessageText(raw) : raw;
  return ctx.t(`bot:notices.${notice.code}`, {
    ...notice.params,
    name,
    questions: labels,
    count: notice.questions?.length ?? 0,
  });
}

/**
 * Turns the engine's outputs into outgoing activities. Notices right before a step card are
 * shown inside that card, which keeps a turn to one or two messages (Teams counts operations
 * per conversation per second).
 */
export function renderOutputs(
  ctx: ViewContext,
  outputs: GuideOutput[],
  qnaLinksFor: (position: Position) => { entryId: string; title: string }[] = () => [],
): OutgoingActivity[] {
  const activities: OutgoingActivity[] = [];
  let pending: Notice[] = [];
  const card = (name: string, data: object): OutgoingActivity => ({
    type: 'message',
    attachments: [renderCard(name, data)],
  });
  const flushNotices = () => {
    for (const n of pending)
      activities.push({ type: 'message', text: noticeText(ctx, n, true), textFormat: 'markdown' });
    pending = [];
  };
  for (const output of outputs) {
    if (output.kind === 'notice') {
      pending.push(output);
      continue;
    }
    if (output.kind === 'step') {
      const notices = pending.map((n) => ({
        text: noticeText(ctx, n, false),
        style: NOTICE_STYLE[n.code] ?? 'accent',
      }));
      pending = [];
      const position = { step: output.step, part: output.part };
      const data = stepCardData(ctx, position, {
        ...(output.errors ? { errors: output.errors } : {}),
        ...(output.open ? { open: output.open } : {}),
        ...(output.advice ? { advice: output.advice } : {}),
        ...(output.sent ? { sent: output.sent } : {}),
        notices,
        qnaLinks: qnaLinksFor(position),
      });
      activities.push(card('step', data));
      continue;
    }
    // A receipt replaces the card the submit came from (see `renderReceipt`): nothing to send.
    if (output.kind === 'receipt') continue;
    flushNotices();
    switch (output.kind) {
      case 'welcome':
        activities.push(card('welcome', welcomeCardData(ctx, output.resumable)));
        break;
      case 'help':
        activities.push(card('help', helpCardData(ctx)));
        break;
      case 'overview':
        activities.push(card('overview', overviewCardData(ctx)));
        break;
      case 'summary': {
        // The caller fills the follow-up figures for a summary (src/bot/guide-handler.ts).
        const { progress } = ctx;
        if (!progress) throw new Error('a summary needs the follow-up figures in its view context');
        activities.push({ type: 'message', attachments: [summaryCard({ ...ctx, progress })] });
        break;
      }
      case 'nextSteps':
        activities.push(card('next-steps', nextStepsCardData(ctx)));
        break;
      case 'openPrompt':
        activities.push(card('confirm-open', openPromptData(ctx, output)));
        break;
      case 'confirmRestart':
        activities.push(card('confirm-restart', confirmRestartCardData(ctx)));
        break;
    }
  }
  flushNotices();
  return activities;
}

/**
 * The one-line receipt that replaces the card a submit came from, when the turn moved on from
 * it; undefined when it did not. Only channels that update messages show it (Teams, the local
 * Direct Line); elsewhere the answered card simply stays.
 */
export function renderReceipt(
  ctx: ViewContext,
  outputs: GuideOutput[],
): OutgoingActivity | undefined {
  const receipt = outputs.find((o) => o.kind === 'receipt');
  if (!receipt || receipt.kind !== 'receipt') return undefined;
  return { type: 'message', attachments: [renderCard('receipt', receiptCardData(ctx, receipt))] };
}
