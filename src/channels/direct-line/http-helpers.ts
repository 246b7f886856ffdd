import type { AddressInfo } from 'node:net';
import type { Request, Response, Server } from 'restify';
import { isLoopbackHost, loopbackGuard } from '../../server';

export type ErrorCode = 'BadArgument' | 'Forbidden' | 'NotFound' | 'TooManyRequests';

/** Direct Line's and the Connector's error shape: `{ error: { code, message } }`. */
export function sendError(res: Response, status: number, code: ErrorCode, message: string): void {
  res.send(status, { error: { code, message } });
}

export { isLoopbackHost };

/** Guards every local-channel route (the one loopback guard, in Direct Line's error shape). */
export const loopbackOnly = loopbackGuard({
  who: 'The local channel',
  refuse: (res, message) => sendError(res, 403, 'Forbidden', message),
}).handler;

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
