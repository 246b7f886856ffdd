import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStorage } from '../../src/storage';
import { until } from '../helpers/until';

const PAGE = 4096;
const AUTO_CHECKPOINT_PAGES = 1000;

/**
 * The WAL header's checkpoint sequence number (bytes 12-15, big-endian): it moves each time the
 * WAL starts over, which happens only after a checkpoint has copied every frame.
 */
function walRestarts(file: string): number {
  const header = Buffer.alloc(16);
  const fd = fs.openSync(`${file}-wal`, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  return header.readUInt32BE(12);
}

const doc = (i: number) => ({ text: 'x'.repeat(16_000), i });

async function burst(storage: SqliteStorage, writes: number): Promise<void> {
  for (let i = 0; i < writes; i++) await storage.write({ [`plan/t/${i % 20}`]: doc(i) });
}

describe('SQLite checkpoints happen off the turn', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-wal-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the serving connection never checkpoints inside a write, however long the WAL', async () => {
    const file = path.join(dir, 'brugbot.sqlite');
    const storage = new SqliteStorage(file, { checkpointIntervalMs: 60_000 });
    try {
      const before = walRestarts(file);
      await burst(storage, 1200);
      // SQLite's own default would have checkpointed (and restarted the WAL) past 1 000 pages.
      expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(AUTO_CHECKPOINT_PAGES * PAGE);
      expect(walRestarts(file)).toBe(before);
    } finally {
      await storage.close();
    }
  });

  it('the worker thread checkpoints, so the WAL starts over and stays short', async () => {
    const file = path.join(dir, 'brugbot.sqlite');
    const storage = new SqliteStorage(file, { checkpointIntervalMs: 100 });
    try {
      await burst(storage, 100);
      const before = walRestarts(file);
      await until(
        async () => {
          await storage.write({ 'plan/t/probe': { at: Date.now() } });
          return walRestarts(file);
        },
        (restarts) => restarts !== before,
        5000,
      );
      expect(Object.keys(await storage.read(['plan/t/0', 'plan/t/probe']))).toHaveLength(2);
    } finally {
      await storage.close();
    }
  });
});
