import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { Next, Request, Response } from 'restify';
import { UNAUTHORISED } from '../turn';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Bot Framework and Entra tokens are 1-3 KB; a header far longer is not one of them. */
const MAX_TOKEN_CHARS = 8192;
const JWT = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/;
/** The hosts accept a token up to five minutes past its `exp` (botbuilder's clock skew). */
const CLOCK_SKEW_SECONDS = 300;

function jsonSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether an Authorization header can be a signed, unexpired JWT: `Bearer` and three base64url
 * parts whose header names an algorithm and whose payload has an `exp` not long past. This is
 * a shape check, cheap and done before the body is read; the signature is checked afterwards
 * by the host (botbuilder or the Agents SDK) or the tab's SSO check, as before.
 */
export function mayBeSignedToken(header: string | undefined, nowSeconds: number): boolean {
  if (!header || header.length > MAX_TOKEN_CHARS) return false;
  const match = JWT.exec(header);
  if (!match) return false;
  const head = jsonSegment(match[1]!);
  const claims = jsonSegment(match[2]!);
  return (
    typeof head?.alg === 'string' &&
    head.alg !== 'none' &&
    typeof claims?.exp === 'number' &&
    claims.exp + CLOCK_SKEW_SECONDS > nowSeconds
  );
}

/**
 * Credential mode: every request that carries a body must carry a token first. Without one it
 * is answered 401 from its headers alone, before a byte of the body is read or parsed (an
 * unsigned 187 KB body cost ~25 ms of CPU before its 401 when it was parsed first). Both hosts
 * and the tab API sit behind it, so they answer alike. The connection is closed: the rest of
 * an unread body is not worth reading.
 */
export function bearerBeforeBody(req: Request, res: Response, next: Next): void {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return next();
  if (mayBeSignedToken(req.headers.authorization, Date.now() / 1000)) return next();
  res.setHeader('WWW-Authenticate', 'Bearer');
  res.setHeader('Connection', 'close');
  res.send(UNAUTHORISED.status, UNAUTHORISED.body);
  next(false);
}

const SLOW_BODY = JSON.stringify({
  error: 'RequestTimeout',
  message: 'The request body arrived too slowly.',
});
/** Written to the socket as Node's own request timeout does, past restify's response object. */
const SLOW_BODY_RESPONSE = [
  'HTTP/1.1 408 Request Timeout',
  'Content-Type: application/json',
  `Content-Length: ${Buffer.byteLength(SLOW_BODY)}`,
  'Connection: close',
  '',
  SLOW_BODY,
].join('\r\n');

/**
 * Cuts off request bodies that trickle in. Node's own `requestTimeout` (300 s by default) is
 * checked only every 30 s (`connectionsCheckingInterval`, fixed when restify creates the
 * server), so each request gets its own timer: a body not complete within `ms` gets a 408 and
 * a closed socket. The answer goes to the socket itself, as Node's timeout does: restify then
 * sees a client that went away (what it already handles), never a response sent twice. Node's
 * header and request timeouts are lowered too, as a backstop. Plain Node events, so restify 11
 * and 12 alike (restify has no such option).
 */
export function cutOffSlowBodies(httpServer: HttpServer, ms: number): void {
  httpServer.headersTimeout = Math.min(httpServer.headersTimeout, ms);
  httpServer.requestTimeout = ms;
  httpServer.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const timer = setTimeout(() => {
      const socket = req.socket;
      if (req.complete || socket.destroyed) return;
      if (res.headersSent) socket.destroy();
      else socket.end(SLOW_BODY_RESPONSE, () => socket.destroy());
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    req.once('end', clear);
    res.once('close', clear);
  });
}
