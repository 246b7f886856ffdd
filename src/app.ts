import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'restify';
import { AfterSave } from './after-save';
import {
  BrugApp,
  GuideHandler,
  HistoryHandler,
  LanguageHandler,
  PrivacyHandler,
  QuickQuestionHandler,
} from './bot';
import type { AppConfig } from './config';
import { Guide, loadGuideDefinition } from './guide';
import { getI18n } from './i18n';
import { mountLocalChannels } from './channels';
import { createLogger, type Logger } from './logging';
import { paths, repoRoot } from './paths';
import { backfillMemberIndex, PlanStore, UserPrefsStore } from './plans';
import { createQnaService } from './qna';
import { createHost } from './hosts';
import { createServer, mountDevClockRoute } from './server';
import { createStorage, planUrl, type BrugStorage } from './storage';
import { createSsoVerifier, mountTab, tabSsoSettings } from './tab';
import { createInsight } from './insight';
import { DownloadStore } from './downloads';
import { purgeDownloads, purgeExpired, scheduleRetention } from './privacy';
import { ConnectorTransport } from './connector';
import { createSteering, mountSteeringFeed } from './steering';
import { DocumentsHandler, ExportHandler } from './export';
import { createFollowup, isWorkingHours, SchedulerClock } from './followup';

/** Retention is measured in days; checking a few times a day is plenty. */
const RETENTION_INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface App {
  server: Server;
  storage: BrugStorage;
  logger: Logger;
  /** Resolves with the URL the server listens on. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Builds every part once: a broken guide definition or config fails here, before listening. */
export async function createApp(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel),
): Promise<App> {
  getI18n();
  const guide = new Guide(loadGuideDefinition(path.join(paths.content, 'guide', 'guide.json')));
  const storage = await createStorage(config.storage);
  const plans = new PlanStore(storage, guide, {
    historyBudgetBytes: config.historyBudgetBytes,
    logger,
  });
  const prefs = new UserPrefsStore(storage);
  const downloads = new DownloadStore(storage, Date.now, config.downloads);
  let listeningUrl = '';
  const baseUrl = () => config.publicBaseUrl ?? listeningUrl;
  const now = () => new Date();
  const host = await createHost(config, logger);
  const insight = await createInsight({
    storage,
    logger,
    now,
    retentionDays: config.insight.retentionDays,
    conversationDays: config.retentionDays,
    otlpMetricsUrl: config.insight.otlpMetricsUrl,
  });
  // The one after-save pipeline: every committed change's effects, handed to the reactions below.
  const afterSave = new AfterSave(logger);
  // One Connector client for every message the bot sends on its own (steering notes, check-ins).
  const transport = new ConnectorTransport(host.outboundToken);
  const steering = createSteering({
    config,
    transport,
    storage,
    guide,
    plans,
    logger,
    now,
    listeningUrl: () => listeningUrl,
  });
  const privacy = new PrivacyHandler({
    storage,
    plans,
    prefs,
    downloads,
    baseUrl,
    logger,
    now,
    afterSave,
  });
  const followup = createFollowup({
    config,
    storage,
    guide,
    plans,
    logger,
    transport,
    clock: new SchedulerClock(now),
    afterSave,
  });
  // What reacts to a committed change, in this order: the steering note, the follow-up, the counters.
  afterSave.reactWith(steering.handler, followup.handler, insight.counter);
  const exportDeps = { guide, plans, downloads, baseUrl, logger, now };
  const exporter = new ExportHandler(exportDeps);
  const qna = createQnaService();
  const guideHandler = new GuideHandler({
    guide,
    plans,
    qna,
    steering: steering.handler,
    afterSave,
    logger,
    now,
    planUrl: (planKey) => planUrl(baseUrl(), planKey),
  });
  const app = new BrugApp({
    handlers: {
      guide: guideHandler,
      quickQuestions: new QuickQuestionHandler({
        qna,
        plans,
        feedback: insight.feedback,
        usage: insight.counter,
      }),
      language: new LanguageHandler({ prefs, guide: guideHandler }),
      privacy,
      history: new HistoryHandler({ guide, plans, logger }),
      steering: steering.handler,
      exporter,
      documents: new DocumentsHandler(exportDeps),
      followup: followup.handler,
      feedback: insight.feedback,
    },
    logger,
  });
  const server = createServer({
    host,
    app,
    storage,
    downloads,
    logger,
    version: packageVersion(),
    allowedTenants: config.allowedTenants,
    rateLimit: config.rateLimit,
    localMode: config.localMode,
    bodyTimeoutMs: config.requestBodyTimeoutMs,
    infoPage: !config.localMode,
    outboxLength: () => steering.outboxLength(),
  });
  // Local mode only: Web Chat at `/` over a local Direct Line; in production Azure is the channel.
  const localChannels = config.localMode ? mountLocalChannels(server, { logger }) : undefined;
  // Local mode: the steering channel is the local one, and /steering shows what was posted there.
  if (localChannels)
    mountSteeringFeed(server, {
      threads: (channelId) => localChannels.channelThreads(channelId),
      versions: () => steering.versions(),
    });
  // Local mode only: move the follow-up clock and see a check-in arrive (README, "Follow-up").
  if (config.localMode)
    mountDevClockRoute(server, {
      set: (to) => followup.clock.set(to),
      runDue: () => followup.runDue(),
      isWorkingHours,
      logger,
    });
  // The plan tab Teams frames; with credentials its API wants a Teams SSO token, locally none.
  const sso = tabSsoSettings(config);
  mountTab(server, { plans, guide, downloads, logger, now, sso, limits: config.tabLimits });
  // Usage figures: loopback locally; with credentials a Teams SSO token of an INSIGHT_ADMINS member.
  insight.mount(
    server,
    { ...(sso ? { verify: createSsoVerifier(sso) } : {}), admins: config.insight.admins },
    (entryId, locale) => qna.byId(entryId, locale)?.title ?? entryId,
  );
  let stopRetention = () => {};
  let stopDownloadPurge = () => {};
  return {
    server,
    storage,
    logger,
    listen: () =>
      new Promise((resolve) => {
        server.listen(config.port, config.host, () => {
          const { port } = server.address();
          listeningUrl = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
          const purge = async () => {
            await insight.purge(now());
            return purgeExpired(
              { storage, plans, downloads, logger, afterSave },
              config.retentionDays,
              now(),
            );
          };
          stopRetention = scheduleRetention(purge, RETENTION_INTERVAL_MS, logger);
          // Expired links hold whole plans: gone within minutes, not at the next retention run.
          stopDownloadPurge = scheduleRetention(
            () => purgeDownloads(storage, downloads),
            config.downloads.purgeMs,
            logger,
          );
          // Plans stored before the tab's index by member existed: indexed once, between turns.
          backfillMemberIndex(storage, plans).catch((e: unknown) =>
            logger.error({ err: (e as Error).name }, 'member index backfill failed'),
          );
          steering.start();
          followup.start();
          resolve(listeningUrl);
        });
      }),
    close: async () => {
      stopRetention();
      stopDownloadPurge();
      await steering.stop();
      await followup.stop();
      await insight.close();
      await localChannels?.close();
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      // Idle keep-alive sockets would otherwise hold the close (and the process) open.
      server.server.closeIdleConnections();
      await closed;
      await plans.logBudget.idle();
      await storage.close();
    },
  };
}
