import { renderCard } from '../../cards';
import { escapeMessageText } from '..';
import { formatDateTime, sourceLine, type ViewContext } from '..';
import { buildBrief, type BriefModel } from './brief-model';
import type { OutgoingMessage } from '../../connector';

export interface NoteOptions {
  now: Date;
  /** "looptijd 3 jaar → 4 jaar, …" since the version the channel saw; empty on the first post. */
  changes?: string;
  /** Whether this version replaces an earlier one: says "bijgewerkt" even when no line changed. */
  updated?: boolean;
  /**
   * Where the full plan opens: a Teams deep link to the plan tab, or the local tab page. Never a
   * download: the document is made when someone asks for it, after their access is checked.
   */
  planUrl?: string;
  /** One extra line under the status, e.g. the follow-up's progress (issue 16). */
  progress?: string;
}

/** The template's data: the brief plus the labels around it. */
export function noteData(ctx: ViewContext, brief: BriefModel, options: NoteOptions) {
  const { t, locale } = ctx;
  const when = formatDateTime(options.now.toISOString(), locale);
  return {
    // Some hosts render a card's fallback text as Markdown: keep typed text (the organisation) out.
    fallbackText: t('steering:note.fallback'),
    heading: t('steering:note.heading'),
    title: brief.title,
    statusLine: brief.statusLine,
    contributors: brief.contributors,
    changed: options.changes
      ? t('steering:note.changed', { when, changes: options.changes })
      : options.updated
        ? t('steering:note.updatedOn', { when })
        : '',
    progress: options.progress ?? brief.progress ?? '',
    decisionsTitle: t('steering:note.decisionsTitle'),
    decisions: brief.decisions,
    attentionTitle: t('steering:note.attentionTitle'),
    attention: brief.attention,
    attentionMore: brief.attentionMore,
    openTitle: brief.openTitle,
    openPoints: brief.openPoints,
    openMore: brief.openMore,
    fullPlanNote: t(options.planUrl ? 'steering:note.fullPlan' : 'steering:note.fullPlanNoLink'),
    source: sourceLine(ctx, 'intro'),
    planUrl: options.planUrl ?? '',
    labels: { openPlan: t('steering:note.openPlan') },
  };
}

/**
 * The text next to the card: two or three lines, since Teams shows it above the card and a
 * client without cards needs only the gist and the way to the plan. Typed text is escaped.
 */
function fallbackText(ctx: ViewContext, brief: BriefModel, options: NoteOptions): string {
  const { t, locale } = ctx;
  const lines = [
    `**${escapeMessageText(brief.title)}**`,
    escapeMessageText([brief.statusLine, brief.contributors].filter(Boolean).join(' · ')),
  ];
  if (options.changes)
    lines.push(
      escapeMessageText(
        t('steering:note.changed', {
          when: formatDateTime(options.now.toISOString(), locale),
          changes: options.changes,
        }),
      ),
    );
  if (options.planUrl)
    lines.push(`[${escapeMessageText(t('steering:note.openPlan'))}](${options.planUrl})`);
  return lines.join('\n\n');
}

/** The steering brief for one plan: the card and its short Markdown companion. */
export function steeringNote(ctx: ViewContext, options: NoteOptions): OutgoingMessage {
  const brief = buildBrief(ctx);
  const card = renderCard('steering-note', noteData(ctx, brief, options));
  return {
    type: 'message',
    text: fallbackText(ctx, brief, options),
    textFormat: 'markdown',
    attachments: [card],
  };
}

/** What replaces the note once its plan is deleted: when, and by whom (a name people typed). */
export function withdrawnNote(
  ctx: Pick<ViewContext, 't' | 'locale'>,
  at: Date,
  byName: string | undefined,
): OutgoingMessage {
  const { t, locale } = ctx;
  const when = formatDateTime(at.toISOString(), locale);
  const text = byName
    ? t('steering:withdrawn.text', { when, name: byName })
    : t('steering:withdrawn.textNoName', { when });
  const card = renderCard('steering-note-withdrawn', {
    fallbackText: t('steering:withdrawn.title'),
    heading: t('steering:note.heading'),
    title: t('steering:withdrawn.title'),
    text,
    detail: t('steering:withdrawn.detail'),
  });
  return {
    type: 'message',
    text: `**${escapeMessageText(t('steering:withdrawn.title'))}**\n\n${escapeMessageText(text)}`,
    textFormat: 'markdown',
    attachments: [card],
  };
}
