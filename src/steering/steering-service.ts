import { createHash } from 'node:crypto';
import type { PlanState } from '../guide';
import type { Locale } from '../i18n';
import type { Logger } from '../logging';
import type { BrugStorage } from '../storage';
import type { ConnectorApi } from '../connector';
import { PostStore, shareConfirmed, type PostDoc, type ReplyRef } from './post-store';
import { postLink } from './post-link';
import { sameTarget, servesTenant, TeamRegistry, type SteeringTarget } from './targets';

/** Who asks, as far as choosing a steering channel goes. */
export interface Requester {
  tenantId?: string;
  /** Set when the plan lives in a team's channel. */
  teamId?: string;
  /** Entra object id (or channel user id): what the team roster is checked with. */
  userId?: string;
  replyTo: ReplyRef;
  locale: Locale;
}

/** Why a plan's note cannot go anywhere for this requester. */
export type NoDestination = { kind: 'noTarget' | 'unknownTeam' | 'notMember' };

export type ShareOutcome =
  | { kind: 'queued'; target: SteeringTarget }
  | { kind: 'upToDate'; target: SteeringTarget; link?: string }
  | NoDestination;

/** Where a share would go, and whether the author already confirmed sharing the note there. */
export type Destination = { kind: 'destination'; target: SteeringTarget; confirmed: boolean };

/**
 * What the note must show: the answers (with who gave them) and the status. Navigation bumps the
 * plan's revision too, but should not cost the steering channel an update.
 */
export function contentHash(state: PlanState): string {
  const answers = Object.entries(state.answers)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([q, r]) => [q, r.value, r.by.name ?? r.by.id]);
  return createHash('sha256')
    .update(JSON.stringify([state.status, answers]))
    .digest('hex')
    .slice(0, 32);
}

/** A plan edited without pause still reaches the channel after this many debounce periods. */
const MAX_WAIT_DEBOUNCES = 3;

export interface SteeringServiceDeps {
  storage: BrugStorage;
  transport: ConnectorApi;
  logger: Logger;
  now: () => Date;
  /** The configured channel, or the local one in local mode; undefined when neither applies. */
  defaultTarget?: SteeringTarget;
  localServiceUrl: () => string;
  debounceMs: number;
  /** Wakes the outbox worker so a share does not wait for the next poll. */
  wake: () => void;
}

/** Decides where a plan's note goes and what it still owes; sending is the outbox's job. */
export class SteeringService {
  readonly teams: TeamRegistry;
  readonly posts: PostStore;

  constructor(private readonly deps: SteeringServiceDeps) {
    this.teams = new TeamRegistry(deps.storage);
    this.posts = new PostStore(deps.storage);
  }

  /** The linked channels the requester may pick from: their tenant's. */
  async choices(requester: Pick<Requester, 'tenantId'>): Promise<SteeringTarget[]> {
    return (await this.teams.inTenant(requester.tenantId)).map((r) => r.target);
  }

  /**
   * An explicit choice must be a team of the requester's tenant they belong to. Otherwise: the
   * team the plan lives in, then a linked team the requester is a member of, then the default.
   * Whatever the route, a channel of another tenant is never chosen: the configured default
   * serves STEERING_TENANT_ID's plans only, with or without ALLOWED_TENANTS.
   */
  async resolveTarget(
    requester: Requester,
    choice?: string,
  ): Promise<SteeringTarget | ShareOutcome> {
    if (choice) {
      const registration = await this.teams.get(choice);
      if (!registration || !servesTenant(registration.target, requester.tenantId))
        return { kind: 'unknownTeam' };
      if (
        requester.teamId !== choice &&
        !(await this.isMember(registration.target, requester.userId))
      )
        return { kind: 'notMember' };
      return registration.target;
    }
    if (requester.teamId) {
      const own = await this.teams.get(requester.teamId);
      if (own && servesTenant(own.target, requester.tenantId)) return own.target;
    }
    for (const target of await this.choices(requester)) {
      if (await this.isMember(target, requester.userId)) return target;
    }
    const fallback = this.deps.defaultTarget;
    return fallback && servesTenant(fallback, requester.tenantId) ? fallback : { kind: 'noTarget' };
  }

  /**
   * Tells a channel that its team's steungroep channel moved elsewhere (issue 28): a new thread,
   * so nobody there misses that plans no longer arrive. Best effort; a failure is logged.
   */
  async announceMove(from: SteeringTarget, text: string): Promise<boolean> {
    try {
      await this.deps.transport.createThread(
        from.serviceUrl,
        { channelId: from.channelId, tenantId: from.tenantId, teamId: from.teamId },
        { type: 'message', text, textFormat: 'markdown', attachments: [] },
      );
      return true;
    } catch (error) {
      this.deps.logger.warn({ err: (error as Error).name }, 'could not announce a moved link');
      return false;
    }
  }

  private async isMember(target: SteeringTarget, userId: string | undefined): Promise<boolean> {
    if (!userId || !target.teamId) return false;
    try {
      return await this.deps.transport.isTeamMember(target.serviceUrl, target.teamId, userId);
    } catch (error) {
      this.deps.logger.warn({ err: (error as Error).name }, 'could not check team membership');
      return false;
    }
  }

  /** The plan's live post (not a tombstone) and the channel a share would go to. */
  private async where(
    planKey: string,
    requester: Requester,
    choice: string | undefined,
  ): Promise<{ existing: PostDoc | undefined; resolved: SteeringTarget | ShareOutcome }> {
    const found = await this.posts.get(planKey);
    const existing = found?.withdrawn ? undefined : found;
    // A note already out keeps its channel, if that channel may serve this plan's tenant.
    const keepTarget = existing && !choice && servesTenant(existing.target, requester.tenantId);
    const resolved = keepTarget ? existing.target : await this.resolveTarget(requester, choice);
    return { existing, resolved };
  }

