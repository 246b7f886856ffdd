import { z } from 'zod';
import { claimSchema } from '../jobs';
import {
  STEERING_OUTBOX_PREFIX as OUTBOX,
  STEERING_POST_PREFIX as POST,
  steeringOutboxKey,
  steeringPostKey,
  updateWithRetry,
  type BrugStorage,
} from '../storage';
import { steeringTargetSchema } from './targets';

/** Where to tell the person who shared the plan how it went: their own conversation. */
export const replyRefSchema = z.object({
  serviceUrl: z.string().max(2048),
  conversationId: z.string().max(1024),
  locale: z.enum(['nl', 'en']),
});
export type ReplyRef = z.infer<typeof replyRefSchema>;

/** A send that is owed: a new thread or an in-place update, whichever the post needs when it runs. */
const pendingSchema = z.object({
  /** Bumped by every request, so a sender can tell whether more changed while it was sending. */
  seq: z.number().int(),
  dueAt: z.number(),
  /** When the oldest change in this request was made; bounds how long a debounce may defer it. */
  since: z.number().optional(),
  attempts: z.number().int(),
  /** Fingerprint of the plan content this request is about; equal fingerprints need no send. */
  hash: z.string(),
  claim: claimSchema.optional(),
  notify: replyRefSchema.optional(),
  failureNotified: z.boolean().optional(),
  lastError: z.string().max(100).optional(),
});

/** One version the channel received, for the local feed's history and the data export. */
const versionSchema = z.object({
  at: z.string().max(40),
  kind: z.enum(['posted', 'updated', 'withdrawn']),
  /** The "what changed" line that version carried. */
  changes: z.string().max(1000).optional(),
});
export type PostVersion = z.infer<typeof versionSchema>;
/** Enough history for the feed; older versions drop off. */
export const MAX_VERSIONS = 20;

export const postDocSchema = z.object({
  planKey: z.string(),
  locale: z.enum(['nl', 'en']),
  target: steeringTargetSchema,
  conversationId: z.string().optional(),
  activityId: z.string().optional(),
  firstPostedAt: z.string().optional(),
  lastSentAt: z.number().optional(),
  sentHash: z.string().optional(),
  sends: z.number().int().default(0),
  pending: pendingSchema.optional(),
  /** The brief as the channel last received it (see brief-changes.ts). */
  sentDigest: z.record(z.string().max(1000)).optional(),
  versions: z.array(versionSchema).max(MAX_VERSIONS).optional(),
  /**
   * When the author confirmed sharing the plan with the steungroep, after seeing a preview of
   * the note and the channel's name (issue 27). Nothing is posted for a plan without it.
   */
  confirmedAt: z.string().max(40).optional(),
  /**
   * Set once the plan is deleted: the post document is then a tombstone that only owes the
   * channel the "plan verwijderd" notice, and goes once that notice is out.
   */
  withdrawn: z.object({ at: z.string().max(40), by: z.string().max(200).optional() }).optional(),
});
export type PostDoc = z.infer<typeof postDocSchema>;

/**
 * The one gate (issue 27): a plan's note is posted, and follows the plan's changes, only once its
 * author confirmed sharing it. A note posted before the gate existed is out already and keeps
 * following its plan; a deleted plan's tombstone follows nothing.
 */
export function shareConfirmed(doc: PostDoc | undefined): doc is PostDoc {
  return Boolean(doc && !doc.withdrawn && (doc.confirmedAt ?? doc.activityId));
}

/**
 * The posted note of each plan (`steering/post/<planKey>`: target, thread, activity id, and the
 * send still owed) and the durable outbox, an index of plans that owe a send
 * (`steering/outbox/<planKey>`), so the worker lists a few keys instead of reading every post.
 *
 * The post document is the truth and is only changed through eTag-checked read-modify-writes.
 * The index entry is written after the document gains a send and removed only after it lost
 * one, followed by a re-check, so whatever the interleaving of two processes an owed send keeps
 * its entry. A crash between the two writes is repaired by `restoreIndex` at start-up.
 */
