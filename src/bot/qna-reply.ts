import type { Activity } from 'botbuilder';
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
 * One message per answer: the title and short answer with its [1] citation (Teams shows the
 * source on hover), a visible source line for Web Chat, and a card with "more", the source link,
 * related steps and, when a plan is under way, the way back to where the user was.
 * Only knowledge-base text goes into the markdown; the user's question is never echoed.
 */
export function qnaReply(
  result: QnaAnswer | QnaDecline,
  t: TFunction,
  resumeStep?: number,
): Partial<Activity> {
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
  const source = `${result.source.docTitle} — ${result.source.sectionTitle}`;
  return {
    type: 'message',
    textFormat: 'markdown',
    text: [
      `**${result.title}**`,
      answerText(result),
      t('bot:source', { link: `[${source}](${result.source.url})` }),
    ].join('\n\n'),
    entities: [citationEntity(result)],
    attachments: [renderCard('qna-answer', answerCardData(result, t)), ...resume],
  };
}
