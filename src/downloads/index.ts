import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { BrugStorage } from '../storage';

/** Links are for the person who asked, right now; a day is plenty and limits what a leak exposes. */
export const DOWNLOAD_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_DOWNLOAD_BYTES = 5 * 1024 * 1024;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const downloadSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  base64: z.string(),
  expiresAt: z.number(),
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

  /** `ttlMs`: a shorter life for links made on a click and used at once (the plan tab's). */
  async create(
    content: Buffer | string,
    filename: string,
    contentType: string,
    ttlMs: number = DOWNLOAD_TTL_MS,
  ): Promise<string> {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    if (bytes.length > MAX_DOWNLOAD_BYTES) throw new RangeError('download too large');
    const token = randomBytes(32).toString('base64url');
    const doc: StoredDownload = {
      filename,
      contentType,
      base64: bytes.toString('base64'),
      expiresAt: this.now() + Math.min(ttlMs, DOWNLOAD_TTL_MS),
    };
    await this.storage.write({ [`download/${token}`]: { ...doc, eTag: '*' } });
    return token;
  }

  /** The file for a token, `expired` once its time is up, or undefined for a token never issued. */
  async get(
    token: string,
  ): Promise<{ filename: string; contentType: string; bytes: Buffer } | 'expired' | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const items = await this.storage.read([`download/${token}`]);
    const parsed = downloadSchema.safeParse(items[`download/${token}`]);
    if (!parsed.success) return undefined;
    if (parsed.data.expiresAt < this.now()) return 'expired';
    return {
      filename: parsed.data.filename,
      contentType: parsed.data.contentType,
      bytes: Buffer.from(parsed.data.base64, 'base64'),
    };
  }

  async purgeExpired(): Promise<number> {
    const keys = await this.storage.listKeys('download/');
    const items = keys.length ? await this.storage.read(keys) : {};
    const expired = keys.filter((k) => {
      const parsed = downloadSchema.safeParse(items[k]);
      return !parsed.success || parsed.data.expiresAt < this.now();
    });
    if (expired.length) await this.storage.delete(expired);
    return expired.length;
  }
}
