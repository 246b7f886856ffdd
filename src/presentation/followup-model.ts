import type { ProgressModel, ProgressPoint } from './progress-model';

/**
 * The follow-up cards as plain data: src/followup reads them from the plan (dates, states,
 * proposals, refused inputs), src/presentation/chat turns them into card data (labels, texts,
 * input ids). Types only, so both folders import them without a circle.
 */

/** A refused input: the error code and the value refused, named in its message. */
export interface FollowupRefusal {
  code: string;
  value: string;
  /** The value is a real YYYY-MM-DD day (shown as a date), else shown as typed. */
  isDay: boolean;
}

/** What a planned moment's row says about it besides its date. */
export type ScheduleMomentState =
  | { kind: 'moved'; from: string }
  | { kind: 'answered' }
  | { kind: 'skipped' }
  | { kind: 'sent' | 'missed'; day: string };

/** A proposed moment: months after the start and why (the plan's success moments, a rhythm). */
export interface ScheduleProposal {
  months: number;
  reasons: string[];
}

export interface ScheduleMomentRow {
  id: string;
  /** The planned (or proposed) date, YYYY-MM-DD. */
  date: string;
  /** The date the input shows: what the user sent on a refused card, else the planned date. */
  value: string;
  /** Months after the start; a proposed row names its proposal (with its reasons) instead. */
  months: number;
  proposal?: ScheduleProposal;
  state?: ScheduleMomentState;
}

export type ScheduleStatus =
  'askStart' | 'proposed' | 'stopped' | 'unreachable' | 'active' | 'activeNothingLeft';

export interface ScheduleViewModel {
  confirmed: boolean;
  stopped: boolean;
  /** No start date yet: the card asks for it and lists the proposals as months after the start. */
  askStart: boolean;
  status: ScheduleStatus;
  /** The next check-in's date (status 'active'). */
  nextDate?: string;
  /** The value the start input shows. */
  startValue: string;
  moments: ScheduleMomentRow[];
  proposals: ScheduleProposal[];
  /** A free moment the user may add, with the value its input shows. */
  extra?: { id: string; value: string };
  /** Per refused field (start, m1…m6), its refusal. */
  refusals: Record<string, FollowupRefusal>;
  /** The dates this card shows, kept in its data so a second try still tells what was changed. */
  shown: Record<string, string>;
}

export interface CheckinCount {
  figure: string;
  /** The count shown: sent on a refused card, else the one saved; absent when there is none. */
  value?: number;
  error?: string;
}

export interface CheckinViewModel {
  moment: string;
  /** The moment's place among the schedule's moments (0-based; -1 when not among them). */
  index: number;
  total: number;
  /** The check-in's date, YYYY-MM-DD. */
  date: string;
  start?: string;
  /** Whole months since the start, never negative (with a start only). */
  monthsSinceStart?: number;
  /** Dates of earlier check-ins that went unanswered. */
  missed: string[];
  progress: ProgressModel;
  /** The last answered check-in before this one. */
  previous?: ProgressPoint;
  counts: CheckinCount[];
  maxCount: number;
  /** The process criteria the plan chose (step 6), as choice ids. */
  criteria: string[];
  note: { value: string; max: number; error?: string };
  /** Some input was refused. */
  refused: boolean;
}
