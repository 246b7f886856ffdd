import { z } from 'zod';

const revision = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const moment = z.enum(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The follow-up cards' actions (the schedule card and the check-in card), routed by the bot. */
export const followupActionSchemas = [
  z.object({ verb: z.literal('followup.schedule.show') }),
  z.object({
    verb: z.literal('followup.schedule.confirm'),
    rev: revision,
    // The dates the card showed, so only what the user changed counts.
    shown: z.object({ start: day, m1: day, m2: day, m3: day, m4: day, m5: day, m6: day }).partial(),
  }),
  z.object({ verb: z.literal('followup.snooze'), moment, date: day }),
  z.object({ verb: z.literal('followup.skip'), moment }),
  z.object({ verb: z.literal('followup.stop') }),
  z.object({ verb: z.literal('followup.checkin.submit'), moment, rev: revision }),
] as const;

export type FollowupAction = z.infer<(typeof followupActionSchemas)[number]>;
