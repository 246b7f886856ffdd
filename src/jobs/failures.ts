import { failureKind, retryDelayMs, type FailureKind } from '../connector';

/** One refused send: why, and when it may be tried again. */
export interface FailedAttempt {
  kind: FailureKind;
  /** The HTTP status the Connector answered; 0 when there was none (a timeout, a reset). */
  status: number;
  /** The Connector said the conversation is gone or the bot is no longer in it. */
  gone: boolean;
  /** The retry state after this attempt, for a key that had failed `attempts` times before. */
  retry(attempts: number): { attempts: number; retryAt: number; lastError: FailureKind };
}

/**
 * The one way a job records a refused send: the failure is classified once, the backoff comes
 * from the Connector's rule (exponential from `retryBaseMs`, at least the Retry-After), and
 * `write` stores it (dropping the claim) in the job's own document. Nothing is dropped: the
 * work stays owed until it goes out or the conversation is gone.
 */
export async function recordFailure<R>(
  deps: { now: () => Date; retryBaseMs: number },
  error: unknown,
  write: (failed: FailedAttempt) => Promise<R>,
): Promise<{ failed: FailedAttempt; written: R }> {
  const kind = failureKind(error);
  const at = deps.now().getTime();
  const retryAfter = (error as { retryAfterMs?: number }).retryAfterMs;
  const failed: FailedAttempt = {
    kind,
    status: (error as { status?: number }).status ?? 0,
    gone: kind === 'notInTeam' || kind === 'channelGone',
    retry: (attempts) => ({
      attempts: attempts + 1,
      retryAt: at + retryDelayMs(attempts, deps.retryBaseMs, retryAfter),
      lastError: kind,
    }),
  };
  return { failed, written: await write(failed) };
}
