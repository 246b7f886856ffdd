import { randomUUID } from 'node:crypto';

export interface Who {
  id: string;
  name: string;
  aadObjectId?: string;
}

export interface ConversationOptions {
  serviceUrl: string;
  conversationId?: string;
  channelId?: 'msteams' | 'webchat';
  locale?: string;
  isGroup?: boolean;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  user?: Who;
  /** Microsoft 365 Copilot: Teams' channel id plus the ProductInfo entity Copilot adds. */
  copilot?: boolean;
}

/** The entity Copilot puts on every activity (Microsoft Learn, custom engine agents). */
export const COPILOT_PRODUCT_INFO = { type: 'ProductInfo', id: 'COPILOT' } as const;

export const BOT = { id: '28:brugbot', name: 'Brugbot' };
export const ANNE: Who = { id: '29:anne', name: 'Anne Peeters', aadObjectId: 'aad-anne' };
export const BRAM: Who = { id: '29:bram', name: 'Bram Claes', aadObjectId: 'aad-bram' };

/** Builds activities the way Teams or Web Chat would post them, one line per test step. */
export class ActivityFactory {
  readonly conversationId: string;
  constructor(private readonly options: ConversationOptions) {
    this.conversationId = options.conversationId ?? `a:${randomUUID()}`;
  }

  private base(type: string, user: Who = this.options.user ?? ANNE): Record<string, unknown> {
    return {
      type,
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: this.options.channelId ?? 'msteams',
      serviceUrl: this.options.serviceUrl,
      locale: this.options.locale ?? 'nl-BE',
      from: user,
      recipient: BOT,
      conversation: {
        id: this.conversationId,
        isGroup: this.options.isGroup ?? false,
        conversationType: this.options.conversationType ?? 'personal',
        tenantId: 'tenant-1',
      },
      ...(this.options.copilot ? { entities: [COPILOT_PRODUCT_INFO] } : {}),
    };
  }

  message(text: string, user?: Who): Record<string, unknown> {
    return { ...this.base('message', user), text };
  }

  /** A message that @mentions the bot, as Teams sends it in group chats and channels. */
  mention(text: string, user?: Who): Record<string, unknown> {
    const mentionText = `<at>${BOT.name}</at>`;
    const base = this.base('message', user);
    return {
      ...base,
      text: `${mentionText} ${text}`,
      entities: [
        ...((base.entities as unknown[] | undefined) ?? []),
        { type: 'mention', mentioned: BOT, text: mentionText },
      ],
    };
  }

  /** An Action.Submit press: the card's data merged with the input values. */
  submit(value: unknown, user?: Who): Record<string, unknown> {
    return { ...this.base('message', user), value };
  }

  membersAdded(user?: Who): Record<string, unknown> {
    const who = user ?? this.options.user ?? ANNE;
    return {
      ...this.base('conversationUpdate', who),
      membersAdded: [{ id: who.id, name: who.name }, BOT],
    };
  }
}
