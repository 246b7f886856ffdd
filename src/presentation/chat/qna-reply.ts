import { isTeamsClient, type OutgoingActivity, type Surface } from '../../turn';
import type { TFunction } from 'i18next';
import { renderCard } from '../../cards';
import { cardFallback, escapeMessageText } from '..';
import {
  answerText,
  citationEntity,
  citationMarkers,
  type QnaAnswer,
  type QnaDecline,
} from '../../qna';
import { answerCardData, declineCardData } from './qna-cards';

/** The card's fallbackText with what to do next (the knowledge base gives only the answer). */
function withHint<T extends { fallbackText: string }>(data: T, hint: string): T {
  return { ...data, fallbackText: cardFallback(data.fallbackText, hint) };
}

/** The title line: a tip and a quote say what they are, so neither passes for a curated answer. */
function titleLine(result: QnaAnswer, t: TFunction): string {
  if (result.claim === 'suggestion')
    return `**${result.title}** · ${t('bot:advice.label.suggestion.tip')}`;
  if (result.claim === 'quote') return `**${result.title}** · _${t('qna:ui.quoteLabel')}_`;
  return `**${result.title}**`;
}

/**
 * The answer text; a quote as a markdown block quote, its sentences as the seed has them (made
 * inert, since seed text may hold markdown), then the note that it is a quote (and, in English,
 * that the source is Dutch). `markers`: the client links `[n]` to the citation entity.
 */
function body(result: QnaAnswer, t: TFunction, markers: boolean): string {
  if (result.claim !== 'quote') return markers ? answerText(result) : result.text;
  const lines = result.text.split('\n').map((line) => `> ${escapeMessageText(line)}`);
  if (markers) lines[lines.length - 1] += ` ${citationMarkers(result)}`;
  return [lines.join('\n>\n'), t('qna:ui.quoteNote')].join('\n\n');
}

/**
 * One message per answer: the title and short answer, its sources, and a card with "more", the
 * source link, related steps and, when a plan is under way, the way back to where the user was.
 * Teams and Copilot get `[1] [2]` markers that they link to the citation entity; Web Chat
 * renders no citations, so it gets no markers but a numbered source list under the answer.
 * In Copilot the answer is text only (card rendering there is undocumented): "more" and the
 * way back become paragraphs. Only knowledge-base and seed text goes into the markdown; the
 * user's question is never echoed.
 */
export function qnaReply(
  result: QnaAnswer | QnaDecline,
  t: TFunction,
  resumeStep: number | undefined,
  surface: Surface,
): OutgoingActivity {
  const resume =
    resumeStep === undefined
      ? []
      : [
          renderCard('resume', {
            fallbackText: t('bot:qna.resumeTyped', { step: resumeStep }),
            text: t('bot:qna.resumeHint'),
            label: t('bot:qna.resume', { step: resumeStep }),
          }),
        ];
  if (result.kind === 'decline') {
    return {
      type: 'message',
      attachments: [
        renderCard('qna-decline', withHint(declineCardData(result, t), t('bot:fallback.decline'))),
        ...resume,
      ],
    };
  }
  const links = result.sources.map((s) => `[${s.docTitle} — ${s.sectionTitle}](${s.url})`);
  const teams = isTeamsClient(surface);
  const copilot = surface === 'copilot';
  const sourceBlock =
    links.length === 1
      ? t('bot:source', { link: links[0] })
      : [t('bot:sources'), ...links.map((link, i) => `${i + 1}. ${link}`)].join('\n');
  return {
    type: 'message',
    textFormat: 'markdown',
    text: [
      titleLine(result, t),
      body(result, t, teams),
      ...(copilot && result.more ? [result.more] : []),
      sourceBlock,
      ...(copilot && resumeStep !== undefined
        ? [t('bot:qna.resumeTyped', { step: resumeStep })]
        : []),
    ].join('\n\n'),
    ...(teams ? { entities: [citationEntity(result)] } : {}),
    ...(copilot
      ? {}
      : {
          attachments: [
            renderCard('qna-answer', withHint(answerCardData(result, t), t('bot:fallback.answer'))),
            ...resume,
          ],
        }),
  };
}
