import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStorage } from '../../src/storage';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('the SQLite files hold names and answers, so only the bot user may read them', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-perm-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('creates the data folder 0700 and the database, -wal and -shm files 0600', async () => {
    const dir = path.join(root, 'data');
    const file = path.join(dir, 'brugbot.sqlite');
    const store = new SqliteStorage(file);
    await store.write({ 'plan/msteams/a': { answers: { orgName: 'Gemeente Zele' }, eTag: '*' } });
    try {
      expect(mode(dir)).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`])
        expect([f, mode(f)]).toEqual([f, 0o600]);
    } finally {
      await store.close();
    }
  });

  it('tightens database files that an older version left readable by others', async () => {
    const dir = path.join(root, 'old');
    const file = path.join(dir, 'brugbot.sqlite');
    const first = new SqliteStorage(file);
    await first.write({ k: { v: 1, eTag: '*' } });
    await first.close();
    fs.chmodSync(file, 0o644);
    const again = new SqliteStorage(file);
    try {
      expect(mode(file)).toBe(0o600);
    } finally {
      await again.close();
    }
  });
});
