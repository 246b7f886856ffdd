import {
  applyChanges,
  answerValues,
  HISTORY_LIMIT,
  sameAnswer,
  type Actor,
  type AnswerValue,
  effectsOf,
  type Change,
  type GuideEffect,
  type PlanState,
} from '../guide';
import { addDays, brusselsDate } from './calendar';
import { COUNT_FIGURES, FU, MOMENT_IDS, scheduleOf, type MomentId } from './schedule';

/** Counts are people and associations in one municipality; anything above is a typo. */
export const MAX_COUNT = 100_000;
export const MAX_NOTE_CHARS = 500;
/** Snooze is one click: the check-in comes back a week later (Brugbot's choice). */
export const SNOOZE_DAYS = 7;
/** Moments further out than this are typos (a year 2207), not plans. */
const MAX_YEARS_AHEAD = 5;

type Raw = string | number | boolean;

/** What a person did on a follow-up card, already checked against the verb's schema. */
export type FollowupEvent =
  | {
      type: 'confirm';
      /** The start date and moment dates as the card showed them, to tell what the user changed. */
      shown: Partial<Record<'start' | MomentId, string>>;
      inputs: Partial<Record<'start' | MomentId, Raw>>;
    }
  | { type: 'snooze'; moment: MomentId; date: string }
  | { type: 'skip'; moment: MomentId }
  | { type: 'stop' }
  | {
      type: 'checkin';
      moment: MomentId;
      inputs: Record<string, Raw>;
      /** The plan revision the card was sent at: figures a colleague gave since are news. */
      revision?: number;
    };

export type FollowupErrorCode = 'badDate' | 'beforeStart' | 'tooFar' | 'notACount' | 'tooLong';

export interface FollowupResult {
  code:
    | 'scheduleSaved'
    | 'unchanged'
    | 'invalid'
    | 'snoozed'
    | 'alreadyMoved'
    | 'skipped'
    | 'stopped'
    | 'checkinSaved'
    | 'unknownMoment'
    | 'noPlan';
  errors?: Record<string, FollowupErrorCode>;
  moment?: MomentId;
  /** For "snoozed until …". */
  date?: string;
  /** A colleague who had filled in figures of this moment after the card was sent. */
  overwrote?: string;
}

