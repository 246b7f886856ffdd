import { z } from 'zod';
import type { Entity, InboundActivity, OutgoingActivity } from './activity';

/**
 * Where the person is talking to Brugbot. Teams and Microsoft 365 Copilot share the channel id
 * `msteams`; Copilot adds an entity `{ type: 'ProductInfo', id: 'COPILOT' }` (Microsoft Learn,
 * custom engine agents; the Agents SDK folds it into the sub-channel `msteams:COPILOT`, see
 * Agents-for-js `agents-activity/src/conversation/channels.ts`). Every other channel (the local
 * Direct Line channel, Azure Web Chat, the emulator) renders like Web Chat.
 */
export type Surface = 'teamsChat' | 'teamsChannel' | 'copilot' | 'webChat';

const TEAMS_CHANNEL = 'msteams';
const COPILOT_PRODUCT = 'COPILOT';

/** Plans started in Copilot are stored under this channel segment (see `planChannelOf`). */
export const COPILOT_PLAN_CHANNEL = `${TEAMS_CHANNEL}:${COPILOT_PRODUCT}`;

/** Every channel segment under which a Teams user's plans are stored (the tab lists these). */
export const TEAMS_PLAN_CHANNELS = [TEAMS_CHANNEL, COPILOT_PLAN_CHANNEL] as const;

/** The one field of a ProductInfo entity Brugbot reads; anything else in it is ignored. */
const productInfo = z.object({ type: z.literal('ProductInfo'), id: z.string().max(64) });

/** The product the activity names, upper-cased, from its ProductInfo entity or a composite id. */
function productOf(activity: InboundActivity): string | undefined {
  for (const entity of activity.entities ?? []) {
    const parsed = productInfo.safeParse(entity);
    if (parsed.success) return parsed.data.id.toUpperCase();
  }
  const [, sub] = activity.channelId.split(':', 2);
  return sub?.toUpperCase();
}

/** The surface of one activity; the only place that reads channel ids and product entities. */
export function surfaceOf(activity: InboundActivity): Surface {
  const channel = activity.channelId.split(':', 1)[0]!.toLowerCase();
  if (channel !== TEAMS_CHANNEL) return 'webChat';
  if (productOf(activity) === COPILOT_PRODUCT) return 'copilot';
  return activity.conversation.conversationType === 'channel' ? 'teamsChannel' : 'teamsChat';
}

/** Teams and Copilot render the citation entity and narrate cards themselves. */
export function isTeamsClient(surface: Surface): boolean {
  return surface !== 'webChat';
}

/**
 * The channel part of the plan's storage key. A Copilot chat keeps its own plan, apart from a
 * Teams chat, even if both were to carry the same conversation id: the documentation does not
 * say they differ, so the key does not rely on it. The name is the Agents SDK's sub-channel.
 */
export function planChannelOf(activity: InboundActivity, surface: Surface): string {
  return surface === 'copilot' ? COPILOT_PLAN_CHANNEL : activity.channelId;
}

const COPILOT_ENTITY: Entity = { type: 'ProductInfo', id: COPILOT_PRODUCT };

/**
 * Replies into Copilot carry the same ProductInfo entity, as the Agents SDK adds to every reply
 * in a `msteams:COPILOT` conversation; doing it here makes both hosts send the same activity.
 */
export function forSurface(surface: Surface, activity: OutgoingActivity): OutgoingActivity {
  if (surface !== 'copilot') return activity;
  const entities = activity.entities ?? [];
  if (entities.some((e) => e.type === 'ProductInfo')) return activity;
  return { ...activity, entities: [...entities, COPILOT_ENTITY] };
}
