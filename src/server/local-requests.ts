import type { Next, Request, Response } from 'restify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when the request carries a body (a length above 0, or a chunked one). */
function hasBody(req: Request): boolean {
  return (
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined
  );
}

/** application/json, with or without parameters (`; charset=utf-8`). */
function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(?:;|$)/i.test(contentType ?? '');
}

/**
 * Whether a browser says the request comes from another site: an `Origin` other than this
 * server's own (`null` included: sandboxed frames, files), or, for writes, a `Sec-Fetch-Site`
 * other than same-origin (a page on another localhost port is "same-site" yet not ours).
 */
function crossSite(req: Request): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host ?? ''}`) return true;
  const site = req.headers['sec-fetch-site'];
  return !SAFE_METHODS.has(req.method ?? 'GET') && (site === 'cross-site' || site === 'same-site');
}

/** Direct Line and Connector clients read `{ error: { code, message } }`; Brugbot's own routes the flat shape. */
function refuse(req: Request, res: Response, status: number, code: string, message: string) {
  const protocol = (req.path?.() ?? req.url ?? '').startsWith('/v3/');
  res.send(status, protocol ? { error: { code, message } } : { error: code, message });
}

/**
 * Local mode has no authentication, so what stands between a web page in the developer's browser
 * and the bot is the browser's same-origin policy. A page on another site may still send a
 * "simple" cross-site POST (a form: urlencoded, multipart or text/plain) without a CORS
 * preflight; it would store a plan and make the bot call a serviceUrl of the page's choosing.
 * So every local route refuses another site's `Origin` (403) and every body that is not JSON
 * (415): JSON needs a preflight, which this server never approves. The local Web Chat page, the
 * tab and the steering feed are served from the same origin and keep working. Runs as a `pre`
 * handler, before any body is read.
 */
export function sameOriginJsonOnly(req: Request, res: Response, next: Next): void {
  if (crossSite(req)) {
    refuse(req, res, 403, 'Forbidden', 'Requests from another site are not accepted locally.');
    return next(false);
  }
  if (
    !SAFE_METHODS.has(req.method ?? 'GET') &&
    hasBody(req) &&
    !isJson(req.headers['content-type'])
  ) {
    refuse(req, res, 415, 'UnsupportedMediaType', 'Send the body as application/json.');
    return next(false);
  }
  next();
}
