import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../src/paths';
import { createStorage } from '../../src/storage';
import { ActivityFactory } from '../helpers/activities';
import { cardsIn } from '../helpers/bot-server';
import { spawnBot } from '../helpers/bot-process';
import { FakeConnector } from '../helpers/fake-connector';
import { tempSqlite } from '../plans/group-contention';
import { forwardAction } from '../helpers/card-walker';

type Json = Record<string, unknown>;

describe('the bot process', () => {
  it('refuses to start with a configuration error that names the variable', async () => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        path.join(repoRoot, 'test/helpers/register-ts.js'),
        path.join(repoRoot, 'src/index.ts'),
      ],
      {
        env: {
          ...process.env,
          PORT: '0',
          STORAGE: 'blob',
          AZURE_STORAGE_CONNECTION_STRING: '',
          MicrosoftAppId: '',
        },
      },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('AZURE_STORAGE_CONNECTION_STRING');
  });

  it('finishes the turns in flight on SIGTERM, saves them, and exits cleanly', async () => {
    const connector = new FakeConnector();
    await connector.start();
    const db = tempSqlite();
    const bot = await spawnBot({ STORAGE: 'sqlite', SQLITE_PATH: db.file });
    try {
      const chat = new ActivityFactory({ serviceUrl: connector.url });
      await bot.post(chat.message('start'));
      const card = cardsIn(connector.messagesTo(chat.conversationId)).pop()!;
      const next = forwardAction(card)!.data as Json;
      const inFlight = Array.from({ length: 15 }, (_, i) =>
        bot.post(chat.submit({ ...next, nav: 'stay', q_orgName: `Gemeente ${i}` })),
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      const exited = new Promise<number | null>((resolve) => bot.child.once('exit', resolve));
      bot.child.kill('SIGTERM');
      const statuses = await Promise.all(inFlight);
      expect(await exited).toBe(0);
      expect(statuses.every((s) => s === 200 || s === 0)).toBe(true);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
      const storage = await createStorage({ kind: 'sqlite', sqlitePath: db.file });
      const key = `plan/msteams/${chat.conversationId}`;
      expect(((await storage.read([key]))[key] as { answers: Json }).answers.orgName).toBeDefined();
      await storage.close();
    } finally {
      await bot.kill();
      await connector.stop();
      db.cleanup();
    }
  }, 60_000);
});
