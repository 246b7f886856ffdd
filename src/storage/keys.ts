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
 * - `download-meta/<token>`: who a download was made for (user, tenant, plan, kind) and when it
 *   expires; `download-by-user/<user>/<expiry>.<token>` and `download-by-tenant/<tenant>/…` count
 *   live downloads per person and tenant without reading any file; `download-slot/<plan key>/<kind>.<user>`
 *   names the one live download of that kind a person has of a plan.
 * - `member/<user>/<plan key>`: the plans a person took part in (the tab lists these only);
 *   `member-of/<plan key>/<user>` the reverse, so deleting a plan removes its index entries.
 * - `insight/day/<YYYY-MM-DD>`: that day's usage counters; `insight/declined/<hash>`: one
 *   declined question's conversation count (its text only from three). Nothing in them names
 *   a conversation or a person (src/insight).
 * - `usage-of/<plan key>`: what the counters need to remember per conversation (declined
 *   questions already counted, answers open for feedback); deleted with the plan.
 * - `steering/post/<plan key>`: the plan's posted steering note and the send it still owes;
 *   `steering/outbox/<plan key>`: the index of plans that owe a send (src/steering).
 * - `steering/team/<team id>`: the steering channel a team linked (src/steering).
 * - `followup/schedule/<plan key>`: the follow-up's delivery state for a plan (src/followup).
 * - `meta/…`: one-off markers, e.g. that a migration ran.
 *
 * A child key (`log/…`, `download-of/…`) is `<namespace>/<plan key>/<leaf>` where the leaf
 * never contains `/`. Listing `<namespace>/<plan key>/` also returns children of longer plan keys
 * (`X/sub`), but their remainder contains a `/`; keeping only remainders that are a valid leaf is
 * therefore exact.
 */

const REVISION_DIGITS = 10;
const REVISION_LEAF = /^\d{10}$/;
const TOKEN_LEAF = /^[A-Za-z0-9_-]{43}$/;
const SEGMENT_LEAF = /^[^/]+$/;
const EXPIRY_DIGITS = 13;

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

/** One path segment for an id from outside (user, tenant, kind): `%` and `/` escaped. */
export function idSegment(id: string): string {
  return channelSegment(id) || '%00';
}

export function downloadMetaKey(token: string): string {
  return `download-meta/${token}`;
}

export const DOWNLOAD_META_PREFIX = 'download-meta/';

/** Per person and per tenant: the key names the expiry, so live ones are counted from keys alone. */
export function downloadByKey(
  scope: 'user' | 'tenant',
  id: string,
  expiresAt: number,
  token: string,
): string {
  const expiry = String(Math.max(0, Math.trunc(expiresAt))).padStart(EXPIRY_DIGITS, '0');
  return `download-by-${scope}/${idSegment(id)}/${expiry}.${token}`;
}

/** Every person's (or tenant's) download counters, or one person's when `id` is given. */
export function downloadByPrefix(scope: 'user' | 'tenant', id?: string): string {
  return id === undefined ? `download-by-${scope}/` : `download-by-${scope}/${idSegment(id)}/`;
}

/** The expiry (ms since the epoch) a `download-by-…` key names. */
export function expiryOfDownloadBy(key: string): number {
  const leaf = key.slice(key.lastIndexOf('/') + 1);
  return Number(leaf.slice(0, leaf.indexOf('.')));
}

/** The one live download of `kind` that `userId` has of a plan (a new one replaces it). */
export function downloadSlotKey(planKeyValue: string, kind: string, userId: string): string {
  return `download-slot/${planKeyValue}/${idSegment(kind)}.${idSegment(userId)}`;
}

export function memberKey(userId: string, planKeyValue: string): string {
  return memberKeyOfSegment(idSegment(userId), planKeyValue);
}

/** The member-index key for a user segment as a `member-of/…` key names it. */
export function memberKeyOfSegment(segment: string, planKeyValue: string): string {
  return `member/${segment}/${planKeyValue}`;
}

/** Prefix of a person's member-index entries; add a plan-key prefix to narrow it. */
export function memberPrefix(userId: string): string {
  return `member/${idSegment(userId)}/`;
}

export function memberOfKey(planKeyValue: string, userId: string): string {
  return `member-of/${planKeyValue}/${idSegment(userId)}`;
}

export const INSIGHT_DAY_PREFIX = 'insight/day/';

export function insightDayKey(day: string): string {
  return `${INSIGHT_DAY_PREFIX}${day}`;
}

export const INSIGHT_DECLINED_PREFIX = 'insight/declined/';

export function insightDeclinedKey(hash: string): string {
  return `${INSIGHT_DECLINED_PREFIX}${hash}`;
}

export const USAGE_OF_PREFIX = 'usage-of/';

export function usageOfPlanKey(planKeyValue: string): string {
  return `${USAGE_OF_PREFIX}${planKeyValue}`;
}

export const STEERING_POST_PREFIX = 'steering/post/';

export function steeringPostKey(planKeyValue: string): string {
  return `${STEERING_POST_PREFIX}${planKeyValue}`;
}

export const STEERING_OUTBOX_PREFIX = 'steering/outbox/';

export function steeringOutboxKey(planKeyValue: string): string {
  return `${STEERING_OUTBOX_PREFIX}${planKeyValue}`;
}

export const STEERING_TEAM_PREFIX = 'steering/team/';

export function steeringTeamKey(teamId: string): string {
  return `${STEERING_TEAM_PREFIX}${teamId}`;
}

export const FOLLOWUP_SCHEDULE_PREFIX = 'followup/schedule/';

export function followupScheduleKey(planKeyValue: string): string {
  return `${FOLLOWUP_SCHEDULE_PREFIX}${planKeyValue}`;
}

/**
 * The documents other capabilities keep per plan (steering post and outbox entry, follow-up
 * schedule, usage marks): a deleted plan takes them along and the data export includes them.
 */
export function relatedKeysOf(planKeyValue: string): string[] {
  return [
    steeringPostKey(planKeyValue),
    steeringOutboxKey(planKeyValue),
    followupScheduleKey(planKeyValue),
    usageOfPlanKey(planKeyValue),
  ];
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

/** Set once every plan stored before the member index existed has been indexed. */
export const MEMBER_INDEX_READY = 'meta/member-index-v1';

/** The member-index reverse keys of exactly this plan. */
export function memberOfKeysOf(storage: KeyLister, planKeyValue: string): Promise<string[]> {
  return childKeys(storage, 'member-of', planKeyValue, SEGMENT_LEAF);
}

/** The user segment a `member-of/…` key ends in. */
export function memberOfUserSegment(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
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

/** The plan's link on the web at `baseUrl` (the bot's public URL, or its own locally). */
export function planUrl(baseUrl: string, planKey: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${planTabPath(planKey)}`;
}
