/**
 * The chat surface (Teams, Copilot, Web Chat): guide outputs as cards and messages, the step
 * and other cards, the summary card, the follow-up cards (schedule and check-in), and
 * quick-question answers.
 */
export { renderOutputs, renderReceipt } from './render-outputs';
export {
  welcomeCardData,
  overviewCardData,
  summaryCard,
  confirmRestartCardData,
  helpCardData,
  openPromptData,
} from './other-views';
export { nextStepsCardData } from './next-steps';
export { receiptCardData } from './receipt-view';
export { scheduleCardData, checkinCardData } from './followup-cards';
export { stepCardData, type StepNotice, type StepCardExtras } from './step-view';
export { qnaReply } from './qna-reply';
export {
  answerCardData,
  declineCardData,
  QNA_CARD_TEMPLATES,
  type AnswerCardData,
  type DeclineCardData,
} from './qna-cards';
