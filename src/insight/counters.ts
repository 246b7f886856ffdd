import { z } from 'zod';

/**
 * The usage counters one day bucket holds, as flat names: `plans.started`, `plans.completed`,
 * `step.<n>` and `card.<step>.<part>` (plans that reached it for the first time), `time.<bin>`
 * (completions by time taken, see TIME_BINS_HOURS), `questions.asked|answeredEntry|
 * answeredPassage|declined`, `checkins.sent|answered`, `feedback.<entry>.helpful|notHelpful`.
 * Names and numbers only: nothing in a bucket names a conversation, a person or a time of day.
 */
export type Counts = Record<string, number>;

const COUNTER_NAME =
  /^(?:plans\.(?:started|completed)|step\.[1-6]|card\.[1-6]\.\d{1,2}|time\.\d{1,2}|questions\.(?:asked|answeredEntry|answeredPassage|declined)|checkins\.(?:sent|answered)|feedback\.[a-zA-Z][a-zA-Z0-9]{0,79}\.(?:helpful|notHelpful))$/;

export const countsSchema = z.record(
  z.string().regex(COUNTER_NAME),
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
);

export const dayBucketSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  counts: countsSchema,
});
export type DayBucket = z.infer<typeof dayBucketSchema>;

/**
 * Upper bounds (hours) of the time-to-complete bins. A histogram, not each plan's duration:
 * quartiles come out as a range ("between one and two days"), and no bucket holds a number
 * that belongs to one plan. A t-digest library (`tdigest`) was weighed: it keeps small samples
 * exactly, which is each plan's own duration again.
 */
export const TIME_BINS_HOURS = [1, 4, 12, 24, 48, 72, 168, 336, 720, 1440, 2160, 4320, 8760];

export function timeBin(hours: number): number {
  const index = TIME_BINS_HOURS.findIndex((bound) => hours <= bound);
  return index === -1 ? TIME_BINS_HOURS.length : index;
}

export function addCounts(into: Counts, add: Counts): Counts {
  const sum: Counts = { ...into };
  for (const [name, n] of Object.entries(add)) sum[name] = (sum[name] ?? 0) + n;
  return sum;
}

/** The UTC day of an instant, the buckets' key. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
