import { readPlanState, type PlanState } from '../guide';
import { parsePlanKey, planKeyPrefix, type BrugStorage } from '../storage';
import { TEAMS_PLAN_CHANNELS } from '../turn';

/**
 * Who asks. Locally that is the developer at this machine, who may see every local plan. In
 * Teams it is the person a validated SSO token names (Entra object id).
 */
export type Viewer = { kind: 'local' } | { kind: 'teamsUser'; oid: string };

/**
 * What the page asks for (from Teams' context: the channel or chat the tab sits in). It only
 * narrows what a viewer may see; a forged id can never widen it.
 */
export interface PlanScope {
  /** A Teams channel: its root conversation and every thread in it (`<id>;messageid=…`). */
  channelId?: string;
  /** One conversation exactly: a group chat, a personal chat, or a local Web Chat. */
  conversationId?: string;
}

export interface VisiblePlan {
  key: string;
  conversationId: string;
  state: PlanState;
}

/** Enough for any steering group; the page lists the most recently changed first. */
const MAX_PLANS_SHOWN = 20;
const READ_BATCH = 50;
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

/** Reads plans in batches; one unreadable document must not hide the others. */
async function readPlans(storage: BrugStorage, keys: string[]): Promise<Map<string, PlanState>> {
  const plans = new Map<string, PlanState>();
  const keep = (key: string, raw: unknown) => {
    try {
      if (raw !== undefined) plans.set(key, readPlanState(raw));
    } catch {
      // A plan the bot itself cannot read is left for an administrator, as the retention purge does.
    }
  };
  for (let i = 0; i < keys.length; i += READ_BATCH) {
    const batch = keys.slice(i, i + READ_BATCH);
    const items = await storage.read(batch).catch(() => undefined);
    if (items) {
      for (const key of batch) keep(key, items[key]);
      continue;
    }
    for (const key of batch)
      keep(key, (await storage.read([key]).catch((): Record<string, unknown> => ({})))[key]);
  }
  return plans;
}

/** The plans `viewer` may see within `scope`, most recently changed first. */
export async function visiblePlans(
  storage: BrugStorage,
  viewer: Viewer,
  scope: PlanScope,
): Promise<VisiblePlan[]> {
  // In Teams the channel part of the key is fixed, so the scope can narrow the listing itself.
  const narrow = viewer.kind === 'local' ? '' : (scope.conversationId ?? scope.channelId ?? '');
  const keys = await Promise.all(
    listedChannels(viewer).map((channel) => storage.listKeys(planKeyPrefix(channel) + narrow)),
  );
  const candidates = keys.flat().flatMap((key) => {
    const conversationId = parsePlanKey(key)?.conversationId;
    return conversationId !== undefined && inScope(conversationId, scope)
      ? [{ key, conversationId }]
      : [];
  });
  const states = await readPlans(
    storage,
    candidates.map((c) => c.key),
  );
  return candidates
    .flatMap(({ key, conversationId }) => {
      const state = states.get(key);
      if (!state) return [];
      if (viewer.kind === 'teamsUser' && !tookPart(state, viewer.oid)) return [];
      return [{ key, conversationId, state }];
    })
    .sort((a, b) =>
      a.state.updatedAt < b.state.updatedAt ? 1 : a.state.updatedAt > b.state.updatedAt ? -1 : 0,
    )
    .slice(0, MAX_PLANS_SHOWN);
}