  /**
   * Where the plan's note would go, and whether its author already confirmed sharing it there
   * (then a share is an update of what is out); otherwise the author is asked first.
   */
  async destination(
    planKey: string,
    requester: Requester,
    choice?: string,
  ): Promise<Destination | ShareOutcome> {
    const { existing, resolved } = await this.where(planKey, requester, choice);
    if (!('channelId' in resolved)) return resolved;
    const confirmed = shareConfirmed(existing) && sameTarget(existing.target, resolved);
    return { kind: 'destination', target: resolved, confirmed };
  }

  /**
   * Owes the plan's note to its channel: a new thread the first time (or in a newly chosen
   * channel), an in-place update afterwards. The person asking is told the outcome later. Only
   * for a share its author confirmed (see `destination`); the confirmation is kept on the post.
   */
  async share(
    planKey: string,
    state: PlanState,
    requester: Requester,
    choice?: string,
  ): Promise<ShareOutcome> {
    const { existing, resolved } = await this.where(planKey, requester, choice);
    if (!('channelId' in resolved)) return resolved;
    const target = resolved;
    const hash = contentHash(state);
    if (
      existing &&
      sameTarget(existing.target, target) &&
      !existing.pending &&
      existing.sentHash === hash &&
      existing.activityId
    ) {
      const link = postLink(
        target,
        { conversationId: existing.conversationId ?? '', activityId: existing.activityId },
        this.deps.localServiceUrl,
      );
      return { kind: 'upToDate', target, ...(link ? { link } : {}) };
    }
    const now = this.deps.now().getTime();
    await this.posts.update(planKey, (current) => {
      // A deleted plan's tombstone is not carried over: a new plan gets a new note.
      const live = current && !current.withdrawn ? current : undefined;
      const keep = live && sameTarget(live.target, target) ? live : undefined;
      // One debounce per plan, whichever channel it goes to: alternating two teams' channels
      // no longer opens a thread per press (issue 28). The last send travels with the plan.
      const lastSentAt = live?.lastSentAt;
      const base: PostDoc = keep ?? {
        planKey,
        locale: requester.locale,
        target,
        sends: 0,
        ...(lastSentAt ? { lastSentAt } : {}),
      };
      const confirmedAt = base.confirmedAt ?? new Date(now).toISOString();
      const debounced = lastSentAt ? lastSentAt + this.deps.debounceMs : 0;
      const pending = {
        seq: (current?.pending?.seq ?? 0) + 1,
        dueAt: Math.max(now, debounced),
        attempts: 0,
        hash,
        ...(keep?.pending?.claim ? { claim: keep.pending.claim } : {}),
        notify: requester.replyTo,
        failureNotified: false,
      };
      return { next: { ...base, confirmedAt, pending }, result: undefined };
    });
    this.deps.wake();
    return { kind: 'queued', target };
  }

  /**
   * When an owed update goes out: once edits have paused for the debounce (so quick edits make
   * one update, whose "what changed" line names them all), never sooner than a debounce after
   * the last send, and never later than a few debounces after the first edit it carries. A
   * failed send keeps its own backoff.
   */
  private debouncedDue(current: PostDoc, now: number): number {
    const { debounceMs } = this.deps;
    const owed = current.pending;
    if (owed && owed.attempts > 0) return owed.dueAt;
    const since = owed?.since ?? now;
    const quiet = Math.max(now + debounceMs, (current.lastSentAt ?? 0) + debounceMs);
    return Math.max(Math.min(quiet, since + MAX_WAIT_DEBOUNCES * debounceMs), now);
  }

  /**
   * After any saved change: once its author confirmed sharing the note, it follows the plan,
   * debounced. Before that, nothing is posted.
   */
  async planChanged(planKey: string, state: PlanState): Promise<void> {
    const doc = await this.posts.get(planKey);
    if (!shareConfirmed(doc)) return;
    const hash = contentHash(state);
    if ((doc.pending?.hash ?? doc.sentHash) === hash) return;
    const now = this.deps.now().getTime();
    await this.posts.update(planKey, (current) => {
      if (!shareConfirmed(current)) return { result: undefined };
      if ((current.pending?.hash ?? current.sentHash) === hash) return { result: undefined };
      const owed = current.pending;
      const pending = {
        ...(owed ?? { attempts: 0 }),
        seq: (owed?.seq ?? 0) + 1,
        dueAt: this.debouncedDue(current, now),
        since: owed?.since ?? now,
        hash,
      };
      return { next: { ...current, pending }, result: undefined };
    });
    // Owed updates are due now or after the debounce; waking spares the wait for the next poll.
    this.deps.wake();
  }

  /**
   * After a plan was deleted: its posted note (`post`, read before the deletion) is owed the
   * notice "plan verwijderd op … door …". Only what that notice needs is kept, in a tombstone
   * the outbox removes once the notice is out; the plan's content is already gone.
   */
  async withdraw(post: PostDoc | undefined, by: string | undefined): Promise<void> {
    if (!post?.activityId || !post.conversationId || post.withdrawn) return;
    const now = this.deps.now();
    const tombstone: PostDoc = {
      planKey: post.planKey,
      locale: post.locale,
      target: post.target,
      conversationId: post.conversationId,
      activityId: post.activityId,
      sends: post.sends,
      withdrawn: { at: now.toISOString(), ...(by ? { by: by.slice(0, 200) } : {}) },
      pending: { seq: 1, dueAt: now.getTime(), attempts: 0, hash: 'withdrawn' },
    };
    await this.posts.update(post.planKey, () => ({ next: tombstone, result: undefined }));
    this.deps.wake();
  }
}
