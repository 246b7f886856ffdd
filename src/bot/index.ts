/** The application: routes each turn to the guide, quick questions, privacy, steering, export, follow-up. */
export { BrugApp, MAX_TEXT_CHARS, type BrugAppDeps } from './application';
export { GuideHandler } from './guide-handler';
export { HistoryHandler } from './history-handler';
export { LanguageHandler } from './language-handler';
export { QuickQuestionHandler } from './quick-question-handler';
export { PrivacyHandler, type PrivacyDeps } from './privacy-handler';
export { MAX_INPUT_CHARS } from './router';
