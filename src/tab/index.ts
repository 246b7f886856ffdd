import type { Server } from 'restify';
import { loopbackGuard } from '../server';
import type { DownloadStore } from '../downloads';
import type { Guide } from '../guide';
import type { Logger } from '../logging';
import type { PlanStore } from '../plans';
import { mountPlansApi } from './plans-api';
import { createSsoVerifier, type TabSsoSettings } from './sso-token';
import { mountTabPages } from './tab-pages';
import { DEFAULT_TAB_RATE_LIMITS, type TabRateLimits } from './tab-limits';

export { tabSsoSettings, createSsoVerifier, type TabSsoSettings, type TabUser } from './sso-token';
export { TAB_FRAME_ANCESTORS } from './tab-pages';
export type { TabRateLimits } from './tab-limits';
export { planRef, PLAN_REF } from '../storage';

export interface TabDeps {
  plans: PlanStore;
  guide: Guide;
  downloads: DownloadStore;
  logger: Logger;
  now: () => Date;
  /** Undefined in local mode: no tokens, loopback only. */
  sso?: TabSsoSettings;
  /** Rate limits of the plans API; the defaults when not given. */
  limits?: TabRateLimits;
}

/**
 * The plan tab: pages Teams frames at `/tab` and `/tab/config`, and the read-only plans API
 * they call. In local mode every route answers on a loopback Host only, the same guard the
 * local channels use against DNS rebinding, since the API then asks for no token.
 */
export function mountTab(server: Server, deps: TabDeps): void {
  const { allows: guard } = loopbackGuard({
    who: 'Without credentials the tab',
    open: Boolean(deps.sso),
  });
  mountTabPages(server, guard);
  const verify = deps.sso ? createSsoVerifier(deps.sso) : undefined;
  mountPlansApi(server, { ...deps, verify, limits: deps.limits ?? DEFAULT_TAB_RATE_LIMITS }, guard);
}
