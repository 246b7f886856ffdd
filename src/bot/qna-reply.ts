import type { OutgoingActivity } from '../turn';
import type { TFunction } from 'i18next';
import { renderCard } from '../cards';
import { escapeMessageText } from '../presentation';
import {
  answerCardData,
  answerText,
  citationEntity,
  citationMarkers,
  declineCardData,
  type QnaAnswer,
  type QnaDecline,
} from '../qna';

/** The title line: a tip and a quote say what they are, so neither passes for a curated answer. */
function titleLine(result: QnaAnswer, t: TFunction): string {
  if (result.claim === 'suggestion')
    return `**${result.title}** · ${t('bot:advice.label.suggestion.tip')}`;
  if (result.claim === 'quote') return `**${result.title}** · _${t('qna:ui.quoteLabel')}_`;
  return `**${result.title}**`;
}

/**
 * A quote as a markdown block quote, its sentences as the seed has them (made inert, since seed
 * text may hold markdown), then the note that it is a quote (and, in English, that it is Dutch).
 */
function body(result: QnaAnswer, t: TFunction, teams: boolean): string {
  if (result.claim !== 'quote') return teams ? answerText(result) : result.text;
  const lines = result.text.split('\n').map((line) => `> ${escapeMessageText(line)}`);
  if (teams) lines[lines.length - 1] += ` ${citationMarkers(result)}`;
  return [lines.join('\n>\n'), t('qna:ui.quoteNote')].join('\n\n');
}

/**
 * One message per answer: the title and short answer, its sources, and a card with "more", the
 * source link, related steps and, when a plan is under way, the way back to where the user was.
 * Teams gets `[1] [2]` markers that it links to the citation entity; other channels (Web Chat)
 * render no citations, so they get no markers but a numbered source list under the answer.
 * Only knowledge-base and seed text goes into the markdown; the user's question is never echoed.
 */
export function qnaReply(
  result: QnaAnswer | QnaDecline,
  t: TFunction,
  resumeStep?: number,
  channelId = 'msteams',
): OutgoingActivity {
  const resume =
    resumeStep === undefined
      ? []
      : [
          renderCard('resume', {
            text: t('bot:qna.resumeHint'),
            label: t('bot:qna.resume', { step: resumeStep }),
          }),
        ];
  if (result.kind === 'decline') {
    return {
      type: 'message',
      attachments: [renderCard('qna-decline', declineCardData(result, t)), ...resume],
    };
  }
  const links = result.sources.map((s) => `[${s.docTitle} — ${s.sectionTitle}](${s.url})`);
  const teams = channelId === 'msteams';
  const sourceBlock =
    links.length === 1
      ? t('bot:source', { link: links[0] })
      : [t('bot:sources'), ...links.map((link, i) => `${i + 1}. ${link}`)].join('\n');
  return {
    type: 'message',
    textFormat: 'markdown',
    text: [titleLine(result, t), body(result, t, teams), sourceBlock].join('\n\n'),
    ...(teams ? { entities: [citationEntity(result)] } : {}),
    attachments: [renderCard('qna-answer', answerCardData(result, t)), ...resume],
  };
}
