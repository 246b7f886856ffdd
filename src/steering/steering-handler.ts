import { effectOf, type Committed, type Reaction } from '../after-save';
import type { TFunction } from '../i18n';
import { logId, type Logger } from '../logging';
import type { PlanStore } from '../plans';
import { escapeMessageText, formatDateTime, planUnreadableText } from '../presentation';
import type { Turn } from '../turn';
import type { Requester, ShareOutcome, SteeringService } from './steering-service';
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

/** The bot's side of steering: linking a channel, sharing on request, following plan changes. */
export class SteeringHandler implements Reaction {
  readonly reactionName = 'steering note';

  constructor(
    private readonly service: SteeringService,
    private readonly plans: PlanStore,
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

  /** "deel samenvatting", or the summary card's share button with a chosen channel. */
  async share(turn: Turn, choice?: string): Promise<void> {
    const read = await this.plans.lookup(turn.planKey);
    if (!read.ok) return turn.send(planUnreadableText(turn.t, read));
    const state = read.plan;
    if (!state || Object.keys(state.answers).length === 0) {
      await turn.send(turn.t('steering:share.nothingYet'));
      return;
    }
    const outcome = await this.service.share(turn.planKey, state, requesterOf(turn), choice);
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
   * The steering note's reaction to a committed change. The first completion shares the note;
   * any later change to the answers updates it (debounced by the outbox); a deleted plan's note
   * is replaced by "plan verwijderd op … door …" (the tombstone is durable and the outbox
   * retries it). Only queues: the outbox sends.
   */
  async afterSave(commit: Committed): Promise<void> {
    const { planKey, turn } = commit;
    const deleted = effectOf(commit, 'planDeleted');
    if (deleted) {
      await this.service.withdraw(this.service.posts.parse(planKey, deleted.removed), deleted.by);
      return;
    }
    const completed = effectOf(commit, 'planCompleted');
    if (completed && turn) {
      // The outbox confirms (with a link) once the note is up. Nowhere to post is normal
      // before anyone linked a channel; the help card explains how to link one.
      await this.service.share(planKey, completed.state, requesterOf(turn));
      return;
    }
    const changed = effectOf(commit, 'answersChanged');
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
