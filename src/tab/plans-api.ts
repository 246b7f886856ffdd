import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { DownloadLimitError, type DownloadStore } from '../downloads';
import { planProgress } from '../followup';
import { answerValues, type Guide } from '../guide';
import { pickLocale } from '../i18n';
import { DOCUMENT_IDS } from '../presentation';
import type { Logger } from '../logging';
import type { PlanStore } from '../plans';
import { visiblePlans, type Viewer } from './plan-access';
import { exportPlan } from './plan-export';
import { PLAN_REF } from '../storage';
import { TabAuthError, type TabUser } from './sso-token';
import { tabLimiter, tooMany, type TabRateLimits } from './tab-limits';
import { tabPlanView } from '../presentation/tab';
import { queryOf } from './tab-pages';

export interface PlansApiDeps {
  plans: PlanStore;
  guide: Guide;
  downloads: DownloadStore;
  logger: Logger;
  now: () => Date;
  /** Validates the Teams SSO token; undefined in local mode, where no token is asked for. */
  verify?: (authorization: string | undefined) => Promise<TabUser>;
  limits: TabRateLimits;
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
  /** Pages of PLANS_PER_PAGE, from 1; the answer says whether there is a next one. */
  page: z.coerce.number().int().min(1).max(10_000).default(1),
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
 * Both are rate-limited per person and per tenant (exports more strictly), answering 429 with
 * `Retry-After`; so is an export that would pass the download caps (`src/downloads`).
 */
export function mountPlansApi(
  server: Server,
  deps: PlansApiDeps,
  guard: (req: Request, res: Response) => boolean,
): void {
  const admit = tabLimiter(deps.limits);
  /** The caller, admitted by the rate limits, or undefined once a refusal has been sent. */
  const viewerOf = async (
    req: Request,
    res: Response,
    isExport = false,
  ): Promise<Viewer | undefined> => {
    const viewer = await identify(req, res);
    return viewer && admit(viewer, res, isExport) ? viewer : undefined;
  };
  const identify = async (req: Request, res: Response): Promise<Viewer | undefined> => {
    res.setHeader('Cache-Control', 'no-store');
    if (!guard(req, res)) return undefined;
    if (!deps.verify) return { kind: 'local' };
    try {
      const user = await deps.verify(req.header('Authorization'));
      return { kind: 'teamsUser', oid: user.oid, tid: user.tid };
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
    const { channelId, conversationId, plan, lang, page } = query.data;
    const locale = pickLocale({ channel: lang });
    // A plan asked for by its link that this viewer may not see gives an empty list: nothing of it.
    const visible = await visiblePlans(
      deps.plans,
      viewer,
      { channelId, conversationId, ref: plan },
      page,
    );
    res.send(200, {
      mode: viewer.kind === 'local' ? 'local' : 'teams',
      locale,
      plans: visible.plans.map((p) =>
        tabPlanView(
          deps.guide,
          p,
          locale,
          planProgress(answerValues(p.state), locale, p.state.updatedAt),
        ),
      ),
      ...(visible.more ? { nextPage: page + 1 } : {}),
    });
  });

  server.post('/api/tab/plans/export', async (req: Request, res: Response) => {
    const viewer = await viewerOf(req, res, true);
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
    const [plan] = (await visiblePlans(deps.plans, viewer, { conversationId })).plans;
    if (!plan) {
      refuse(res, 404, 'NotFound', 'No such plan for you.');
      return;
    }
    const owner =
      viewer.kind === 'local' ? { userId: 'local' } : { userId: viewer.oid, tenantId: viewer.tid };
    try {
      const now = deps.now();
      res.send(
        200,
        await exportPlan(
          deps,
          plan.key,
          plan.state,
          pickLocale({ channel: lang }),
          format,
          now,
          owner,
          document,
        ),
      );
    } catch (error) {
      if (!(error instanceof DownloadLimitError)) throw error;
      const who = error.scope === 'user' ? 'You have' : 'Your organisation has';
      tooMany(
        res,
        (error.retryAt - deps.now().getTime()) / 1000,
        `${who} as many download links as allowed; try again when one expires.`,
      );
    }
  });
}
