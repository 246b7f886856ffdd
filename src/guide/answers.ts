import type { QuestionDefinition } from './definition-schema';
import { maxLengthOf } from './limits';

export type AnswerValue = string | number | string[];
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

export type AnswerError =
  | 'notANumber'
  | 'tooSmall'
  | 'tooLarge'
  | 'tooLong'
  | 'unknownChoice'
  | 'tooManyChoices'
  | 'badDate';

export type ParsedAnswer =
  { ok: true; value: AnswerValue | null } | { ok: false; error: AnswerError };

const MAX_SELECTED = 50;

function choiceIds(q: QuestionDefinition): Set<string> {
  if (q.type === 'yesno') return new Set(['yes', 'no']);
  return new Set((q.choices ?? []).map((c) => c.id));
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
      const n = Number(text.replace(',', '.'));
      if (!Number.isFinite(n)) return { ok: false, error: 'notANumber' };
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
      const picked = [
        ...new Set(
          text
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
      const known = choiceIds(q);
      if (picked.length > MAX_SELECTED || picked.some((p) => !known.has(p))) {
        return { ok: false, error: 'unknownChoice' };
      }
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
