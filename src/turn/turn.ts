import { z } from 'zod';
import type { Actor } from '../guide';
import {
  cardLocaleOf,
  pickLocale,
  stampCardLocale,
  translator,
  type Locale,
  type TFunction,
} from '../i18n';
import { CARD_CONTENT_TYPE } from '../cards';
import type { InboundActivity, OutgoingActivity } from './activity';
import { withCardNarration } from './card-narration';
import type { TurnIo } from './host';
import { forSurface, isTeamsClient, planKeyOf, surfaceOf, type Surface } from './surface';

export type ConversationKind = 'personal' | 'group' | 'channel';

/** Where a Teams channel message was sent; names are what Teams sent, so user text. */
export interface TeamsPlace {
  teamId?: string;
  teamName?: string;
  aadGroupId?: string;
  channelId?: string;
  channelName?: string;
}

/** What the person did this turn. */
export type TurnInput =
  | { kind: 'text'; text: string }
  | { kind: 'submit'; value: unknown }
  | { kind: 'joined' }
  | { kind: 'other' };

/**
 * One activity as the application sees it, whichever SDK carried it: who, where, in which
 * language, what they did, and how to answer. Handlers receive this, never an SDK type.
 */
export interface Turn {
  /** The channel's id, for keys only (a person's preferences, proactive references); never branch on it. */
  readonly channelId: string;
  /** Where the person is: Teams chat or channel, Microsoft 365 Copilot, or Web Chat. */
  readonly surface: Surface;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly planKey: string;
  readonly locale: Locale;
  readonly t: TFunction;
  readonly actor: Actor;
  /** The channel's id for the person (what their language preference is kept under). */
  readonly userId: string;
  readonly tenantId?: string;
  readonly conversationKind: ConversationKind;
  /** A group chat or channel, where several people share the plan. */
  readonly isGroup: boolean;
  readonly teams: TeamsPlace;
  readonly input: TurnInput;
  /**
   * The message this activity answers, as the channel says: for a card submit, the card that was
   * pressed (Teams sets it; the local Direct Line too). Absent where the channel gives none.
   */
  readonly repliesTo?: string;
  /** The language the person chose earlier, if any (before the channel's own locale). */
  readonly chosenLocale?: Locale;
  send(...activities: (OutgoingActivity | string)[]): Promise<void>;
  /** As `send`, resolving with the ids the channel gave the messages (absent where it gave none). */
  sendForIds(...activities: (OutgoingActivity | string)[]): Promise<{ id?: string }[]>;
  update(activityId: string, activity: OutgoingActivity): Promise<void>;
  /** The same turn in another language (after "taal en"). */
  withLocale(locale: Locale): Turn;
}

const teamsChannelData = z
  .object({
    team: z
      .object({
        id: z.string().max(512),
        name: z.string().max(256),
        aadGroupId: z.string().max(200),
      })
      .partial(),
    channel: z.object({ id: z.string().max(512), name: z.string().max(256) }).partial(),
    tenant: z.object({ id: z.string().max(200) }).partial(),
  })
  .partial();

/** The person behind an activity: the Entra object id in Teams, the channel user id elsewhere. */
function actorOf(activity: InboundActivity): Actor {
  const from = activity.from ?? { id: 'unknown' };
  const id = String(from.aadObjectId ?? from.id ?? 'unknown').slice(0, 200);
  const name = typeof from.name === 'string' ? from.name.slice(0, 200) : undefined;
  return name ? { id, name } : { id };
}

function kindOf(activity: InboundActivity): ConversationKind {
  const type = String(activity.conversation.conversationType ?? '');
  if (type === 'channel') return 'channel';
  return activity.conversation.isGroup || type === 'groupChat' ? 'group' : 'personal';
}

/** Whether the bot was @mentioned (Teams only delivers group messages that mention it, Web Chat may not). */
function mentionsBot(activity: InboundActivity): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some(
    (e) => e.type === 'mention' && (e.mentioned as { id?: string } | undefined)?.id === botId,
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The message text without the "@Brugbot" the channel put in it. */
function textWithoutMention(activity: InboundActivity): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  for (const e of activity.entities ?? []) {
    if (e.type !== 'mention' || (e.mentioned as { id?: string } | undefined)?.id !== botId)
      continue;
    if (typeof e.text === 'string' && e.text)
      text = text.replace(new RegExp(escapeRegExp(e.text), 'g'), '');
  }
  return text.trim();
}

