import type {
  Guide,
  GuideEffect,
  GuideEvent,
  EngineContext,
  PlanState,
  Transition,
} from '../guide';
import {
  checkPlanWrite,
  initialPlanState,
  PlanStateError,
  readPlanState,
  transition,
} from '../guide';
import {
  CorruptDocumentError,
  memberPrefix,
  planKeyPrefix,
  relatedKeysOf,
  updateWithRetry,
  type BrugStorage,
  type UpdateOutcome,
  type UpdateStep,
} from '../storage';

export { planKey } from '../storage';
import { errorForLog, logId, type Logger } from '../logging';
import { KeyedQueue } from './keyed-queue';
import { LogBudget } from './log-budget';
import { deleteMemberIndex, newMemberDocuments } from './member-index';
import { logDocuments, PlanLog } from './plan-log';

/** The change log's default budget per plan (HISTORY_BUDGET_BYTES in `src/config`). */
export const DEFAULT_HISTORY_BUDGET_BYTES = 1_000_000;

/**
 * A whole team may press "save" within the same second; each retry re-runs the pure engine on
 * the newer plan, so a generous budget costs only a few milliseconds per collision.
 */
const MAX_ATTEMPTS = 12;
const BACKOFF_MS = 10;
/** Plans read per storage call when many are read (the tab's page, the retention purge). */
const READ_BATCH = 50;

export type PlanRead =
  | { ok: true; plan: PlanState | undefined }
  | { ok: false; reason: 'unavailable' | 'corrupt'; error: unknown };

/** Which plan keys to list; every plan when empty. */
export interface PlanListing {
  /** Plans of one channel (its segment of the key). */
  channelId?: string;
  /** Plans this person is recorded in, from the index by member (plans/member-index.ts). */
  member?: string;
  /** Narrows the listing to conversation ids that start with this (needs `channelId`). */
  conversationPrefix?: string;
}

/** What a queued write returns: its result, and the plan as stored when it stored one. */
type Written<R> = { result: R; written?: PlanState };

function writtenOf<R>(outcome: UpdateOutcome<PlanState, R>): Written<R> {
  return { result: outcome.result, written: outcome.written ? outcome.value : undefined };
}

export class CorruptPlanError extends Error {
  constructor(
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(`stored plan "${key}" cannot be read`, options);
    this.name = 'CorruptPlanError';
  }
}

/**
 * Loads, transitions and saves a conversation's plan in one optimistic read-modify-write.
 * On an eTag conflict the pure engine simply runs again on the colleague's newer plan.
 *
 * A turn that changes the plan stores it and its change-log entry in one storage call, which
 * SQLite commits as one transaction (one fsync); the blob store writes the plan, then the entry.
 * A stored plan is validated when it is written, so reading one of the current schema version
 * checks only its outline (`readPlanState`); an older one is migrated and validated whole.
 */
export class PlanStore {
  readonly log: PlanLog;
  /** Keeps each plan's change log within its byte budget, off the turn. */
  readonly logBudget: LogBudget;
  private readonly queue = new KeyedQueue();
  private readonly logger: Logger | undefined;

  constructor(
    private readonly storage: BrugStorage,
    private readonly guide: Guide,
    options: { historyBudgetBytes?: number; logger?: Logger } = {},
  ) {
    this.log = new PlanLog(storage);
    this.logger = options.logger;
    const budget = options.historyBudgetBytes ?? DEFAULT_HISTORY_BUDGET_BYTES;
    const onError = (error: unknown) =>
      options.logger?.error({ err: errorForLog(error) }, 'change-log compaction failed');
    this.logBudget = new LogBudget(storage, budget, onError, (key, update) =>
      this.change(key, (current) => {
        if (!current) return { state: undefined, result: undefined, effects: [] };
        return {
          state: { ...current, logBytes: update(current.logBytes) },
          result: undefined,
          effects: ['save'],
        };
      }),
    );
  }

  /** The documents other capabilities keep for this plan, as stored. */
  async related(key: string): Promise<Record<string, unknown>> {
    const keys = relatedKeysOf(key);
    const items = keys.length ? await this.storage.read(keys) : {};
    return Object.fromEntries(
      Object.entries(items).map(([k, { eTag: _eTag, ...doc }]) => [k, doc]),
    );
  }

  async apply(key: string, event: GuideEvent, ctx: EngineContext): Promise<Transition> {
    const { result, written } = await this.queue.run(key, () => this.applyNow(key, event, ctx));
    // Outside the plan's queue: a turn that waits for its plan's compaction must not hold it.
    await this.logBudget.afterWrite(key, written);
    return result;
  }

  private async applyNow(
    key: string,
    event: GuideEvent,
    ctx: EngineContext,
  ): Promise<Written<Transition>> {
    try {
      const outcome = await updateWithRetry<PlanState, Transition>(
        this.storage,
        key,
        (current) => {
          const before = current ?? initialPlanState(ctx.now);
          const result = transition(this.guide, before, event, ctx);
          return result.effects.includes('save')
            ? this.save(key, current, result.state, result)
            : { result };
        },
        { parse: readPlanState, maxAttempts: MAX_ATTEMPTS, backoffMs: BACKOFF_MS },
      );
      return writtenOf(outcome);
    } catch (error) {
      if (error instanceof CorruptDocumentError) {
        if (event.type === 'restartConfirm' || event.type === 'restartRequest')
          return { result: await this.reset(key, ctx) };
        throw new CorruptPlanError(key, { cause: error });
      }
      throw error;
    }
  }

