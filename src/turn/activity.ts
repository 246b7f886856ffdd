import { z } from 'zod';

/**
 * The Bot Framework Activity protocol as Brugbot reads and writes it: plain JSON, no SDK types.
 * Both hosts (botbuilder and the Microsoft 365 Agents SDK) speak this protocol, so the
 * application sees the same objects whichever SDK carried them.
 *
 * An inbound activity is validated here, at the boundary (`POST /api/messages`), before either
 * SDK sees it: what the application reads is required (`channelId`, `conversation.id`) or
 * checked, and every field is held to at least what the Agents SDK's own schema
 * (`activityZodSchema` in @microsoft/agents-activity) demands, so a body one host would refuse
 * never reaches the other one's turn: both hosts answer it with the same 400. Only
 * `src/hosts/agents` may import that SDK, hence a schema of our own rather than the SDK's.
 */
const text = z.string().min(1);

const channelAccountSchema = z
  .object({
    id: text.max(1024).optional(),
    name: z.string().max(1024).optional(),
    aadObjectId: text.max(200).optional(),
    tenantId: text.max(200).optional(),
    role: text.optional(),
  })
  .passthrough();

const conversationAccountSchema = z
  .object({
    id: text.max(1024),
    isGroup: z.boolean().optional(),
    conversationType: text.optional(),
    tenantId: text.max(100).optional(),
    name: text.optional(),
    aadObjectId: text.optional(),
    role: text.optional(),
  })
  .passthrough();

const attachmentSchema = z
  .object({
    contentType: text,
    content: z.unknown().optional(),
    contentUrl: text.optional(),
    name: text.optional(),
    thumbnailUrl: text.optional(),
  })
  .passthrough();

/** An attachment the application sends (an inbound one may carry more). */
export interface Attachment {
  contentType: string;
  content?: unknown;
  contentUrl?: string;
  name?: string;
}

const entitySchema = z.object({ type: text }).passthrough();
export type Entity = z.infer<typeof entitySchema>;

const reactionSchema = z.object({ type: text }).passthrough();

/** An activity as a channel sent it; fields beyond these are kept but not relied on. */
export const inboundActivitySchema = z
  .object({
    type: text.max(64),
    id: text.optional(),
    name: text.optional(),
    channelId: text.max(64),
    serviceUrl: z.string().url().max(2048).optional(),
    locale: text.optional(),
    text: z.string().optional(),
    value: z.unknown().optional(),
    from: channelAccountSchema.optional(),
    recipient: channelAccountSchema.optional(),
    conversation: conversationAccountSchema,
    membersAdded: z.array(channelAccountSchema).optional(),
    membersRemoved: z.array(channelAccountSchema).optional(),
    reactionsAdded: z.array(reactionSchema).optional(),
    reactionsRemoved: z.array(reactionSchema).optional(),
    entities: z.array(entitySchema).optional(),
    attachments: z.array(attachmentSchema).optional(),
    channelData: z
      .object({
        tenant: z
          .object({ id: z.string().max(100) })
          .partial()
          .optional(),
      })
      .passthrough()
      .optional(),
    // Held to the Agents SDK's rules only (see above); Brugbot does not read them.
    timestamp: text.optional(),
    localTimestamp: text.optional(),
    expiration: text.optional(),
    localTimezone: text.optional(),
    callerId: text.optional(),
    topicName: text.optional(),
    historyDisclosed: z.boolean().optional(),
    speak: text.optional(),
    summary: text.optional(),
    textFormat: text.optional(),
    attachmentLayout: text.optional(),
    inputHint: text.optional(),
    action: text.optional(),
    replyToId: text.optional(),
    label: text.optional(),
    valueType: text.optional(),
    code: text.optional(),
    importance: text.optional(),
    deliveryMode: text.optional(),
    listenFor: z.array(text).optional(),
  })
  .passthrough();
export type InboundActivity = z.infer<typeof inboundActivitySchema>;

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
