/** The HTTP server: restify routes, body checks, limits and authentication before every turn. */
export { createServer, MAX_BODY_BYTES, type ServerDeps } from './create-server';
export { mountDevClockRoute } from './dev-clock-route';
export {
  isLoopbackAddress,
  isLoopbackHost,
  isLoopbackUrl,
  loopbackGuard,
  loopbackHostOnly,
} from './loopback';
export { HashedAssets, type AssetSource } from './hashed-assets';
export { cachedReader, sendStaticFile, strictCsp, type StaticFiles } from './static-files';
export { refuseUpgrade, upgradeRouter } from './upgrades';
export { LimitSet, RateLimiter } from './rate-limiter';
