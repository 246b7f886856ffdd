import type { Answers } from '../guide';
import { addMonths, checkinDay, sendTimeFor } from './calendar';

/**
 * The follow-up schedule lives in the plan's own answers, so it is attributed, logged, undone,
 * exported and deleted like every other answer. Keys (not guide questions, hence the prefix):
 * `fu.start`, `fu.m<n>.date`, `fu.m<n>.status` ('skipped'), `fu.stopped` ('yes'), and the
 * figures of a check-in `fu.m<n>.<figure>`.
 */
export const FU = 'fu.';
export const MAX_MOMENTS = 6;
export const MOMENT_IDS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'] as const;
export type MomentId = (typeof MOMENT_IDS)[number];

/** The three moments at which the instrument says a referral can count as successful. */
export const SUCCESS_MOMENTS = [
  'enrolsAfterTrial',
  'stillActiveAfterMonths',
  'reEnrolsNextYear',
] as const;
export type SuccessMoment = (typeof SUCCESS_MOMENTS)[number];

/** Counts a check-in asks for; the success moments only when the plan chose them. */
export const COUNT_FIGURES = ['trajectories', ...SUCCESS_MOMENTS, 'associations'] as const;
export type CountFigure = (typeof COUNT_FIGURES)[number];

/**
 * Default months after the start for each success moment: trial sessions take a few weeks
 * (3 months leaves room), "six to eight months" is met at 7, "the next working year" at 12.
 */
const SUCCESS_MONTHS: Record<SuccessMoment, number> = {
  enrolsAfterTrial: 3,
  stillActiveAfterMonths: 7,
  reEnrolsNextYear: 12,
};
export const DEFAULT_MONTHS = [3, 7, 12];
/** Moments closer than this to one already proposed are the same conversation. */
const MERGE_WITHIN_MONTHS = 1;
const HORIZON_MONTHS = 24;

export type MomentReason = SuccessMoment | 'default' | 'rhythm';

export interface ProposedMoment {
  months: number;
  reasons: MomentReason[];
}

/**
 * Evaluation rhythms a reporting answer ("twee keer per jaar een evaluatie", "na 6 maanden")
 * may name, as months after the start. Rhythms more frequent than quarterly are meetings, not
 * moments to count figures, and are left to the team's own calendar.
 */
export function rhythmMonths(text: string): number[] {
  const t = text.toLowerCase();
  const found = new Set<number>();
  for (const m of t.matchAll(/(\d{1,2})\s*(maand|maanden|months?)\b/g)) found.add(Number(m[1]));
  for (const m of t.matchAll(/(?:na|after)\s+(\d)\s*(jaar|years?)\b/g))
    found.add(12 * Number(m[1]));
  const perYear =
    /(twee|2)\s*(keer|maal)\s*per\s*jaar|halfjaarlijks|zesmaandelijks|twice a year|every six months|half-?yearly/.test(
      t,
    )
      ? 2
      : /(vier|4)\s*(keer|maal)\s*per\s*jaar|driemaandelijks|per kwartaal|elk kwartaal|quarterly|every (three|3) months|four times a year/.test(
            t,
          )
        ? 4
        : /jaarlijks|(één|een|1)\s*(keer|maal)\s*per\s*jaar|once a year|yearly|annual/.test(t)
          ? 1
          : 0;
  for (let i = 1; i <= perYear; i++) found.add((12 / perYear) * i);
  return [...found].filter((n) => n >= 1 && n <= HORIZON_MONTHS);
}

