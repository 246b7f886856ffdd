import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { ChannelThread } from '../channels';
import { loopbackOnly } from '../channels/direct-line';
import { resolveLocale, translator } from '../i18n';
import { formatDateTime } from '../bot/views/view-context';
import { cardHtml, escapeHtml } from './card-html';
import { LOCAL_STEERING_CHANNEL } from './targets';

const REFRESH_SECONDS = 5;

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f3f2f1;color:#242424}
header{background:#464775;color:#fff;padding:12px 24px}header h1{font-size:18px;margin:0}
header p{margin:4px 0 0;opacity:.85;font-size:13px}main{max-width:760px;margin:0 auto;padding:16px}
article{background:#fff;border-radius:6px;box-shadow:0 1px 3px #0002;margin:0 0 16px;padding:4px 20px 12px}
.when{font-size:12px;color:#616161;border-bottom:1px solid #eee;padding:8px 0}
p{margin:6px 0}.b{font-weight:600}.small{font-size:13px}.large{font-size:20px}.subtle{color:#616161}
.c-accent{color:#4f52b2}.s-warning{background:#fff4ce;padding:4px 10px;margin:8px -10px}
.s-emphasis{background:#f5f5f5;padding:4px 10px;margin:8px -10px}div{margin-top:8px}
.button{display:inline-block;border:1px solid #8a8886;border-radius:4px;padding:4px 12px;color:#242424;text-decoration:none}
.empty{color:#616161}.pre{white-space:pre-wrap}`;

export interface FeedDeps {
  threads: (channelId: string) => ChannelThread[];
}

function threadHtml(
  thread: ChannelThread,
  t: ReturnType<typeof translator>,
  locale: 'nl' | 'en',
): string {
  const note = thread.activities[0];
  if (!note) return '';
  const card = (
    note.attachments as { contentType?: string; content?: Record<string, unknown> }[] | undefined
  )?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  const body = card?.content
    ? cardHtml(card.content)
    : `<p class="pre">${escapeHtml(typeof note.text === 'string' ? note.text : '')}</p>`;
  const posted = typeof note.timestamp === 'string' ? formatDateTime(note.timestamp, locale) : '';
  const updated = thread.lastUpdatedAt
    ? ` · ${escapeHtml(t('steering:feed.updated', { count: thread.updates, when: formatDateTime(thread.lastUpdatedAt, locale) }))}`
    : '';
  const replies =
    thread.activities.length > 1
      ? ` · ${escapeHtml(t('steering:feed.replies', { count: thread.activities.length - 1 }))}`
      : '';
  return `<article id="${escapeHtml(note.id)}"><p class="when">${escapeHtml(t('steering:feed.posted', { when: posted }))}${updated}${replies}</p>${body}</article>`;
}

/** The whole page: server-rendered, no scripts, no external resources, refreshed by the browser. */
export function feedPage(
  threads: ChannelThread[],
  lang: string | undefined,
  nonce: string,
): string {
  const locale = resolveLocale(lang);
  const t = translator(locale);
  const postedAt = (thread: ChannelThread): string => {
    const timestamp = thread.activities[0]?.timestamp;
    return typeof timestamp === 'string' ? timestamp : '';
  };
  const newest = [...threads].sort((a, b) => postedAt(b).localeCompare(postedAt(a)));
  const items = newest.map((thread) => threadHtml(thread, t, locale)).join('');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="${REFRESH_SECONDS}"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(t('steering:feed.title'))}</title><style nonce="${nonce}">${STYLE}</style></head>
<body><header><h1>${escapeHtml(t('steering:feed.title'))}</h1><p>${escapeHtml(t('steering:feed.intro'))}</p></header>
<main>${items || `<p class="empty">${escapeHtml(t('steering:feed.empty'))}</p>`}</main></body></html>`;
}

/**
 * `GET /steering` (local mode only): the local stand-in for the steering group's Teams channel,
 * listing the notes the bot posted there and how often it updated them. Read-only.
 */
export function mountSteeringFeed(server: Server, deps: FeedDeps): void {
  server.get('/steering', loopbackOnly, async (req: Request, res: Response) => {
    const nonce = randomBytes(16).toString('base64');
    const lang = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang') ?? undefined;
    const body = feedPage(deps.threads(LOCAL_STEERING_CHANNEL), lang, nonce);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'Cache-Control': 'no-store',
    });
    res.end(body);
  });
}
