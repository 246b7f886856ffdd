import type { PlanState } from '../guide';
import { errorForLog, logId, type Logger } from '../logging';
import type { PlanRead } from '../plans';
import type { Turn } from './turn';

/**
 * The turn's plan, or, when it cannot be read, a message to the user saying why: a store that
 * does not answer is an outage (try again later), never "you have no plan yet".
 */
export async function readPlan(
  turn: Turn,
  plans: { lookup(key: string): Promise<PlanRead> },
  logger: Logger,
): Promise<{ ok: true; plan: PlanState | undefined } | { ok: false }> {
  const read = await plans.lookup(turn.planKey);
  if (read.ok) return read;
  logger.warn(
    { conversation: logId(turn.planKey), reason: read.reason, err: errorForLog(read.error) },
    'plan could not be read',
  );
  await turn.send(
    turn.t(read.reason === 'corrupt' ? 'bot:errors.corruptPlan' : 'bot:errors.storageUnavailable'),
  );
  return { ok: false };
}
