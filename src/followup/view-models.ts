import type { Answers } from '../guide';
import type { Locale } from '../i18n';
import type {
  CheckinViewModel,
  FollowupRefusal,
  ScheduleMomentRow,
  ScheduleStatus,
  ScheduleViewModel,
} from '../presentation';
import { brusselsDate, monthsAround } from './calendar';
import type { FollowupErrorCode } from './followup-engine';
import { MAX_NOTE_CHARS, MAX_COUNT } from './followup-engine';
import { figuresOf, progressOf } from './progress';
import {
  FU,
  MAX_MOMENTS,
  MOMENT_IDS,
  proposeMoments,
  proposedDates,
  scheduleOf,
  nextMoment,
  type MomentId,
} from './schedule';
import type { ScheduleDoc } from './schedule-store';

type Errors = Record<string, FollowupErrorCode>;
type ScheduleField = 'start' | MomentId;

export interface ScheduleCardOptions {
  errors?: Errors;
  /** Per refused field, the value refused: named in its message. */
  refused?: Record<string, string>;
  /** What the user sent on a refused card: shown again as sent, nothing lost. */
  inputs?: Partial<Record<ScheduleField, string | number | boolean>>;
  /** The dates the refused card had shown, kept so a second try still tells what was changed. */
  shown?: Partial<Record<ScheduleField, string>>;
  /** Moments chosen on a weekend or holiday, by the day chosen (now on the next working day). */
  moved?: Partial<Record<MomentId, string>>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A YYYY-MM-DD that names a real day (2027-02-30 does not, though Date.parse accepts it). */
const isRealDay = (text: string) => {
  const day = new Date(`${text}T00:00:00Z`);
  return DAY.test(text) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
};
const asDay = (raw: unknown): string | undefined => {
  const text = typeof raw === 'string' ? raw.trim().slice(0, 10) : '';
  return isRealDay(text) ? text : undefined;
};

/**
 * What the schedule card shows: the plan's moments (or the proposal from its step-6 answers), one
 * date each. Without a start date the card asks for it and lists the moments as months after it.
 */
export function scheduleView(
  answers: Answers,
  doc: ScheduleDoc | undefined,
  now: Date,
  options: ScheduleCardOptions = {},
): ScheduleViewModel {
  const { errors = {}, refused = {}, inputs = {}, moved = {} } = options;
  const schedule = scheduleOf(answers);
  const confirmed = schedule.moments.length > 0 && !!schedule.start;
  const start = asDay(inputs.start) ?? schedule.start;
  const askStart = !confirmed && !start;
  const proposals = proposeMoments(answers);
  const sent = doc?.sent ?? {};
  /** The value a date input shows: what the user sent on a refused card, else the plan's date. */
  const valueOf = (field: ScheduleField, planned: string | undefined) =>
    field in inputs ? (asDay(inputs[field]) ?? '') : (planned ?? '');
  const stateOf = (m: (typeof schedule.moments)[number]): ScheduleMomentRow['state'] => {
    const from = moved[m.id];
    if (from) return { kind: 'moved', from };
    if (m.answered) return { kind: 'answered' };
    if (m.skipped) return { kind: 'skipped' };
    const record = sent[m.id];
    if (record?.date !== m.date) return undefined;
    return { kind: record.missed ? 'missed' : 'sent', day: record.at.slice(0, 10) };
  };
  const rows: ScheduleMomentRow[] = confirmed
    ? schedule.moments.map((m) => {
        const state = stateOf(m);
        return {
          id: m.id,
          date: m.date,
          value: valueOf(m.id, m.date),
          months: monthsAround(start!, m.date),
          ...(state ? { state } : {}),
        };
      })
    : start
      ? proposedDates(start, proposals).map((date, i) => ({
          id: MOMENT_IDS[i]!,
          date,
          value: valueOf(MOMENT_IDS[i]!, date),
          months: proposals[i]!.months,
          proposal: proposals[i]!,
        }))
      : [];
  rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  const used = new Set(rows.map((r) => r.id));
  const extra = MOMENT_IDS.find((id) => !used.has(id));
  const next = nextMoment(schedule, sent, now);
  const status: ScheduleStatus = !confirmed
    ? askStart
      ? 'askStart'
      : 'proposed'
    : schedule.stopped
      ? 'stopped'
      : doc?.unreachable
        ? 'unreachable'
        : next
          ? 'active'
          : 'activeNothingLeft';
  const refusals: Record<string, FollowupRefusal> = {};
  for (const [field, code] of Object.entries(errors)) {
    const value = refused[field] ?? '';
    refusals[field] = { code, value, isDay: isRealDay(value) };
  }
  const shown: Record<string, string> = {};
  if (start && !askStart) shown.start = start;
  for (const r of rows) shown[r.id] = r.date;
  return {
    confirmed,
    stopped: schedule.stopped,
    askStart,
    status,
    ...(next ? { nextDate: next.date } : {}),
    startValue: valueOf('start', schedule.start),
    moments: rows,
    proposals,
    ...(!askStart && extra && rows.length < MAX_MOMENTS
      ? { extra: { id: extra, value: valueOf(extra, undefined) } }
      : {}),
    refusals,
    shown: options.shown ?? shown,
  };
}

export interface CheckinOptions {
  moment: MomentId;
  missed?: string[];
  errors?: Errors;
  /** Values to show again after a refused submit. */
  values?: Record<string, string | number | boolean>;
}

/** What the check-in card shows: counts only, the plan's chosen success moments, a short note. */
export function checkinView(
  answers: Answers,
  locale: Locale,
  now: Date,
  options: CheckinOptions,
): CheckinViewModel {
  const schedule = scheduleOf(answers);
  const index = schedule.moments.findIndex((m) => m.id === options.moment);
  const moment = schedule.moments[index];
  const progress = progressOf(answers, locale, now);
  const previous = progress.points.filter((p) => p.moment !== options.moment).pop();
  const errors = options.errors ?? {};
  const valueOf = (figure: string): unknown =>
    options.values?.[figure] ?? answers[`${FU}${options.moment}.${figure}`];
  const counts = figuresOf(answers).map((f) => {
    const raw = valueOf(f);
    const value =
      typeof raw === 'number'
        ? raw
        : Number.isInteger(Number(raw)) && raw !== '' && raw !== undefined
          ? Number(raw)
          : undefined;
    return {
      figure: f,
      ...(value !== undefined ? { value } : {}),
      ...(errors[f] ? { error: errors[f] } : {}),
    };
  });
  const note = valueOf('note');
  return {
    moment: options.moment,
    index,
    total: schedule.moments.length,
    date: moment?.date ?? brusselsDate(now),
    ...(schedule.start
      ? {
          start: schedule.start,
          monthsSinceStart: Math.max(0, monthsAround(schedule.start, brusselsDate(now))),
        }
      : {}),
    missed: options.missed ?? [],
    progress,
    ...(previous ? { previous } : {}),
    counts,
    maxCount: MAX_COUNT,
    criteria: Array.isArray(answers.processCriteria) ? answers.processCriteria : [],
    note: {
      value: typeof note === 'string' ? note : '',
      max: MAX_NOTE_CHARS,
      ...(errors.note ? { error: errors.note } : {}),
    },
    refused: Object.keys(errors).length > 0,
  };
}
