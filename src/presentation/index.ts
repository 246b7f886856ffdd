/**
 * How a plan is shown, the same on every surface (chat cards, steering note, tab, exports):
 * the view context with its formatters, advice as claims with sources, and inert user text.
 */
export {
  viewContext,
  formatDate,
  formatDateTime,
  formatList,
  answeredByLine,
  answeredLine,
  authorName,
  formatAnswer,
  sourceLine,
  stepTitle,
  questionLabel,
  adviceItems,
  quotedLabels,
  type ViewContext,
  type SummaryContext,
} from './view-context';
export { presentAdvice, type AdviceView } from './advice-view';
export { cardFallback, escapeMessageText, shorten } from './text';
export { planUnreadableText } from './plan-unreadable';
export { formatDay, figuresList, expectationsList } from './progress-text';
export type { ProgressModel, ProgressPoint } from './progress-model';
export type {
  CheckinViewModel,
  FollowupRefusal,
  ScheduleMomentRow,
  ScheduleProposal,
  ScheduleStatus,
  ScheduleViewModel,
} from './followup-model';
export {
  DOCUMENT_IDS,
  documentsOf,
  documentFile,
  documentTitle,
  buildDocument,
  fileSlug,
  loadDocxText,
  type DocumentId,
  type DocumentInput,
  type PlanDocument,
} from './documents';