function inputOf(activity: InboundActivity, group: boolean): TurnInput {
  if (activity.type === 'conversationUpdate') {
    const botId = activity.recipient?.id;
    const others = (activity.membersAdded ?? []).some((m) => m.id !== botId);
    return others ? { kind: 'joined' } : { kind: 'other' };
  }
  if (activity.type !== 'message') return { kind: 'other' };
  if (activity.value !== undefined && activity.value !== null)
    return { kind: 'submit', value: activity.value };
  // In a group the bot answers only when addressed.
  if (group && !mentionsBot(activity)) return { kind: 'other' };
  return { kind: 'text', text: textWithoutMention(activity) };
}

/** Every card in the message marked with the language it is written in (see `stampCardLocale`). */
function inLanguage(message: OutgoingActivity, locale: Locale): OutgoingActivity {
  if (!message.attachments?.some((a) => a.contentType === CARD_CONTENT_TYPE)) return message;
  return {
    ...message,
    attachments: message.attachments.map((a) =>
      a.contentType === CARD_CONTENT_TYPE && a.content && typeof a.content === 'object'
        ? {
            ...a,
            content: stampCardLocale(structuredClone(a.content as Record<string, unknown>), locale),
          }
        : a,
    ),
  };
}

/**
 * Builds the turn. `chosenLocale` is the person's saved language, read by the caller together
 * with the plan; the language follows the one rule `pickLocale`.
 */
export function createTurn(activity: InboundActivity, io: TurnIo, chosenLocale?: Locale): Turn {
  const data = teamsChannelData.safeParse(activity.channelData ?? {});
  const teamsData = data.success ? data.data : {};
  const conversationKind = kindOf(activity);
  const isGroup = conversationKind !== 'personal';
  const tenantId = activity.conversation.tenantId ?? teamsData.tenant?.id;
  const surface = surfaceOf(activity);
  // Teams and Copilot narrate cards themselves; Web Chat reads the card's fallbackText aloud.
  const narrate = !isTeamsClient(surface);
  const base = {
    channelId: activity.channelId,
    surface,
    conversationId: activity.conversation.id,
    serviceUrl: activity.serviceUrl ?? '',
    planKey: planKeyOf(activity),
    actor: actorOf(activity),
    userId: String(activity.from?.id ?? '').slice(0, 200),
    ...(tenantId ? { tenantId } : {}),
    ...(chosenLocale ? { chosenLocale } : {}),
    conversationKind,
    isGroup,
    teams: {
      ...(teamsData.team?.id ? { teamId: teamsData.team.id } : {}),
      ...(teamsData.team?.name ? { teamName: teamsData.team.name } : {}),
      ...(teamsData.team?.aadGroupId ? { aadGroupId: teamsData.team.aadGroupId } : {}),
      ...(teamsData.channel?.id ? { channelId: teamsData.channel.id } : {}),
      ...(teamsData.channel?.name ? { channelName: teamsData.channel.name } : {}),
    },
    input: inputOf(activity, isGroup),
    ...(typeof activity.replyToId === 'string' && activity.replyToId
      ? { repliesTo: activity.replyToId.slice(0, 512) }
      : {}),
  };
  const inLocale = (locale: Locale): Turn => {
    const turn: Turn = {
      ...base,
      locale,
      t: translator(locale),
      withLocale: inLocale,
      async send(...activities: (OutgoingActivity | string)[]) {
        await turn.sendForIds(...activities);
      },
      async sendForIds(...activities: (OutgoingActivity | string)[]) {
        const out = activities.map((a): OutgoingActivity => {
          const message = inLanguage(
            typeof a === 'string' ? { type: 'message', text: a } : a,
            locale,
          );
          return forSurface(surface, narrate ? withCardNarration(message) : message);
        });
        return out.length ? io.send(out) : [];
      },
      update: (activityId: string, message: OutgoingActivity) =>
        io.update(activityId, inLanguage(message, locale)),
    };
    return turn;
  };
  return inLocale(
    pickLocale({
      chosen: chosenLocale,
      card: cardLocaleOf(activity.value),
      channel: activity.locale,
    }),
  );
}
