import type { Response } from 'restify';
import { LimitSet, RateLimiter } from '../server';
import type { Viewer } from './plan-access';

type Rate = { burst: number; perSecond: number };

/** Token buckets for the tab API (TAB_RATE_LIMIT_* in `src/config`). */
export interface TabRateLimits {
  /** Every API request, per person. */
  user: Rate;
  /** Every API request, all people of one tenant together. */
  tenant: Rate;
  /** Export requests per person, on top of the above: each one renders and stores a file. */
  exports: Rate;
}

export const DEFAULT_TAB_RATE_LIMITS: TabRateLimits = {
  user: { burst: 20, perSecond: 2 },
  tenant: { burst: 200, perSecond: 20 },
  exports: { burst: 5, perSecond: 0.1 },
};

/**
 * Admits or refuses a tab API request after the caller is known, per person and per tenant,
 * with a 429 and `Retry-After` (whole seconds), as `/api/messages` answers a flood. A refused
 * request spends no token.
 */
export function tabLimiter(limits: TabRateLimits) {
  const perUser = new RateLimiter(limits.user.burst, limits.user.perSecond);
  const perTenant = new RateLimiter(limits.tenant.burst, limits.tenant.perSecond);
  const perUserExports = new RateLimiter(limits.exports.burst, limits.exports.perSecond);
  return (viewer: Viewer, res: Response, isExport: boolean): boolean => {
    const user = viewer.kind === 'local' ? 'local' : viewer.oid;
    const set = new LimitSet([
      { limiter: perUser, key: user },
      ...(viewer.kind === 'teamsUser' ? [{ limiter: perTenant, key: viewer.tid }] : []),
      ...(isExport ? [{ limiter: perUserExports, key: user }] : []),
    ]);
    const wait = set.admit();
    if (wait === 0) return true;
    tooMany(res, wait, 'Too many requests right now; try again in a moment.');
    return false;
  };
}

/** 429 with `Retry-After` in whole seconds (at least 1). */
export function tooMany(res: Response, seconds: number, message: string): void {
  res.setHeader('Retry-After', String(Math.max(1, Math.ceil(seconds))));
  res.send(429, { error: 'TooManyRequests', message });
}
