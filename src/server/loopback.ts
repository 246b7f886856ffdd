import type { Next, Request, Response } from 'restify';

/** This machine's loopback names, as a Host header or URL carries them (IPv6 in brackets). */
const LOOPBACK_HOSTNAME = new Set(['localhost', '127.0.0.1', '[::1]']);
const PORT = /:\d{1,5}$/;

/** True for a loopback host name or listen address: `localhost`, `127.0.0.1`, `::1`, `[::1]`. */
export function isLoopbackAddress(host: string): boolean {
  const name = host.toLowerCase();
  return LOOPBACK_HOSTNAME.has(name === '::1' ? '[::1]' : name);
}

/** True when the Host header names this machine's loopback interface. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = host.replace(PORT, '');
  return isLoopbackAddress(name);
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

export interface LoopbackGuardOptions {
  /** Who answers on localhost only, for the refusal: "The dev clock", "Without credentials the tab". */
  who: string;
  /** Another check (a Teams SSO token) protects these routes: every Host is let through. */
  open?: boolean;
  /** How to refuse; `{ error: 'Forbidden', message }` unless the routes speak another shape. */
  refuse?: (res: Response, message: string) => void;
}

/** A guard as a check inside a handler (`if (!guard.allows(req, res)) return;`) or as middleware. */
export interface LoopbackGuard {
  allows: (req: Request, res: Response) => boolean;
  handler: (req: Request, res: Response, next: Next) => void;
}

/**
 * The one loopback guard. Local mode listens on loopback and asks for no token, but a web page
 * could still reach it through DNS rebinding (evil.example resolving to 127.0.0.1); such
 * requests carry the attacker's host name, so anything but a loopback Host gets 403. Without
 * this, that page could post activities whose replies go to its own `serviceUrl`, or fetch
 * download links.
 */
export function loopbackGuard(options: LoopbackGuardOptions): LoopbackGuard {
  const message = `${options.who} answers on localhost only.`;
  const refuse =
    options.refuse ??
    ((res: Response, text: string) => {
      res.send(403, { error: 'Forbidden', message: text });
    });
  const allows = (req: Request, res: Response): boolean => {
    if (options.open || isLoopbackHost(req.headers.host)) return true;
    refuse(res, message);
    return false;
  };
  return {
    allows,
    handler: (req, res, next) => {
      if (allows(req, res)) next();
      else next(false);
    },
  };
}

/** Local mode: every route of the server answers a loopback Host only. */
export const loopbackHostOnly = loopbackGuard({ who: 'Without credentials the bot' }).handler;
