import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  DOWNLOAD_META_PREFIX,
  DOWNLOAD_PREFIX,
  downloadByPrefix,
  downloadIndexKeysOf,
  downloadKey,
  downloadMetaKey,
  expiryOfDownloadBy,
  tokenOfDownloadIndex,
  type BrugStorage,
} from '../storage';
import {
  DownloadLimitError,
  downloadMetaSchema,
  indexDocuments,
  keysOf,
  liveCount,
  slotKeyFor,
  slotSchema,
  type DownloadMeta,
  type DownloadOwner,
} from './download-index';

export { DownloadLimitError, type DownloadOwner } from './download-index';
export { downloadFor } from './download-refusal';
export {
  createPlanDownload,
  type DownloadFile,
  type PlanDownloadRequest,
  type PlanFile,
} from './plan-downloads';

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

/** Live downloads one person, and one tenant, may have stored at once (`src/config`). */
export interface DownloadLimits {
  perUser: number;
  perTenant: number;
}

// One plan alone can hold 15 live links for one person: the export (Word, Markdown), the data export and
// `documenten` (six documents in two formats); room for a few plans each.
export const DEFAULT_DOWNLOAD_LIMITS: DownloadLimits = { perUser: 40, perTenant: 400 };

export interface DownloadRequest {
  owner: DownloadOwner;
  /** Made from this plan: deleting the plan revokes the link. */
  planKey?: string;
  /** With `planKey`: a new download of this kind for this person replaces their previous one. */
  kind?: string;
  /** A shorter life for links made on a click and used at once (the plan tab's). */
  ttlMs?: number;
}

/**
 * Files the bot hands out (data exports, plan documents) as time-limited links with an
 * unguessable token: Teams cannot take arbitrary file attachments from a bot without a consent
 * flow, and Web Chat shows a link everywhere. Bounded: one live download per plan, kind and
 * person, and at most `limits` live ones per person and per tenant.
 */
export class DownloadStore {
  constructor(
    private readonly storage: BrugStorage,
    private readonly now: () => number = Date.now,
    private readonly limits: DownloadLimits = DEFAULT_DOWNLOAD_LIMITS,
  ) {}

  /** Stores a file and returns its token; throws DownloadLimitError or RangeError (too large). */
  async create(
    content: Buffer | string,
    filename: string,
    contentType: string,
    request: DownloadRequest,
  ): Promise<string> {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    if (bytes.length > MAX_DOWNLOAD_BYTES) throw new RangeError('download too large');
    const { owner, planKey } = request;
    const slot = slotKeyFor(planKey, request.kind, owner);
    if (slot !== undefined) {
      const previous = slotSchema.safeParse((await this.storage.read([slot]))[slot]);
      if (previous.success) await this.revoke([previous.data.token]);
    }
    await this.checkLimit('user', owner.userId, this.limits.perUser);
    if (owner.tenantId !== undefined)
      await this.checkLimit('tenant', owner.tenantId, this.limits.perTenant);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + Math.min(request.ttlMs ?? DOWNLOAD_TTL_MS, DOWNLOAD_TTL_MS);
    const meta: DownloadMeta = {
      expiresAt,
      ...owner,
      ...(planKey ? { planKey } : {}),
      ...(slot ? { slot } : {}),
    };
    // The index first: a crash in between leaves an entry pointing nowhere, never a file no
    // deletion or purge can find.
    await this.storage.write(indexDocuments(token, meta));
    const file = { filename, contentType, base64: bytes.toString('base64'), expiresAt };
    await this.storage.write({
      [downloadKey(token)]: { ...file, ...(planKey ? { planKey } : {}), eTag: '*' },
    });
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
    await this.revoke(index.map(tokenOfDownloadIndex));
    // An index entry from before the receipts existed names only its token.
    if (index.length) await this.storage.delete(index);
    return index.length;
  }

  /**
   * Deletes expired downloads with their index entries, from the per-person index keys (no file
   * is read); files from before the index are judged by reading them.
   */
  async purgeExpired(): Promise<number> {
    const now = this.now();
    const expired = (await this.storage.listKeys(downloadByPrefix('user')))
      .filter((key) => expiryOfDownloadBy(key) < now)
      .map((key) => key.slice(key.lastIndexOf('.') + 1));
    const indexed = new Set(
      (await this.storage.listKeys(DOWNLOAD_META_PREFIX)).map((k) =>
        k.slice(DOWNLOAD_META_PREFIX.length),
      ),
    );
    const legacy: string[] = [];
    for (const key of await this.storage.listKeys(DOWNLOAD_PREFIX)) {
      const token = key.slice(DOWNLOAD_PREFIX.length);
      if (indexed.has(token)) continue;
      const parsed = downloadSchema.safeParse((await this.storage.read([key]))[key]);
      if (!parsed.success || parsed.data.expiresAt < now) legacy.push(token);
    }
    await this.revoke([...expired, ...legacy]);
    return expired.length + legacy.length;
  }

  private async checkLimit(scope: 'user' | 'tenant', id: string, limit: number): Promise<void> {
    const { live, firstExpiry } = await liveCount(this.storage, scope, id, this.now());
    if (live >= limit) throw new DownloadLimitError(scope, firstExpiry);
  }

  /** Deletes downloads with every index entry they have. */
  private async revoke(tokens: string[]): Promise<void> {
    for (let i = 0; i < tokens.length; i += 50) {
      const batch = tokens.slice(i, i + 50);
      const metas = await this.storage.read(batch.map(downloadMetaKey));
      const keys: string[] = [];
      for (const token of batch) {
        const meta = downloadMetaSchema.safeParse(metas[downloadMetaKey(token)]);
        const slot = meta.success ? meta.data.slot : undefined;
        const slotToken = slot
          ? slotSchema.safeParse((await this.storage.read([slot]))[slot]).data?.token
          : undefined;
        keys.push(...keysOf(token, meta.success ? meta.data : undefined, slotToken));
      }
      if (keys.length) await this.storage.delete(keys);
    }
  }
}
