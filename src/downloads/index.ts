import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  DOWNLOAD_PREFIX,
  downloadIndexKeysOf,
  downloadKey,
  downloadOfPlanKey,
  tokenOfDownloadIndex,
  type BrugStorage,
} from '../storage';

/** Links are for the person who asked, right now; a day is plenty and limits what a leak exposes. */
export const DOWNLOAD_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_DOWNLOAD_BYTES = 5 * 1024 * 1024;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const downloadSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  base64: z.string(),
  expiresAt: z.number(),
  /** The plan the file was made from; deleting that plan revokes the link. */
  planKey: z.string().optional(),
});
export type StoredDownload = z.infer<typeof downloadSchema>;

/**
 * Files the bot hands out (data exports, plan documents) as time-limited links with an
 * unguessable token: Teams cannot take arbitrary file attachments from a bot without a consent
 * flow, and Web Chat shows a link everywhere.
 */
export class DownloadStore {
  constructor(
    private readonly storage: BrugStorage,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Stores a file and returns its token. `ttlMs`: a shorter life for links made on a click and
   * used at once (the plan tab's). Pass `planKey` for every file made from a plan (its exports,
   * "mijn gegevens"): deleting the plan revokes the link.
   */
  async create(
    content: Buffer | string,
    filename: string,
    contentType: string,
    ttlMs: number = DOWNLOAD_TTL_MS,
    planKey?: string,
  ): Promise<string> {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    if (bytes.length > MAX_DOWNLOAD_BYTES) throw new RangeError('download too large');
    const token = randomBytes(32).toString('base64url');
    const doc: StoredDownload = {
      filename,
      contentType,
      base64: bytes.toString('base64'),
      expiresAt: this.now() + Math.min(ttlMs, DOWNLOAD_TTL_MS),
      ...(planKey === undefined ? {} : { planKey }),
    };
    // The index first: a crash in between leaves an entry pointing nowhere, never a file no
    // deletion can find.
    if (planKey !== undefined)
      await this.storage.write({ [downloadOfPlanKey(planKey, token)]: { token, eTag: '*' } });
    await this.storage.write({ [downloadKey(token)]: { ...doc, eTag: '*' } });
    return token;
  }

  /** The file for a token, `expired` once its time is up, or undefined for a token never issued (or revoked). */
  async get(
    token: string,
  ): Promise<{ filename: string; contentType: string; bytes: Buffer } | 'expired' | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const items = await this.storage.read([downloadKey(token)]);
    const parsed = downloadSchema.safeParse(items[downloadKey(token)]);
    if (!parsed.success) return undefined;
    if (parsed.data.expiresAt < this.now()) return 'expired';
    return {
      filename: parsed.data.filename,
      contentType: parsed.data.contentType,
      bytes: Buffer.from(parsed.data.base64, 'base64'),
    };
  }

  /** Deletes every file made from this plan; their links answer 404 from now on. */
  async revokeForPlan(planKey: string): Promise<number> {
    const index = await downloadIndexKeysOf(this.storage, planKey);
    if (index.length === 0) return 0;
    await this.storage.delete([
      ...index.map((k) => downloadKey(tokenOfDownloadIndex(k))),
      ...index,
    ]);
    return index.length;
  }

  async purgeExpired(): Promise<number> {
    const keys = await this.storage.listKeys(DOWNLOAD_PREFIX);
    const items = keys.length ? await this.storage.read(keys) : {};
    const expired = keys.flatMap((k) => {
      const parsed = downloadSchema.safeParse(items[k]);
      if (parsed.success && parsed.data.expiresAt >= this.now()) return [];
      const plan = parsed.success ? parsed.data.planKey : undefined;
      const token = k.slice(DOWNLOAD_PREFIX.length);
      return plan === undefined ? [k] : [k, downloadOfPlanKey(plan, token)];
    });
    if (expired.length) await this.storage.delete(expired);
    return keys.filter((k) => expired.includes(k)).length;
  }
}
