import { figureInput, inputIdFor, momentInput, NOTE_INPUT, START_INPUT } from '../guide';
import type { ViewContext } from '../presentation';
import { cardFallback, sourceLine } from '../presentation';
import { brusselsDate, monthsAround } from './calendar';
import type { FollowupErrorCode } from './followup-engine';
import { MAX_NOTE_CHARS, MAX_COUNT } from './followup-engine';
import { expectationsList, figuresList, formatDay } from '../presentation';
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
 * The schedule card: the plan's moments (or the proposal from its step-6 answers), one date each.
 * Without a start date the card asks for it and lists the moments as months after the start.
 */
export function scheduleCardData(
  ctx: ViewContext,
  doc: ScheduleDoc | undefined,
  now: Date,
  options: ScheduleCardOptions = {},
) {
  const { t, locale, answers } = ctx;
  const { errors = {}, refused = {}, inputs = {}, moved = {} } = options;
  const schedule = scheduleOf(answers);
  const confirmed = schedule.moments.length > 0 && !!schedule.start;
  const start = asDay(inputs.start) ?? schedule.start;
  const askStart = !confirmed && !start;
  const proposals = proposeMoments(answers);
  const sent = doc?.sent ?? {};
  const reasons = (i: number) =>
    `${t('followup:schedule.monthsAfter', { count: proposals[i]!.months })}: ${proposals[
      i
    ]!.reasons.map((r) => t(`followup:schedule.reasons.${r}`)).join('; ')}`;
  const rows = confirmed
    ? schedule.moments.map((m) => ({
        id: m.id,
        date: m.date,
        hint: t('followup:schedule.monthsAfter', { count: monthsAround(start!, m.date) }),
        state: moved[m.id]
          ? t('followup:schedule.momentState.moved', { date: formatDay(moved[m.id]!, locale) })
          : m.answered
            ? t('followup:schedule.momentState.answered')
            : m.skipped
              ? t('followup:schedule.momentState.skipped')
              : sent[m.id]?.date === m.date
                ? t(`followup:schedule.momentState.${sent[m.id]?.missed ? 'missed' : 'sent'}`, {
                    date: formatDay(sent[m.id]!.at.slice(0, 10), locale),
                  })
                : '',
      }))
    : start
      ? proposedDates(start, proposals).map((date, i) => ({
          id: MOMENT_IDS[i]!,
          date,
          hint: reasons(i),
          state: '',
        }))
      : [];
  rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  const used = new Set(rows.map((r) => r.id));
  const extra = MOMENT_IDS.find((id) => !used.has(id));
  const next = nextMoment(schedule, sent, now);
  const status = !confirmed
    ? t(`followup:schedule.state.${askStart ? 'askStart' : 'proposed'}`)
    : schedule.stopped
      ? t('followup:schedule.state.stopped')
      : doc?.unreachable
        ? t('followup:schedule.state.unreachable')
        : next
          ? t('followup:schedule.state.active', { date: formatDay(next.date, locale) })
          : t('followup:schedule.state.activeNothingLeft');
  /** A refused value as the message names it: a date as a date, anything else as typed. */
  const errorOf = (field: string) => {
    const code = errors[field];
    if (!code) return '';
    const value = refused[field] ?? '';
    return t(`followup:schedule.errors.${code}`, {
      value: isRealDay(value) ? formatDay(value, locale) : value,
    });
  };
  /** The value a date input shows: what the user sent on a refused card, else the plan's date. */
  const valueOf = (field: ScheduleField, planned: string | undefined) =>
    field in inputs ? (asDay(inputs[field]) ?? '') : (planned ?? '');
  const shown: Record<string, string> = {};
  if (start && !askStart) shown.start = start;
  for (const r of rows) shown[r.id] = r.date;
  return {
    fallbackText: cardFallback(t('followup:schedule.title'), t('followup:fallback.schedule')),
    heading: t('followup:heading'),
    title: t('followup:schedule.title'),
    intro: t(`followup:schedule.${askStart ? 'introAskStart' : 'intro'}`),
    status,
    statusColor: confirmed && !schedule.stopped ? 'Good' : 'Warning',
    start: {
      id: inputIdFor(START_INPUT),
      label: t('followup:schedule.startLabel'),
      value: valueOf('start', schedule.start),
      help: t(`followup:schedule.${askStart ? 'startHelpAsk' : 'startHelp'}`),
      required: t('followup:schedule.errors.missingStart'),
      error: errorOf('start'),
    },
    moments: rows.map((r, i) => ({
      id: inputIdFor(momentInput(r.id)),
      label: `${t('followup:schedule.momentLabel', { n: i + 1 })} · ${r.hint}`,
      value: valueOf(r.id, r.date),
      state: r.state,
      error: errorOf(r.id),
    })),
    // The first card names the moments it will plan; their dates follow from the start date.
    planned: askStart
      ? proposals.map((_, i) => ({
          text: `${t('followup:schedule.momentLabel', { n: i + 1 })} · ${reasons(i)}`,
        }))
      : [],
    extra:
      !askStart && extra && rows.length < MAX_MOMENTS
        ? [
            {
              id: inputIdFor(momentInput(extra)),
              label: t('followup:schedule.extraLabel'),
              value: valueOf(extra, undefined),
              error: errorOf(extra),
            },
          ]
        : [],
    invalid: Object.keys(errors).length ? t('followup:schedule.invalid') : '',
    hours: t('followup:schedule.hours'),
    source: sourceLine(ctx, 's6Success', true),
    data: {
      verb: 'followup.schedule.confirm',
      rev: ctx.state.revision,
      shown: options.shown ?? shown,
    },
    canStop: confirmed && !schedule.stopped,
    labels: { confirm: t('followup:schedule.confirm'), stop: t('followup:schedule.stop') },
  };
}

