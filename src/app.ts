import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { BrugBot } from './bot/brug-bot';
import type { AppConfig } from './config';
import { Guide, loadGuideDefinition } from './guide';
import { getI18n } from './i18n';
import { createLogger, type Logger } from './logging';
import { paths, repoRoot } from './paths';
import { PlanStore, UserPrefsStore } from './plans';
import { createQnaService } from './qna';
import { createAdapter } from './server/adapter';
import { createServer } from './server/create-server';
import { createStorage, type BrugStorage } from './storage';

export interface App {
  server: Server;
  storage: BrugStorage;
  logger: Logger;
  /** Resolves with the URL the server listens on. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

function packageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Builds every part once: a broken guide definition or config fails here, before listening. */
export async function createApp(config: AppConfig, logger: Logger = createLogger(config.logLevel)): Promise<App> {
  getI18n();
  const guide = new Guide(loadGuideDefinition(path.join(paths.content, 'guide', 'guide.json')));
  const storage = await createStorage({
    kind: config.storage.kind,
    sqlitePath: config.storage.sqlitePath,
    blobConnectionString: config.storage.blobConnectionString,
    blobContainer: config.storage.blobContainer,
  });
  const bot = new BrugBot({
    guide,
    plans: new PlanStore(storage, guide),
    prefs: new UserPrefsStore(storage),
    qna: createQnaService(),
    logger,
  });
  const adapter = createAdapter(config, logger);
  const server = createServer({ adapter, bot, storage, logger, version: packageVersion() });
  return {
    server,
    storage,
    logger,
    listen: () =>
      new Promise((resolve) => {
        server.listen(config.port, config.host, () => {
          const { port } = server.address() as AddressInfo;
          resolve(`http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`);
        });
      }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
    },
  };
}
