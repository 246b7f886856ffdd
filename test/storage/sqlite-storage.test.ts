import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EtagConflictError, SqliteStorage } from '../../src/storage';
import { describeStorageContract } from './storage-contract';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-sqlite-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
const freshPath = (): string => path.join(dir, `nested/folder/store-${++fileCount}.sqlite`);

describeStorageContract('SqliteStorage', async () => {
  const file = freshPath();
  return {
    storage: new SqliteStorage(file),
    kind: 'sqlite',
    plantCorrupt: async (key, raw) => {
      const db = new Database(file);
      db.prepare(
        `INSERT INTO documents (key, json, etag, updated_at) VALUES (?, ?, 'planted', 0)
         ON CONFLICT (key) DO UPDATE SET json = excluded.json`,
      ).run(key, raw);
      db.close();
    },
  };
});

describe('SqliteStorage on disk', () => {
  test('creates the folder, uses WAL and keeps key, json, etag and updated_at per row', async () => {
    const file = freshPath();
    const storage = new SqliteStorage(file);
    const before = Date.now();
    await storage.write({ plan: { v: 1, eTag: '*' } });
    await storage.close();

    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const row = db.prepare('SELECT key, json, etag, updated_at FROM documents').get();
    db.close();
    expect(row).toEqual({
      key: 'plan',
      json: '{"v":1}',
      etag: expect.any(String),
      updated_at: expect.any(Number),
    });
    expect((row as { updated_at: number }).updated_at).toBeGreaterThanOrEqual(before);
  });

  test('documents and eTags survive closing and reopening the file (a restart)', async () => {
    const file = freshPath();
    const first = new SqliteStorage(file);
    await first.write({ plan: { answers: ['ja'] } });
    const { eTag } = (await first.read(['plan'])).plan!;
    await first.close();

    const second = new SqliteStorage(file);
    expect((await second.read(['plan'])).plan).toEqual({ answers: ['ja'], eTag });
    await second.write({ plan: { answers: ['ja', 'nee'], eTag } });
    await second.close();
  });

  test('two connections on one file see each other and honour each other’s eTags', async () => {
    const file = freshPath();
    const [a, b] = [new SqliteStorage(file), new SqliteStorage(file)];
    await a.write({ plan: { by: 'a' } });
    const seen = (await b.read(['plan'])).plan!;
    await a.write({ plan: { by: 'a again', eTag: seen.eTag } });
    await expect(b.write({ plan: { by: 'b', eTag: seen.eTag } })).rejects.toBeInstanceOf(
      EtagConflictError,
    );
    expect((await b.read(['plan'])).plan?.by).toBe('a again');
    await Promise.all([a.close(), b.close()]);
  });
});
