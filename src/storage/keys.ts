import { createHash } from 'node:crypto';

/**
 * The storage key scheme, in one place. Keys are paths, and ids come from channels that may put
 * any character in them (`/` included), so a key is never matched by a bare prefix: "the change
 * log of `X`" must not include that of `X/sub`. Every helper here matches exactly:
 *
 * - `plan/<channel>/<conversation id>`: the plan. The channel segment has `%` and `/` escaped
 *   (channel ids like `msteams` are unchanged), so it ends at the first `/`.
 * - `log/<plan key>/<revision, 10 digits>`: one change of the plan.
 * - `download/<token>`: a file handed out as a link; `download-of/<plan key>/<token>` records
 *   which plan it was made from, so deleting the plan can revoke it.
 * - `user/<channel>/<user id>`: one person's preferences (the language).
 *
 * A child key (`log/…`, `download-of/…`) is `<namespace>/<plan key>/<leaf>` where the leaf
 * never contains `/`. Listing `<namespace>/<plan key>/` also returns children of longer plan keys
 * (`X/sub`), but their remainder contains a `/`; keeping only remainders that are a valid leaf is
 * therefore exact.
 */

const REVISION_DIGITS = 10;
const REVISION_LEAF = /^\d{10}$/;
const TOKEN_LEAF = /^[A-Za-z0-9_-]{43}$/;

/** Keeps ordinary channel ids as they are and makes any other one a single path segment. */
function channelSegment(channelId: string): string {
  return channelId.replace(/[%/]/g, (c) => (c === '%' ? '%25' : '%2F'));
}

function unescapeChannel(segment: string): string {
  return segment.replace(/%2F|%25/g, (c) => (c === '%2F' ? '/' : '%'));
}

/** One plan per conversation (a channel thread is its own conversation). */
export function planKey(channelId: string, conversationId: string): string {
  return `plan/${channelSegment(channelId)}/${conversationId}`;
}

/** Prefix of every plan key in one channel, for listings (the tab, retention). */
export function planKeyPrefix(channelId?: string): string {
  return channelId === undefined ? 'plan/' : `plan/${channelSegment(channelId)}/`;
}

/** The channel and conversation of a plan key, or undefined for any other key. */
export function parsePlanKey(
  key: string,
): { channelId: string; conversationId: string } | undefined {
  const match = /^plan\/([^/]+)\/(.+)$/s.exec(key);
  return match ? { channelId: unescapeChannel(match[1]!), conversationId: match[2]! } : undefined;
}

export function userKey(channelId: string, userId: string): string {
  return `user/${channelSegment(channelId)}/${userId}`;
}

export function logKey(planKeyValue: string, revision: number): string {
  return `log/${planKeyValue}/${String(revision).padStart(REVISION_DIGITS, '0')}`;
}

export function downloadKey(token: string): string {
  return `download/${token}`;
}

export const DOWNLOAD_PREFIX = 'download/';

export function downloadOfPlanKey(planKeyValue: string, token: string): string {
  return `download-of/${planKeyValue}/${token}`;
}

/** The token a `download-of/…` key names. */
export function tokenOfDownloadIndex(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/** Lists and reads keys by prefix, as every Brugbot store does. */
interface KeyLister {
  listKeys(prefix: string): Promise<string[]>;
}

async function childKeys(
  storage: KeyLister,
  namespace: string,
  planKeyValue: string,
  leaf: RegExp,
): Promise<string[]> {
  const prefix = `${namespace}/${planKeyValue}/`;
  const keys = await storage.listKeys(prefix);
  return keys.filter((key) => leaf.test(key.slice(prefix.length)));
}

/** The change-log keys of exactly this plan, oldest first. */
export function logKeysOf(storage: KeyLister, planKeyValue: string): Promise<string[]> {
  return childKeys(storage, 'log', planKeyValue, REVISION_LEAF);
}

/** The download-index keys of exactly this plan. */
export function downloadIndexKeysOf(storage: KeyLister, planKeyValue: string): Promise<string[]> {
  return childKeys(storage, 'download-of', planKeyValue, TOKEN_LEAF);
}

/**
 * A short, stable name for a plan that links can carry (the note's deep link, `/tab?plan=`):
 * a hash of its storage key, so no conversation id ends up in a channel post. It names a plan,
 * it grants nothing: the tab still shows a plan only to someone the access rule lets see it.
 */
export function planRef(planKey: string): string {
  return createHash('sha256').update(planKey).digest('base64url').slice(0, 22);
}

export const PLAN_REF = /^[A-Za-z0-9_-]{22}$/;

/**
 * The one link scheme for a plan on the web (`/tab?plan=<ref>`): the summary's "read in full"
 * link and the steering note's link alike. Never a conversation id in a URL (issue 28).
 */
export function planTabPath(planKey: string): string {
  return `/tab?plan=${planRef(planKey)}`;
}
