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
import { addDays, addMonths, brusselsDate, checkinDay } from './calendar';
import {
  COUNT_FIGURES,
  FU,
  MOMENT_IDS,
  proposeMoments,
  scheduleOf,
  type MomentId,
} from './schedule';

/** Counts are people and associations in one municipality; anything above is a typo. */
export const MAX_COUNT = 100_000;
export const MAX_NOTE_CHARS = 500;
/** Snooze is one click: the check-in comes back a week later, on a working day (Brugbot's choice). */
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

export type FollowupErrorCode =
  | 'badDate'
  | 'missingStart'
  | 'startTooFar'
  | 'notFuture'
  | 'beforeStart'
  | 'tooFar'
  | 'notACount'
  | 'tooLong';

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
  /** Per refused schedule field: the value refused (as typed, or the date it would have become). */
  refused?: Record<string, string>;
  /** Moments typed on a weekend or holiday, by the day typed: stored on the next working day. */
  moved?: Partial<Record<MomentId, string>>;
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

/**
 * The schedule card confirmed. The start date is asked, never assumed: without one nothing is
 * saved. A card that showed no dates yet (the first, which asks only the start) takes the moments
 * the plan proposes from the start given. Every new date is stored on its check-in day, the day
 * the dispatcher sends, and must lie after today; refusals name the value refused.
 */
function confirm(
  state: PlanState,
  event: Extract<FollowupEvent, { type: 'confirm' }>,
  ctx: FollowupContext,
): { state: PlanState; result: FollowupResult } {
  const errors: Record<string, FollowupErrorCode> = {};
  const refused: Record<string, string> = {};
  const refuse = (field: string, code: FollowupErrorCode, value: string) => {
    errors[field] = code;
    refused[field] = value;
  };
  const answers = answerValues(state);
  const current = scheduleOf(answers);
  const today = brusselsDate(ctx.now);
  const typed = validDate(event.inputs.start);
  if (event.inputs.start !== undefined && typed === undefined)
    refuse('start', 'badDate', String(event.inputs.start).slice(0, 40));
  const touched = typed !== undefined && typed !== (event.shown.start ?? null);
  const start = (touched ? typed : (current.start ?? typed)) ?? null;
  if (!start && !errors.start) errors.start = 'missingStart';
  if (start && start > yearsAfter(today, MAX_YEARS_AHEAD)) refuse('start', 'startTooFar', start);
  const shift = touched && start && event.shown.start ? dayDelta(event.shown.start, start) : 0;
  const latest = start ? yearsAfter(start, MAX_YEARS_AHEAD) : '';
  // What each moment would become: the card's dates, or the plan's proposal on the first card.
  const values: Partial<Record<MomentId, string | null>> = {};
  // Dates the user typed on this card: a move to the next working day is said for these only.
  const typedDates = new Set<MomentId>();
  const firstCard = current.moments.length === 0 && MOMENT_IDS.every((id) => !event.shown[id]);
  if (firstCard && start)
    proposeMoments(answers).forEach((p, i) => {
      values[MOMENT_IDS[i]!] = addMonths(start, p.months);
    });
  for (const id of MOMENT_IDS) {
    const raw = event.inputs[id];
    if (raw === undefined) continue;
    const date = validDate(raw);
    if (date === undefined) {
      refuse(id, 'badDate', String(raw).slice(0, 40));
      continue;
    }
    // Only what the user changed on this card counts: a date left as shown keeps the stored one
    // (a colleague may have moved it since), and moves along with a changed start date.
    const shown = event.shown[id] ?? '';
    const stored = state.answers[`${FU}${id}.date`]?.value;
    const basis = date === (shown || null) ? (typeof stored === 'string' ? stored : date) : date;
    values[id] = basis && shift && date === (shown || null) ? addDays(basis, shift) : basis;
    if (date && date !== shown) typedDates.add(id);
  }
  const wanted: Record<string, AnswerValue | null> = {};
  const moved: Partial<Record<MomentId, string>> = {};
  for (const id of MOMENT_IDS) {
    const value = values[id];
    if (value === undefined || errors[id]) continue;
    const stored = state.answers[`${FU}${id}.date`]?.value;
    if (!value || value === stored) {
      wanted[`${FU}${id}.date`] = value;
      continue;
    }
    if (start && value <= start) refuse(id, 'beforeStart', value);
    else if (value > latest) refuse(id, 'tooFar', value);
    else if (value <= today) refuse(id, 'notFuture', value);
    else {
      const day = checkinDay(value);
      if (day !== value && typedDates.has(id)) moved[id] = value;
      wanted[`${FU}${id}.date`] = day;
    }
  }
  if (Object.keys(errors).length) return { state, result: { code: 'invalid', errors, refused } };
  wanted[`${FU}start`] = start;
  wanted[`${FU}stopped`] = null;
  const next = commit(state, wanted, ctx);
  return {
    state: next,
    result: {
      code: next === state ? 'unchanged' : 'scheduleSaved',
      ...(Object.keys(moved).length ? { moved } : {}),
    },
  };
}

function yearsAfter(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
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
      const date = checkinDay(addDays(brusselsDate(ctx.now), SNOOZE_DAYS));
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
