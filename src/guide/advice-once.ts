import { isAnswered, type Answers } from './answers';
import { holdsKnown } from './conditions';
import { answerValues, type Guide } from './guide';
import type { PlanState } from './plan-state';

/**
 * Which tips the plan has shown. Plans from before the list showed every active tip on every
 * card, so for them all tips active now count as shown.
 */
export function shownAdviceOf(guide: Guide, state: PlanState): string[] {
  return state.shownAdvice ?? guide.activeAdvice(answerValues(state)).map((a) => a.rule.id);
}

/**
 * The tips to show now: rules that hold, that the plan has not shown, and whose outcome does not
 * depend on a question the person has not reached yet (its card not shown and no answer). The
 * one place rule evaluation is narrowed for the conversation; summaries and notes list all.
 */
export function adviceDue(
  guide: Guide,
  state: PlanState,
  answers: Answers,
  shown: readonly string[],
): string[] {
  const reached = state.reached ? new Set(state.reached) : undefined;
  const known = (q: string): boolean => {
    if (!reached || isAnswered(answers[q])) return true;
    const at = guide.positionOfQuestion(q);
    return at !== undefined && reached.has(`${at.step}.${at.part}`);
  };
  return guide.definition.advice
    .filter((rule) => !shown.includes(rule.id) && holdsKnown(rule.when, answers, known) === true)
    .map((rule) => rule.id);
}
