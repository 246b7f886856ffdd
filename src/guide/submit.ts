import { parseAnswer, sameAnswer, type AnswerError, type AnswerValue } from './answers';
import type { Guide, Position } from './guide';
import { boundHistory, type Actor, type Change, type PlanState } from './plan-state';

export interface SubmitMerge {
  changes: Change[];
  errors: Record<string, AnswerError>;
  /** Questions whose value a colleague had set after this card was rendered, now replaced. */
  overwritten: { q: string; previousAuthor: Actor }[];
  /** The card is older than the oldest history we keep, so we cannot tell what the user changed. */
  tooOld: boolean;
}

/**
 * The value a question had at `revision`. An answer last set at or before that revision is
 * unchanged since, so no history is needed; otherwise the bounded history is walked back.
 */
/** `undefined` when the value at that revision can no longer be known. */
function valueAt(state: PlanState, q: string, revision: number): AnswerValue | null | undefined {
  const current = state.answers[q];
  if (current && current.rev <= revision) return current.value;
  if (!current && (state.clearedAt[q] ?? 0) <= revision) return null;
  if (revision < state.historyFloor) return undefined;
  let value: AnswerValue | null = state.answers[q]?.value ?? null;
  for (let i = state.history.length - 1; i >= 0 && state.history[i]!.rev > revision; i--) {
    for (const change of state.history[i]!.changes) if (change.q === q) value = change.from;
  }
  return value;
}

/**
 * Works out which answers a step submit really changes. A field counts as the user's change only
 * if it differs from what the card showed (the value at the card's revision), so a colleague's
 * newer answer survives an older card that merely carried the old value along.
 */
export function mergeSubmit(
  guide: Guide,
  state: PlanState,
  position: Position,
  revision: number,
  values: Readonly<Record<string, string | number | boolean>>,
): SubmitMerge {
  const result: SubmitMerge = { changes: [], errors: {}, overwritten: [], tooOld: false };
  for (const question of guide.questionsOfPart(position)) {
    if (!Object.prototype.hasOwnProperty.call(values, question.id)) continue;
    const parsed = parseAnswer(question, values[question.id]!);
    if (!parsed.ok) {
      result.errors[question.id] = parsed.error;
      continue;
    }
    const current = state.answers[question.id];
    if (sameAnswer(parsed.value, current?.value)) continue;
    if (revision < state.revision) {
      const shown = valueAt(state, question.id, revision);
      if (shown === undefined) {
        result.tooOld = true;
        continue;
      }
      if (sameAnswer(parsed.value, shown)) continue;
      if (current && current.rev > revision && current.by.id) {
        result.overwritten.push({ q: question.id, previousAuthor: current.by });
      }
    }
    result.changes.push({ q: question.id, from: current?.value ?? null, to: parsed.value });
  }
  return result;
}

/** Applies changes as one history entry and one new revision. */
export function applyChanges(
  state: PlanState,
  changes: Change[],
  kind: 'answer' | 'restart' | 'undo',
  actor: Actor,
  now: Date,
  historyLimit: number,
  undoes?: number,
): PlanState {
  const revision = state.revision + 1;
  const at = now.toISOString();
  const answers = { ...state.answers };
  const clearedAt = { ...state.clearedAt };
  for (const change of changes) {
    if (change.to === null) {
      delete answers[change.q];
      clearedAt[change.q] = revision;
    } else {
      answers[change.q] = { value: change.to, by: actor, at, rev: revision };
      delete clearedAt[change.q];
    }
  }
  // The new values are the answers now; the history keeps what they replaced (for undo and merge).
  const replaced = changes.map(({ q, from }) => ({ q, from }));
  const entry = {
    rev: revision,
    at,
    by: actor,
    kind,
    changes: replaced,
    ...(undoes ? { undoes } : {}),
  };
  const bounded = boundHistory([...state.history, entry], state.historyFloor, historyLimit);
  return { ...state, revision, answers, clearedAt, updatedAt: at, ...bounded };
}