/** The moments a plan suggests, from its success definition and reporting rhythm (step 6). */
export function proposeMoments(answers: Answers): ProposedMoment[] {
  const chosen = successMomentsOf(answers);
  const proposals: ProposedMoment[] = chosen.length
    ? chosen.map((s) => ({ months: SUCCESS_MONTHS[s], reasons: [s] }))
    : DEFAULT_MONTHS.map((months) => ({ months, reasons: ['default'] }));
  const rhythm = typeof answers.followUpMoments === 'string' ? answers.followUpMoments : '';
  for (const months of rhythmMonths(rhythm)) {
    const near = proposals.find((p) => Math.abs(p.months - months) <= MERGE_WITHIN_MONTHS);
    if (near) {
      if (!near.reasons.includes('rhythm')) near.reasons.push('rhythm');
    } else proposals.push({ months, reasons: ['rhythm'] });
  }
  return proposals.sort((a, b) => a.months - b.months).slice(0, MAX_MOMENTS);
}

export function successMomentsOf(answers: Answers): SuccessMoment[] {
  const v = answers.successDefinition;
  const picked = Array.isArray(v) ? v : [];
  return SUCCESS_MOMENTS.filter((s) => picked.includes(s));
}

/** The proposed check-in days: so many months after the start, on the day a check-in goes out. */
export function proposedDates(start: string, proposals: ProposedMoment[]): string[] {
  return proposals.map((p) => checkinDay(addMonths(start, p.months)));
}

export interface Moment {
  id: MomentId;
  /** The day its check-in goes out (a stored weekend or holiday date counts as the next working day). */
  date: string;
  skipped: boolean;
  /** Whether figures were recorded for it. */
  answered: boolean;
}

export interface Schedule {
  start?: string;
  moments: Moment[];
  stopped: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A stored date the calendar can work with (anything else is left out, never a crash). */
const day = (v: unknown): string | undefined => {
  const s = str(v);
  return s && DAY.test(s) && !Number.isNaN(Date.parse(s)) ? s : undefined;
};

/**
 * The schedule as the plan's answers hold it, moments in date order. Dates are check-in days
 * (`checkinDay`), so every reader announces the day the dispatcher really sends; the engine
 * stores working days, older plans may hold a weekend date.
 */
export function scheduleOf(answers: Answers): Schedule {
  const moments: Moment[] = [];
  for (const id of MOMENT_IDS) {
    const date = day(answers[`${FU}${id}.date`]);
    if (!date) continue;
    moments.push({
      id,
      date: checkinDay(date),
      skipped: answers[`${FU}${id}.status`] === 'skipped',
      answered: [...COUNT_FIGURES, 'note'].some((f) => answers[`${FU}${id}.${f}`] !== undefined),
    });
  }
  moments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { start: str(answers[`${FU}start`]), moments, stopped: answers[`${FU}stopped`] === 'yes' };
}

/** What has gone out per moment, and for which date (a moved date makes the moment owed again). */
export type SentMap = Readonly<Record<string, { date: string }>>;

export interface DuePick {
  moment: Moment;
  /** Earlier moments that were owed too (an outage): folded into this one check-in. */
  missed: Moment[];
}

/** Whether a moment still owes a check-in: not sent for its current date, skipped or answered. */
function owed(m: Moment, sent: SentMap): boolean {
  const was = sent[m.id]?.date;
  return !m.skipped && !m.answered && (was === undefined || checkinDay(was) !== m.date);
}

/**
 * The check-in a plan owes at `now`, if any. Several overdue moments (after an outage, or a
 * clock moved a year ahead) become one check-in for the latest of them, never a burst.
 */
export function dueCheckin(schedule: Schedule, sent: SentMap, now: Date): DuePick | undefined {
  if (schedule.stopped) return undefined;
  const due = schedule.moments.filter(
    (m) => owed(m, sent) && sendTimeFor(m.date).getTime() <= now.getTime(),
  );
  if (due.length === 0) return undefined;
  return { moment: due[due.length - 1]!, missed: due.slice(0, -1) };
}

/** The next moment still ahead (for "next check-in on …"). */
export function nextMoment(schedule: Schedule, sent: SentMap, now: Date): Moment | undefined {
  if (schedule.stopped) return undefined;
  return schedule.moments.find(
    (m) => owed(m, sent) && sendTimeFor(m.date).getTime() > now.getTime(),
  );
}
