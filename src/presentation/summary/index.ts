export {
  buildSummary,
  CARD_ANSWER_LIMIT,
  CARD_ANSWER_LIMITS,
  type SummaryModel,
  type SummaryAnswer,
  type SummaryAdvice,
} from './summary-model';
export { progressBlock, type ProgressBlock } from './progress-block';
