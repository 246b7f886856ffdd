import { cardBytes, CARD_BUDGET_BYTES, renderCard } from '../cards';
import { escapeMessageText } from '../bot/text';
import {
  formatDate,
  formatDateTime,
  sourceLine,
  type ViewContext,
} from '../bot/views/view-context';
import { buildSummary, CARD_ANSWER_LIMITS, type SummaryModel } from '../summary';
import { steeringProgressLine } from '../followup/progress';
import type { OutgoingMessage } from './connector-transport';

export interface NoteOptions {
  /** When the note was first posted; set from the second send on, which makes it an update. */
  firstPostedAt?: string;
  now: Date;
  /** A time-limited link to the full plan (.docx), when the bot knows its public address. */
  exportLink?: { url: string; expiresAt: Date };
}

/** Answers per step shown in full detail before the note falls back to counting them. */
type Detail = { limit: number; answers: boolean };
const DETAILS: Detail[] = [
  ...CARD_ANSWER_LIMITS.map((limit) => ({ limit, answers: true })),
  { limit: 60, answers: false },
];

function noteData(ctx: ViewContext, model: SummaryModel, options: NoteOptions, detail: Detail) {
  const { t, locale } = ctx;
  const date = formatDate(model.completedAt ?? model.updatedAt, locale);
  const truncated = model.truncatedCount > 0 || !detail.answers;
  const link = options.exportLink;
  return {
    // Some hosts render a card's fallback text as Markdown: keep typed text (the organisation) out.
    fallbackText: t('bot:summary.title'),
    heading: t('steering:note.heading'),
    title: model.title,
    meta: t(
      model.status === 'completed' ? 'steering:note.completedOn' : 'steering:note.inProgressOn',
      { date },
    ),
    updated: options.firstPostedAt
      ? t('steering:note.updatedOn', { when: formatDateTime(options.now.toISOString(), locale) })
      : '',
    // Follow-up (src/followup): one line of progress, '' when the plan has no follow-up.
    progress: steeringProgressLine(ctx, options.now),
    steps: model.steps.map((s) => ({
      title: s.title,
      answers: detail.answers ? s.answers.map((a) => ({ label: a.label, value: a.value })) : [],
      hidden:
        s.answers.length === 0
          ? t('bot:summary.noAnswers')
          : detail.answers
            ? ''
            : t('steering:note.answersInExport', { count: s.answers.length }),
      contributors: s.contributors,
    })),
    advice: model.advice.map((a) => ({ text: a.text, source: a.source })),
    adviceTitle: t('bot:advice.title'),
    openPoints: model.openPoints,
    openPointsTitle: t('bot:summary.openPointsTitle', { count: model.openPoints.length }),
    exportNote: link
      ? t(truncated ? 'steering:note.exportTruncated' : 'steering:note.export', {
          until: formatDateTime(link.expiresAt.toISOString(), locale),
        })
      : truncated
        ? t('steering:note.truncatedNoLink')
        : '',
    exportUrl: link?.url ?? '',
    source: sourceLine(ctx, 'intro'),
    labels: { export: t('steering:note.exportButton') },
  };
}

/**
 * The Markdown shown by clients without cards, and above the card in Teams: kept to a digest
 * (title, status, one line per step, counts, the export link) so the card is not said twice.
 * Names and the organisation are typed by people and escaped.
 */
function fallbackText(ctx: ViewContext, model: SummaryModel, options: NoteOptions): string {
  const { t, locale } = ctx;
  const date = formatDate(model.completedAt ?? model.updatedAt, locale);
  const lines = [
    `**${escapeMessageText(model.title)}**`,
    escapeMessageText(
      t(model.status === 'completed' ? 'steering:note.completedOn' : 'steering:note.inProgressOn', {
        date,
      }),
    ),
  ];
  if (options.firstPostedAt)
    lines.push(
      escapeMessageText(
        t('steering:note.updatedOn', { when: formatDateTime(options.now.toISOString(), locale) }),
      ),
    );
  for (const s of model.steps) {
    const names = [...new Set(s.answers.map((a) => a.by))].map(escapeMessageText).join(', ');
    lines.push(
      `- ${escapeMessageText(t('steering:note.stepLine', { step: s.title, count: s.answers.length }))}${names ? ` (${names})` : ''}`,
    );
  }
  lines.push(
    escapeMessageText(
      t('steering:note.counts', { advice: model.advice.length, open: model.openPoints.length }),
    ),
  );
  if (options.exportLink)
    lines.push(
      `[${escapeMessageText(t('steering:note.exportButton'))}](${options.exportLink.url})`,
    );
  return lines.join('\n\n');
}

/**
 * The steering group's note for one plan: the card plus its Markdown fallback, cut down step by
 * step until both fit the card budget (Teams' message limit, with Power Automate's in mind).
 */
export function steeringNote(ctx: ViewContext, options: NoteOptions): OutgoingMessage {
  const text = fallbackText(ctx, buildSummary(ctx), options);
  let message: OutgoingMessage | undefined;
  for (const detail of DETAILS) {
    const card = renderCard(
      'steering-note',
      noteData(ctx, buildSummary(ctx, detail.limit), options, detail),
    );
    message = { type: 'message', text, textFormat: 'markdown', attachments: [card] };
    if (cardBytes(card) + Buffer.byteLength(text, 'utf8') <= CARD_BUDGET_BYTES) break;
  }
  return message!;
}
