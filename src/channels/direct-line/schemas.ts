import { z } from 'zod';

/** Teams' own message limit; longer text is not something a person typed. */
export const MAX_CLIENT_TEXT_CHARS = 28_000;
/** Card submits carry at most a handful of answers of a few thousand characters. */
const MAX_JSON_CHARS = 64 * 1024;

const jsonSize = (v: unknown): number => JSON.stringify(v ?? null).length;
const boundedJson = <T extends z.ZodTypeAny>(schema: T, what: string) =>
  schema.refine((v) => jsonSize(v) <= MAX_JSON_CHARS, {
    message: `${what} is larger than ${MAX_JSON_CHARS} characters`,
  });

const shortString = z.string().max(256);
const account = z.object({ id: shortString.optional(), name: shortString.optional() }).partial();
/** BCP 47, loosely: what Web Chat sends (nl-BE, en-US) and nothing that could smuggle markup. */
const locale = z
  .string()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/, 'not a BCP 47 language tag');

/** Body of `POST /tokens/generate` and `POST /conversations` (both optional, as with Azure). */
export const startBodySchema = z
  .object({
    user: account.optional(),
    locale: locale.optional(),
    trustedOrigins: z.array(z.string().max(2048)).max(20).optional(),
  })
  .optional();

/**
 * An activity as Web Chat posts it. Unknown fields are stripped, and the fields the channel owns
 * (from.id, conversation, recipient, serviceUrl, channelId, id) are never taken from the client.
 */
export const clientActivitySchema = z
  .object({
    type: z.enum(['message', 'event', 'typing']),
    text: z
      .string()
      .max(MAX_CLIENT_TEXT_CHARS, `text is longer than ${MAX_CLIENT_TEXT_CHARS} characters`)
      .optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    value: boundedJson(z.unknown(), 'value').optional(),
    name: shortString.optional(),
    locale: locale.optional(),
    localTimestamp: z.string().max(64).optional(),
    localTimezone: z.string().max(64).optional(),
    from: account.extend({ role: z.string().max(32).optional() }).optional(),
    attachments: z
      .array(
        z.object({
          contentType: shortString,
          content: z.unknown().optional(),
          name: shortString.optional(),
        }),
      )
      .max(10)
      .optional(),
    entities: boundedJson(z.array(z.record(z.unknown())).max(20), 'entities').optional(),
    channelData: boundedJson(z.record(z.unknown()), 'channelData').optional(),
  })
  .refine(
    (a) =>
      a.type !== 'message' ||
      a.text !== undefined ||
      a.value !== undefined ||
      (a.attachments?.length ?? 0) > 0,
    {
      message: 'a message needs text, a value or attachments',
    },
  );
export type ClientActivity = z.infer<typeof clientActivitySchema>;

/**
 * An activity the bot sends through the Connector API. The bot is our own process, so extra
 * fields pass through (suggestedActions, speak, …); the ones we read are type-checked.
 */
export const botActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    text: z.string().max(100_000).optional(),
    replyToId: z.string().max(512).optional(),
    from: account
      .extend({ role: z.string().max(32).optional() })
      .passthrough()
      .optional(),
    attachments: z
      .array(z.object({ contentType: shortString }).passthrough())
      .max(50)
      .optional(),
    entities: z.array(z.record(z.unknown())).max(50).optional(),
  })
  .passthrough();
export type BotActivity = z.infer<typeof botActivitySchema>;

/** `POST /v3/conversations` (ConversationParameters); only what a local channel can honour. */
export const createConversationSchema = z
  .object({
    isGroup: z.boolean().optional(),
    bot: account.optional(),
    members: z.array(account).max(50).optional(),
    topicName: shortString.optional(),
    tenantId: shortString.optional(),
    activity: botActivitySchema.optional(),
    channelData: z.unknown().optional(),
  })
  .passthrough();

/** `?watermark=`: the sequence number of the last activity the client has. */
export const watermarkSchema = z.string().regex(/^\d{0,15}$/, 'watermark must be a number');

/** The first zod issue as one readable sentence for the JSON error body. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid body';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
