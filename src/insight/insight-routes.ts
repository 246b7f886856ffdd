import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { getI18n, isLocale, pickLocale, type Locale } from '../i18n';
import type { Logger } from '../logging';
import { paths } from '../paths';
import {
  cachedReader,
  loopbackGuard,
  sendStaticFile,
  strictCsp,
  type StaticFiles,
} from '../server';
import { TAB_FRAME_ANCESTORS, type TabUser } from '../tab';
import { dayOf } from './counters';
import { insightReport } from './insight-report';
import type { UsageStore } from './usage-store';

const PAGE_DIR = path.join(paths.public, 'insight');
const DAY_MS = 86_400_000;
/** The default range, and the longest one asked at once (the buckets' default retention). */
const DEFAULT_DAYS = 30;
const MAX_DAYS = 400;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const at = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(at.getTime()) && dayOf(at) === d;
  }, 'not a calendar day');
const query = z.object({
  from: day.optional(),
  to: day.optional(),
  lang: z.string().max(16).optional(),
});

export interface InsightRouteDeps {
  store: UsageStore;
  logger: Logger;
  now: () => Date;
  /** A knowledge-base entry's title in a language (the feedback table). */
  titleOf: (entryId: string, locale: Locale) => string;
  /** Teams SSO token check; undefined in local mode (loopback only, no token). */
  verify?: (authorization: string | undefined) => Promise<TabUser>;
  /** Entra object ids (lower-case) that may read the figures with credentials. */
  admins: string[];
}

const JS = 'application/javascript; charset=utf-8';
const chartJs = () => path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
/** A Map, so `/insight/static/constructor` finds nothing. */
const STATIC_FILES: StaticFiles = new Map([
  ['chart.js', { file: chartJs, type: JS }],
  ['teams-js.js', { file: () => require.resolve('@microsoft/teams-js'), type: JS }],
  ['insight.js', { file: () => path.join(PAGE_DIR, 'insight.js'), type: JS }],
  [
    'insight.css',
    { file: () => path.join(PAGE_DIR, 'insight.css'), type: 'text/css; charset=utf-8' },
  ],
]);

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function refuse(res: Response, status: number, error: string, message: string): void {
  res.send(status, { error, message });
}

/**
 * `GET /api/insight?from=YYYY-MM-DD&to=YYYY-MM-DD[&lang=nl|en]`: the usage figures for those
 * UTC days (default: the last 30). Local mode: loopback only, no token. With credentials: a
 * Teams SSO token of someone in INSIGHT_ADMINS; anyone else, token or not, gets 403.
 * `/insight` is the page that draws them (it holds no data itself).
 */
export function mountInsight(server: Server, deps: InsightRouteDeps): void {
  const { allows: localGuard } = loopbackGuard({
    who: 'Without credentials the insight page',
    open: Boolean(deps.verify),
  });
  const isAdmin = async (req: Request): Promise<boolean> => {
    if (!deps.verify) return true;
    const user = await deps.verify(req.headers.authorization).catch(() => undefined);
    return user !== undefined && deps.admins.includes(user.oid.toLowerCase());
  };

  server.get('/api/insight', async (req: Request, res: Response) => {
    if (!localGuard(req, res)) return;
    if (!(await isAdmin(req))) {
      deps.logger.info('insight refused: not an insight admin');
      return refuse(res, 403, 'Forbidden', 'Only the configured insight admins see these figures.');
    }
    const params = Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
    const parsed = query.safeParse(params);
    const to = parsed.data?.to ?? dayOf(deps.now());
    const from = parsed.data?.from ?? dayOf(new Date(Date.parse(to) - (DEFAULT_DAYS - 1) * DAY_MS));
    const span = (Date.parse(to) - Date.parse(from)) / DAY_MS;
    if (!parsed.success || span < 0 || span >= MAX_DAYS) {
      return refuse(
        res,
        400,
        'BadRange',
        `from and to are days (YYYY-MM-DD), from not after to, at most ${MAX_DAYS} days.`,
      );
    }
    const locale = pickLocale({ channel: parsed.data.lang });
    try {
      const report = await insightReport(deps.store, { from, to }, (id) =>
        deps.titleOf(id, locale),
      );
      res.setHeader('Cache-Control', 'no-store');
      res.send(200, report);
    } catch (error) {
      deps.logger.warn({ err: (error as Error).name }, 'insight figures unavailable');
      refuse(res, 503, 'Unavailable', 'The figures cannot be read now; try again.');
    }
  });

  const template = fs.readFileSync(path.join(PAGE_DIR, 'index.html'), 'utf8');
  const read = cachedReader(STATIC_FILES);
  server.get('/insight', async (req: Request, res: Response) => {
    if (!localGuard(req, res)) return;
    const locale = pickLocale({
      channel: new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang'),
    });
    const t = getI18n().getFixedT(locale, 'insight');
    const body = template.replace(/\{\{([\w.]+)\}\}/g, (_m, key: string) =>
      escapeHtml(key === 'lang' ? locale : t(key)),
    );
    // The admin tab is framed by Teams, so the CSP names who may embed it (as the plan tab does).
    res.removeHeader('X-Frame-Options');
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Content-Security-Policy': strictCsp(TAB_FRAME_ANCESTORS),
      'Cache-Control': 'no-cache',
    });
    res.end(body);
  });
  server.get('/insight/static/:name', async (req: Request, res: Response) => {
    if (!localGuard(req, res)) return;
    if (!sendStaticFile(res, read, (req.params as Record<string, unknown>).name))
      refuse(res, 404, 'NotFound', 'No such file.');
  });
  server.get('/insight/strings/:lang', async (req: Request, res: Response) => {
    if (!localGuard(req, res)) return;
    const lang = (req.params as Record<string, unknown>).lang;
    if (!isLocale(lang)) return refuse(res, 404, 'NotFound', 'Languages: nl, en.');
    res.setHeader('Cache-Control', 'no-cache');
    res.send(200, getI18n().getResourceBundle(lang, 'insight'));
  });
}
