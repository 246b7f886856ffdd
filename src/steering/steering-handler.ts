import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Transition } from '../guide';
import { translator, type Locale } from '../i18n';
import type { Logger } from '../logging';
import type { PlanStore } from '../plans';
import { escapeMessageText } from '../bot/text';
import { actorOf, logId } from '../bot/turn-info';
import type { Requester, ShareOutcome, SteeringService } from './steering-service';
import type { SteeringTarget } from './targets';

/** The Teams fields a channel message carries about where it was sent; anything else is ignored. */
const teamsChannelData = z
  .object({
    team: z
      .object({
        id: z.string().max(512),
        name: z.string().max(256).optional(),
        aadGroupId: z.string().max(200).optional(),
      })
      .partial(),
    channel: z.object({ id: z.string().max(512), name: z.string().max(256).optional() }).partial(),
    tenant: z.object({ id: z.string().max(200) }).partial(),
  })
  .partial();

function channelDataOf(context: TurnContext) {
  const parsed = teamsChannelData.safeParse(context.activity.channelData ?? {});
  return parsed.success ? parsed.data : {};
}

function requesterOf(context: TurnContext, locale: Locale): Requester {
  const { activity } = context;
  const data = channelDataOf(context);
  const tenantId = activity.conversation?.tenantId ?? data.tenant?.id;
  return {
    ...(tenantId ? { tenantId } : {}),
    ...(data.team?.id ? { teamId: data.team.id } : {}),
    userId: actorOf(context).id,
    locale,
    replyTo: { serviceUrl: activity.serviceUrl, conversationId: activity.conversation.id, locale },
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
export class SteeringHandler {
  constructor(
    private readonly service: SteeringService,
    private readonly plans: PlanStore,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  /**
   * Deletes a plan through `remove` and then withdraws its note: the post is read first,
   * since the deletion takes the steering documents along. A failure to withdraw never undoes
   * or fails the deletion; the tombstone is durable and the outbox retries it.
   */
  async withdrawAfter<T>(
    planKey: string,
    byName: string | undefined,
    remove: () => Promise<T>,
  ): Promise<T> {
    const post = await this.service.posts.get(planKey).catch(() => undefined);
    const removed = await remove();
    try {
      await this.service.withdraw(post, byName);
    } catch (error) {
      this.logger.error(
        { plan: logId(planKey), err: (error as Error).name },
        'could not withdraw the steering note',
      );
    }
    return removed;
  }

  /** "@Brugbot koppel steungroep" in a team channel: that channel receives the team's plans. */
  async link(context: TurnContext, locale: Locale): Promise<void> {
    const t = translator(locale);
    const data = channelDataOf(context);
    const tenantId = data.tenant?.id ?? context.activity.conversation?.tenantId;
    if (
      context.activity.channelId !== 'msteams' ||
      !data.team?.id ||
      !data.channel?.id ||
      !tenantId
    ) {
      await context.sendActivity(t('steering:link.notInChannel'));
      return;
    }
    const label = labelOf(data.team.name, data.channel.name);
    const target: SteeringTarget = {
      kind: 'teams',
      serviceUrl: context.activity.serviceUrl,
      channelId: data.channel.id,
      tenantId,
      teamId: data.team.id,
      ...(data.team.aadGroupId ? { groupId: data.team.aadGroupId } : {}),
      ...(label ? { label } : {}),
    };
    const actor = actorOf(context);
    await this.service.teams.register(data.team.id, {
      target,
      registeredBy: actor,
      registeredAt: this.now().toISOString(),
    });
    this.logger.info({ team: logId(data.team.id) }, 'steering channel linked');
    const team = data.team.name
      ? escapeMessageText(data.team.name)
      : t('steering:channel.thisTeam');
    await context.sendActivity({
      type: 'message',
      textFormat: 'markdown',
      text: t('steering:link.done', { team }),
    });
  }

  /** "deel samenvatting", or the summary card's share button with a chosen channel. */
  async share(
    context: TurnContext,
    locale: Locale,
    planKey: string,
    choice?: string,
  ): Promise<void> {
    const t = translator(locale);
    const state = await this.plans.read(planKey).catch(() => undefined);
    if (!state || Object.keys(state.answers).length === 0) {
      await context.sendActivity(t('steering:share.nothingYet'));
      return;
    }
    const outcome = await this.service.share(planKey, state, requesterOf(context, locale), choice);
    await context.sendActivity({
      type: 'message',
      textFormat: 'markdown',
      text: this.outcomeText(outcome, locale),
    });
  }

  private outcomeText(outcome: ShareOutcome, locale: Locale): string {
    const t = translator(locale);
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
   * Runs after a turn saved the plan. The first completion shares the note; any later change
   * to the answers updates it (debounced by the outbox). Never fails the user's turn.
   */
  async afterSave(
    context: TurnContext,
    locale: Locale,
    planKey: string,
    result: Transition,
  ): Promise<void> {
    try {
      const completed = result.outputs.some((o) => o.kind === 'notice' && o.code === 'completed');
      if (!completed) {
        await this.service.planChanged(planKey, result.state);
        return;
      }
      // The outbox confirms (with a link) once the note is up. Nowhere to post is normal before
      // anyone linked a channel; the help card explains how to link one.
      await this.service.share(planKey, result.state, requesterOf(context, locale));
    } catch (error) {
      this.logger.error(
        { plan: logId(planKey), err: (error as Error).name },
        'could not queue the steering note',
      );
    }
  }

  /** Choices for the summary card: the linked channels of the requester's tenant. */
  async shareChoices(context: TurnContext): Promise<{ title: string; value: string }[]> {
    const tenantId = context.activity.conversation?.tenantId ?? channelDataOf(context).tenant?.id;
    const targets = await this.service.choices({ tenantId }).catch(() => []);
    return targets.flatMap((target) =>
      target.teamId ? [{ title: target.label ?? target.channelId, value: target.teamId }] : [],
    );
  }
}
