/** Quick-question capability: the only public surface of src/qna. */
export type { Locale } from '../i18n';
export type { QnaSource, QnaAnswer, QnaDecline, QnaService } from './types';
export { createQnaService, type QnaServiceOptions, type AnswererDeps } from './service';
export { loadKnowledgeBase, type KbEntry, type KnowledgeBase } from './knowledge-base';
export type { Answerer, AnswerDraft, ConfidencePolicy } from './answerer';
export {
  citationEntity,
  citationEntitySchema,
  citationMarkers,
  answerText,
  type CitationEntity,
} from './citation';
export { questionType, type QuestionType } from './question-type';