  /**
   * The same optimistic read-modify-write as `apply`, for another capability's pure transition of
   * the plan (follow-up answers): `run` may run again on a newer plan, and only a changed state
   * (a new object) is written and logged. Returns what `run` decided, its effects included.
   */
  async change<R>(
    key: string,
    run: (current: PlanState | undefined) => {
      state: PlanState | undefined;
      result: R;
      effects: GuideEffect[];
    },
  ): Promise<{ state: PlanState | undefined; result: R; effects: GuideEffect[] }> {
    type Changed = { state: PlanState | undefined; result: R; effects: GuideEffect[] };
    const { result, written } = await this.queue.run(key, async () => {
      const outcome = await updateWithRetry<PlanState, Changed>(
        this.storage,
        key,
        (current) => {
          const out = run(current);
          return out.state && out.effects.includes('save')
            ? this.save(key, current, out.state, out)
            : { result: out };
        },
        { parse: readPlanState, maxAttempts: MAX_ATTEMPTS, backoffMs: BACKOFF_MS },
      );
      return writtenOf(outcome);
    });
    await this.logBudget.afterWrite(key, written);
    return result;
  }

  /**
   * The one way to read a plan: the plan, told apart from the two ways of not having it, a store
   * that cannot be reached (the user is told to try again, a job retries) and a stored plan that
   * cannot be read (a restart offers a fresh one). Absent is only ever "no plan yet".
   */
  async lookup(key: string): Promise<PlanRead> {
    try {
      const items = await this.storage.read([key]);
      return { ok: true, plan: items[key] === undefined ? undefined : readPlanState(items[key]) };
    } catch (error) {
      const corrupt = error instanceof CorruptDocumentError || error instanceof PlanStateError;
      const reason = corrupt ? 'corrupt' : 'unavailable';
      this.logger?.warn(
        { conversation: logId(key), reason, err: errorForLog(error) },
        'plan could not be read',
      );
      return { ok: false, reason, error };
    }
  }

  /**
   * The keys of the plans `listing` names, in key order, from keys alone (no plan is read).
   * Listing by member reads the index by member, so no other person's plan is even named.
   */
  async keys(listing: PlanListing = {}): Promise<string[]> {
    const index = listing.member === undefined ? '' : memberPrefix(listing.member);
    const prefix =
      listing.channelId === undefined
        ? planKeyPrefix()
        : planKeyPrefix(listing.channelId) + (listing.conversationPrefix ?? '');
    const listed = await this.storage.listKeys(index + prefix);
    return listed.map((key) => key.slice(index.length));
  }

  /**
   * Many plans at once, in batches (the tab's page, the retention purge). A plan that cannot be
   * read, or whose batch and own read both fail, is left out: one unreadable document must not
   * hide the others, and a plan the bot cannot read is left for an administrator.
   */
  async readMany(keys: readonly string[]): Promise<Map<string, PlanState>> {
    const plans = new Map<string, PlanState>();
    const keep = (key: string, raw: unknown) => {
      try {
        if (raw !== undefined) plans.set(key, readPlanState(raw));
      } catch {
        // Unreadable: left out, as documented above.
      }
    };
    for (let i = 0; i < keys.length; i += READ_BATCH) {
      const batch = keys.slice(i, i + READ_BATCH);
      const items = await this.storage.read(batch).catch(() => undefined);
      if (items) {
        for (const key of batch) keep(key, items[key]);
        continue;
      }
      for (const key of batch)
        keep(key, (await this.storage.read([key]).catch((): Record<string, unknown> => ({})))[key]);
    }
    return plans;
  }

  /** Removes the plan, its whole change log and its member index; returns how many documents went. */
  async delete(key: string): Promise<number> {
    await this.logBudget.settled(key);
    const logged = await this.log.deleteAll(key);
    const indexed = await deleteMemberIndex(this.storage, key);
    const others = relatedKeysOf(key);
    await this.storage.delete([key, ...others]);
    return logged + indexed + 1 + others.length;
  }

  /**
   * The write step of a turn: the validated plan, and beside it the log entries of the history
   * it added since the revision the turn started from (their bytes counted in `logBytes`) and
   * the member-index entries of anyone recorded in the plan for the first time.
   */
  private save<R>(
    key: string,
    current: PlanState | undefined,
    next: PlanState,
    result: R,
  ): UpdateStep<PlanState, R> {
    checkPlanWrite(next, current);
    const log = logDocuments(key, next, current?.revision ?? 0);
    // The engine carries `logBytes` over (a restart may not); the budget's own update sets it. A
    // plan from before the count keeps none until its first compaction has counted its log.
    const uncounted =
      current !== undefined && current.revision > 0 && current.logBytes === undefined;
    const before = next.logBytes ?? current?.logBytes;
    const counted = {
      ...next,
      logBytes: uncounted && before === undefined ? undefined : (before ?? 0) + log.bytes,
    };
    return {
      next: counted,
      result,
      alongside: { ...log.documents, ...newMemberDocuments(key, current, next) },
    };
  }

  /** A plan that cannot be read is replaced by a fresh one, but only on an explicit restart. */
  private async reset(key: string, ctx: EngineContext): Promise<Transition> {
    const fresh = transition(this.guide, initialPlanState(ctx.now), { type: 'start' }, ctx);
    checkPlanWrite(fresh.state);
    await this.storage.write({ [key]: { ...fresh.state, eTag: '*' } });
    return {
      state: fresh.state,
      outputs: [{ kind: 'notice', code: 'restarted' }, ...fresh.outputs],
      effects: ['save', 'answersChanged'],
    };
  }
}
