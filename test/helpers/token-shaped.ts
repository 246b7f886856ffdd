/**
 * An Authorization header shaped like a signed, unexpired Bot Framework token, but signed by
 * nobody. With credentials, a request with a body and no such header is refused (401) before any
 * route is looked up; with it, the request reaches routing, so a test can see a route is absent.
 */
export function tokenShapedBearer(now = Date.now()): string {
  const part = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');
  const exp = Math.floor(now / 1000) + 600;
  return `Bearer ${part({ alg: 'RS256', typ: 'JWT' })}.${part({ exp })}.c2lnbmVk`;
}
