const MAX_BACKOFF_MS = 60 * 60 * 1000;

/**
 * The wait before retrying a Connector call that failed `attempts` times already: exponential
 * from `baseMs`, capped at an hour, jittered ±20 % so many owed sends do not retry in step, and
 * never shorter than the Retry-After a throttled (429) answer asked for.
 */
export function retryDelayMs(attempts: number, baseMs: number, retryAfterMs?: number): number {
  const backoff = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempts) * (0.8 + Math.random() * 0.4);
  return Math.max(backoff, retryAfterMs ?? 0);
}
