import { cardFallback, type ViewContext } from '..';
import { buildBrief } from './brief-model';

export interface SharePreviewOptions {
  /** The channel as people know it ("Team · Kanaal"), or undefined for the configured one. */
  channelLabel?: string;
  /** Which channel the confirmation is for, so a press never posts somewhere else. */
  channelId: string;
  /** The plan content the preview shows (`contentHash`), so a press never posts unseen content. */
  hash: string;
  /** The team the person picked on the summary card, if any. */
  choice?: string;
  /** Said above the preview, e.g. that the plan changed since the previous one. */
  notice?: string;
}

/**
 * The card that asks before anything goes to the steungroep (issue 27): the channel by name,
 * and a short preview of the note with every attention point it carries (the GDPR warning, for
 * one), so nothing sensitive reaches the channel unseen.
 */
export function sharePreviewData(ctx: ViewContext, options: SharePreviewOptions) {
  const { t } = ctx;
  const brief = buildBrief(ctx);
  const decided = brief.decisions.filter((d) => !d.undecided).length;
  return {
    fallbackText: cardFallback(t('steering:confirm.title'), t('steering:confirm.fallback')),
    title: t('steering:confirm.title'),
    notice: options.notice ?? '',
    where: t('steering:confirm.where', {
      channel: options.channelLabel ?? t('steering:channel.default'),
    }),
    previewHeading: t('steering:confirm.previewHeading'),
    noteTitle: brief.title,
    statusLine: [brief.statusLine, brief.contributors].filter(Boolean).join(' · '),
    attentionTitle: t('steering:note.attentionTitle'),
    attention: brief.attention.map((a) => ({ text: a.text })),
    attentionMore: brief.attentionMore,
    rest: t('steering:confirm.rest', { count: decided, total: brief.decisions.length }),
    channel: options.channelId,
    hash: options.hash,
    choice: options.choice ?? '',
    labels: { confirm: t('steering:confirm.confirm'), decline: t('steering:confirm.decline') },
  };
}
