import type { OutgoingActivity } from '../turn';
import type { TFunction } from 'i18next';
import { renderCard } from '../cards';
import {
  answerCardData,
  answerText,
  citationEntity,
  declineCardData,
  type QnaAnswer,
  type QnaDecline,
} from '../qna';

/**
 * One message per answer: the title and short answer, its sources, and a card with "more", the
 * source link, related steps and, when a plan is under way, the way back to where the user was.
 * Teams gets `[1] [2]` markers that it links to the citation entity; other channels (Web Chat)
 * render no citations, so they get no markers but a numbered source list under the answer.
 * Only knowledge-base text goes into the markdown; the user's question is never echoed.
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
    text: [
      result.claim === 'suggestion'
        ? `**${result.title}** · ${t('bot:advice.label.suggestion.tip')}`
        : `**${result.title}**`,
      teams ? answerText(result) : result.text,
      sourceBlock,
    ].join('\n\n'),
    ...(teams ? { entities: [citationEntity(result)] } : {}),
    attachments: [renderCard('qna-answer', answerCardData(result, t)), ...resume],
  };
}
