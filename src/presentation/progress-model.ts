/**
 * The follow-up figures over time as every surface receives them (plain data; src/followup
 * reads them from the plan's answers with `progressOf`).
 */
export interface ProgressPoint {
  moment: string;
  date: string;
  dateLabel: string;
  figures: Partial<Record<string, number>>;
  note?: string;
  /** Whole months after the confirmed start (never negative); absent without a start. */
  afterMonths?: number;
}

export interface ProgressModel {
  scheduled: boolean;
  stopped: boolean;
  /** The figures the plan chose to count, in display order. */
  figures: string[];
  points: ProgressPoint[];
  /** The plan's own yearly expectations (step 6), never the research benchmark. */
  expected: { trajectories?: number; referrals?: number };
  nextDate?: string;
}
