import { createHash } from 'node:crypto';

/**
 * A short, stable name for a plan that links can carry (the note's deep link, `/tab?plan=`):
 * a hash of its storage key, so no conversation id ends up in a channel post. It names a plan,
 * it grants nothing: the tab still shows a plan only to someone the access rule lets see it.
 */
export function planRef(planKey: string): string {
  return createHash('sha256').update(planKey).digest('base64url').slice(0, 22);
}

export const PLAN_REF = /^[A-Za-z0-9_-]{22}$/;
