import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { paths } from '../../paths';
import { loopbackOnly } from '../direct-line';
import { HashedAssets, type AssetSource } from '../../server';

const PAGE_DIR = path.join(paths.public, 'chat');
const NONCE_PLACEHOLDER = '__CSP_NONCE__';
/**
 * The hash of an empty style sheet. Web Chat 4.18.1 does not hand its nonce to
 * react-scroll-to-bottom, whose emotion instance inserts an empty <style> and then fills it
 * through CSSOM (which CSP does not govern). Allowing exactly the empty sheet keeps the
 * transcript scrollable without 'unsafe-inline'.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * Web Chat's prebuilt bundle. Its package exports only its module entry points, so the bundle
 * is found next to the resolved entry instead of through a subpath import. Of the bundles it
 * ships (4.18.1), `webchat.js` is the smallest that renders Adaptive Cards and Markdown: the
 * minimal one (1.9 MB) has neither, the ES5 one (4.0 MB) adds polyfills no supported browser
 * needs, and the ES module build imports its dependencies by bare name, which a browser cannot
 * resolve without a bundler.
 */
export function webChatBundlePath(): string {
  const entry = require.resolve('botframework-webchat');
  return path.join(
    entry.slice(0, entry.lastIndexOf(`${path.sep}lib${path.sep}`)),
    'dist',
    'webchat.js',
  );
}

const JS = 'application/javascript; charset=utf-8';
const STATIC_PREFIX = '/static/';
/** A Map, not an object literal: a request for `/static/constructor` must find nothing. */
const STATIC_FILES: ReadonlyMap<string, AssetSource> = new Map([
  ['boot.js', { file: () => path.join(PAGE_DIR, 'boot.js'), type: JS }],
  ['webchat.js', { file: webChatBundlePath, type: JS }],
  ['chat.js', { file: () => path.join(PAGE_DIR, 'chat.js'), type: JS }],
  ['chat.css', { file: () => path.join(PAGE_DIR, 'chat.css'), type: 'text/css; charset=utf-8' }],
  ['brugbot.svg', { file: () => path.join(PAGE_DIR, 'brugbot.svg'), type: 'image/svg+xml' }],
]);

/**
 * Only what Web Chat needs, all from this server: scripts from 'self' (the bundle needs no
 * eval), styles from 'self' plus the per-page nonce Web Chat gives the style sheets it injects
 * (and the empty-sheet hash above), Adaptive Card images as data:/blob:, and the Direct Line
 * WebSocket on this very host.
 */
export function contentSecurityPolicy(nonce: string, host: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://${host}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves the browser chat: the page at `/` and its files under `/static/`, named by their
 * content hash so the browser keeps them (see HashedAssets). The page itself is asked again
 * every time (no-cache): it carries a fresh nonce and the names of the current files.
 */
export function mountWebChatPage(server: Server): void {
  const assets = new HashedAssets(STATIC_FILES, STATIC_PREFIX);
  const template = assets.rewrite(fs.readFileSync(path.join(PAGE_DIR, 'index.html'), 'utf8'));

  server.get('/', loopbackOnly, async (req: Request, res: Response) => {
    const nonce = randomBytes(16).toString('base64');
    const body = template.replaceAll(NONCE_PLACEHOLDER, nonce);
    // The page's files are asked for within milliseconds: start compressing them now.
    assets.warm();
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Content-Security-Policy': contentSecurityPolicy(nonce, req.headers.host ?? '127.0.0.1'),
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  });

  server.get(`${STATIC_PREFIX}:name`, loopbackOnly, async (req: Request, res: Response) => {
    if (!(await assets.send(req, res, (req.params as Record<string, unknown>).name))) {
      res.send(404, { error: { code: 'NotFound', message: 'No such file.' } });
    }
  });
}
