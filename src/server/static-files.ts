import fs from 'node:fs';
import type { Response } from 'restify';

export type StaticFiles = Map<string, { file: () => string; type: string }>;

/**
 * A reader for a fixed set of files that reads each once, on first use, and keeps it: these are
 * page assets and browser bundles (Web Chat's is 4 MB) that never change while the bot runs.
 * Names outside the set give undefined, so no request can reach another file.
 */
export function cachedReader(
  files: StaticFiles,
): (name: string) => { content: Buffer; type: string } | undefined {
  const cache = new Map<string, Buffer>();
  return (name) => {
    const entry = files.get(name);
    if (!entry) return undefined;
    let content = cache.get(name);
    if (!content) {
      content = fs.readFileSync(entry.file());
      cache.set(name, content);
    }
    return { content, type: entry.type };
  };
}

/** Sends one of the files from `read`; false (nothing sent) when the name is not in the set. */
export function sendStaticFile(
  res: Response,
  read: ReturnType<typeof cachedReader>,
  name: unknown,
): boolean {
  const file = typeof name === 'string' ? read(name) : undefined;
  if (!file) return false;
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': file.content.length,
    'Cache-Control': 'no-cache',
  });
  res.end(file.content);
  return true;
}

/**
 * A page's Content-Security-Policy: scripts, styles, images and fetches from this origin only,
 * no inline code, so injected markup cannot run. `frameAncestors` says who may embed the page.
 */
export function strictCsp(frameAncestors: readonly string[] = ["'none'"]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}
