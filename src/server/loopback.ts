import type { Next, Request, Response } from 'restify';

const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;
const LOOPBACK_HOSTNAME = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when the Host header names this machine's loopback interface. */
export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

/** True for an http(s) URL on this machine: where a local-mode bot may send its replies. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      LOOPBACK_HOSTNAME.has(parsed.hostname.toLowerCase())
    );
  } catch {
    return false;
  }
}

/**
 * Local mode answers a loopback Host only, on every route. It listens on loopback, but a web
 * page could still reach it through DNS rebinding (evil.example resolving to 127.0.0.1); such
 * requests carry the attacker's host name. Without this, that page could post activities whose
 * replies go to its own `serviceUrl`, or fetch download links.
 */
export function loopbackHostOnly(req: Request, res: Response, next: Next): void {
  if (isLoopbackHost(req.headers.host)) return next();
  res.send(403, {
    error: 'Forbidden',
    message: 'Without credentials the bot answers on localhost only.',
  });
  next(false);
}
