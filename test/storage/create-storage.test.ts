import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, DEFAULT_SQLITE_PATH, loadConfig } from '../../src/config';
import { repoRoot } from '../../src/paths';
import {
  createStorage,
  MemoryStorage,
  SqliteStorage,
  StorageConfigError,
  type StorageConfig,
} from '../../src/storage';
import { BlobStorage } from '../../src/storage/blob-storage';
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
      const storage = await createStorage({
        kind: 'blob',
        blobConnectionString: azurite.connectionString,
        blobContainer: 'factory-made',
      });
      expect(storage).toBeInstanceOf(BlobStorage);
      expect(await storage.health()).toMatchObject({
        ok: true,
        detail: expect.stringContaining('factory-made'),
      });
    } finally {
      await azurite.stop();
    }
  });

  test('refuses a kind from outside the type system', async () => {
    const cosmos = { kind: 'cosmos' } as unknown as StorageConfig;
    await expect(createStorage(cosmos)).rejects.toBeInstanceOf(StorageConfigError);
  });
});

describe('storage settings, read once by loadConfig', () => {
  test('default to one SQLite file under data/ in the repository', () => {
    expect(DEFAULT_SQLITE_PATH).toBe(path.join(repoRoot, 'data', 'brugbot.sqlite'));
    expect(loadConfig({}).storage).toEqual({ kind: 'sqlite', sqlitePath: DEFAULT_SQLITE_PATH });
    expect(loadConfig({ SQLITE_PATH: ' ' }).storage).toEqual({
      kind: 'sqlite',
      sqlitePath: DEFAULT_SQLITE_PATH,
    });
  });

  test('take a relative SQLITE_PATH from the repository root, wherever the process started', () => {
    expect(loadConfig({ SQLITE_PATH: './data/other.sqlite' }).storage).toEqual({
      kind: 'sqlite',
      sqlitePath: path.join(repoRoot, 'data', 'other.sqlite'),
    });
    const absolute = path.join(os.tmpdir(), 'x.sqlite');
    expect(loadConfig({ SQLITE_PATH: absolute }).storage).toEqual({
      kind: 'sqlite',
      sqlitePath: absolute,
    });
  });

  test('give only the chosen store its settings', () => {
    expect(
      loadConfig({
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: SECRET,
        AZURE_STORAGE_CONTAINER: 'plans',
        SQLITE_PATH: '',
      }).storage,
    ).toEqual({ kind: 'blob', blobConnectionString: SECRET, blobContainer: 'plans' });
    expect(
      loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: SECRET }).storage,
    ).toEqual({ kind: 'blob', blobConnectionString: SECRET, blobContainer: 'brugbot-state' });
    expect(loadConfig({ STORAGE: 'memory' }).storage).toEqual({ kind: 'memory' });
  });

  test('fail early, naming the variable, without echoing secrets', () => {
    expect(() => loadConfig({ STORAGE: 'blob' })).toThrow(
      'STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING',
    );
    expect(() => loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: ' ' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ STORAGE: 'cosmos' })).toThrow(/STORAGE: must be sqlite, blob/);
    let error: unknown;
    try {
      loadConfig({
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: SECRET,
        AZURE_STORAGE_CONTAINER: 'Bad_Name',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toMatch(/AZURE_STORAGE_CONTAINER/);
    expect(String(error)).not.toContain('c2VjcmV0');
  });
});
