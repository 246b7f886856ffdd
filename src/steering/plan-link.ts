import { planRef, planUrl } from '../storage';
import type { SteeringTarget } from './targets';

/** The plan tab's entityId in deploy/appPackage/manifest.json (`staticTabs`). */
export const PLAN_TAB_ENTITY_ID = 'plan';

export interface PlanLinkDeps {
  /** The Teams app's manifest id; without it there is no deep link into Teams. */
  teamsAppId?: string;
  /** The bot's public origin, offered to Teams as the tab's web fallback. */
  publicBaseUrl?: string;
  localServiceUrl: () => string;
}

/**
 * Where the full plan opens from the note, for as long as the plan exists. In Teams: a deep
 * link to the app's plan tab with the plan as sub-entity, in the format Microsoft documents
 * for "navigate within your app" (learn.microsoft.com/microsoftteams/platform/concepts/
 * build-and-test/deep-link-application): `https://teams.microsoft.com/l/entity/<appId>/
 * <entityId>?webUrl=…&label=…&context={"subEntityId":"…"}`. The tab reads the sub-entity as
 * `page.subPageId` from its Teams context. Locally: the tab page with the plan selected.
 */
export function planLink(
  target: SteeringTarget,
  planKey: string,
  label: string,
  deps: PlanLinkDeps,
): string | undefined {
  const ref = planRef(planKey);
  if (target.kind === 'local') return planUrl(deps.localServiceUrl(), planKey);
  if (!deps.teamsAppId) return undefined;
  const query = new URLSearchParams({
    ...(deps.publicBaseUrl ? { webUrl: planUrl(deps.publicBaseUrl, planKey) } : {}),
    label,
    context: JSON.stringify({ subEntityId: ref }),
  });
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(deps.teamsAppId)}/${PLAN_TAB_ENTITY_ID}?${query.toString().replace(/\+/g, '%20')}`;
}
