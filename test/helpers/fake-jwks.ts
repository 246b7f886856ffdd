import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { listenOnLoopback } from './fake-server';

/** The bot's app id in credential-mode tests. */
export const TEST_APP_ID = '00000000-0000-0000-0000-000000000001';

/**
 * A local stand-in for the Bot Framework's OpenID metadata and key set, so tests can sign
 * tokens the bot accepts — and tokens it must refuse — without reaching Microsoft.
 */
export class FakeJwks {
  private server?: http.Server;
  readonly kid = 'test-key-1';
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  metadataUrl = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') {
        res.end(
          JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` }),
        );
      } else if (req.url === '/keys') {
        const jwk = this.keys.publicKey.export({ format: 'jwk' });
        res.end(
          JSON.stringify({
            keys: [
              {
                ...jwk,
                kid: this.kid,
                kty: 'RSA',
                use: 'sig',
                endorsements: ['msteams', 'webchat'],
              },
            ],
          }),
        );
      } else {
        res.writeHead(404);
        res.end('{}');
      }
    });
    this.metadataUrl = `${await listenOnLoopback(this.server)}/.well-known/openid-configuration`;
    return this.metadataUrl;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** An RS256 token as the channel would send it; `signWith` lets a test forge one with another key. */
  token(claims: Record<string, unknown>, signWith: KeyObject = this.keys.privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: this.kid };
    const body = { iss: 'https://api.botframework.com', nbf: now - 60, exp: now + 600, ...claims };
    const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${encode(header)}.${encode(body)}`;
    const signature = createSign('RSA-SHA256')
      .update(unsigned)
      .sign(signWith)
      .toString('base64url');
    return `${unsigned}.${signature}`;
  }

  /** Settings that run the bot in credential mode against this key set (call after `start`). */
  credentialEnv(): Record<string, string> {
    return {
      MicrosoftAppId: TEST_APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000aa',
      HOST: '127.0.0.1',
      BOTFRAMEWORK_OPENID_METADATA_URL: this.metadataUrl,
    };
  }

  otherKey(): KeyObject {
    return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  }
}
