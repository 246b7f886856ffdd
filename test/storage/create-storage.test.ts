import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BlobStorage,
  createStorage,
  MemoryStorage,
  SqliteStorage,
  StorageConfigError,
  storageConfigFromEnv,
} from '../../src/storage';
import { startAzurite } from '../helpers/azurite';

const SECRET = 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=c2VjcmV0;';

describe('createStorage', () => {
  test('opens a SQLite file at the configured path, creating its folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-factory-'));
    const file = path.join(dir, 'data', 'brugbot.sqlite');
    const storage = await createStorage({ kind: 'sqlite', sqlitePath: file });
    expect(storage).toBeInstanceOf(SqliteStorage);
    expect(fs.existsSync(file)).toBe(true);
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('opens memory storage', async () => {
    expect(await createStorage({ kind: 'memory' })).toBeInstanceOf(MemoryStorage);
  });

  test('connects to blob storage and creates the container', async () => {
    const azurite = await startAzurite();
    try {
      const config = { kind: 'blob' as const, blobConnectionString: azurite.connectionString };
      const storage = await createStorage({ ...config, blobContainer: 'factory-made' });
      expect(storage).toBeInstanceOf(BlobStorage);
      expect(await storage.health()).toMatchObject({
        ok: true,
        detail: expect.stringContaining('factory-made'),
      });
    } finally {
      await azurite.stop();
    }
  });

  test('names the missing setting when blob has no connection string', async () => {
    const call = createStorage({ kind: 'blob' });
    await expect(call).rejects.toBeInstanceOf(StorageConfigError);
    await expect(createStorage({ kind: 'blob', blobConnectionString: ' ' })).rejects.toThrow(
      'STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING',
    );
  });

  test('rejects an unknown kind and a bad container name without echoing secrets', async () => {
    const bad = { kind: 'blob', blobConnectionString: SECRET, blobContainer: 'Bad_Name' } as const;
    const error: unknown = await createStorage(bad).catch((e) => e);
    expect(error).toBeInstanceOf(StorageConfigError);
    expect(String(error)).toMatch(/AZURE_STORAGE_CONTAINER/);
    expect(String(error)).not.toContain('c2VjcmV0');
    // @ts-expect-error: an unknown kind, as it would arrive from the environment
    await expect(createStorage({ kind: 'cosmos' })).rejects.toThrow(/STORAGE must be/);
  });
});

describe('storageConfigFromEnv', () => {
  test('defaults to SQLite and reads the documented variables', () => {
    expect(storageConfigFromEnv({})).toEqual({ kind: 'sqlite' });
    expect(
      storageConfigFromEnv({
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: SECRET,
        AZURE_STORAGE_CONTAINER: 'plans',
        SQLITE_PATH: '',
      }),
    ).toEqual({ kind: 'blob', blobConnectionString: SECRET, blobContainer: 'plans' });
  });

  test('fails early, naming the variable, when STORAGE=blob lacks its connection string', () => {
    expect(() => storageConfigFromEnv({ STORAGE: 'blob' })).toThrow(
      'STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING',
    );
  });
});
