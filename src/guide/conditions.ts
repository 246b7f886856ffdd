import type { Answers, AnswerValue } from './answers';
import { isAnswered } from './answers';
import type { Condition, Operand } from './definition-schema';

function numeric(value: AnswerValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function operandValue(operand: Operand, answers: Answers): number | undefined {
  if (typeof operand === 'number') return operand;
  const ref = numeric(answers[operand.ref]);
  return ref === undefined ? undefined : ref * operand.times;
}

function asList(value: AnswerValue | undefined): string[] {
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

/** Evaluates a data-defined condition against the answers; a missing operand makes a comparison false. */
export function holds(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers));
  if ('not' in condition) return !holds(condition.not, answers);
  const value = answers[condition.q];
  switch (condition.op) {
    case 'answered':
      return isAnswered(value);
    case 'unanswered':
      return !isAnswered(value);
    case 'equals':
      return value === condition.value;
    case 'in':
      return typeof value === 'string' && condition.values.includes(value);
    case 'includesAny':
      return asList(value).some((v) => condition.values.includes(v));
    case 'includesAll':
      return condition.values.every((v) => asList(value).includes(v));
    case 'includesNone':
      return !asList(value).some((v) => condition.values.includes(v));
    case 'countGte':
      return asList(value).length >= condition.value;
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const left = numeric(value);
      const right = operandValue(condition.value, answers);
      if (left === undefined || right === undefined) return false;
      if (condition.op === 'lt') return left < right;
      if (condition.op === 'lte') return left <= right;
      if (condition.op === 'gt') return left > right;
      return left >= right;
    }
  }
}

/** The questions a condition reads (a scaled operand reads one more). */
export function conditionRefs(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionRefs);
  if ('any' in condition) return condition.any.flatMap(conditionRefs);
  if ('not' in condition) return conditionRefs(condition.not);
  const operand = 'value' in condition ? condition.value : undefined;
  return typeof operand === 'object' && operand !== null && 'ref' in operand
    ? [condition.q, operand.ref]
    : [condition.q];
}

/**
 * As `holds`, but a question the person has not reached is unknown rather than empty, in
 * three-valued (Kleene) logic: `undefined` when the outcome depends on such a question. Advice
 * uses it so that no tip warns about a question before the card that asks it.
 */
export function holdsKnown(
  condition: Condition,
  answers: Answers,
  known: (q: string) => boolean,
): boolean | undefined {
  if ('all' in condition || 'any' in condition) {
    const all = 'all' in condition;
    const results = (all ? condition.all : condition.any).map((c) => holdsKnown(c, answers, known));
    if (results.includes(!all)) return !all;
    return results.includes(undefined) ? undefined : all;
  }
  if ('not' in condition) {
    const inner = holdsKnown(condition.not, answers, known);
    return inner === undefined ? undefined : !inner;
  }
  return conditionRefs(condition).every(known) ? holds(condition, answers) : undefined;
}