export interface CheckinOptions {
  moment: MomentId;
  missed?: string[];
  errors?: Errors;
  /** Values to show again after a refused submit. */
  values?: Record<string, string | number | boolean>;
}

/** The check-in card: counts only, the plan's chosen success moments, a short process note. */
export function checkinCardData(ctx: ViewContext, now: Date, options: CheckinOptions) {
  const { t, locale, answers } = ctx;
  const schedule = scheduleOf(answers);
  const index = schedule.moments.findIndex((m) => m.id === options.moment);
  const moment = schedule.moments[index];
  const date = moment?.date ?? brusselsDate(now);
  const model = progressOf(answers, locale, now);
  const previous = model.points.filter((p) => p.moment !== options.moment).pop();
  const errors = options.errors ?? {};
  const valueOf = (figure: string): unknown =>
    options.values?.[figure] ?? answers[`${FU}${options.moment}.${figure}`];
  const months = schedule.start ? monthsAround(schedule.start, brusselsDate(now)) : undefined;
  const criteria = Array.isArray(answers.processCriteria) ? answers.processCriteria : [];
  const expectations = expectationsList(ctx, model);
  const counts = figuresOf(answers).map((f) => {
    const raw = valueOf(f);
    const value =
      typeof raw === 'number'
        ? raw
        : Number.isInteger(Number(raw)) && raw !== '' && raw !== undefined
          ? Number(raw)
          : undefined;
    return {
      id: inputIdFor(figureInput(f)),
      label: t(`followup:checkin.counts.${f}`),
      hasValue: value !== undefined,
      value: value ?? 0,
      max: MAX_COUNT,
      error: errors[f] ? t(`followup:checkin.errors.${errors[f]}`) : '',
    };
  });
  const note = valueOf('note');
  return {
    fallbackText: cardFallback(t('followup:checkin.title'), t('followup:fallback.checkin')),
    heading: t('followup:heading'),
    title: t('followup:checkin.title'),
    meta: t('followup:checkin.meta', {
      n: index + 1,
      total: schedule.moments.length,
      date: formatDay(date, locale),
    }),
    since:
      schedule.start && months !== undefined
        ? t('followup:checkin.sinceStart', {
            start: formatDay(schedule.start, locale),
            count: Math.max(0, months),
          })
        : t('followup:checkin.sinceStartUnknown'),
    missed: options.missed?.length
      ? t('followup:checkin.missed', {
          count: options.missed.length,
          dates: options.missed.map((d) => formatDay(d, locale)).join(', '),
        })
      : '',
    privacy: t('followup:checkin.privacy'),
    expectations: expectations ? t('followup:checkin.expectations', { list: expectations }) : '',
    previous: previous
      ? t('followup:checkin.previous', {
          date: previous.dateLabel,
          list: figuresList(ctx, model, previous),
        })
      : '',
    counts,
    placeholder: t('followup:checkin.countPlaceholder'),
    note: {
      id: inputIdFor(NOTE_INPUT),
      label: t('followup:checkin.noteLabel', { max: MAX_NOTE_CHARS }),
      criteria: criteria.length
        ? t('followup:checkin.noteCriteria', {
            list: criteria.map((c) => t(`guide:questions.processCriteria.choices.${c}`)).join('; '),
          })
        : '',
      value: typeof note === 'string' ? note : '',
      max: MAX_NOTE_CHARS,
      placeholder: t('followup:checkin.notePlaceholder'),
      error: errors.note ? t(`followup:checkin.errors.${errors.note}`) : '',
    },
    invalid: Object.keys(errors).length ? t('followup:checkin.invalid') : '',
    source: sourceLine(ctx, 's6Success', true),
    data: { moment: options.moment, rev: ctx.state.revision, date },
    labels: {
      submit: t('followup:checkin.submit'),
      snooze: t('followup:checkin.snooze'),
      skip: t('followup:checkin.skip'),
      stop: t('followup:checkin.stop'),
      schedule: t('followup:checkin.schedule'),
    },
  };
}
