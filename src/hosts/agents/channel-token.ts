import { createPublicKey, type KeyObject } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';

/**
 * Bot Framework channel tokens, checked the way botbuilder's channel validation checks them.
 * The Agents SDK has its own check (`authorizeJWT`), but it fetches the keys of an
 * `https://api.botframework.com` token from a fixed address, so BOTFRAMEWORK_OPENID_METADATA_URL
 * (sovereign clouds, tests) cannot apply, and it answers 401 even when the keys could not be
 * fetched. Hence this module, on `jose`.
 */

const CHANNEL_ISSUER = 'https://api.botframework.com';
const PUBLIC_CLOUD_METADATA = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];
/** The channel's clock and ours may drift; botbuilder allows five minutes. */
const CLOCK_TOLERANCE_SECONDS = 300;
/** botbuilder's intervals: keys are refetched daily, and at most hourly for an unknown key id. */
const REFRESH_MS = 24 * 60 * 60 * 1000;
const UNKNOWN_KEY_REFRESH_MS = 60 * 60 * 1000;
/** A hung key server must not hold every incoming activity for long. */
const FETCH_TIMEOUT_MS = 10_000;

/** The token is wrong: answered with 401. */
export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(`invalid Bot Framework token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/** The token could not be checked (keys unreachable): answered with 503. */
export class KeysUnavailableError extends Error {
  constructor(reason: string) {
    super(`channel signing keys unavailable: ${reason}`);
    this.name = 'KeysUnavailableError';
  }
}

const metadataSchema = z.object({ jwks_uri: z.string().url() });
const keySetSchema = z.object({ keys: z.array(z.unknown()) });
const rsaKeySchema = z.object({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  n: z.string().min(1),
  e: z.string().min(1),
  endorsements: z.array(z.string()).optional(),
});

interface ChannelKey {
  publicKey: KeyObject;
  /** Channels this key may sign for; empty means any. */
  endorsements: string[];
}

async function fetchJson(url: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new KeysUnavailableError((error as Error).name);
  }
  if (!res.ok) throw new KeysUnavailableError(`HTTP ${res.status}`);
  try {
    return await res.json();
  } catch {
    throw new KeysUnavailableError('not JSON');
  }
}

/** The channel's published keys, from its OpenID metadata; one refresh at a time. */
class ChannelKeys {
  private keys = new Map<string, ChannelKey>();
  private fetchedAt = 0;
  private refreshing?: Promise<void>;

  constructor(private readonly metadataUrl: string) {}

  async find(kid: string): Promise<ChannelKey | undefined> {
    const age = Date.now() - this.fetchedAt;
    if (age > REFRESH_MS || (!this.keys.has(kid) && age > UNKNOWN_KEY_REFRESH_MS)) {
      this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
      await this.refreshing;
    }
    return this.keys.get(kid);
  }

  private async refresh(): Promise<void> {
    const metadata = metadataSchema.safeParse(await fetchJson(this.metadataUrl));
    if (!metadata.success) throw new KeysUnavailableError('metadata without jwks_uri');
    const set = keySetSchema.safeParse(await fetchJson(metadata.data.jwks_uri));
    if (!set.success) throw new KeysUnavailableError('key set without keys');
    const keys = new Map<string, ChannelKey>();
    for (const raw of set.data.keys) {
      // Keys of another type are skipped, as botbuilder does, rather than failing the whole set.
      const key = rsaKeySchema.safeParse(raw);
      if (!key.success) continue;
      const { kty, n, e, kid, endorsements } = key.data;
      try {
        const publicKey = createPublicKey({ key: { kty, n, e }, format: 'jwk' });
        keys.set(kid, { publicKey, endorsements: endorsements ?? [] });
      } catch {
        continue;
      }
    }
    this.keys = keys;
    this.fetchedAt = Date.now();
  }
}

/** What the check needs from the activity: who it claims to come from and where replies go. */
export interface TokenContext {
  channelId?: string;
  serviceUrl?: string;
}

/**
 * Checks `Authorization: Bearer <jwt>` as botbuilder's ChannelValidation does: issuer
 * `https://api.botframework.com`, a key from the channel's metadata that endorses the activity's
 * channel, RS256/384/512, expiry and not-before with five minutes' tolerance, audience equal
 * to the bot's app id, and a `serviceurl` claim equal to the activity's serviceUrl.
 */
export function createChannelTokenValidator(
  appId: string,
  metadataUrl: string = PUBLIC_CLOUD_METADATA,
): (authHeader: string, activity: TokenContext) => Promise<JWTPayload> {
  const keys = new ChannelKeys(metadataUrl);
  return async (authHeader, activity) => {
    const parts = authHeader.split(' ');
    const token = parts.length === 2 && parts[0] === 'Bearer' ? parts[1] : undefined;
    if (!token) throw new InvalidTokenError('no bearer token');
    let kid: unknown;
    let alg: unknown;
    let issuer: unknown;
    try {
      ({ kid, alg } = decodeProtectedHeader(token));
      issuer = decodeJwt(token).iss;
    } catch {
      throw new InvalidTokenError('not a JWT');
    }
    // Checked before any key is fetched, so a stranger's token costs no request.
    if (issuer !== CHANNEL_ISSUER) throw new InvalidTokenError('issuer');
    if (typeof alg !== 'string' || !ALGORITHMS.includes(alg)) throw new InvalidTokenError('alg');
    if (typeof kid !== 'string') throw new InvalidTokenError('no key id');
    const key = await keys.find(kid);
    if (!key) throw new InvalidTokenError('unknown key');
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, key.publicKey, {
        issuer: CHANNEL_ISSUER,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp'],
      }));
    } catch {
      throw new InvalidTokenError('signature or validity period');
    }
    if (claims.aud !== appId) throw new InvalidTokenError('audience');
    const channel = activity.channelId ?? '';
    if (channel.trim() && key.endorsements.length > 0 && !key.endorsements.includes(channel)) {
      throw new InvalidTokenError('key not endorsed for this channel');
    }
    if (activity.serviceUrl && claims.serviceurl !== activity.serviceUrl) {
      throw new InvalidTokenError('serviceurl claim');
    }
    return claims;
  };
}
