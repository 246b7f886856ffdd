import http from 'node:http';
import { listenOnLoopback } from '../helpers/fake-server';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload, type KeyLike } from 'jose';

export const TENANT = '00000000-0000-0000-0000-0000000000aa';
export const OTHER_TENANT = '00000000-0000-0000-0000-0000000000bb';
export const APP_ID = '00000000-0000-0000-0000-000000000001';
export const BOT_HOST = 'brugbot.example.org';
export const AUDIENCE = `api://${BOT_HOST}/${APP_ID}`;

/** The settings of a bot with credentials whose tab accepts this fake Entra's tokens. */
export function ssoBotEnv(entra: FakeEntra): Record<string, string> {
  return {
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-a-real-secret',
    MicrosoftAppTenantId: TENANT,
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: `https://${BOT_HOST}`,
    TAB_SSO_JWKS_URL: entra.jwksUrl,
  };
}

/**
 * A stand-in for Entra's published signing keys on a loopback URL, and a signer for the tokens
 * Teams would hand the tab, so tests prove what the tab accepts without reaching Microsoft.
 */
export class FakeEntra {
  private server?: http.Server;
  private key?: { privateKey: KeyLike; publicKey: KeyLike };
  readonly kid = 'tab-test-key';
  jwksUrl = '';

  async start(): Promise<string> {
    this.key = await generateKeyPair('RS256');
    const jwk = {
      ...(await exportJWK(this.key.publicKey)),
      kid: this.kid,
      use: 'sig',
      alg: 'RS256',
    };
    this.server = http.createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/discovery/v2.0/keys') res.end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end('{}');
    });
    this.jwksUrl = `${await listenOnLoopback(this.server)}/discovery/v2.0/keys`;
    return this.jwksUrl;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  /**
   * A v2 Teams SSO token for `oid` in our tenant; `claims` override any claim (undefined drops
   * it), `signWith` forges one with another key under the same key id.
   */
  async token(
    oid: string,
    claims: Record<string, unknown> = {},
    signWith?: KeyLike,
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const tid = typeof claims.tid === 'string' ? claims.tid : TENANT;
    const payload: JWTPayload = {
      aud: AUDIENCE,
      iss: `https://login.microsoftonline.com/${tid}/v2.0`,
      iat: now - 60,
      nbf: now - 60,
      exp: now + 3600,
      tid,
      oid,
      scp: 'access_as_user',
      ver: '2.0',
      ...claims,
    };
    for (const [name, value] of Object.entries(payload))
      if (value === undefined) delete payload[name];
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.kid })
      .sign(signWith ?? this.key!.privateKey);
  }

  async otherKey(): Promise<KeyLike> {
    return (await generateKeyPair('RS256')).privateKey;
  }
}
