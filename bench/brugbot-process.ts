/**
 * Brugbot as the bench runs it: the real createApp with the environment the bench sets
 * (default SQLite storage on a temp file, local mode), plus the same IPC control as the
 * baseline. Mirrors src/index.ts, which prints its URL for people instead of over IPC.
 */
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { serveBenchControl } from './child-control';

async function main(): Promise<void> {
  const app = await createApp(loadConfig(process.env));
  const url = await app.listen();
  serveBenchControl(url, () => app.close());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `brugbot-process: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
