import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { DownloadStore } from '../downloads';
import type { Guide } from '../guide';
import { resolveLocale } from '../i18n';
import { DOCUMENT_IDS } from '../presentation';
import type { Logger } from '../logging';
import type { BrugStorage } from '../storage';
import { visiblePlans, type Viewer } from './plan-access';
import { exportPlan } from './plan-export';
import { PLAN_REF, planRef } from '../storage';
import { TabAuthError, type TabUser } from './sso-token';
import { tabPlanView } from './tab-model';
import { queryOf } from './tab-pages';

export interface PlansApiDeps {
  storage: BrugStorage;
  guide: Guide;
  downloads: DownloadStore;
  logger: Logger;
  now: () => Date;
  /** Validates the Teams SSO token; undefined in local mode, where no token is asked for. */
  verify?: (authorization: string | undefined) => Promise<TabUser>;
}

/** Teams ids are far shorter; the limit keeps a hostile query from reaching storage. */
const id = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[^\u0000-\u001f\u007f]+$/);
const listQuery = z.object({
  channelId: id.optional(),
  conversationId: id.optional(),
  /** One plan, as the steering note's link names it (storage/keys.ts); narrows, never widens. */
  plan: z.string().regex(PLAN_REF).optional(),
  lang: z.string().max(16).optional(),
});
const exportBody = z.object({
  conversationId: id,
  format: z.enum(['docx', 'md']).default('docx'),
  lang: z.string().max(16).optional(),
  /** One of the documents written from the plan; without it, all answers. */
  document: z.enum(DOCUMENT_IDS).optional(),
});

// Never `return res.send(...)` from these async handlers: restify logs a returned value whole,
// request headers (and so the bearer token) included.
function refuse(res: Response, status: number, error: string, message: string): void {
  res.send(status, { error, message });
}

/**
 * `GET /api/tab/plans[?channelId=…|conversationId=…][&lang=nl|en]`: the plans the caller may
 * see (the rule is in `plan-access.ts`), as read-only views. `POST /api/tab/plans/export`
 * (`{ conversationId, format: 'docx' | 'md', lang, document? }`): a short-lived download link for
 * one of those plans (all answers, or one of the documents written from it), made at the moment
 * of the request.
 * With credentials both want a Teams SSO token; a refused token gets 401 and no data at all.
 */
export function mountPlansApi(
  server: Server,
  deps: PlansApiDeps,
  guard: (req: Request, res: Response) => boolean,
): void {
  /** The caller, or undefined once a refusal has been sent. */
  const viewerOf = async (req: Request, res: Response): Promise<Viewer | undefined> => {
    res.setHeader('Cache-Control', 'no-store');
    if (!guard(req, res)) return undefined;
    if (!deps.verify) return { kind: 'local' };
    try {
      return { kind: 'teamsUser', oid: (await deps.verify(req.header('Authorization'))).oid };
    } catch (error) {
      if (!(error instanceof TabAuthError)) throw error;
      deps.logger.info({ reason: error.reason }, 'tab token refused');
      res.setHeader('WWW-Authenticate', 'Bearer');
      refuse(res, 401, 'Unauthorized', 'A valid Teams sign-in token is required.');
      return undefined;
    }
  };

  server.get('/api/tab/plans', async (req: Request, res: Response) => {
    const viewer = await viewerOf(req, res);
    if (!viewer) return;
    const query = listQuery.safeParse(Object.fromEntries(queryOf(req)));
    if (!query.success) {
      refuse(
        res,
        400,
        'BadRequest',
        'channelId and conversationId are Teams ids; plan is a plan link.',
      );
      return;
    }
    const { channelId, conversationId, plan, lang } = query.data;
    const locale = resolveLocale(lang);
    const visible = await visiblePlans(deps.storage, viewer, { channelId, conversationId });
    // A plan asked for by its link that this viewer may not see gives an empty list: nothing of it.
    const plans = plan ? visible.filter((p) => planRef(p.key) === plan) : visible;
    res.send(200, {
      mode: viewer.kind === 'local' ? 'local' : 'teams',
      locale,
      plans: plans.map((p) => tabPlanView(deps.guide, p, locale)),
    });
  });

  server.post('/api/tab/plans/export', async (req: Request, res: Response) => {
    const viewer = await viewerOf(req, res);
    if (!viewer) return;
    // JSON only: another site's page cannot send that without a CORS preflight we never approve.
    const body = exportBody.safeParse(req.body);
    if (!String(req.header('Content-Type') ?? '').startsWith('application/json') || !body.success) {
      refuse(
        res,
        400,
        'BadRequest',
        'Send JSON: { "conversationId": "…", "format": "docx" | "md", "document"?: "collegeNote" | … }.',
      );
      return;
    }
    const { conversationId, format, lang, document } = body.data;
    const [plan] = await visiblePlans(deps.storage, viewer, { conversationId });
    if (!plan) {
      refuse(res, 404, 'NotFound', 'No such plan for you.');
      return;
    }
    res.send(
      200,
      await exportPlan(
        deps,
        plan.key,
        plan.state,
        resolveLocale(lang),
        format,
        deps.now(),
        document,
      ),
    );
  });
}
