import { figureInput, inputIdFor, momentInput, NOTE_INPUT, START_INPUT } from '../../guide';
import {
  cardFallback,
  expectationsList,
  figuresList,
  formatDay,
  sourceLine,
  type CheckinViewModel,
  type ScheduleMomentRow,
  type ScheduleProposal,
  type ScheduleViewModel,
  type ViewContext,
} from '..';

/**
 * The schedule card: the plan's moments (or the proposal from its step-6 answers), one date each.
 * Without a start date the card asks for it and lists the moments as months after the start.
 */
export function scheduleCardData(ctx: ViewContext, view: ScheduleViewModel) {
  const { t, locale } = ctx;
  const { askStart, confirmed, stopped, refusals } = view;
  const proposalText = (p: ScheduleProposal) =>
    `${t('followup:schedule.monthsAfter', { count: p.months })}: ${p.reasons
      .map((r) => t(`followup:schedule.reasons.${r}`))
      .join('; ')}`;
  const hintOf = (r: ScheduleMomentRow) =>
    r.proposal ? proposalText(r.proposal) : t('followup:schedule.monthsAfter', { count: r.months });
  const stateOf = ({ state }: ScheduleMomentRow) =>
    !state
      ? ''
      : state.kind === 'moved'
        ? t('followup:schedule.momentState.moved', { date: formatDay(state.from, locale) })
        : state.kind === 'sent' || state.kind === 'missed'
          ? t(`followup:schedule.momentState.${state.kind}`, {
              date: formatDay(state.day, locale),
            })
          : t(`followup:schedule.momentState.${state.kind}`);
  const status =
    view.status === 'active'
      ? t('followup:schedule.state.active', { date: formatDay(view.nextDate!, locale) })
      : t(`followup:schedule.state.${view.status}`);
  /** A refused value as the message names it: a date as a date, anything else as typed. */
  const errorOf = (field: string) => {
    const refusal = refusals[field];
    if (!refusal) return '';
    return t(`followup:schedule.errors.${refusal.code}`, {
      value: refusal.isDay ? formatDay(refusal.value, locale) : refusal.value,
    });
  };
  return {
    fallbackText: cardFallback(t('followup:schedule.title'), t('followup:fallback.schedule')),
    heading: t('followup:heading'),
    title: t('followup:schedule.title'),
    intro: t(`followup:schedule.${askStart ? 'introAskStart' : 'intro'}`),
    status,
    statusColor: confirmed && !stopped ? 'Good' : 'Warning',
    start: {
      id: inputIdFor(START_INPUT),
      label: t('followup:schedule.startLabel'),
      value: view.startValue,
      help: t(`followup:schedule.${askStart ? 'startHelpAsk' : 'startHelp'}`),
      required: t('followup:schedule.errors.missingStart'),
      error: errorOf('start'),
    },
    moments: view.moments.map((r, i) => ({
      id: inputIdFor(momentInput(r.id)),
      label: `${t('followup:schedule.momentLabel', { n: i + 1 })} · ${hintOf(r)}`,
      value: r.value,
      state: stateOf(r),
      error: errorOf(r.id),
    })),
    // The first card names the moments it will plan; their dates follow from the start date.
    planned: askStart
      ? view.proposals.map((p, i) => ({
          text: `${t('followup:schedule.momentLabel', { n: i + 1 })} · ${proposalText(p)}`,
        }))
      : [],
    extra: view.extra
      ? [
          {
            id: inputIdFor(momentInput(view.extra.id)),
            label: t('followup:schedule.extraLabel'),
            value: view.extra.value,
            error: errorOf(view.extra.id),
          },
        ]
      : [],
    invalid: Object.keys(refusals).length ? t('followup:schedule.invalid') : '',
    hours: t('followup:schedule.hours'),
    source: sourceLine(ctx, 's6Success', true),
    data: {
      verb: 'followup.schedule.confirm',
      rev: ctx.state.revision,
      shown: view.shown,
    },
    canStop: confirmed && !stopped,
    labels: { confirm: t('followup:schedule.confirm'), stop: t('followup:schedule.stop') },
  };
}

/** The check-in card: counts only, the plan's chosen success moments, a short process note. */
export function checkinCardData(ctx: ViewContext, view: CheckinViewModel) {
  const { t, locale } = ctx;
  const { progress, previous, criteria, note } = view;
  const expectations = expectationsList(ctx, progress);
  return {
    fallbackText: cardFallback(t('followup:checkin.title'), t('followup:fallback.checkin')),
    heading: t('followup:heading'),
    title: t('followup:checkin.title'),
    meta: t('followup:checkin.meta', {
      n: view.index + 1,
      total: view.total,
      date: formatDay(view.date, locale),
    }),
    since:
      view.start && view.monthsSinceStart !== undefined
        ? t('followup:checkin.sinceStart', {
            start: formatDay(view.start, locale),
            count: view.monthsSinceStart,
          })
        : t('followup:checkin.sinceStartUnknown'),
    missed: view.missed.length
      ? t('followup:checkin.missed', {
          count: view.missed.length,
          dates: view.missed.map((d) => formatDay(d, locale)).join(', '),
        })
      : '',
    privacy: t('followup:checkin.privacy'),
    expectations: expectations ? t('followup:checkin.expectations', { list: expectations }) : '',
    previous: previous
      ? t('followup:checkin.previous', {
          date: previous.dateLabel,
          list: figuresList(ctx, progress, previous),
        })
      : '',
    counts: view.counts.map((c) => ({
      id: inputIdFor(figureInput(c.figure)),
      label: t(`followup:checkin.counts.${c.figure}`),
      hasValue: c.value !== undefined,
      value: c.value ?? 0,
      max: view.maxCount,
      error: c.error ? t(`followup:checkin.errors.${c.error}`) : '',
    })),
    placeholder: t('followup:checkin.countPlaceholder'),
    note: {
      id: inputIdFor(NOTE_INPUT),
      label: t('followup:checkin.noteLabel', { max: note.max }),
      criteria: criteria.length
        ? t('followup:checkin.noteCriteria', {
            list: criteria.map((c) => t(`guide:questions.processCriteria.choices.${c}`)).join('; '),
          })
        : '',
      value: note.value,
      max: note.max,
      placeholder: t('followup:checkin.notePlaceholder'),
      error: note.error ? t(`followup:checkin.errors.${note.error}`) : '',
    },
    invalid: view.refused ? t('followup:checkin.invalid') : '',
    source: sourceLine(ctx, 's6Success', true),
    data: { moment: view.moment, rev: ctx.state.revision, date: view.date },
    labels: {
      submit: t('followup:checkin.submit'),
      snooze: t('followup:checkin.snooze'),
      skip: t('followup:checkin.skip'),
      stop: t('followup:checkin.stop'),
      schedule: t('followup:checkin.schedule'),
    },
  };
}
