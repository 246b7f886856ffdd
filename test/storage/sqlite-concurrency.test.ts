import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStorage } from '../../src/storage';
import { expectNoLostUpdates, runWorkers } from './fixtures/run-workers';

const KEY = 'plan/19:race@thread.tacv2';

test('two processes updating one SQLite document 500 times each lose no item', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-sqlite-race-'));
  const sqlitePath = path.join(dir, 'shared.sqlite');
  try {
    const summaries = await runWorkers({
      storage: { kind: 'sqlite', sqlitePath },
      key: KEY,
      workers: ['a', 'b'],
      count: 500,
      // Two processes hammering one document collide far more often than colleagues do;
      // the generous budget keeps the test about lost updates, not about the retry budget.
      maxAttempts: 100,
      backoffMs: 2,
      // A low ceiling keeps a loser in the race instead of sleeping while the other finishes.
      maxBackoffMs: 20,
      turnLatencyMs: 2,
      thinkMs: 2,
    });
    const storage = new SqliteStorage(sqlitePath);
    const doc = (await storage.read([KEY]))[KEY] as { items?: unknown } | undefined;
    await storage.close();

    expectNoLostUpdates(doc?.items, ['a', 'b'], 500);
    // Some writes lost the race and were redone on the winner's result.
    expect(summaries.reduce((sum, s) => sum + s.attempts, 0)).toBeGreaterThan(1000);
    console.info('SQLite race', summaries);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
