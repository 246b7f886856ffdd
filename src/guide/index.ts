export { loadGuideDefinition, parseGuideDefinition, GuideDefinitionError } from './load-definition';
export type {
  GuideDefinition,
  QuestionDefinition,
  PartDefinition,
  StepDefinition,
  AdviceRule,
  QuestionType,
  Condition,
} from './definition-schema';
export { Guide, answerValues, type ActiveAdvice, type StepStatus, type Position } from './guide';
export { transition, effectsOf, type Derived, type Transition, type GuideEffect } from './engine';
export { SUBMIT_NAVS } from './events';
export type { GuideEvent, GuideOutput, EngineContext, NoticeCode, SubmitNav } from './events';
export {
  initialPlanState,
  migratePlanState,
  readPlanState,
  checkPlanWrite,
  PlanStateError,
  PLAN_SCHEMA_VERSION,
  type PlanState,
  type Actor,
  type HistoryEntry,
} from './plan-state';
export {
  isAnswered,
  sameAnswer,
  exclusiveConflict,
  pickedIds,
  type AnswerValue,
  type AnswerError,
  type Answers,
} from './answers';
/** For other capabilities that keep answers in the plan (follow-up): one change, one log entry. */
export { applyChanges } from './submit';
export { HISTORY_LIMIT, HISTORY_VALUE_BUDGET, type Change } from './plan-state';
export {
  inputIdFor,
  questionIdOf,
  maxLengthOf,
  MAX_INPUT_CHARS,
  START_INPUT,
  momentInput,
  figureInput,
  NOTE_INPUT,
} from './limits';
