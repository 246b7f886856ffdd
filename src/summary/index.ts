export {
  buildSummary,
  CARD_ANSWER_LIMIT,
  CARD_ANSWER_LIMITS,
  type SummaryModel,
  type SummaryAnswer,
} from './summary-model';
