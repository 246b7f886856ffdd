import { z } from 'zod';
import {
  downloadByKey,
  downloadByPrefix,
  downloadKey,
  downloadMetaKey,
  downloadOfPlanKey,
  downloadSlotKey,
  expiryOfDownloadBy,
  type BrugStorage,
  type StoredDocuments,
} from '../storage';

/** Who a download is for: the person's id (Entra object id in Teams) and their tenant. */
export interface DownloadOwner {
  userId: string;
  tenantId?: string;
}

/** A person or tenant has as many live downloads as allowed; `retryAt` is when one expires. */
export class DownloadLimitError extends Error {
  constructor(
    readonly scope: 'user' | 'tenant',
    readonly retryAt: number,
  ) {
    super(`too many live downloads for this ${scope}`);
    this.name = 'DownloadLimitError';
  }
}

/** A download's receipt: everything needed to count it and to remove it with its index entries. */
export const downloadMetaSchema = z.object({
  expiresAt: z.number(),
  userId: z.string(),
  tenantId: z.string().optional(),
  planKey: z.string().optional(),
  /** The slot it fills (one live download per plan, kind and person). */
  slot: z.string().optional(),
});
export type DownloadMeta = z.infer<typeof downloadMetaSchema>;

export const slotSchema = z.object({ token: z.string() });

/** The index documents of one download, written before the file so no file goes unindexed. */
export function indexDocuments(token: string, meta: DownloadMeta): StoredDocuments {
  const documents: StoredDocuments = {
    [downloadMetaKey(token)]: { ...meta, eTag: '*' },
    [downloadByKey('user', meta.userId, meta.expiresAt, token)]: { eTag: '*' },
  };
  if (meta.tenantId !== undefined)
    documents[downloadByKey('tenant', meta.tenantId, meta.expiresAt, token)] = { eTag: '*' };
  if (meta.planKey !== undefined)
    documents[downloadOfPlanKey(meta.planKey, token)] = { token, eTag: '*' };
  if (meta.slot !== undefined) documents[meta.slot] = { token, eTag: '*' };
  return documents;
}

/** Every key of a download: the file and its index entries (the slot only if it still names it). */
export function keysOf(
  token: string,
  meta: DownloadMeta | undefined,
  slotToken?: string,
): string[] {
  const keys = [downloadKey(token), downloadMetaKey(token)];
  if (!meta) return keys;
  keys.push(downloadByKey('user', meta.userId, meta.expiresAt, token));
  if (meta.tenantId !== undefined)
    keys.push(downloadByKey('tenant', meta.tenantId, meta.expiresAt, token));
  if (meta.planKey !== undefined) keys.push(downloadOfPlanKey(meta.planKey, token));
  if (meta.slot !== undefined && slotToken === token) keys.push(meta.slot);
  return keys;
}

export function slotKeyFor(
  planKey: string | undefined,
  kind: string | undefined,
  owner: DownloadOwner,
) {
  return planKey !== undefined && kind !== undefined
    ? downloadSlotKey(planKey, kind, owner.userId)
    : undefined;
}

/** Live downloads of a person or tenant, from the keys alone, and when the first one expires. */
export async function liveCount(
  storage: BrugStorage,
  scope: 'user' | 'tenant',
  id: string,
  now: number,
): Promise<{ live: number; firstExpiry: number }> {
  const expiries = (await storage.listKeys(downloadByPrefix(scope, id)))
    .map(expiryOfDownloadBy)
    .filter((expiry) => expiry >= now);
  return { live: expiries.length, firstExpiry: Math.min(...expiries) };
}
