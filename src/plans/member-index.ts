import { setImmediate as yieldToTurns } from 'node:timers/promises';
import type { PlanState } from '../guide';
import {
  MAX_KEY_LENGTH,
  MEMBER_INDEX_READY,
  memberKey,
  memberKeyOfSegment,
  memberOfKey,
  memberOfKeysOf,
  memberOfUserSegment,
  type BrugStorage,
  type StoredDocuments,
} from '../storage';

/**
 * The index by member: for each person the plans their id is recorded in, so the plan tab reads
 * only the plans a person may see instead of every plan. It is a superset of the access rule
 * (`tab/plan-access.ts` checks each plan it reads); entries go with the plan when it is deleted.
 */

/** Every actor id recorded in a plan: the authors of its answers and of its history. */
export function membersOf(state: PlanState | undefined): Set<string> {
  const ids = new Set<string>();
  if (!state) return ids;
  for (const answer of Object.values(state.answers)) ids.add(answer.by.id);
  for (const entry of state.history) ids.add(entry.by.id);
  return ids;
}

function entriesFor(planKey: string, ids: Iterable<string>): StoredDocuments {
  const documents: StoredDocuments = {};
  for (const id of ids) {
    // A key over the store's limit would fail the whole turn; such a plan is left out of the tab.
    if (memberKey(id, planKey).length > MAX_KEY_LENGTH) continue;
    documents[memberKey(id, planKey)] = { eTag: '*' };
    documents[memberOfKey(planKey, id)] = { eTag: '*' };
  }
  return documents;
}

/**
 * Index entries for people a turn records for the first time in this plan; written in the same
 * storage call as the plan. Someone already recorded in `current` already has theirs.
 */
export function newMemberDocuments(
  planKey: string,
  current: PlanState | undefined,
  next: PlanState,
): StoredDocuments {
  const known = membersOf(current);
  const since = current?.revision ?? 0;
  const fresh = next.history
    .filter((h) => h.rev > since && !known.has(h.by.id))
    .map((h) => h.by.id);
  return entriesFor(planKey, new Set(fresh));
}

/** Writes the index entries of everyone recorded in `state` (migration, seeded plans). */
export async function indexMembers(
  storage: BrugStorage,
  planKey: string,
  state: PlanState,
): Promise<void> {
  const documents = entriesFor(planKey, membersOf(state));
  if (Object.keys(documents).length) await storage.write(documents);
}

/** Removes a plan's index entries; returns how many documents went. */
export async function deleteMemberIndex(storage: BrugStorage, planKey: string): Promise<number> {
  const reverse = await memberOfKeysOf(storage, planKey);
  if (reverse.length === 0) return 0;
  const forward = reverse.map((k) => memberKeyOfSegment(memberOfUserSegment(k), planKey));
  await storage.delete([...forward, ...reverse]);
  return forward.length + reverse.length;
}

/**
 * Indexes plans stored before the index existed, once per store (a marker records it), a few
 * plans at a time between turns, read through the plan store as a turn reads them.
 */
export async function backfillMemberIndex(
  storage: BrugStorage,
  plans: {
    keys(): Promise<string[]>;
    lookup(key: string): Promise<{ ok: true; plan: PlanState | undefined } | { ok: false }>;
  },
): Promise<number> {
  if (Object.keys(await storage.read([MEMBER_INDEX_READY])).length) return 0;
  let indexed = 0;
  for (const key of await plans.keys()) {
    const read = await plans.lookup(key);
    const state = read.ok ? read.plan : undefined;
    if (state) {
      await indexMembers(storage, key, state);
      indexed++;
    }
    await yieldToTurns();
  }
  await storage.write({ [MEMBER_INDEX_READY]: { at: new Date().toISOString(), eTag: '*' } });
  return indexed;
}
