import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { ChannelThread } from '../channels';
import { pickLocale, translator, type Locale } from '../i18n';
import { paths } from '../paths';
import {
  cachedReader,
  loopbackHostOnly,
  sendStaticFile,
  strictCsp,
  type StaticFiles,
} from '../server';
import { feedView } from '../presentation/steering';
import type { PostDoc } from './post-store';
import { LOCAL_STEERING_CHANNEL } from './targets';

export interface FeedDeps {
  threads: (channelId: string) => ChannelThread[];
  /** The local channel's post documents, for each note's version history. */
  versions: () => Promise<PostDoc[]>;
}

/** Scripts and styles from this origin only; the page updates itself with fetch, never a reload. */
const CSP = strictCsp();

const PAGE_DIR = path.join(paths.public, 'steering');
const JS = 'application/javascript; charset=utf-8';
const STATIC_FILES: StaticFiles = new Map([
  ['feed.js', { file: () => path.join(PAGE_DIR, 'feed.js'), type: JS }],
  ['feed.css', { file: () => path.join(PAGE_DIR, 'feed.css'), type: 'text/css; charset=utf-8' }],
  // The official Adaptive Cards renderer, so a note looks here as it does in a card host.
  [
    'adaptivecards.js',
    { file: () => require.resolve('adaptivecards/dist/adaptivecards.min.js'), type: JS },
  ],
]);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page shell: header, a polite live region, and the script that fills and refreshes it. */
export function feedPage(locale: Locale): string {
  const t = translator(locale);
  const s = (key: string) => escapeHtml(t(key));
  const strings = escapeHtml(
    JSON.stringify({
      lastChecked: t('steering:feed.lastChecked'),
      changed: t('steering:feed.changedAnnouncement'),
      empty: t('steering:feed.empty'),
      historyTitle: t('steering:feed.historyTitle'),
      error: t('steering:feed.error'),
    }),
  );
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${s('steering:feed.title')} · Brugbot</title>
<link rel="stylesheet" href="/steering/static/feed.css">
<script src="/steering/static/adaptivecards.js" defer></script>
<script src="/steering/static/feed.js" defer></script></head>
<body><header><h1>${s('steering:feed.title')}</h1><p>${s('steering:feed.intro')}</p>
<p class="checked"><span id="last-updated"></span></p>
<div id="announce" class="visually-hidden" aria-live="polite" role="status"></div></header>
<main id="feed" data-lang="${locale}" data-strings="${strings}" aria-busy="true">
<p class="empty">${s('steering:feed.loading')}</p>
<noscript><p class="empty">${s('steering:feed.noScript')}</p></noscript></main>
</body></html>`;
}

const langOf = (req: Request) =>
  pickLocale({ channel: new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang') });

/**
 * `GET /steering` (local mode only): the local stand-in for the steungroep's Teams channel. The
 * page renders each note's card with the Adaptive Cards SDK and keeps itself current from
 * `GET /steering/feed.json`, replacing only what changed. Read-only.
 */
export function mountSteeringFeed(server: Server, deps: FeedDeps): void {
  const read = cachedReader(STATIC_FILES);
  server.get('/steering', loopbackHostOnly, async (req: Request, res: Response) => {
    const body = feedPage(langOf(req));
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-store',
    });
    res.end(body);
  });

  server.get('/steering/feed.json', loopbackHostOnly, async (req: Request, res: Response) => {
    const posts = await deps.versions().catch(() => []);
    res.setHeader('Cache-Control', 'no-store');
    res.send(200, feedView(deps.threads(LOCAL_STEERING_CHANNEL), posts, langOf(req)));
  });

  server.get('/steering/static/:name', loopbackHostOnly, async (req: Request, res: Response) => {
    if (!sendStaticFile(res, read, (req.params as Record<string, unknown>).name))
      res.send(404, { error: 'NotFound', message: 'No such file.' });
  });
}
