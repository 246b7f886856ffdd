import { z } from 'zod';
import {
  FOLLOWUP_SCHEDULE_PREFIX as PREFIX,
  followupScheduleKey,
  updateWithRetry,
  type BrugStorage,
} from '../storage';

/** Where the plan's own conversation is: enough for a proactive message through the Connector. */
export const conversationRefSchema = z.object({
  serviceUrl: z.string().max(2048),
  conversationId: z.string().max(1024),
  channelId: z.string().max(64),
  locale: z.enum(['nl', 'en']),
  tenantId: z.string().max(200).optional(),
});
export type ConversationRef = z.infer<typeof conversationRefSchema>;

const sentSchema = z.object({
  date: z.string().max(10),
  at: z.string().max(40),
  /** Owed during an outage and folded into a later check-in instead of being sent on its own. */
  missed: z.boolean().optional(),
});

export const scheduleDocSchema = z.object({
  planKey: z.string(),
  ref: conversationRefSchema,
  /** Per moment id: the date the check-in went out for. */
  sent: z.record(sentSchema).default({}),
  /** A process that is sending a check-in right now (a lease: free again after `until`). */
  claim: z
    .object({ moment: z.string(), date: z.string(), by: z.string(), until: z.number() })
    .optional(),
  attempts: z.number().int().default(0),
  retryAt: z.number().optional(),
  lastError: z.string().max(40).optional(),
  /** The Connector said the conversation is gone or the bot is no longer in it. */
  unreachable: z.object({ at: z.string(), status: z.number().int() }).optional(),
  sends: z.number().int().default(0),
  /** The schedule card last shown in the conversation, updated in place once confirmed. */
  card: z.object({ activityId: z.string().max(512) }).optional(),
});
export type ScheduleDoc = z.infer<typeof scheduleDocSchema>;

/**
 * One document per plan with a schedule, beside the plan in the same storage: the
 * conversation to come back to and what has been sent. The schedule's dates themselves are
 * plan answers; this holds only delivery state, changed through eTag-checked writes only.
 */
export class ScheduleStore {
  constructor(private readonly storage: BrugStorage) {}

  private key(planKey: string): string {
    return followupScheduleKey(planKey);
  }

  async get(planKey: string): Promise<ScheduleDoc | undefined> {
    const items = await this.storage.read([this.key(planKey)]);
    const parsed = scheduleDocSchema.safeParse(items[this.key(planKey)]);
    return parsed.success ? parsed.data : undefined;
  }

  /** Read-modify-write; `change` may run more than once and must be pure. */
  async update<R>(
    planKey: string,
    change: (current: ScheduleDoc | undefined) => { next?: ScheduleDoc; result: R },
  ): Promise<R> {
    const outcome = await updateWithRetry<ScheduleDoc, R>(this.storage, this.key(planKey), change, {
      parse: (d) => scheduleDocSchema.parse(d),
      maxAttempts: 10,
    });
    return outcome.result;
  }

  /**
   * Keeps the conversation reference fresh; a message from there makes it reachable again.
   * `create` false only refreshes a plan that already has a schedule document.
   */
  async remember(planKey: string, ref: ConversationRef, create: boolean): Promise<void> {
    if (!create && !(await this.get(planKey))) return;
    await this.update(planKey, (current) => {
      if (!current && !create) return { result: undefined };
      const same =
        current && !current.unreachable && JSON.stringify(current.ref) === JSON.stringify(ref);
      if (same) return { result: undefined };
      const base: ScheduleDoc = current ?? { planKey, ref, sent: {}, attempts: 0, sends: 0 };
      const { unreachable: _gone, ...rest } = base;
      return { next: { ...rest, ref }, result: undefined };
    });
  }

  async delete(planKey: string): Promise<void> {
    await this.storage.delete([this.key(planKey)]);
  }

  /** Plans with a schedule document. */
  async planKeys(): Promise<string[]> {
    return (await this.storage.listKeys(PREFIX)).map((k) => k.slice(PREFIX.length));
  }
}
