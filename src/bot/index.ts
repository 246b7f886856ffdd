/** The application: routes each turn to the guide, quick questions, privacy, steering, export, follow-up. */
export { BrugApp, MAX_TEXT_CHARS, type BrugAppDeps } from './application';
export { HistoryHandler } from './history-handler';
export { PrivacyHandler, type PrivacyDeps } from './privacy-handler';
export { MAX_INPUT_CHARS } from './router';
