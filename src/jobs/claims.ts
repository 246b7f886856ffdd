import { z } from 'zod';

/**
 * A lease on one key's work, longer than a Connector call may take (15 s timeout): a live claim
 * is never taken over, and one left by a killed process frees itself after this long.
 */
const CLAIM_MS = 60_000;

/** Who is sending right now (`by`, a process id) and until when the lease holds. */
export const claimSchema = z.object({ by: z.string(), until: z.number() });
export type Claim = z.infer<typeof claimSchema>;

/** True while someone's lease holds (ours included: a key is sent by one pass at a time). */
export function isClaimed(claim: Claim | undefined, now: number): boolean {
  return (claim?.until ?? 0) > now;
}

/**
 * The lease a process writes, with an eTag-checked read-modify-write, before it sends: of
 * several bot processes on one store exactly one wins it.
 */
export function claimFor(processId: string, now: number): Claim {
  return { by: processId, until: now + CLAIM_MS };
}
