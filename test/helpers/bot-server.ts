import pino from 'pino';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger, type Logger } from '../../src/logging';
import { FakeConnector } from './fake-connector';

export interface RunningBot {
  url: string;
  app: App;
  connector: FakeConnector;
  /** POSTs an activity to /api/messages; resolves with the HTTP status once the turn is done. */
  post(
    activity: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

/** Starts the real app (restify + CloudAdapter) on a free loopback port with a fake Connector. */
export async function startBot(
  env: Record<string, string> = {},
  logger?: Logger,
): Promise<RunningBot> {
  const connector = new FakeConnector();
  await connector.start();
  const config = loadConfig({
    PORT: '0',
    STORAGE: 'memory',
    LOG_LEVEL: 'silent',
    // The protocol suites run once per host (jest.config.js, project "agents host").
    ...(process.env.BOT_SDK ? { BOT_SDK: process.env.BOT_SDK } : {}),
    ...env,
  });
  const app = await createApp(config, logger ?? fileLogger());
  const url = await app.listen();
  return {
    url,
    app,
    connector,
    async post(activity, headers = {}) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      return { status: res.status, body: await res.text() };
    },
    async stop() {
      await app.close();
      await connector.stop();
    },
  };
}

/**
 * With BRUGBOT_TEST_LOG=<file>, the bots the tests start append their logs there (at debug), so
 * a failing test can be read against what the bot did. Without it the bots are silent.
 */
function fileLogger(): Logger | undefined {
  const file = process.env.BRUGBOT_TEST_LOG;
  return file
    ? createLogger('debug', pino.destination({ dest: file, append: true, sync: true }))
    : undefined;
}

type Attachment = { contentType: string; content: Record<string, unknown> };

/** The Adaptive Cards in the messages the bot sent, newest last. */
export function cardsIn(messages: { body: Record<string, unknown> }[]): Record<string, unknown>[] {
  return messages.flatMap((m) =>
    ((m.body.attachments as Attachment[] | undefined) ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((a) => a.content),
  );
}

export function textsIn(messages: { body: Record<string, unknown> }[]): string[] {
  return messages.map((m) => m.body.text).filter((t): t is string => typeof t === 'string');
}
