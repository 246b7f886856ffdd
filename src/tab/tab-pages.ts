import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { paths } from '../paths';
import { getI18n, isLocale, pickLocale, type Locale } from '../i18n';
import { cachedReader, sendStaticFile, strictCsp, type StaticFiles } from '../server';

const PAGE_DIR = path.join(paths.public, 'tab');

/**
 * Hosts allowed to frame the tab, from Microsoft's tab requirements ("Microsoft 365 app host
 * frame-ancestor permission"): Teams, the Microsoft 365 app and Outlook, which also show
 * personal tabs, and the newer `*.cloud.microsoft` domain they all move to.
 */
export const TAB_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
] as const;

/** Everything from this origin only; only Teams, Outlook and Microsoft 365 may embed the tab. */
const TAB_CSP = strictCsp(TAB_FRAME_ANCESTORS);

/** The TeamsJS browser bundle from node_modules: served by us, since the CSP (and no CDN) allow nothing else. */
function teamsJsBundlePath(): string {
  return require.resolve('@microsoft/teams-js');
}

const JS = 'application/javascript; charset=utf-8';
/** A Map, not an object literal: a request for `/tab/static/constructor` must find nothing. */
const STATIC_FILES: StaticFiles = new Map([
  ['teams-js.js', { file: teamsJsBundlePath, type: JS }],
  ['tab.js', { file: () => path.join(PAGE_DIR, 'tab.js'), type: JS }],
  ['config.js', { file: () => path.join(PAGE_DIR, 'config.js'), type: JS }],
  ['tab-common.js', { file: () => path.join(PAGE_DIR, 'tab-common.js'), type: JS }],
  ['tab-progress.js', { file: () => path.join(PAGE_DIR, 'tab-progress.js'), type: JS }],
  ['tab.css', { file: () => path.join(PAGE_DIR, 'tab.css'), type: 'text/css; charset=utf-8' }],
]);

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The page's strings: the `page` and `config` parts of `locales/<lng>/tab.json`. */
function tabStrings(locale: Locale): Record<string, unknown> {
  const bundle = getI18n().getResourceBundle(locale, 'tab') as Record<string, unknown>;
  return { page: bundle.page, config: bundle.config };
}

/**
 * Fills `{{lang}}` and `{{page.title}}`-style placeholders, so the first paint is already in
 * the right language; the script re-applies the strings once Teams says which locale it uses.
 */
function renderTemplate(template: string, locale: Locale): string {
  const t = getI18n().getFixedT(locale, 'tab');
  return template.replace(/\{\{([\w.]+)\}\}/g, (_m, key: string) =>
    escapeHtml(key === 'lang' ? locale : t(key)),
  );
}

export function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

function sendPage(res: Response, body: string): void {
  // create-server sends `X-Frame-Options: DENY` everywhere; the tab must be framed by Teams,
  // and the CSP's frame-ancestors says by whom.
  res.removeHeader('X-Frame-Options');
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': TAB_CSP,
    'Cache-Control': 'no-cache',
  });
  res.end(body);
}

/**
 * `/tab` (content page), `/tab/config` (configurable-tab setup), their scripts and styles, and
 * their strings. These pages hold no data; the plans come from `/api/tab/plans`.
 */
export function mountTabPages(
  server: Server,
  guard: (req: Request, res: Response) => boolean,
): void {
  const templates = {
    content: fs.readFileSync(path.join(PAGE_DIR, 'index.html'), 'utf8'),
    config: fs.readFileSync(path.join(PAGE_DIR, 'config.html'), 'utf8'),
  };
  const read = cachedReader(STATIC_FILES);
  const page = (template: string) => async (req: Request, res: Response) => {
    if (!guard(req, res)) return;
    sendPage(res, renderTemplate(template, pickLocale({ channel: queryOf(req).get('lang') })));
  };
  server.get('/tab', page(templates.content));
  server.get('/tab/config', page(templates.config));

  server.get('/tab/static/:name', async (req: Request, res: Response) => {
    if (!guard(req, res)) return;
    if (!sendStaticFile(res, read, (req.params as Record<string, unknown>).name)) {
      res.send(404, { error: 'NotFound', message: 'No such file.' });
    }
  });

  server.get('/tab/strings/:lang', async (req: Request, res: Response) => {
    if (!guard(req, res)) return;
    const lang = (req.params as Record<string, unknown>).lang;
    if (!isLocale(lang)) {
      res.send(404, { error: 'NotFound', message: 'Languages: nl, en.' });
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.send(200, tabStrings(lang));
  });
}