export class PostStore {
  constructor(private readonly storage: BrugStorage) {}

  private postKey(planKey: string): string {
    return steeringPostKey(planKey);
  }

  private outboxKey(planKey: string): string {
    return steeringOutboxKey(planKey);
  }

  async get(planKey: string): Promise<PostDoc | undefined> {
    const items = await this.storage.read([this.postKey(planKey)]);
    const parsed = postDocSchema.safeParse(items[this.postKey(planKey)]);
    return parsed.success ? parsed.data : undefined;
  }

  /** The plan's post among documents read elsewhere (those a deleted plan took along). */
  parse(planKey: string, documents: Record<string, unknown>): PostDoc | undefined {
    const parsed = postDocSchema.safeParse(documents[this.postKey(planKey)]);
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * Read-modify-write of a plan's post; `change` may run more than once and must be pure.
   * Returns the document as stored afterwards and what `change` decided.
   */
  async update<R>(
    planKey: string,
    change: (current: PostDoc | undefined) => { next?: PostDoc; result: R },
  ): Promise<{ doc: PostDoc | undefined; result: R }> {
    const outcome = await updateWithRetry<PostDoc, R>(this.storage, this.postKey(planKey), change, {
      parse: (d) => postDocSchema.parse(d),
      maxAttempts: 10,
    });
    if (outcome.written) await this.syncIndex(planKey, outcome.value);
    return { doc: outcome.value, result: outcome.result };
  }

  /** Plans that owe a send, oldest key order; the worker checks each one's due time itself. */
  async owed(): Promise<string[]> {
    const keys = await this.storage.listKeys(OUTBOX);
    return keys.map((k) => k.slice(OUTBOX.length));
  }

  /** Every post document (the local feed's history); bounded, the feed shows a handful. */
  async all(limit = 200): Promise<PostDoc[]> {
    const keys = (await this.storage.listKeys(POST)).slice(0, limit);
    if (keys.length === 0) return [];
    const items = await this.storage.read(keys);
    return keys.flatMap((k) => {
      const parsed = postDocSchema.safeParse(items[k]);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Removes a delivered tombstone and its outbox entry. */
  async remove(planKey: string): Promise<void> {
    await this.storage.delete([this.postKey(planKey), this.outboxKey(planKey)]);
    // The tombstone named who deleted the plan: out of the database files too (src/privacy).
    await this.storage.eraseDeleted();
  }

  async outboxLength(): Promise<number> {
    return (await this.storage.listKeys(OUTBOX)).length;
  }

  /** Re-creates index entries a crash may have lost; run once when the worker starts. */
  async restoreIndex(): Promise<number> {
    const indexed = new Set(await this.owed());
    const unindexed = (await this.storage.listKeys(POST)).filter(
      (k) => !indexed.has(k.slice(POST.length)),
    );
    let restored = 0;
    // In batches: a blob store answers each key with its own request.
    for (let i = 0; i < unindexed.length; i += 100) {
      const items = await this.storage.read(unindexed.slice(i, i + 100));
      for (const item of Object.values(items)) {
        const doc = postDocSchema.safeParse(item);
        if (!doc.success || !doc.data.pending) continue;
        await this.storage.write({
          [this.outboxKey(doc.data.planKey)]: { planKey: doc.data.planKey, eTag: '*' },
        });
        restored++;
      }
    }
    return restored;
  }

  private async syncIndex(planKey: string, doc: PostDoc | undefined): Promise<void> {
    if (doc?.pending) {
      await this.storage.write({ [this.outboxKey(planKey)]: { planKey, eTag: '*' } });
      return;
    }
    await this.storage.delete([this.outboxKey(planKey)]);
    // Someone may have owed a new send between our write and the delete: look again.
    if ((await this.get(planKey))?.pending) {
      await this.storage.write({ [this.outboxKey(planKey)]: { planKey, eTag: '*' } });
    }
  }
}
