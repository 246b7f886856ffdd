import type { AddressInfo } from 'node:net';
import type { Next, Request, Response, Server } from 'restify';
import { isLoopbackHost } from '../../server';

export type ErrorCode = 'BadArgument' | 'Forbidden' | 'NotFound' | 'TooManyRequests';

/** Direct Line's and the Connector's error shape: `{ error: { code, message } }`. */
export function sendError(res: Response, status: number, code: ErrorCode, message: string): void {
  res.send(status, { error: { code, message } });
}

export { isLoopbackHost };

/**
 * Guards every local-channel route. Local mode listens on loopback only, but a web page could
 * still reach it through DNS rebinding (evil.example resolving to 127.0.0.1); such requests
 * carry the attacker's host name, so anything but a loopback Host is refused.
 */
export function loopbackOnly(req: Request, res: Response, next: Next): void {
  if (!isLoopbackHost(req.headers.host)) {
    sendError(res, 403, 'Forbidden', 'The local channel answers on localhost only.');
    next(false);
    return;
  }
  next();
}

/** The server's own base URL with a trailing slash, e.g. `http://127.0.0.1:3978/`. */
export function ownBaseUrl(server: Server): string {
  const address = server.address() as AddressInfo | null;
  if (!address) throw new Error('the server is not listening yet');
  const host =
    address.family === 'IPv6'
      ? `[${address.address === '::' ? '::1' : address.address}]`
      : address.address;
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}/`;
}

/** Route parameters are URL-decoded by restify; anything else is treated as absent. */
export function param(req: Request, name: string): string {
  const value: unknown = (req.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** A query parameter, or undefined when it is missing (restify leaves req.query unparsed). */
export function queryParam(req: Request, name: string): string | undefined {
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.searchParams.has(name) ? (url.searchParams.get(name) ?? '') : undefined;
}
