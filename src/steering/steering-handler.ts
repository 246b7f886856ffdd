import { effectOf, type Committed, type Reaction } from '../after-save';
import type { Guide, PlanState } from '../guide';
import type { TFunction } from '../i18n';
import { logId, type Logger } from '../logging';
import type { PlanStore } from '../plans';
import { renderCard } from '../cards';
import {
  escapeMessageText,
  formatDateTime,
  planUnreadableText,
  viewContext,
} from '../presentation';
import { sharePreviewData } from '../presentation/steering';
import type { Turn } from '../turn';
import {
  contentHash,
  type Requester,
  type ShareOutcome,
  type SteeringService,
} from './steering-service';
import { sameTarget, type SteeringTarget, type TeamRegistration } from './targets';

function requesterOf(turn: Turn): Requester {
  return {
    ...(turn.tenantId ? { tenantId: turn.tenantId } : {}),
    ...(turn.teams.teamId ? { teamId: turn.teams.teamId } : {}),
    userId: turn.actor.id,
    locale: turn.locale,
    replyTo: {
      serviceUrl: turn.serviceUrl,
      conversationId: turn.conversationId,
      locale: turn.locale,
    },
  };
}

/** A channel as people know it: "Team · Kanaal", from names Teams sent (so: user text). */
function labelOf(
  teamName: string | undefined,
  channelName: string | undefined,
): string | undefined {
  const parts = [teamName, channelName].filter((p): p is string => Boolean(p?.trim()));
  return parts.length ? parts.join(' · ').slice(0, 300) : undefined;
}

/** What a press on the share preview's "Deel met de steungroep" carries back. */
interface ShareConfirmation {
  /** The channel the preview named. */
  channel: string;
  /** The plan content the preview showed (`contentHash`). */
  hash: string;
  /** The team picked on the summary card, if any. */
  steeringTarget?: string;
}

/** The bot's side of steering: linking a channel, sharing on request, following plan changes. */
export class SteeringHandler implements Reaction {
  readonly reactionName = 'steering note';

