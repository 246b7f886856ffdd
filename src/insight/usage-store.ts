import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { KeyedQueue } from '../plans';
import {
  INSIGHT_DAY_PREFIX,
  INSIGHT_DECLINED_PREFIX,
  insightDayKey,
  insightDeclinedKey,
  updateWithRetry,
  USAGE_OF_PREFIX,
  usageOfPlanKey,
  type BrugStorage,
} from '../storage';
import { addCounts, dayBucketSchema, dayOf, type Counts, type DayBucket } from './counters';

/** A declined question's text is shown (and kept) only once this many conversations asked it. */
export const DECLINED_THRESHOLD = 3;
/** Answers per conversation that can still be rated; older ones drop out. */
const OPEN_ANSWERS = 20;
/** Declined questions one conversation remembers having counted (hashes only). */
const COUNTED_QUESTIONS = 100;
const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const ANSWER_TOKEN = /^[A-Za-z0-9_-]{16}$/;

const declinedSchema = z.object({
  text: z.string().max(200).optional(),
  days: z.record(DAY, z.number().int().nonnegative()),
});
type Declined = z.infer<typeof declinedSchema>;

const openAnswerSchema = z.object({
  token: z.string().regex(ANSWER_TOKEN),
  entry: z.string().max(80),
  activityId: z.string().max(512).optional(),
  rated: z.boolean().optional(),
});
const usageOfSchema = z.object({
  day: DAY,
  declined: z.array(z.string().max(64)).max(COUNTED_QUESTIONS).default([]),
  answers: z.array(openAnswerSchema).max(OPEN_ANSWERS).default([]),
});
type UsageOf = z.infer<typeof usageOfSchema>;

export type Rating =
  { counted: true; entry: string } | { counted: false; reason: 'unknown' | 'rated' };

export const newAnswerToken = (): string => randomBytes(12).toString('base64url');

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/**
 * The usage counters in the configured storage: one bucket of counts per UTC day, one document
 * per declined question (a count per day; the text only from DECLINED_THRESHOLD conversations),
 * and per conversation the marks that keep it from being counted twice (`usage-of/<plan key>`,
 * deleted with the plan). Writes go through eTags, one at a time per key in this process.
 */
export class UsageStore {
  private readonly queue = new KeyedQueue();

  constructor(private readonly storage: BrugStorage) {}

  async add(at: Date, counts: Counts): Promise<void> {
    const day = dayOf(at);
    const key = insightDayKey(day);
    await this.queue.run(key, () =>
      updateWithRetry<DayBucket, void>(
        this.storage,
        key,
        (current) => ({
          next: { day, counts: addCounts(current?.counts ?? {}, counts) },
          result: undefined,
        }),
        { parse: (doc) => dayBucketSchema.parse(doc), maxAttempts: 12, backoffMs: 10 },
      ),
    );
  }

  /** Counts a declined question once per conversation; true when this conversation was new. */
  async declined(planKey: string, normalised: string, at: Date): Promise<boolean> {
    const hash = hashOf(normalised);
    const first = await this.updateUsageOf(planKey, at, (doc) =>
      doc.declined.includes(hash)
        ? undefined
        : { ...doc, declined: [...doc.declined, hash].slice(-COUNTED_QUESTIONS) },
    );
    if (!first) return false;
    const key = insightDeclinedKey(hash);
    const day = dayOf(at);
    await this.queue.run(key, () =>
      updateWithRetry<Declined, void>(
        this.storage,
        key,
        (current) => {
          const days = { ...current?.days, [day]: (current?.days[day] ?? 0) + 1 };
          const total = Object.values(days).reduce((a, b) => a + b, 0);
          const text = current?.text ?? (total >= DECLINED_THRESHOLD ? normalised : undefined);
          return { next: { ...(text ? { text } : {}), days }, result: undefined };
        },
        { parse: (doc) => declinedSchema.parse(doc), maxAttempts: 12, backoffMs: 10 },
      ),
    );
    return true;
  }

  /** Keeps an answer open for one rating: by its token (Web Chat) or the channel's message id. */
  async openAnswer(
    planKey: string,
    answer: { token: string; entry: string; activityId?: string },
    at: Date,
  ): Promise<void> {
    await this.updateUsageOf(planKey, at, (doc) => ({
      ...doc,
      answers: [...doc.answers, answer].slice(-OPEN_ANSWERS),
    }));
  }

