/**
 * The Bot Framework Activity protocol as Brugbot reads and writes it: plain JSON, no SDK types.
 * Both hosts (botbuilder and the Microsoft 365 Agents SDK) speak this protocol, so the
 * application sees the same objects whichever SDK carried them.
 */
export interface ChannelAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
  role?: string;
}

export interface ConversationAccount {
  id: string;
  isGroup?: boolean;
  conversationType?: string;
  tenantId?: string;
  name?: string;
}

export interface Attachment {
  contentType: string;
  content?: unknown;
  contentUrl?: string;
  name?: string;
}

export interface Entity {
  type: string;
  [key: string]: unknown;
}

/** An activity as a channel sent it; fields beyond these are kept but not relied on. */
export interface InboundActivity {
  type: string;
  id?: string;
  name?: string;
  channelId: string;
  serviceUrl?: string;
  locale?: string;
  text?: string;
  value?: unknown;
  from?: ChannelAccount;
  recipient?: ChannelAccount;
  conversation: ConversationAccount;
  membersAdded?: ChannelAccount[];
  entities?: Entity[];
  attachments?: Attachment[];
  channelData?: Record<string, unknown>;
  [key: string]: unknown;
}

/** What the application sends: a message or a typing indicator, never a routing field. */
export interface OutgoingActivity {
  type: 'message' | 'typing';
  text?: string;
  textFormat?: 'markdown' | 'plain' | 'xml';
  attachments?: Attachment[];
  attachmentLayout?: 'list' | 'carousel';
  entities?: Entity[];
  channelData?: Record<string, unknown>;
  suggestedActions?: unknown;
  inputHint?: string;
}
