import {
  exclusiveConflict,
  pickedIds,
  type AnswerError,
  type AnswerValue,
  type QuestionDefinition,
} from '../../guide';
import { formatList, type ViewContext } from '..';

/** A question's choices as the card shows them: `{ title, value }` in the definition's order. */
export function choicesOf(ctx: ViewContext, q: QuestionDefinition) {
  return q.type === 'yesno'
    ? ['yes', 'no'].map((id) => ({ title: ctx.t(`bot:yesno.${id}`), value: id }))
    : (q.choices ?? []).map((c) => ({
        title: ctx.t(`guide:questions.${q.id}.choices.${c.id}`),
        value: c.id,
      }));
}

/** What an input shows: the refused submit's text where there is one, else the stored answer. */
export function shownValue(
  q: QuestionDefinition,
  stored: AnswerValue | undefined,
  sent: string | undefined,
): { text: string; number: number | undefined } {
  if (sent === undefined) {
    const text =
      stored === undefined ? '' : Array.isArray(stored) ? stored.join(',') : String(stored);
    return { text, number: typeof stored === 'number' ? stored : undefined };
  }
  if (q.type === 'multiselect' || q.type === 'choice' || q.type === 'yesno') {
    // Ticks the person made stay ticked; ids the card does not know are dropped.
    const known = new Set(q.type === 'yesno' ? ['yes', 'no'] : (q.choices ?? []).map((c) => c.id));
    return {
      text: pickedIds(sent)
        .filter((id) => known.has(id))
        .join(','),
      number: undefined,
    };
  }
  const n = Number(sent.trim().replace(',', '.'));
  return {
    text: sent,
    number: q.type === 'number' && sent.trim() !== '' && Number.isFinite(n) ? n : undefined,
  };
}

/**
 * The message next to a refused input, naming what was refused ("500 is te groot: maximaal
 * 100"), so it never reads as if the value still shown were the problem.
 */
export function refusalText(
  ctx: ViewContext,
  q: QuestionDefinition,
  error: AnswerError,
  sent: string | undefined,
): string {
  const value = (sent ?? '').trim();
  const picked = pickedIds(value);
  const label = (id: string) => choicesOf(ctx, q).find((c) => c.value === id)?.title ?? id;
  const exclusive = exclusiveConflict(q, picked);
  const quoted = (ids: string[]) =>
    formatList(
      ids.map((id) => `“${label(id)}”`),
      ctx.locale,
    );
  return ctx.t(`bot:refusal.${error}`, {
    value,
    min: q.min,
    max: q.max,
    maxLength: q.maxLength ?? (q.type === 'multiline' ? 3000 : 300),
    length: value.length,
    count: q.maxSelected,
    picked: picked.length,
    extra: Math.max(0, picked.length - (q.maxSelected ?? picked.length)),
    exclusive: exclusive ? quoted([exclusive]) : '',
    others: quoted(picked.filter((id) => id !== exclusive)),
  });
}
