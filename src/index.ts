import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger, routeConsoleToLogger } from './logging';

const SHUTDOWN_DEADLINE_MS = 10_000;

/** Composition root: config, app, listen, and a clean stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // botbuilder prints refused tokens (with the channel's key) over several lines: one JSON line each.
  routeConsoleToLogger(logger);
  const app = await createApp(config, logger);
  const url = await app.listen();
  logger.info(
    { url, localMode: config.localMode, storage: config.storage.kind, sdk: config.botSdk },
    'Brugbot is listening',
  );
  // The one line a newcomer needs, printed plainly in local mode. With credentials stdout is for
  // log collectors: JSON lines only (the listening line above carries the URL).
  if (config.localMode)
    process.stdout.write(
      `\nBrugbot: open ${url}/ in your browser (bot endpoint ${url}/api/messages)\n\n`,
    );
  // Stop accepting, let turns in flight finish and be saved, then exit; a hung socket gets 10 s.
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Brugbot could not start: ${message}\n`);
  process.exit(1);
});
