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
