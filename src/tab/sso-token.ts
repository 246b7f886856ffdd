import type { JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { AppConfig } from '../config';

/**
 * The scope the tab's app registration exposes (docs/deploy.md §2). Requiring it means only a
 * delegated token that Teams asked for on the user's behalf gets in: an app-only token for the
 * same audience (which Entra issues to any client in the tenant) carries no `scp` at all.
 */
const TAB_SSO_SCOPE = 'access_as_user';

/** Entra's clocks and ours may drift; the Bot Framework allows the same five minutes. */
const CLOCK_TOLERANCE_SECONDS = 300;

export interface TabSsoSettings {
  /** `api://<host>/<app id>` (v1 tokens) and the bare app id (v2 tokens). */
  audiences: string[];
  jwksUrl: string;
  /** Required `tid`; undefined only for a MultiTenant registration. */
  tenantId?: string;
  /** ALLOWED_TENANTS, which the bot applies to activities too; empty: no further limit. */
  allowedTenants: string[];
}

/** The signed-in person, as far as the token proves it. */
export interface TabUser {
  oid: string;
  tid: string;
}

export type TabAuthFailure = 'missing' | 'invalid' | 'issuer' | 'tenant' | 'scope';

export class TabAuthError extends Error {
  constructor(readonly reason: TabAuthFailure) {
    super(`tab token refused: ${reason}`);
    this.name = 'TabAuthError';
  }
}

/** What the tab accepts, derived once from the config; undefined in local mode (no tokens at all). */
export function tabSsoSettings(config: AppConfig): TabSsoSettings | undefined {
  const appId = config.tabSso.appId;
  if (config.localMode || !appId) return undefined;
  const host = config.publicBaseUrl ? new URL(config.publicBaseUrl).host : undefined;
  const uri = config.tabSso.audience ?? (host ? `api://${host}/${appId}` : undefined);
  return {
    audiences: [...new Set([uri, appId].filter((a): a is string => Boolean(a)))],
    jwksUrl: config.tabSso.jwksUrl,
    tenantId:
      config.auth.MicrosoftAppType === 'MultiTenant' ? undefined : config.auth.MicrosoftAppTenantId,
    allowedTenants: config.allowedTenants,
  };
}

const claimsSchema = z.object({
  iss: z.string(),
  tid: z.string().min(1).max(64),
  oid: z.string().min(1).max(200),
  scp: z.string().optional(),
});

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/** Both issuers Entra uses for one tenant: v1 tokens (`sts.windows.net`) and v2 tokens. */
function entraIssuers(tid: string): string[] {
  return [`https://sts.windows.net/${tid}/`, `https://login.microsoftonline.com/${tid}/v2.0`];
}

/**
 * Checks a Teams SSO token: signature against Entra's published keys (fetched and cached by
 * jose, refetched when an unknown key id shows up), expiry, audience, an issuer that belongs
 * to the token's own tenant, that tenant being ours, and the delegated scope. jose is loaded with
 * the first token (~30 ms less start-up, and only deployments with credentials have tokens).
 */
export function createSsoVerifier(
  settings: TabSsoSettings,
  keys?: JWTVerifyGetKey,
): (authorization: string | undefined) => Promise<TabUser> {
  // A malformed key URL still fails at start-up, not at the first token.
  const jwksUrl = new URL(settings.jwksUrl);
  let remoteKeys: JWTVerifyGetKey | undefined = keys;
  return async (authorization) => {
    const token = BEARER.exec(authorization ?? '')?.[1];
    if (!token) throw new TabAuthError('missing');
    const { createRemoteJWKSet, jwtVerify } = await import('jose');
    remoteKeys ??= createRemoteJWKSet(jwksUrl);
    const verified = await jwtVerify(token, remoteKeys, {
      audience: settings.audiences,
      algorithms: ['RS256'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'iss', 'aud'],
    }).catch(() => undefined);
    const claims = claimsSchema.safeParse(verified?.payload);
    if (!claims.success) throw new TabAuthError('invalid');
    const { iss, tid, oid, scp } = claims.data;
    // The issuer must name the same tenant as `tid`, so a token cannot borrow another tenant's claim.
    if (!entraIssuers(tid).includes(iss)) throw new TabAuthError('issuer');
    const sameTenant = (other: string) => tid.toLowerCase() === other.toLowerCase();
    if (settings.tenantId !== undefined && !sameTenant(settings.tenantId)) {
      throw new TabAuthError('tenant');
    }
    if (settings.allowedTenants.length > 0 && !settings.allowedTenants.some(sameTenant)) {
      throw new TabAuthError('tenant');
    }
    if (!(scp ?? '').split(' ').includes(TAB_SSO_SCOPE)) throw new TabAuthError('scope');
    return { oid, tid };
  };
}
