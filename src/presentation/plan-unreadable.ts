import type { TFunction } from '../i18n';
import type { PlanRead } from '../plans';

/**
 * What a person is told when their plan cannot be read (PlanStore.lookup): a store that does
 * not answer is an outage, to try again later, never "you have no plan yet"; a stored plan that
 * cannot be read is offered a fresh start.
 */
export function planUnreadableText(t: TFunction, read: Extract<PlanRead, { ok: false }>): string {
  return t(read.reason === 'corrupt' ? 'bot:errors.corruptPlan' : 'bot:errors.storageUnavailable');
}