export interface FollowupContext {
  now: Date;
  actor: Actor;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(raw: Raw | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  if (text === '') return null;
  // Some clients send a full timestamp for Input.Date; the date part is what the user picked.
  const date = text.slice(0, 10);
  if (!DATE.test(date) || Number.isNaN(Date.parse(date))) return undefined;
  return new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date ? date : undefined;
}

function dayDelta(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** One history entry for all of a card's changes, or the plan untouched when nothing changed. */
function commit(
  state: PlanState,
  wanted: Record<string, AnswerValue | null>,
  ctx: FollowupContext,
) {
  const changes: Change[] = Object.entries(wanted)
    .filter(([q, to]) => !sameAnswer(to, state.answers[q]?.value))
    .map(([q, to]) => ({ q, from: state.answers[q]?.value ?? null, to }));
  if (changes.length === 0) return state;
  return applyChanges(state, changes, 'answer', ctx.actor, ctx.now, HISTORY_LIMIT);
}

function confirm(
  state: PlanState,
  event: Extract<FollowupEvent, { type: 'confirm' }>,
  ctx: FollowupContext,
): { state: PlanState; result: FollowupResult } {
  const errors: Record<string, FollowupErrorCode> = {};
  const current = scheduleOf(answerValues(state));
  const typed = validDate(event.inputs.start);
  const touched = typed !== undefined && typed !== (event.shown.start ?? null);
  const start = (touched ? typed : (current.start ?? typed)) ?? null;
  if (!start || (event.inputs.start !== undefined && typed === undefined)) errors.start = 'badDate';
  const shift = touched && start && event.shown.start ? dayDelta(event.shown.start, start) : 0;
  const wanted: Record<string, AnswerValue | null> = {};
  const latest = start ? `${Number(start.slice(0, 4)) + MAX_YEARS_AHEAD}${start.slice(4)}` : '';
  for (const id of MOMENT_IDS) {
    const raw = event.inputs[id];
    if (raw === undefined) continue;
    const date = validDate(raw);
    if (date === undefined) {
      errors[id] = 'badDate';
      continue;
    }
    // Only what the user changed on this card counts: a date left as shown keeps the stored one
    // (a colleague may have moved it since), and moves along with a changed start date.
    const shown = event.shown[id] ?? '';
    const stored = state.answers[`${FU}${id}.date`]?.value;
    const basis = date === (shown || null) ? (typeof stored === 'string' ? stored : date) : date;
    const value = basis && shift && date === (shown || null) ? addDays(basis, shift) : basis;
    if (value && start && value <= start) errors[id] = 'beforeStart';
    else if (value && value > latest) errors[id] = 'tooFar';
    else wanted[`${FU}${id}.date`] = value;
  }
  if (Object.keys(errors).length) return { state, result: { code: 'invalid', errors } };
  wanted[`${FU}start`] = start;
  wanted[`${FU}stopped`] = null;
  const next = commit(state, wanted, ctx);
  return { state: next, result: { code: next === state ? 'unchanged' : 'scheduleSaved' } };
}

function checkin(
  state: PlanState,
  event: Extract<FollowupEvent, { type: 'checkin' }>,
  ctx: FollowupContext,
): { state: PlanState; result: FollowupResult } {
  const errors: Record<string, FollowupErrorCode> = {};
  const wanted: Record<string, AnswerValue | null> = {};
  const prefix = `${FU}${event.moment}.`;
  for (const figure of COUNT_FIGURES) {
    const raw = event.inputs[figure];
    if (raw === undefined) continue;
    const text = String(raw).trim();
    if (text === '') {
      wanted[prefix + figure] = null;
      continue;
    }
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT) errors[figure] = 'notACount';
    else wanted[prefix + figure] = n;
  }
  const note = event.inputs.note;
  if (note !== undefined) {
    const text = String(note).trim();
    if ([...text].length > MAX_NOTE_CHARS) errors.note = 'tooLong';
    else wanted[`${prefix}note`] = text || null;
  }
  if (Object.keys(errors).length)
    return { state, result: { code: 'invalid', errors, moment: event.moment } };
  // Answering a moment that was skipped un-skips it: the figures are what counts.
  wanted[`${prefix}status`] = null;
  const next = commit(state, wanted, ctx);
  const since = event.revision ?? Number.MAX_SAFE_INTEGER;
  const colleague = Object.entries(wanted)
    .map(([q, to]) => ({ record: state.answers[q], to }))
    .find(
      ({ record, to }) =>
        record &&
        record.rev > since &&
        record.by.id !== ctx.actor.id &&
        !sameAnswer(record.value, to),
    )?.record?.by;
  return {
    state: next,
    result: {
      code: next === state ? 'unchanged' : 'checkinSaved',
      moment: event.moment,
      ...(colleague && next !== state ? { overwrote: colleague.name ?? '' } : {}),
    },
  };
}

/**
 * The follow-up as a pure function of the plan, like the guide engine: no I/O, the clock in
 * `ctx`, so storage can run it again on a colleague's newer plan after an eTag conflict.
 */
export function followupTransition(
  state: PlanState | undefined,
  event: FollowupEvent,
  ctx: FollowupContext,
): { state: PlanState | undefined; result: FollowupResult; effects: GuideEffect[] } {
  const decided = decide(state, event, ctx);
  const effects = state && decided.state ? effectsOf(state, decided.state) : [];
  return { ...decided, effects };
}

function decide(
  state: PlanState | undefined,
  event: FollowupEvent,
  ctx: FollowupContext,
): { state: PlanState | undefined; result: FollowupResult } {
  if (!state || state.status === 'notStarted') return { state, result: { code: 'noPlan' } };
  if (event.type === 'confirm') return confirm(state, event, ctx);
  if (event.type === 'stop') {
    const next = commit(state, { [`${FU}stopped`]: 'yes' }, ctx);
    return { state: next, result: { code: 'stopped' } };
  }
  const moment = scheduleOf(answerValues(state)).moments.find((m) => m.id === event.moment);
  if (!moment) return { state, result: { code: 'unknownMoment' } };
  switch (event.type) {
    case 'snooze': {
      if (moment.date !== event.date)
        return { state, result: { code: 'alreadyMoved', moment: moment.id, date: moment.date } };
      const date = addDays(brusselsDate(ctx.now), SNOOZE_DAYS);
      const next = commit(state, { [`${FU}${moment.id}.date`]: date }, ctx);
      return { state: next, result: { code: 'snoozed', moment: moment.id, date } };
    }
    case 'skip': {
      const next = commit(state, { [`${FU}${moment.id}.status`]: 'skipped' }, ctx);
      return { state: next, result: { code: 'skipped', moment: moment.id, date: moment.date } };
    }
    case 'checkin':
      return checkin(state, event, ctx);
  }
}
