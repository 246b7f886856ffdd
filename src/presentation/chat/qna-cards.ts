/**
 * Data for the Q&A Adaptive Card templates (bound with adaptivecards-templating).
 *
 * cards/qna-answer.json expects:
 *   {
 *     fallbackText: string,     // plain text for clients without card support
 *     (the title, answer text with [1] and source line travel in the message text, where
 *      Teams renders the citation; the card adds what plain text cannot)
 *     moreLabel: string,        // "Meer" / "More" — toggles the hidden `more` block
 *     more: string,             // longer detail paragraph
 *     sourceUrl: string,        // opened by the Action.OpenUrl
 *     openSourceLabel: string,  // label of that action
 *     hasSteps: boolean,        // whether to show the related-step heading
 *     relatedStepsLabel: string,
 *     stepRows: { steps: { step: number, label: string }[] }[]
 *                               // rows of at most 3 Action.Submit { verb: 'guide.goto', step };
 *                               // rows because hosts cap an ActionSet at 5 actions
 *   }
 *
 * cards/qna-decline.json expects:
 *   {
 *     fallbackText: string,     // plain text for clients without card support
 *     text: string,             // honest "I don't know (yet)" text
 *     hasSuggestions: boolean,
 *     didYouMean: string,       // "Bedoel je misschien:" / "Did you mean:"
 *     suggestions: { entryId: string, title: string }[]  // Action.Submit { verb: 'qna.ask', entryId }
 *   }
 *
 * Only knowledge-base texts and labels from i18next reach these templates, never user input.
 */
import type { TFunction } from '../../i18n';
import type { QnaAnswer, QnaDecline } from '../../qna';

/** Template names under cards/, as `renderCard(name, data)` in src/cards expects them. */
export const QNA_CARD_TEMPLATES = { answer: 'qna-answer', decline: 'qna-decline' } as const;

export interface AnswerCardData {
  fallbackText: string;
  moreLabel: string;
  more: string;
  sourceUrl: string;
  openSourceLabel: string;
  hasSteps: boolean;
  relatedStepsLabel: string;
  stepRows: { steps: { step: number; label: string }[] }[];
}

const STEPS_PER_ROW = 3;

export interface DeclineCardData {
  fallbackText: string;
  text: string;
  hasSuggestions: boolean;
  didYouMean: string;
  suggestions: { entryId: string; title: string }[];
}

function chunk<T>(items: T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

/** Template data for an answer; `t` must be bound to the same locale as the answer. */
export function answerCardData(answer: QnaAnswer, t: TFunction): AnswerCardData {
  const sourceLines = answer.sources.map(
    (s, i) =>
      `${i + 1}. ${t('qna:ui.sourceLine', { doc: s.docTitle, section: s.sectionTitle })}, ${s.url}`,
  );
  return {
    fallbackText: `${answer.title}: ${answer.text} (${sourceLines.join('; ')})`,
    moreLabel: t('qna:ui.more'),
    more: answer.more,
    sourceUrl: answer.sources[0]!.url,
    openSourceLabel: t('qna:ui.openSource'),
    hasSteps: answer.relatedSteps.length > 0,
    relatedStepsLabel: t('qna:ui.relatedSteps'),
    stepRows: chunk(
      answer.relatedSteps.map((step) => ({ step, label: t('qna:ui.stepButton', { step }) })),
      STEPS_PER_ROW,
    ).map((steps) => ({ steps })),
  };
}

/** Template data for a decline with up to three suggestion buttons. */
export function declineCardData(decline: QnaDecline, t: TFunction): DeclineCardData {
  const suggestions = decline.suggestions
    .slice(0, 3)
    .map((s) => ({ entryId: s.entryId, title: s.title }));
  const text = t('qna:ui.decline');
  const titles = suggestions.map((s) => s.title).join('; ');
  return {
    fallbackText: suggestions.length > 0 ? `${text} ${t('qna:ui.didYouMean')} ${titles}` : text,
    text,
    hasSuggestions: suggestions.length > 0,
    didYouMean: t('qna:ui.didYouMean'),
    suggestions,
  };
}