  constructor(
    private readonly service: SteeringService,
    private readonly plans: PlanStore,
    private readonly guide: Guide,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  /** "@Brugbot koppel steungroep" in a team channel: that channel receives the team's plans. */
  async link(turn: Turn): Promise<void> {
    const { t, teams, tenantId } = turn;
    if (turn.surface !== 'teamsChannel' || !teams.teamId || !teams.channelId || !tenantId) {
      await turn.send(t('steering:link.notInChannel'));
      return;
    }
    const label = labelOf(teams.teamName, teams.channelName);
    const target: SteeringTarget = {
      kind: 'teams',
      serviceUrl: turn.serviceUrl,
      channelId: teams.channelId,
      tenantId,
      teamId: teams.teamId,
      ...(teams.aadGroupId ? { groupId: teams.aadGroupId } : {}),
      ...(label ? { label } : {}),
    };
    const previous = await this.service.teams.get(teams.teamId);
    const at = this.now();
    await this.service.teams.register(teams.teamId, {
      target,
      registeredBy: turn.actor,
      registeredAt: at.toISOString(),
    });
    this.logger.info({ team: logId(teams.teamId) }, 'steering channel linked');
    const team = teams.teamName
      ? escapeMessageText(teams.teamName)
      : t('steering:channel.thisTeam');
    const done = t('steering:link.done', { team });
    const moved =
      previous && !sameTarget(previous.target, target)
        ? await this.announceMove(turn, previous, target, at)
        : undefined;
    await turn.send({
      type: 'message',
      textFormat: 'markdown',
      text: moved ? `${done}\n\n${moved}` : done,
    });
  }

  /**
   * Any team member may re-link (the Bot Connector's roster tells members from guests, not
   * owners from members), so a move is never silent: the old channel gets a notice naming the
   * new channel and who moved it, and the new channel is told where the link was and who had
   * set it. Returns the line for the new channel.
   */
  private async announceMove(
    turn: Turn,
    previous: TeamRegistration,
    target: SteeringTarget,
    at: Date,
  ): Promise<string> {
    const { t } = turn;
    const name = (who: { name?: string }) =>
      escapeMessageText(who.name?.trim() || t('bot:someone'));
    const label = (where: SteeringTarget) =>
      where.label ? escapeMessageText(where.label) : t('steering:channel.default');
    // In the language of the person who moved it: the old channel's own is not known.
    const notified = await this.service.announceMove(
      previous.target,
      t('steering:link.movedAway', {
        channel: label(target),
        by: name(turn.actor),
        when: formatDateTime(at.toISOString(), turn.locale),
      }),
    );
    return t(notified ? 'steering:link.moved' : 'steering:link.movedUntold', {
      channel: label(previous.target),
      by: name(previous.registeredBy),
    });
  }

  /** The plan to share, or undefined once the person was told why there is none. */
  private async planToShare(turn: Turn): Promise<PlanState | undefined> {
    const read = await this.plans.lookup(turn.planKey);
    if (!read.ok) {
      await turn.send(planUnreadableText(turn.t, read));
      return undefined;
    }
    const state = read.plan;
    if (state && Object.keys(state.answers).length > 0) return state;
    await turn.send(turn.t('steering:share.nothingYet'));
    return undefined;
  }

  /**
   * "deel samenvatting", the next-step card's share button, or the summary card's with a chosen
   * channel. A note its author already confirmed for that channel is brought up to date; any
   * other share first shows what would be posted, and where (issue 27).
   */
  async share(turn: Turn, choice?: string): Promise<void> {
    const state = await this.planToShare(turn);
    if (!state) return;
    const where = await this.service.destination(turn.planKey, requesterOf(turn), choice);
    if (where.kind !== 'destination') return this.sendOutcome(turn, where);
    if (where.confirmed)
      return this.sendOutcome(
        turn,
        await this.service.share(turn.planKey, state, requesterOf(turn), choice),
      );
    await this.sendPreview(turn, state, where.target, choice);
  }

  /**
   * "Deel met de steungroep" on the preview. Posts only what the author saw, where they saw it
   * would go: a plan changed since, or a channel that moved, gets a fresh preview instead.
   */
  async confirmShare(turn: Turn, confirmation: ShareConfirmation): Promise<void> {
    const state = await this.planToShare(turn);
    if (!state) return;
    const choice = confirmation.steeringTarget || undefined;
    const where = await this.service.destination(turn.planKey, requesterOf(turn), choice);
    if (where.kind !== 'destination') return this.sendOutcome(turn, where);
    if (where.target.channelId !== confirmation.channel || contentHash(state) !== confirmation.hash)
      return this.sendPreview(
        turn,
        state,
        where.target,
        choice,
        turn.t('steering:confirm.changed'),
      );
    const outcome = await this.service.share(turn.planKey, state, requesterOf(turn), choice);
    this.logger.info({ plan: logId(turn.planKey) }, 'steering note confirmed by its author');
    await this.sendOutcome(turn, outcome);
  }

  /** "Nog niet": nothing is posted, and nothing is kept that would post it later. */
  async declineShare(turn: Turn): Promise<void> {
    await turn.send(turn.t('steering:confirm.declined'));
  }

  private async sendPreview(
    turn: Turn,
    state: PlanState,
    target: SteeringTarget,
    choice: string | undefined,
    notice?: string,
  ): Promise<void> {
    const ctx = viewContext(this.guide, state, turn.locale, turn.t);
    const data = sharePreviewData(ctx, {
      ...(target.label ? { channelLabel: target.label } : {}),
      channelId: target.channelId,
      hash: contentHash(state),
      ...(choice ? { choice } : {}),
      ...(notice ? { notice } : {}),
    });
    await turn.send({ type: 'message', attachments: [renderCard('steering-share-confirm', data)] });
  }

  private async sendOutcome(turn: Turn, outcome: ShareOutcome): Promise<void> {
    await turn.send({
      type: 'message',
      textFormat: 'markdown',
      text: this.outcomeText(outcome, turn.t),
    });
  }

  private outcomeText(outcome: ShareOutcome, t: TFunction): string {
    if (outcome.kind === 'queued' || outcome.kind === 'upToDate') {
      const channel = outcome.target.label
        ? escapeMessageText(outcome.target.label)
        : t('steering:channel.default');
      if (outcome.kind === 'queued') return t('steering:share.queued', { channel });
      return outcome.link
        ? t('steering:share.upToDateLink', { channel, link: outcome.link })
        : t('steering:share.upToDate', { channel });
    }
    return t(`steering:share.${outcome.kind}`);
  }

  /**
   * The steering note's reaction to a committed change: a note its author confirmed follows the
   * change (debounced by the outbox); a deleted plan's note is replaced by "plan verwijderd op …
   * door …" (the tombstone is durable and the outbox retries it). Nothing is ever posted from
   * here: completing the plan offers to share, and only the author's confirmation posts (issue 27).
   */
  async afterSave(commit: Committed): Promise<void> {
    const { planKey } = commit;
    const deleted = effectOf(commit, 'planDeleted');
    if (deleted) {
      await this.service.withdraw(this.service.posts.parse(planKey, deleted.removed), deleted.by);
      return;
    }
    const changed = effectOf(commit, 'answersChanged') ?? effectOf(commit, 'planCompleted');
    if (changed) await this.service.planChanged(planKey, changed.state);
  }

  /** Choices for the summary card: the linked channels of the requester's tenant. */
  async shareChoices(turn: Turn): Promise<{ title: string; value: string }[]> {
    const targets = await this.service.choices({ tenantId: turn.tenantId }).catch(() => []);
    return targets.flatMap((target) =>
      target.teamId ? [{ title: target.label ?? target.channelId, value: target.teamId }] : [],
    );
  }
}
