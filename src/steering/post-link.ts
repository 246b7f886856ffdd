import type { SteeringTarget } from './targets';

/**
 * Where a person can open the posted note: a Teams deep link to the thread when the team's
 * group id is known (Teams needs it to find the channel), the local feed page in local mode,
 * and otherwise nothing, in which case the confirmation names the channel instead.
 */
export function postLink(
  target: SteeringTarget,
  ids: { conversationId: string; activityId: string },
  localServiceUrl: () => string,
): string | undefined {
  if (target.kind === 'local') {
    return `${localServiceUrl().replace(/\/+$/, '')}/steering#${encodeURIComponent(ids.activityId)}`;
  }
  if (!target.groupId || !target.tenantId) return undefined;
  const query = new URLSearchParams({
    tenantId: target.tenantId,
    groupId: target.groupId,
    parentMessageId: ids.activityId,
    createdTime: ids.activityId,
  });
  // Teams gives a thread's first message a numeric id (its creation time), hence createdTime.
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(target.channelId)}/${encodeURIComponent(ids.activityId)}?${query.toString()}`;
}