  /** Marks an open answer rated; one rating per answer, so a replayed click counts nothing. */
  async rate(
    planKey: string,
    match: { token: string } | { activityId: string },
    at: Date,
  ): Promise<Rating> {
    let outcome = { counted: false, reason: 'unknown' } as Rating;
    await this.updateUsageOf(planKey, at, (doc) => {
      const index = doc.answers.findIndex((a) =>
        'token' in match ? a.token === match.token : a.activityId === match.activityId,
      );
      const answer = doc.answers[index];
      if (!answer) return undefined;
      if (answer.rated) {
        outcome = { counted: false, reason: 'rated' };
        return undefined;
      }
      outcome = { counted: true, entry: answer.entry };
      const answers = doc.answers.map((a, i) => (i === index ? { ...a, rated: true } : a));
      return { ...doc, answers };
    });
    return outcome;
  }

  /** The day buckets from `from` to `to` (inclusive, UTC days), summed. */
  async counts(from: string, to: string): Promise<Counts> {
    const keys = (await this.storage.listKeys(INSIGHT_DAY_PREFIX)).filter((key) => {
      const day = key.slice(INSIGHT_DAY_PREFIX.length);
      return day >= from && day <= to;
    });
    const docs = keys.length ? await this.storage.read(keys) : {};
    let sum: Counts = {};
    for (const doc of Object.values(docs)) {
      const bucket = dayBucketSchema.safeParse(doc);
      if (bucket.success) sum = addCounts(sum, bucket.data.counts);
    }
    return sum;
  }

  /** Declined questions asked by at least DECLINED_THRESHOLD conversations in the range. */
  async declinedTop(from: string, to: string): Promise<{ text: string; conversations: number }[]> {
    const keys = await this.storage.listKeys(INSIGHT_DECLINED_PREFIX);
    const docs = keys.length ? await this.storage.read(keys) : {};
    const top: { text: string; conversations: number }[] = [];
    for (const doc of Object.values(docs)) {
      const parsed = declinedSchema.safeParse(doc);
      if (!parsed.success || !parsed.data.text) continue;
      const conversations = Object.entries(parsed.data.days)
        .filter(([day]) => day >= from && day <= to)
        .reduce((sum, [, n]) => sum + n, 0);
      if (conversations >= DECLINED_THRESHOLD) top.push({ text: parsed.data.text, conversations });
    }
    return top.sort((a, b) => b.conversations - a.conversations || a.text.localeCompare(b.text));
  }

  /**
   * Drops day buckets and declined-question days older than `keepDays`, and a conversation's
   * marks untouched for `conversationDays` (the plans' retention; marks of conversations that
   * never had a plan go this way). Returns how many documents went.
   */
  async purge(now: Date, keepDays: number, conversationDays: number): Promise<number> {
    const daysAgo = (n: number) => dayOf(new Date(now.getTime() - (n - 1) * 86_400_000));
    const oldest = daysAgo(keepDays);
    const days = (await this.storage.listKeys(INSIGHT_DAY_PREFIX)).filter(
      (key) => key.slice(INSIGHT_DAY_PREFIX.length) < oldest,
    );
    let removed = days.length;
    if (days.length) await this.storage.delete(days);
    for (const key of await this.storage.listKeys(INSIGHT_DECLINED_PREFIX)) {
      const outcome = await updateWithRetry<Declined, boolean>(
        this.storage,
        key,
        (current) => {
          if (!current) return { result: false };
          const kept = Object.entries(current.days).filter(([day]) => day >= oldest);
          if (kept.length === Object.keys(current.days).length) return { result: false };
          return {
            next: { ...current, days: Object.fromEntries(kept) },
            result: kept.length === 0,
          };
        },
        { parse: (doc) => declinedSchema.parse(doc) },
      );
      if (outcome.result) {
        await this.storage.delete([key]);
        removed++;
      }
    }
    const idle = daysAgo(conversationDays);
    for (const key of await this.storage.listKeys(USAGE_OF_PREFIX)) {
      const doc = usageOfSchema.safeParse((await this.storage.read([key]))[key]);
      if (doc.success && doc.data.day >= idle) continue;
      await this.storage.delete([key]);
      removed++;
    }
    return removed;
  }

  private async updateUsageOf(
    planKey: string,
    at: Date,
    change: (doc: UsageOf) => UsageOf | undefined,
  ): Promise<boolean> {
    const key = usageOfPlanKey(planKey);
    const day = dayOf(at);
    return this.queue.run(key, async () => {
      const outcome = await updateWithRetry<UsageOf, boolean>(
        this.storage,
        key,
        (current) => {
          const next = change(current ?? { day, declined: [], answers: [] });
          return next ? { next: { ...next, day }, result: true } : { result: false };
        },
        { parse: (doc) => usageOfSchema.parse(doc), maxAttempts: 12, backoffMs: 10 },
      );
      return outcome.result;
    });
  }
}
