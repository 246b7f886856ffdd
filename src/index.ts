import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logging';

/** Composition root: config, app, listen, and a clean stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await createApp(config, logger);
  const url = await app.listen();
  logger.info({ url, localMode: config.localMode, storage: config.storage.kind }, 'Brugbot is listening');
  // The one line a newcomer needs, printed plainly even when logs are JSON.
  process.stdout.write(`\nBrugbot: open ${url}/ in your browser (bot endpoint ${url}/api/messages)\n\n`);
  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`Brugbot could not start: ${message}\n`);
  process.exit(1);
});
