import type { PlanState } from '../guide';
import type { PlanStore } from '../plans';
import { parsePlanKey, planRef } from '../storage';
import { TEAMS_PLAN_CHANNELS } from '../turn';

/**
 * Who asks. Locally that is the developer at this machine, who may see every local plan. In
 * Teams it is the person a validated SSO token names (Entra object id).
 */
export type Viewer = { kind: 'local' } | { kind: 'teamsUser'; oid: string; tid: string };

/**
 * What the page asks for (from Teams' context: the channel or chat the tab sits in). It only
 * narrows what a viewer may see; a forged id can never widen it.
 */
export interface PlanScope {
  /** A Teams channel: its root conversation and every thread in it (`<id>;messageid=…`). */
  channelId?: string;
  /** One conversation exactly: a group chat, a personal chat, or a local Web Chat. */
  conversationId?: string;
  /** One plan by its link's ref (storage/keys.ts `planRef`). */
  ref?: string;
}

export interface VisiblePlan {
  key: string;
  conversationId: string;
  state: PlanState;
}

/** Plans per page: enough for any steering group; each page lists the most recently changed first. */
export const PLANS_PER_PAGE = 20;

/** What the tab needs of the plan store: listing keys and reading a page of plans. */
type PlanReader = Pick<PlanStore, 'keys' | 'readMany'>;
/**
 * Only Teams conversations carry Entra object ids as actor ids (`actorOf` in the bot layer);
 * Copilot chats are Teams conversations whose plans are kept under their own channel segment.
 */
const listedChannels = (viewer: Viewer): readonly (string | undefined)[] =>
  viewer.kind === 'local' ? [undefined] : TEAMS_PLAN_CHANNELS;

function inScope(conversationId: string, scope: PlanScope): boolean {
  if (scope.conversationId !== undefined) return conversationId === scope.conversationId;
  if (scope.channelId !== undefined) {
    return conversationId === scope.channelId || conversationId.startsWith(`${scope.channelId};`);
  }
  return true;
}

/**
 * The access rule: a Teams user sees a plan when their Entra object id is recorded in it, as
 * the author of a current answer or of a change still in the plan's history. The bot wrote
 * those ids from activities the Bot Framework authenticated, so they prove that this person
 * took part in that conversation. Membership itself cannot be checked without Graph.
 */
function tookPart(state: PlanState, oid: string): boolean {
  return (
    Object.values(state.answers).some((a) => a.by.id === oid) ||
    state.history.some((h) => h.by.id === oid)
  );
}

/**
 * The plan keys `viewer` may be shown within `scope`, in key order, from keys alone: a Teams
 * user's come from the index by member (`plans/member-index.ts`), so no other plan is read.
 */
async function candidateKeys(
  plans: PlanReader,
  viewer: Viewer,
  scope: PlanScope,
): Promise<{ key: string; conversationId: string }[]> {
  // In Teams the channel part of the key is fixed, so the scope can narrow the listing itself.
  const listed = await Promise.all(
    listedChannels(viewer).map((channelId) =>
      viewer.kind === 'local'
        ? plans.keys({ channelId })
        : plans.keys({
            channelId,
            member: viewer.oid,
            conversationPrefix: scope.conversationId ?? scope.channelId ?? '',
          }),
    ),
  );
  return listed.flat().flatMap((key) => {
    const conversationId = parsePlanKey(key)?.conversationId;
    return conversationId !== undefined &&
      inScope(conversationId, scope) &&
      (scope.ref === undefined || planRef(key) === scope.ref)
      ? [{ key, conversationId }]
      : [];
  });
}

/**
 * One page (from 1) of the plans `viewer` may see within `scope`, most recently changed first
 * within the page; `more` when a later page has candidates. Only the page's plans are read.
 */
export async function visiblePlans(
  store: PlanReader,
  viewer: Viewer,
  scope: PlanScope,
  page = 1,
): Promise<{ plans: VisiblePlan[]; more: boolean }> {
  const candidates = await candidateKeys(store, viewer, scope);
  const slice = candidates.slice((page - 1) * PLANS_PER_PAGE, page * PLANS_PER_PAGE);
  const states = await store.readMany(slice.map((c) => c.key));
  const plans = slice
    .flatMap(({ key, conversationId }) => {
      const state = states.get(key);
      if (!state) return [];
      if (viewer.kind === 'teamsUser' && !tookPart(state, viewer.oid)) return [];
      return [{ key, conversationId, state }];
    })
    .sort((a, b) =>
      a.state.updatedAt < b.state.updatedAt ? 1 : a.state.updatedAt > b.state.updatedAt ? -1 : 0,
    );
  return { plans, more: candidates.length > page * PLANS_PER_PAGE };
}
