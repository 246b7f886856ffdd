import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, Response } from 'restify';

/** A page asset: where it is read from (once) and its Content-Type. */
export interface AssetSource {
  file: () => string;
  type: string;
}

type Encoding = 'br' | 'gzip';

interface Asset {
  /** The public name, with the content hash: `chat.1a2b3c4d5e6f.js`. */
  url: string;
  type: string;
  content: Buffer;
  /** Each encoding is made on first demand and kept; the promise lets requests share one run. */
  encoded: Map<Encoding, Promise<Buffer>>;
}

/** A year: the longest lifetime caches honour, safe because a changed file gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Brotli at quality 4: Web Chat's 3.9 MB bundle becomes 0.8 MB in about 0.2 s on a libuv thread.
 * Quality 11 saves another 0.17 MB but takes over 30 s on this machine, too long to make on the
 * page's first request; gzip at its default level is the fallback for clients without brotli.
 */
function encode(encoding: Encoding, content: Buffer): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(content, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      })
    : gzip(content);
}

/**
 * The encoding to send for an Accept-Encoding header: brotli, else gzip, unless refused with
 * `q=0` (also through `*;q=0`); undefined means identity. The `negotiator` package (express's)
 * was weighed: it is not a dependency here and the two codings this server has need ten lines.
 */
export function chooseEncoding(header: string | undefined): Encoding | undefined {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) weights.set(name, q === undefined ? 1 : Number(q));
  }
  const accepts = (coding: Encoding) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).find(accepts);
}

/**
 * A page's scripts, styles and images under content-hashed names: each file is read and hashed
 * once (at creation), so a name is a promise that its bytes never change. They are sent with a
 * year-long immutable Cache-Control and compressed as the browser asks (brotli or gzip, made on
 * the first request and kept in memory). The page that names them is sent with no-cache.
 * Names outside the set, or with a stale hash, are not found.
 */
export class HashedAssets {
  private readonly byName = new Map<string, Asset>();
  private readonly byUrl = new Map<string, Asset>();

  constructor(
    sources: ReadonlyMap<string, AssetSource>,
    private readonly prefix: string,
  ) {
    for (const [name, source] of sources) {
      const content = fs.readFileSync(source.file());
      const hash = createHash('sha256').update(content).digest('hex').slice(0, 12);
      const ext = path.extname(name);
      const url = `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
      const asset: Asset = { url, type: source.type, content, encoded: new Map() };
      this.byName.set(name, asset);
      this.byUrl.set(url, asset);
    }
  }

  /** The public path of a file, e.g. `/static/chat.1a2b3c4d5e6f.js` for `chat.js`. */
  path(name: string): string {
    const asset = this.byName.get(name);
    if (!asset) throw new Error(`No asset named ${name}`);
    return `${this.prefix}${asset.url}`;
  }

  /**
   * Rewrites every `<prefix><name>` in a page to its hashed path, so the page source keeps
   * readable names (`/static/chat.js`) and the browser gets names it may cache for a year.
   */
  rewrite(page: string): string {
    let out = page;
    for (const name of this.byName.keys())
      out = out.replaceAll(`${this.prefix}${name}`, this.path(name));
    return out;
  }

  /** Starts making the brotli copies, e.g. when the page is asked for: its assets follow at once. */
  warm(): void {
    for (const asset of this.byName.values()) void this.encoded(asset, 'br').catch(() => undefined);
  }

  /** Sends the asset with this hashed name; false (nothing sent) when there is none. */
  async send(req: Request, res: Response, url: unknown): Promise<boolean> {
    const asset = typeof url === 'string' ? this.byUrl.get(url) : undefined;
    if (!asset) return false;
    const wanted = chooseEncoding(req.headers['accept-encoding']);
    // Compression cannot really fail on bytes in memory; if it did, the plain file still serves.
    const compressed = wanted
      ? await this.encoded(asset, wanted).catch(() => undefined)
      : undefined;
    const encoding = compressed ? wanted : undefined;
    const body = compressed ?? asset.content;
    res.writeHead(200, {
      'Content-Type': asset.type,
      'Content-Length': body.length,
      'Cache-Control': IMMUTABLE,
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    res.end(body);
    return true;
  }

  private encoded(asset: Asset, encoding: Encoding): Promise<Buffer> {
    let made = asset.encoded.get(encoding);
    if (!made) {
      made = encode(encoding, asset.content);
      asset.encoded.set(encoding, made);
      made.catch(() => asset.encoded.delete(encoding));
    }
    return made;
  }
}
