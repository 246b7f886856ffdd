import type { QuestionDefinition } from './definition-schema';
import { maxLengthOf } from './limits';

export type AnswerValue = string | number | string[];
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

export type AnswerError =
  | 'notANumber'
  | 'notWhole'
  | 'tooSmall'
  | 'tooLarge'
  | 'tooLong'
  | 'unknownChoice'
  | 'tooManyChoices'
  | 'exclusiveChoice'
  | 'badDate';

export type ParsedAnswer =
  { ok: true; value: AnswerValue | null } | { ok: false; error: AnswerError };

const MAX_SELECTED = 50;

function choiceIds(q: QuestionDefinition): Set<string> {
  if (q.type === 'yesno') return new Set(['yes', 'no']);
  return new Set((q.choices ?? []).map((c) => c.id));
}

/** The ticked choice that excludes the others, when others are ticked with it. */
export function exclusiveConflict(q: QuestionDefinition, picked: string[]): string | undefined {
  if (picked.length < 2) return undefined;
  return (q.choices ?? []).find((c) => c.exclusive && picked.includes(c.id))?.id;
}

/** The ids a multiselect input sent ("a,b"), without blanks or repeats. */
export function pickedIds(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Turns what a card input sent (always text in Teams and Web Chat, sometimes a number)
 * into a typed answer. An empty input clears the answer (`value: null`).
 */
export function parseAnswer(q: QuestionDefinition, raw: string | number | boolean): ParsedAnswer {
  const text = String(raw).trim();
  if (text === '') return { ok: true, value: null };
  switch (q.type) {
    case 'text':
    case 'multiline': {
      const max = maxLengthOf(q);
      return text.length > max ? { ok: false, error: 'tooLong' } : { ok: true, value: text };
    }
    case 'number': {
      // A decimal comma is read as a decimal point, so "0,5" is refused as a fraction, not as 5.
      const n = Number(text.replace(',', '.'));
      if (!Number.isFinite(n)) return { ok: false, error: 'notANumber' };
      // Every number the guide asks is whole (percentages, people, years, euros): say so.
      if (!Number.isInteger(n)) return { ok: false, error: 'notWhole' };
      if (q.min !== undefined && n < q.min) return { ok: false, error: 'tooSmall' };
      if (q.max !== undefined && n > q.max) return { ok: false, error: 'tooLarge' };
      return { ok: true, value: n };
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))
        ? { ok: true, value: text }
        : { ok: false, error: 'badDate' };
    case 'choice':
    case 'yesno':
      return choiceIds(q).has(text)
        ? { ok: true, value: text }
        : { ok: false, error: 'unknownChoice' };
    case 'multiselect': {
      const picked = pickedIds(text);
      const known = choiceIds(q);
      if (picked.length > MAX_SELECTED || picked.some((p) => !known.has(p))) {
        return { ok: false, error: 'unknownChoice' };
      }
      if (exclusiveConflict(q, picked)) return { ok: false, error: 'exclusiveChoice' };
      if (q.maxSelected !== undefined && picked.length > q.maxSelected) {
        return { ok: false, error: 'tooManyChoices' };
      }
      // Keep the definition's order so equal selections compare equal.
      return { ok: true, value: [...known].filter((id) => picked.includes(id)) };
    }
  }
}

export function sameAnswer(
  a: AnswerValue | null | undefined,
  b: AnswerValue | null | undefined,
): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (Array.isArray(x) && Array.isArray(y))
    return x.length === y.length && x.every((v, i) => v === y[i]);
  return x === y;
}

export function isAnswered(value: AnswerValue | null | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  return value !== '';
}
